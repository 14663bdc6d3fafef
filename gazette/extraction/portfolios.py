"""Leaders' portfolios from a 领导工作分工 notice: each leader's fields of work (负责…等方面的工作), the units they
supervise (分管, 主管) and those they liaise with (联系), every list item as written.

A leader's paragraph opens with the name and post before a colon (`贺建强副县长：`, `刘 慧副县长：`,
`郭慧彬副县长（挂职）：`, or post first: `常务副县长李明：`), or follows them as its heading (`一、王伟　县长`), and
runs to the next leader's; its lines may wrap anywhere.
"""

import re
from dataclasses import dataclass, field

from gazette.parsing.result import Span

from .common import CJK, DocumentRef, Source, despace, join_lines, split_outside_brackets

_LEADER = re.compile(
    rf"^(?P<name>[{CJK}](?:\s?[{CJK}]){{1,3}}?)\s*(?P<post>(?:常务)?副?(?:县长|市长|区长|旗长|州长|书记|主任|秘书长))"
    r"(?P<note>[（(][^（()）]{1,6}[）)])?\s*[：:](?P<rest>.*)$"
)
# The same as a heading of its own, the paragraph under it: `一、王伟　县长`, `（二）赵军　常务副县长`.
_LEADER_HEADING = re.compile(
    rf"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)])?\s*"
    rf"(?P<name>[{CJK}](?:\s?[{CJK}]){{1,3}}?)[\s　]+"
    r"(?P<post>(?:常务)?副?(?:县长|市长|区长|旗长|州长|书记|主任|秘书长))"
    r"(?P<note>[（(][^（()）]{1,6}[）)])?(?P<rest>)$"
)
# The post before the name: `常务副县长李明：`, `县长　王建国：`.
_LEADER_POST_FIRST = re.compile(
    r"^(?P<post>(?:常务)?副?(?:县长|市长|区长|旗长|州长))\s*"
    rf"(?P<name>[{CJK}](?:\s?[{CJK}]){{1,3}}?)(?P<note>[（(][^（()）]{{1,6}}[）)])?\s*[：:](?P<rest>.*)$"
)
_FIELDS = re.compile(
    r"(?:负责|主持)(?P<fields>[^。；]*?)(?:等方面的工作|等方面工作|等工作|方面的工作|方面工作|的工作|工作)[。；]?"
)
_PORTFOLIO_LINE = re.compile(r"^(?:负责|主持|分管|主管|联系|协助|完成|兼任|代管)")
# 分管县审计局, or under a label: 分管：县审计局.
_SUPERVISES = re.compile(r"(?:分管|主管)[：:]?\s*(?P<units>[^。；]*)")
_LIAISES = re.compile(r"联系[：:]?\s*(?P<units>[^。；]*)")


@dataclass
class PortfolioProposal:
    document: DocumentRef
    name: str
    post: str  # 副县长, 副县长（挂职）
    fields: list[str] = field(default_factory=list)
    supervises: list[str] = field(default_factory=list)  # 分管 and 主管
    liaises: list[str] = field(default_factory=list)  # 联系
    text: str = ""  # the paragraph, wrapped lines joined
    span: Span | None = None


def extract_portfolios(source: Source) -> list[PortfolioProposal]:
    if "分工" not in source.document.title:
        return []
    starts = [number for number in source.numbers() if _leader(source.text(number))]
    portfolios = []
    for position, first in enumerate(starts):
        stop = starts[position + 1] - 1 if position + 1 < len(starts) else _paragraph_end(source, first)
        last = stop
        while last > first and not source.text(last):
            last -= 1
        match = _leader(source.text(first))
        # Lines of one leader's paragraph: wrapped pieces join, each 分管/联系 line is a sentence of its own.
        text = "。".join(join_lines([piece]) for piece in _sentences_of(source, first, last, match["rest"]) if piece)
        portfolios.append(
            PortfolioProposal(
                document=source.ref,
                name=despace(match["name"]),
                post=match["post"] + (match["note"] or ""),
                fields=_fields(text),
                supervises=_units(_SUPERVISES, text),
                liaises=_units(_LIAISES, text),
                text=text,
                span=Span(first, last),
            )
        )
    return portfolios


def _leader(text):
    return _LEADER.match(text) or _LEADER_HEADING.match(text) or _LEADER_POST_FIRST.match(text)


def _sentences_of(source, first, last, rest):
    """The paragraph's pieces: a line opening with 分管, 主管, 联系 or 完成 starts a new one; others continue."""
    pieces = [rest.strip()]
    for number in range(first + 1, last + 1):
        text = source.text(number)
        if not text:
            continue
        if re.match(r"^(?:分管|主管|联系|完成|协助)", text):
            pieces.append(text)
        else:
            pieces[-1] = join_lines([pieces[-1], text])
    return [piece.rstrip("。；;") for piece in pieces]


def _paragraph_end(source, first):
    """The last leader's paragraph ends before the signature, or, where the leaders' paragraphs open with their
    text after the colon, at a sentence after a finished line that is no part of a portfolio (各位副县长要…)."""
    number, inline = first, bool(_leader(source.text(first))["rest"].strip())
    previous = source.text(first)
    while number < source.last:
        text = source.text(number + 1)
        if text and re.match(rf"^[{CJK}]{{2,20}}(?:政府|办公室)$", text):
            return number
        if inline and text and previous.endswith(("。", "；")) and not _PORTFOLIO_LINE.match(text):
            return number
        previous = text or previous
        number += 1
    return source.last


def _fields(text):
    return [item for match in _FIELDS.finditer(text) for item in _split(match["fields"])]


def _units(pattern, text):
    found = []
    for match in pattern.finditer(text):
        found += _split(match["units"])
    return found


def _split(text):
    """Items separated by 、，, outside brackets, without trailing punctuation or 等."""
    return [item.strip(" 。；;等") for item in split_outside_brackets(text) if item.strip(" 。；;等")]
