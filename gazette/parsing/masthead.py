"""The masthead: gazette name and county (某县人民政府公报, 某县政报, 某某政报), `2023 年第 4 期（总第 10 期）` or
`2021 第2期` + `(总第2期)`, years and numbers in Chinese numerals too (二〇二四年第三期), the publication date
(`…出版`, `…印发`, `出版日期：…`, `某某办公室编　2024年6月28日`, or the masthead's only date). A name without a
county's ending (石门政报) gives the gazette, not the county: the importer asks for that."""

import re

from .numbers import CN_NUMERALS, DATE, cn_number, parse_date
from .result import IssueMeta
from .text import ends_terminal, squeeze

_GAZETTE = re.compile(r"^(?P<name>.{1,12}?)(?:人民政府公报|政府公报|政报)$")
_COUNTY = re.compile(r"^.{1,12}?(?:县|市|区|旗)$")
_ISSUE = re.compile(rf"(?P<year>(?:19|20)\d\d|[{CN_NUMERALS}]{{4}})年?第(?P<number>\d{{1,3}}|[{CN_NUMERALS}]{{1,4}})期")
_MASTHEAD_LINE = 40
_CUMULATIVE = re.compile(rf"总第(?P<cumulative>\d{{1,4}}|[{CN_NUMERALS}]{{1,6}})期")
_PUBLISHED = re.compile(
    rf"(?P<before>(?:出版|印发|编印|发行)(?:日期|时间)[:：]?)?(?P<date>{DATE.pattern})(?P<after>出版|印发|编印|发行)?"
)

# A sentence opening with a date: the first line of a document, not of the masthead (编印：…，2024年6月28日 is).
_DATED_SENTENCE = re.compile(rf"^{DATE.pattern}[，,]")


def parse_masthead(lines):
    """Issue data from the lines before the table of contents (or the first document); None where not printed."""
    gazette = county = year = number = cumulative = published = None
    for line in lines:
        text = squeeze(line)
        if gazette is None and (match := _GAZETTE.match(text)):
            gazette, county = text, match["name"] if _COUNTY.match(match["name"]) else None
        if year is None and (match := _ISSUE.search(text)):
            year, number = _number(match["year"]), _number(match["number"])
            if year is None or number is None:
                year = number = None
        if cumulative is None and (match := _CUMULATIVE.search(text)):
            cumulative = _number(match["cumulative"])
        if published is None:
            marked = (match for match in _PUBLISHED.finditer(text) if match["before"] or match["after"])
            if match := next(marked, None):
                published = parse_date(match["date"])
    if published is None:
        # Printed with no word beside it (某某办公室编　2024年6月28日): the masthead's only date is the issue's.
        dates = {parse_date(match[0]) for text in _masthead_proper(lines) for match in DATE.finditer(text)}
        published = dates.pop() if len(dates) == 1 else None
    return IssueMeta(gazette, county, year, number, cumulative, published)


def _masthead_proper(lines):
    """The short lines before any title or sentence: without a table of contents, the lines before the first
    document's number can hold the start of that document, whose dates are not the issue's (minutes open with the
    meeting's date: 2026年2月10日，县长…主持召开…)."""
    for line in lines:
        text = squeeze(line)
        if "关于" in text or _DATED_SENTENCE.match(text) or ends_terminal(text) or len(text) > _MASTHEAD_LINE:
            return
        yield text


def _number(written):
    """A number in digits or Chinese numerals; None for numerals that make none (十十)."""
    try:
        return cn_number(written)
    except KeyError:
        return None
