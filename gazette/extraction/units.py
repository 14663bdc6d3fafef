"""Units: the county's directory as its documents name it, proposed after a county's first import. No Django here.

Names are read from the other proposals: the units of tasks (责任单位, 牵头单位, 配合单位 in brackets and tables),
roster titles naming a unit (`县发改局局长` → 县发改局), collective roster lines listing units (成员单位), the office
a group's office sits in (办公室设在X), and the units a leader supervises or liaises with (分管, 联系). Each name keeps
the lines it appears on.

Forms of one unit are grouped, conservatively:

- a name and its county variant (县财政局 ↔ 青岚县财政局; with ``county`` given only that county's own prefix counts,
  else only when one prefix is seen), a township and its government (东关镇 ↔ 东关镇人民政府);
- a name printed with another in brackets (县人民政府办公室（县外事办公室）: one office under two names);
- a short form whose characters the long form holds in order (县住建局 ⊂ 县住房和城乡建设管理局), only for departments,
  only when exactly one long form holds it, and not when the long form merely goes on after the short one
  (县自然资源局 → 县自然资源局执法大队 is a unit below it).

Names are compared in buckets (by county-variant key; by key's first and last characters), so the work grows with
the number of names, not with its square.
"""

import re
from dataclasses import dataclass, field

from gazette.parsing.result import Span
from gazette.parsing.text import squeeze

from .common import CJK, DocumentRef, split_outside_brackets

TOWNSHIP, VILLAGE, ENTERPRISE, DEPARTMENT = "township", "village", "enterprise", "department"

_LEVELS = "县区市旗"
# A unit's name ends like one: 局, 委, 办, 中心, 公司, 镇, 村, 社区, 大队…
_UNIT_END = re.compile(r"(?:[局委办院部室队站所府镇乡心司团行会社馆处厂校园场台村厅]|街道|学)$")
_NOT_IN_NAME = re.compile(r"[：:。，,、；;“”\"《》<>0-9０-９/／]|[局委办院]县|常委(?!会)")
# Words of a collective mention (各乡镇, 县直有关单位, 相关部门, 成员单位), never one unit.
_COLLECTIVE = re.compile(r"各|有关|相关|所属|其他|其它|成员单位|等单位|等部门|乡镇|乡（镇）|乡\(镇\)|镇（街道）")
_GENERIC = re.compile(
    r"(?:县直|全县|本县|县|市直|全市)?"
    r"(?:乡镇|乡（镇）|乡\(镇\)|镇（街道）|镇\(街道\)|乡镇（街道）|乡|镇|街道|村|社区|村（社区）|村\(社区\)|行政村"
    r"|村委会|村民委员会|居委会|单位|部门|企业|学校|医院|机关|职能部门|执法部门|行业主管部门|主管部门)"
    r"(?:人民政府|政府|党委|单位|部门)?"
)
# The county government itself (and its party committee): the county's root, not a unit below it.
_COUNTY_ITSELF = re.compile(rf"^(?:[{CJK}]{{1,3}}[{_LEVELS}]|[{_LEVELS}])(?:人民政府|政府|委)$")
_PREFIXED = re.compile(rf"^(?P<prefix>[{CJK}]{{1,3}}?)(?P<level>[{_LEVELS}])(?P<rest>.{{2,}})$")
_TOWNSHIP_GOVERNMENT = re.compile(r"^(?P<township>.+[乡镇])(?:人民政府|政府)$")
_BRACKET = re.compile(r"^(?P<outer>[^（(]+)[（(](?P<inner>[^（()）]*)[）)]$")
_TRAILING_NOTE = re.compile(r"[（(][^（()）]{0,8}[）)]$")  # （兼）, （挂职） after a title

# Posts closing a title: the unit is what comes before (县发改局党组书记 → 县发改局).
_POSTS = (
    "主要负责人|负责人|主任委员|常务副主任|主任科员|主任|大队长|中队长|支队长|队长|副局长|局长|书记|站长|所长|行长|"
    "总经理|经理|董事长|院长|检察长|庭长|校长|园长|馆长|社长|处长|科长|部长|主席|秘书长|政委|教导员|会长|理事长|"
    "乡长|镇长|县长|区长|市长|村长|主任医师"
)
_TITLE = re.compile(
    rf"^(?P<unit>.+?)(?:党组|党委|党工委|党总支|党支部)?(?:主持日常工作的|分管|主要)?(?:常务|执行|第一)?副?"
    rf"(?:{_POSTS})$"
)


@dataclass(frozen=True)
class UnitOccurrence:
    document: DocumentRef
    span: Span


@dataclass
class UnitProposal:
    name: str  # the longest form
    short_name: str  # the shortest form, "" when it is the name
    aliases: list[str]  # the other forms, county variants of name and short name left out
    kind: str  # department, township, village, enterprise
    occurrences: list[UnitOccurrence] = field(default_factory=list)  # in reading order, the first first

    @property
    def document(self):
        return self.occurrences[0].document

    @property
    def span(self):
        return self.occurrences[0].span

    @property
    def forms(self):
        return [self.name, *([self.short_name] if self.short_name else []), *self.aliases]


# --- Names --------------------------------------------------------------------------------------------------------


def normalise_unit(text):
    """The unit a written name stands for, as written but for white space, a leading 各 and a trailing note
    (（兼）); None for a collective mention (各乡（镇）, 县直各有关单位), the county government itself, or text that is
    not a unit's name."""
    name = squeeze(text or "").strip("。，,；;、等")
    if name.startswith("各"):
        name = name[1:]
        if not name or _GENERIC.fullmatch(name):
            return None
    bracket = _BRACKET.match(name)
    if bracket and not _bracketed_units(name):
        name = bracket["outer"]  # a note (（兼）, （牵头）), not another name
        bracket = None
    core = bracket["outer"] if bracket else name
    if not 3 <= len(core) <= 40 or _NOT_IN_NAME.search(core) or _COLLECTIVE.search(name):
        return None
    if _GENERIC.fullmatch(core) or _COUNTY_ITSELF.match(core) or not _UNIT_END.search(core):
        return None
    return name


def _bracketed_units(name):
    """The names a bracket after a unit's name gives it besides (县人民政府办公室（县外事办公室、…）), else []."""
    match = _BRACKET.match(name)
    if not match:
        return []
    inner = [piece for piece in re.split(r"[、，,]", match["inner"]) if piece]
    units = [normalise_unit(piece) for piece in inner]
    return units if units and all(units) else []


def unit_of_title(title):
    """The unit a title names before its post (县发改局局长, 县财政局主要负责人 → 县…局); each of several posts
    (县委副书记、县人民政府县长) is read on its own. Returns the units found, as written, in order."""
    found = []
    for part in re.split(r"[、，,]", squeeze(title or "")):
        part = _TRAILING_NOTE.sub("", part)
        match = _TITLE.match(part)
        if match and (unit := normalise_unit(match["unit"])) and unit not in found:
            found.append(unit)
    return found


def units_in_list(text):
    """The units of a collective roster line (成员：县发改局、县财政局、县住建局主要负责人): names and titles."""
    found = {}  # in first-seen order; a dict, so that a long list is not searched again for each name
    for piece in split_outside_brackets(squeeze(text or ""), "、，,；;"):
        units = unit_of_title(piece) or [name for name in [normalise_unit(piece)] if name]
        found.update(dict.fromkeys(units))
    return list(found)


def guess_kind(name):
    """township (乡, 镇, 街道), village (村, 社区), enterprise (公司, 集团), else department."""
    name = _BRACKET.match(name)["outer"] if _BRACKET.match(name) else name
    if "公司" in name or "集团" in name:
        return ENTERPRISE
    if re.search(r"(?:[乡镇]|[乡镇](?:人民)?政府|街道|街道办事处)$", name):
        return TOWNSHIP
    if re.search(r"(?:村|社区|村委会|村民委员会|居委会|居民委员会)$", name):
        return VILLAGE
    return DEPARTMENT


# --- Collecting ---------------------------------------------------------------------------------------------------


def _mentions(extraction):
    """(name as written, span) of every unit one document's proposals name, in line order."""
    found = []
    for roster in extraction.rosters:
        for member in roster.members:
            if member.kind == "unit":  # a member unit (成员单位) is a unit's name as written
                found += [(unit, member.span) for unit in [normalise_unit(member.title)] if unit]
            else:
                found += [(unit, member.span) for unit in unit_of_title(member.title)]
        for placeholder in roster.placeholders:
            found += [(unit, roster.span) for unit in units_in_list(placeholder)]
        if roster.office_host and (unit := normalise_unit(roster.office_host)):
            found.append((unit, roster.span))
    for task in extraction.tasks:
        for assignment in task.units:
            if unit := normalise_unit(assignment.name):
                found.append((unit, task.span))
    for portfolio in extraction.portfolios:
        span = portfolio.span or Span(0, 0)
        for written in [*portfolio.supervises, *portfolio.liaises]:
            if unit := normalise_unit(written):
                found.append((unit, span))
    return sorted(found, key=lambda item: item[1].start)  # stable: same line keeps reading order


class _Forms:
    """Union-find over the written forms, each with its occurrences in first-seen order."""

    def __init__(self):
        self.order = {}  # form -> first-seen position
        self.occurrences = {}
        self.parent = {}
        self.others = set()  # names a bracket gives a unit besides its own: aliases, never its name
        self.prefixed = set()  # forms with the county's name (青岚县财政局): the resolver reads them from 县财政局

    def add(self, form, occurrence=None):
        if form not in self.order:
            self.order[form] = len(self.order)
            self.occurrences[form] = []
            self.parent[form] = form
        if occurrence is not None:
            self.occurrences[form].append(occurrence)  # (reading position, UnitOccurrence)

    def root(self, form):
        while self.parent[form] != form:
            self.parent[form] = self.parent[self.parent[form]]
            form = self.parent[form]
        return form

    def union(self, one, other):
        one, other = self.root(one), self.root(other)
        if one != other:
            first, second = sorted((one, other), key=self.order.get)
            self.parent[second] = first

    def groups(self):
        grouped = {}
        for form in self.order:
            grouped.setdefault(self.root(form), []).append(form)
        return sorted(grouped.values(), key=lambda forms: self.order[forms[0]])


def extract_units(extractions, county=None) -> list[UnitProposal]:
    """The units the issue's proposals name, one proposal per unit with all its forms and where each appears.

    ``county``: the gazette's county (青岚县, 青岚县人民政府), when known: only its own name counts as the county prefix
    of a name (青岚县财政局 = 县财政局, while 桐溪县财政局 is another county's).
    """
    forms = _Forms()
    seen = 0
    for extraction in extractions:
        for written, span in _mentions(extraction):
            seen += 1
            forms.add(written, (seen, UnitOccurrence(extraction.document, span)))
            outer = _BRACKET.match(written)
            if outer and (others := _bracketed_units(written)):
                forms.add(outer["outer"])
                forms.union(written, outer["outer"])
                for other in others:
                    forms.add(other)
                    forms.others.add(other)
                    forms.union(written, other)
    county = _county_short(county)
    keys = _merge_variants(forms, county)
    _merge_short_forms(forms, keys)
    return [_proposal(group, forms, keys) for group in forms.groups() if _plain(group)]


def _plain(group):
    """A group with at least one form that is a unit's name on its own (not `X（Y）`)."""
    return any(not _BRACKET.match(form) for form in group)


def _county_short(county):
    county = squeeze(county or "")
    county = re.sub(r"(?:人民政府|政府)$", "", county)
    return county if len(county) >= 2 and county[-1] in _LEVELS else ""


def _variant_key(form, county):
    """The form with the county's own name cut to its level (青岚县财政局 → 县财政局) and a township's government to
    the township (东关镇人民政府 → 东关镇), and the prefix that was cut ("" when none)."""
    township = _TOWNSHIP_GOVERNMENT.match(form)
    if township and guess_kind(form) == TOWNSHIP:
        form = township["township"]
    if form[0] in _LEVELS:
        return form, ""
    match = _PREFIXED.match(form)
    if match is None or (county and match["prefix"] + match["level"] != county):
        return form, ""
    return match["level"] + match["rest"], match["prefix"] + match["level"]


def _merge_variants(forms, county):
    """Forms sharing a variant key are one unit, unless (without a known county) several prefixes share it."""
    buckets = {}
    for form in list(forms.order):
        if _BRACKET.match(form):
            continue
        key, prefix = _variant_key(form, county)
        buckets.setdefault(key, []).append((form, prefix))
    level = county[-1] if county else "县"
    for key in [key for key in buckets if key[0] not in _LEVELS and level + key in buckets]:
        if guess_kind(key) == DEPARTMENT and not _PREFIXED.match(key):  # 林业局 beside 县林业局
            buckets[level + key] += buckets.pop(key)
    keys = {}
    forms.prefixed = {form for members in buckets.values() for form, prefix in members if prefix}
    for key, members in buckets.items():
        prefixes = {prefix for _form, prefix in members if prefix}
        if len(prefixes) > 1:  # 青岚县财政局, 桐溪县财政局 and 县财政局: which is ours cannot be told
            for form, _prefix in members:
                keys[form] = form
            continue
        for form, _prefix in members:
            keys[form] = key
            forms.union(members[0][0], form)
    return keys


# The most names one bucket compares pairwise: a real county has at most a few dozen that share the first and last
# character; a crafted gazette must not make the work grow with the square of its size.
MAX_BUCKET = 64


def _merge_short_forms(forms, keys):
    """县住建局 ⊂ 县住房和城乡建设管理局: merged when the long key is the only one holding the short key's characters
    in order; departments only; buckets by level, first and last character of the key without its level."""
    buckets = {}
    for key in set(keys.values()):
        if guess_kind(key) != DEPARTMENT:
            continue
        level = key[0] if key[0] in _LEVELS else ""
        core = key[len(level) :]
        core = core[:-2] if core.endswith("办公室") else core  # 县政府办公室 and 县政府办 in one bucket
        if len(core) >= 2:
            buckets.setdefault((level, core[0], core[-1]), []).append(key)
    by_key = {}
    for form, key in keys.items():
        by_key.setdefault(key, form)
    for bucket in buckets.values():
        if len(bucket) > MAX_BUCKET:
            continue  # compared pairwise: a crowd of look-alike names is left for the reviewer to merge
        for short in bucket:
            longer = [long for long in bucket if len(long) > len(short) and _holds(long, short)]
            if len(longer) == 1:
                forms.union(by_key[short], by_key[longer[0]])


def _holds(long, short):
    """``long`` holds ``short``'s characters in order, and is not ``short`` followed by a unit below it."""
    if short in long:
        return long == short + "公室"  # 县政府办 = 县政府办公室; else a unit below it (…局执法大队)
    if short.endswith(("办公室", "委员会")):
        return False  # a full name already: 县政府办公室 is not 县政府新闻办公室
    position = 0
    for char in long:
        if position < len(short) and char == short[position]:
            position += 1
    return position == len(short)


def _proposal(group, forms, keys):
    plain = [form for form in group if not _BRACKET.match(form)]
    own = [form for form in plain if form not in forms.others] or plain
    name = max(own, key=len)  # the first longest
    short = min(own, key=lambda form: (keys.get(form, form) != form, len(form)))  # 县政府办 rather than 政府办
    named = {keys.get(name, name), keys.get(short, short)}
    aliases = [
        form
        for form in plain
        if form not in (name, short) and not (form in forms.prefixed and keys.get(form, form) in named)
    ]
    occurrences = sorted(occurrence for form in group for occurrence in forms.occurrences[form])
    return UnitProposal(
        name=name,
        short_name="" if short == name else short,
        aliases=list(dict.fromkeys(aliases)),
        kind=guess_kind(name),
        occurrences=list(dict.fromkeys(occurrence for _seen, occurrence in occurrences)),
    )


__all__ = [
    "UnitOccurrence",
    "UnitProposal",
    "extract_units",
    "guess_kind",
    "normalise_unit",
    "unit_of_title",
    "units_in_list",
]
