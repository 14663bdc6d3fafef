"""Normalising organisation names as documents write them. Pure Python: no Django."""

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def normalise_name(text):
    """Fold full-width forms and drop all white space: '县 卫体局' and '县卫体局' compare equal."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def county_variants(name, county_short_name):
    """The same unit written with or without the county's own name: 兴县财政局 ↔ 县财政局."""
    variants = {name}
    if not county_short_name:
        return variants
    level = county_short_name[-1]  # 县, 区, 市 or 旗: what "the county" is called in short
    if name.startswith(county_short_name) and len(name) > len(county_short_name):
        variants.add(level + name[len(county_short_name) :])
    elif name.startswith(level) and len(name) > 1:
        variants.add(county_short_name + name[1:])
    return variants


_NAME_LIST = re.compile(r"[、，,；;\n\r]+")


def split_names(text):
    """The names in a text that lists several, separated by 、 (or a comma, semicolon or new line), normalised."""
    return [name for name in (normalise_name(part) for part in _NAME_LIST.split(text or "")) if name]
