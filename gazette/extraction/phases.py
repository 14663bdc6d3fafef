"""Phases: the labelled stages of a plan with their dates.

Two ways of printing them: a numbered label ending in 阶段 with its dates in brackets
(`（一）前期摸底阶段（2023年11月30日—2023年12月15日）`, the bracket possibly wrapped onto the next line), and
`第一阶段：摸底动员、自行整改。时间为2022年5月15日至2022年6月15日。` The dates are kept as written with the
document's signing date as reference: reading them (a year left out is the reference's) is the deadline parser's
job, which the gazette app does not know.
"""

import re
from dataclasses import dataclass
from datetime import date

from gazette.parsing.result import Span

from .common import DocumentRef, Source, join_lines

_NUMERAL = "一二三四五六七八九十"
_MARKER = rf"(?:[（(][{_NUMERAL}]+[）)]|[{_NUMERAL}]+[、.．]|\d{{1,2}}[.．、])"
_BRACKETED = re.compile(
    rf"^(?P<marker>{_MARKER}|第[{_NUMERAL}]+阶段[：:])?\s*(?P<label>[^（()）：:。，；]{{1,24}}?阶段)\s*"
    r"[（(](?P<dates>[^（()）]{2,40})[）)]"
)
_ORDINAL = re.compile(
    rf"^(?P<label>第[{_NUMERAL}]+阶段)[：:](?P<name>[^。；（(]{{1,30}})[。；]"
    r"(?:时间(?:为|是|：|:)?(?P<dates>[^。；]{4,40})[。；])?"
)
_DATE_WORDS = re.compile(r"\d.*[年月日]|[年月]")
_JOINED_LINES = 3  # a label and its dates wrapped over at most this many lines


@dataclass
class PhaseProposal:
    document: DocumentRef
    label: str  # 前期摸底阶段; 第一阶段：摸底动员、自行整改
    dates_text: str | None  # 2023年11月30日—2023年12月15日, as written
    reference: date | None  # the document's signing date, for dates written without a year
    raw: str  # the label and its dates as printed, wrapped lines joined
    span: Span


def extract_phases(source: Source) -> list[PhaseProposal]:
    phases = []
    number = source.first
    while number <= source.last:
        found = _phase_at(source, number)
        if found:
            phases.append(found)
            number = found.span.end
        number += 1
    return phases


def _phase_at(source, number):
    text = source.text(number)
    if "阶段" not in text or "\t" in text:
        return None
    pieces = [text]
    following = number
    while len(pieces) < _JOINED_LINES and following < source.last:
        following += 1
        pieces.append(source.text(following))
    for count in range(1, len(pieces) + 1):
        joined = join_lines(pieces[:count])
        phase = _read(source, joined, number, number + count - 1)
        if phase:
            return phase
    return None


def _read(source, text, first, last):
    match = _BRACKETED.match(text)
    if match and _DATE_WORDS.search(match["dates"]):
        marker = match["marker"] or ""
        label = match["label"]
        if marker.startswith("第"):
            label = f"{marker}{label}"
        elif not marker:
            return None  # a sentence that mentions a stage, not a stage's heading
        return PhaseProposal(
            source.ref, label, match["dates"].strip(), source.ref.signed, match.group(), Span(first, last)
        )
    match = _ORDINAL.match(text)
    if match and (match["dates"] is None or _DATE_WORDS.search(match["dates"])):
        dates = match["dates"].strip() if match["dates"] else None
        label = f"{match['label']}：{match['name']}"
        return PhaseProposal(source.ref, label, dates, source.ref.signed, match.group(), Span(first, last))
    return None
