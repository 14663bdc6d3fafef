"""Phases: the labelled stages of a plan with their dates.

Three ways of printing them: a label ending in 阶段 with its dates in brackets, after a numbered marker or as
第N阶段 (`（一）前期摸底阶段（2023年11月30日—2023年12月15日）`, `第一阶段（10月—12月）：动员部署。`, the bracket
possibly wrapped onto the next line); `第一阶段：摸底动员、自行整改。时间为2022年5月15日至2022年6月15日。`,
`第一阶段：动员部署（2025年3月1日至3月15日）。`;
`2025年7月至9月为集中攻坚阶段`, several in one sentence; `1.动员部署阶段：2025年4月1日至4月10日。`; and,
under a heading that names the steps or the schedule (`四、实施步骤`, `一、时间安排`), the items of its first numbered
level whose heading is followed by dates in brackets (`(一) 组织部署，宣传发动(2020年5月—6月)。`), even when the
label does not say 阶段. Items of a deeper level (`1. 春耕备耕（4月）。` under a stage) are steps of a stage, not
stages.

The dates are kept as written; reading them is the deadline parser's job, which the gazette app does not know. The
reference a phase carries is the date a year left out is read against. Phases of one plan follow one another, so a
phase whose dates name no year takes the year of the phase before it (the next year if it would start before that
one did), or, for the first, the year the plan's headings name (its title: `2024年春季…方案`; the first year of a
range: `2023—2024年度`), checked against the next phase that names its year (`第一阶段（10月—12月）` before
`第二阶段（2024年1月—3月）` is in 2023). Such a year is given as its 1 January, so that `11月—次年2月` runs from
November of that year. Without either, the reference is the document's signing date and the deadline parser places
the months around it.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from gazette.parsing.result import Span

from .common import DocumentRef, Source, join_lines

_NUMERAL = "一二三四五六七八九十"
_MARKER = rf"(?:[（(][{_NUMERAL}]+[）)]|[{_NUMERAL}]+[、.．]|\d{{1,2}}[.．、])"
_BRACKETED = re.compile(
    rf"^(?P<marker>{_MARKER}|第[{_NUMERAL}]+阶段[：:])?\s*(?P<label>[^（()）：:。，；]{{1,24}}?阶段)\s*"
    r"[（(](?P<dates>[^（()）]{2,40})[）)]"
    r"(?:\s*[：:]\s*(?P<name>[^。；;：:（()）]{1,20})(?=[。；;]|$))?"
)
_ORDINAL_LABEL = re.compile(rf"^第[{_NUMERAL}]+阶段$")
_ORDINAL = re.compile(
    rf"^(?P<label>第[{_NUMERAL}]+阶段)[：:](?P<name>[^。；（(]{{1,30}})"
    r"(?:[（(](?P<bracketed>[^（()）]{2,40})[）)])?[。；]"
    r"(?:时间(?:为|是|：|:)?(?P<dates>[^。；]{4,40})[。；])?"
)
# A numbered stage whose dates follow its label's colon: 1.动员部署阶段：2025年4月1日至4月10日。
_COLON = re.compile(
    rf"^(?P<marker>{_MARKER})\s*(?P<label>[^（()）：:。，；]{{1,24}}?阶段)\s*[：:]\s*"
    r"(?:时间(?:为|是)?)?(?P<dates>[^。；;，,：:]{4,40}?)\s*[。；;]?$"
)
_DATES_FIRST = re.compile(r"\d{1,4}\s*[年月]|即日|自\d|从\d")
# A stage under a steps heading, its label saying no 阶段: marker, label, dates in brackets.
_STEP = re.compile(
    rf"^(?P<marker>{_MARKER})\s*(?P<label>[^（()）：:。；;]{{1,24}}?)\s*[（(](?P<dates>[^（()）]{{2,40}})[）)]"
)
# A sentence giving a stage its dates: (dates)为(label ending in 阶段), one clause each.
_PROSE = re.compile(r"(?P<dates>[^；;。，,为]{2,40}?)(?:为|是)(?P<label>[^；;。，,为是]{2,16}?阶段)(?=[；;。，,]|$)")
_DATE_WORDS = re.compile(r"\d.*[年月日]|[年月]")
_STEP_DATES = re.compile(r"\d\s*[年月]")
_JOINED_LINES = 3  # a label and its dates wrapped over at most this many lines
_PROSE_LINES = 8  # a sentence of stages wrapped over at most this many lines more
_SENTENCE_END = re.compile(r"[。！？]\s*$")

# A top-level heading (四、实施步骤) and those that open a schedule of stages.
_TOP_HEADING = re.compile(rf"^[{_NUMERAL}]+、")
_STEPS_HEADING = re.compile(r"步骤|阶段|时间安排|进度安排|时间节点|实施计划|推进计划|工作安排|方法步骤")
_MARKER_KINDS = (
    ("paren", re.compile(rf"^[（(][{_NUMERAL}]+[）)]")),
    ("numeral", re.compile(rf"^[{_NUMERAL}]+[、.．]")),
    ("digit", re.compile(r"^\d{1,2}[.．、](?!\d)")),
)

# Years in a heading: a range names its first year (2023—2024年度 → 2023); a date line (the signature) names none.
_HEADING_YEAR = re.compile(r"(?<!\d)(\d{4})\s*(?:年\s*)?(?:[—–\-~～至到]\s*\d{4}\s*)?年")
_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_HEADING_LENGTH = 40
_NEAR_SIGNING = 1  # a heading's year further than this from the signing year is a citation, not the plan's year
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*(?:月|(?=[—–\-~～至到]\s*\d{1,2}\s*月))")
_NEXT_YEAR = re.compile(r"次年|翌年|第二年|明年|来年")


@dataclass
class PhaseProposal:
    document: DocumentRef
    label: str  # 前期摸底阶段; 第一阶段：摸底动员、自行整改
    dates_text: str | None  # 2023年11月30日—2023年12月15日, as written
    reference: date | None  # what a year left out is read against: the signing date, or 1 January of the plan's year
    raw: str  # the label and its dates as printed, wrapped lines joined
    span: Span


def extract_phases(source: Source) -> list[PhaseProposal]:
    phases, heading_year = [], None
    steps_level, in_steps = None, False
    number = source.first
    while number <= source.last:
        text = source.text(number)
        if _TOP_HEADING.match(text):
            in_steps, steps_level = bool(_STEPS_HEADING.search(text)) and len(text) <= 20, None
        elif in_steps and steps_level is None:
            steps_level = _marker_kind(text)
        heading_year = _heading_year(text) or heading_year
        found = _phase_at(source, number, steps_level if in_steps else None)
        if found:
            phases.append((found, _near_signing(heading_year, source.ref.signed)))
            number = found.span.end
        else:
            year = _near_signing(heading_year, source.ref.signed)
            found, number = _prose_phases(source, number, text)
            phases += [(phase, year) for phase in found]
        number += 1
    _place_years(phases, source.ref.signed)
    return [phase for phase, _ in phases]


def _marker_kind(text):
    return next((kind for kind, pattern in _MARKER_KINDS if pattern.match(text)), None)


def _heading_year(text):
    """The year a heading line names (its last year expression), None for a sentence or a date line."""
    if not text or len(text) > _HEADING_LENGTH or re.search(r"[。；;]", text) or _DATE_LINE.match(text):
        return None
    found = _HEADING_YEAR.findall(text)
    return int(found[-1]) if found else None


def _near_signing(year, signed):
    return year if year and (signed is None or abs(year - signed.year) <= _NEAR_SIGNING) else None


def _phase_at(source, number, steps_level):
    text = source.text(number)
    if not text or ("阶段" not in text and steps_level is None) or "\t" in text:
        return None  # a phase starts on its label's line, not on the blank line before it
    pieces = [text]
    following = number
    while len(pieces) < _JOINED_LINES and following < source.last:
        following += 1
        pieces.append(source.text(following))
    for count in range(1, len(pieces) + 1):
        joined = join_lines(pieces[:count])
        phase = _read(source, joined, number, number + count - 1, steps_level)
        if phase:
            return phase
    return None


def _read(source, text, first, last, steps_level):
    match = _BRACKETED.match(text)
    if match and _DATE_WORDS.search(match["dates"]):
        marker = match["marker"] or ""
        label = match["label"]
        if marker.startswith("第"):
            label = f"{marker}{label}"
        elif not marker and not _ORDINAL_LABEL.match(label):
            return None  # a sentence that mentions a stage, not a stage's heading
        named = match["name"] and not marker and _ORDINAL_LABEL.match(label)
        if named:
            label = f"{label}：{match['name'].strip()}"  # 第一阶段（10月—12月）：动员部署。
        raw = text[: match.end("name") if named else match.end("dates") + 1]
        return _proposal(source, label, match["dates"], raw, first, last)
    match = _ORDINAL.match(text)
    written = match and (match["dates"] or match["bracketed"])  # 第一阶段：动员部署（2025年3月1日至3月15日）。
    if match and (written is None or _DATE_WORDS.search(written)):
        dates = written.strip() if written else None
        label = f"{match['label']}：{match['name']}"
        return _proposal(source, label, dates, match.group(), first, last)
    match = _COLON.match(text)
    if match and _DATES_FIRST.match(match["dates"]):
        return _proposal(source, match["label"], match["dates"], match.group(), first, last)
    match = _STEP.match(text) if steps_level else None
    if match and _marker_kind(text) == steps_level and _STEP_DATES.search(match["dates"]):
        return _proposal(source, match["label"].strip(), match["dates"], match.group(), first, last)
    return None


def _prose_phases(source, number, text):
    """Stages a sentence assigns dates to: 即日起至2025年6月30日为宣传发动阶段；2025年7月至9月为集中攻坚阶段. With
    the line number the sentence ends on: a sentence that narrow wrapping cut (…为宣传发动 | 阶段；…) is read whole."""
    if "\t" in text:
        return [], number
    last, pieces = number, [text]
    while "为" in text and not _SENTENCE_END.search(pieces[-1]) and last < min(source.last, number + _PROSE_LINES):
        following = source.text(last + 1)
        if not following or "\t" in following or _TOP_HEADING.match(following) or _marker_kind(following):
            break
        last += 1
        pieces.append(following)
    text = join_lines(pieces)
    found = [
        _proposal(source, match["label"], match["dates"], match.group(), number, last)
        for match in _PROSE.finditer(text)
        if "阶段" in text and _STEP_DATES.search(match["dates"])
    ]
    return found, (last if found else number)


def _proposal(source, label, dates, raw, first, last):
    dates = dates.strip() if dates else None
    return PhaseProposal(source.ref, label, dates, source.ref.signed, raw, Span(first, last))


# --- Years left out -------------------------------------------------------------------------------------------------


@dataclass
class _Months:
    """A rough reading of a phase's dates: enough to order phases, not to date them."""

    first_month: int
    last_month: int
    first_year: int | None  # as written before the first month
    last_year: int | None  # as written, or the first year plus one for 次年


def _months(dates):
    if not dates:
        return None
    text = unicodedata.normalize("NFKC", dates)
    months = [int(month) for month in _MONTH.findall(text)]
    years = [(match.start(), int(match[1])) for match in _YEAR.finditer(text)]
    if not months:
        if not years:
            return None
        return _Months(1, 12, years[0][1], years[-1][1])  # a phase of whole years: （2021年）, （2024年—2026年）
    first_month_at = _MONTH.search(text).start()
    first_year = next((year for at, year in years if at < first_month_at), None)
    last_year = years[-1][1] if years else None
    if last_year is None and _NEXT_YEAR.search(text):
        last_year = "next"
    return _Months(months[0], months[-1], first_year, last_year)


def _place_years(phases, signed):
    """Give each phase whose dates name no year the year it is in (see the module notes), as its reference."""
    readings = [_months(phase.dates_text) for phase, _ in phases]
    next_named, following = [None] * len(readings), None  # the next phase that names the year it starts in
    for index in range(len(readings) - 1, -1, -1):
        next_named[index] = following
        if readings[index] is not None and readings[index].first_year:
            following = readings[index]
    previous = None  # (first year, first month, last year) of the phase before, once known
    for (phase, heading_year), reading, after in zip(phases, readings, next_named, strict=True):
        if reading is None:
            continue
        year = None
        if reading.first_year is None and reading.last_year in (None, "next"):
            year, inferred = _year_left_out(reading, previous, heading_year, after, signed)
            if inferred:
                phase.reference = date(year, 1, 1)
        first_year = reading.first_year or (reading.last_year if isinstance(reading.last_year, int) else year)
        if first_year is not None:
            last_year = reading.last_year
            last_year = first_year + 1 if last_year == "next" else (last_year or first_year)
            previous = (first_year, reading.first_month, last_year)


def _year_left_out(reading, previous, heading_year, following, signed):
    """(year, whether the text says it): from the phase before, else the headings, else the signing date; moved
    before the next phase that names its year."""
    if previous:
        first_year, first_month, last_year = previous
        return last_year + ((last_year, reading.first_month) < (first_year, first_month)), True
    year, inferred = heading_year or (signed.year if signed else None), heading_year is not None
    if year is not None and following and (year, reading.first_month) > (following.first_year, following.first_month):
        return following.first_year - (reading.first_month > following.first_month), True
    return year, inferred
