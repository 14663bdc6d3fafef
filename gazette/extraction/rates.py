"""Compensation rates: every amount per unit a compensation scheme states, as a draft for the scheme's rules.

Written as `2600元/平方米`, `300 元 / m²`, `1000-2000 元/座`, `150--200 元/株`, `20 元/月/m²`, `2600/m²` (元 left
out before an area unit), `每亩 16 万元`, `每平方米每月支付…20 元`. In tables the row's cells before the amount,
merged cells filled from the row above, name the item, and a note cell may hold a rate of its own (抹面 120 元/m²).
Amounts in a formula (面积 × 30 元/m²) repeat a rate and are skipped. Where the extraction scattered a sentence over
a page (an amount whose unit went to a later line, `…给予` whose amount did), the pieces are put back together
first: a line ending in a bare number goes on at the next line opening with 元, a line ending in 给予/支付 at the
next line opening with an amount in 元.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from gazette.parsing.result import Span

from .common import DocumentRef, Source, despace

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_AREA = r"(?:m\s*²|m2|㎡|平方米|平米|亩)"
_PER = rf"(?:{_AREA}|月|个|座|宗|株|棵|穴|孔|眼|户|人|年|处|口|间|延米|米|套|头|只)"
_RANGE = r"(?:-{1,2}|—{1,2}|–|~|～|至|到)"
_PER_UNIT = re.compile(
    rf"(?<![\d.×x*])(?P<a>{_NUM})\s*(?:{_RANGE}\s*(?P<b>{_NUM}))?\s*(?:(?P<money>万元|元)\s*/\s*(?P<per>{_PER}(?:\s*/\s*{_PER})?)"
    rf"|/\s*(?P<area>{_AREA}))"
)
_EACH = re.compile(
    rf"每\s*(?P<per>平方米|亩|宗|户|人|个|株|棵|座|孔)(?P<mid>[^，。；,;\d]{{0,16}}?)(?P<a>{_NUM})\s*(?P<money>万元|元)(?!\s*/)"
)
_FORMULA = re.compile(r"[×xX*]\s*$")
_DANGLING_NUMBER = re.compile(rf"{_NUM}\s*$")
_OPENS_WITH_YUAN = re.compile(r"^元")
_DANGLING_VERB = re.compile(r"(?:给予|支付|奖励|补助|补偿)\s*$")
_OPENS_WITH_AMOUNT = re.compile(rf"^{_NUM}\s*(?:万元|元)")
_REFLOW_LINES = 45  # how far a scattered piece is looked for
_SCHEME_TITLE = re.compile(r"补偿|征收|征迁|拆迁|安置")
_CLAUSE = re.compile(r"[，,；;。]")
_NOTE_HEADER = re.compile(r"备注|说明")


@dataclass
class RateProposal:
    document: DocumentRef
    item: str  # what the rate is for: the table row's cells, or the clause it stands in
    amount: Decimal
    amount_max: Decimal | None  # the top of a range (1000-2000 元/座)
    unit: str  # 元/平方米, 元/m², 万元/亩, 元/平方米/月 (white space removed, otherwise as written)
    condition: str | None  # the clause before it (…面积小于所选新建安置面积的), a bracket after it, a table note
    raw: str  # the sentence or table row it was read from
    span: Span


def is_scheme(document):
    """Compensation schemes, and notices adjusting or issuing one."""
    titles = [document.title] + ([document.instrument.title] if document.instrument else [])
    return any(_SCHEME_TITLE.search(title) and re.search(r"方案|标准|办法|细则", title) for title in titles)


def extract_rates(source: Source) -> list[RateProposal]:
    if not is_scheme(source.document):
        return []
    rates, used, header, previous = [], set(), None, None
    for number in source.numbers():
        if number in used:
            continue
        raw = source.raw(number)
        if "\t" in raw:
            cells = [cell.strip() for cell in raw.strip("\r\n").split("\t")]
            if not any(_PER_UNIT.search(cell) for cell in cells):
                header, previous = cells, None  # a header row, or a row with no rate
                continue
            previous = _inherit(cells, previous)
            rates += _row_rates(source, header or [], previous, number)
            continue
        text = source.text(number)
        if not text:
            continue  # a page break inside a table
        header, previous = None, None
        text, last = _reflowed(source, number, text, used)
        rates += _text_rates(source, text, Span(number, last))
    return rates


def _reflowed(source, number, text, used):
    """The line with the piece the extraction moved to a later line, if it is missing one."""
    for dangling, opening in ((_DANGLING_NUMBER, _OPENS_WITH_YUAN), (_DANGLING_VERB, _OPENS_WITH_AMOUNT)):
        if not dangling.search(text) or not (dangling is _DANGLING_VERB or not _PER_UNIT.search(text[-12:])):
            continue
        for following in range(number + 1, min(source.last, number + _REFLOW_LINES) + 1):
            piece = source.text(following)
            if following not in used and "\t" not in source.raw(following) and opening.match(piece):
                used.add(following)
                return text + piece, number
    return text, number


def _inherit(cells, previous):
    """Merged cells: the empty cells a row opens with take the row above's values (a row naming its own first
    cells starts a new group)."""
    if previous is None:
        return cells
    filled = list(cells)
    for index, cell in enumerate(cells):
        if cell or index >= len(previous) or _PER_UNIT.search(previous[index]):
            break
        filled[index] = previous[index]
    return filled


def _row_rates(source, header, cells, number):
    rates = []
    notes = {index for index, name in enumerate(header) if _NOTE_HEADER.search(despace(name))}
    condition = next(
        (cells[index] for index in notes if index < len(cells) and cells[index] and not _PER_UNIT.search(cells[index])),
        None,
    )
    for index, cell in enumerate(cells):
        for match in _PER_UNIT.finditer(cell):
            before = [despace(value) for value in cells[:index] if value and not _PER_UNIT.search(value)]
            own = despace(cell[: match.start()])
            item = " ".join([*before, own] if own else before)
            rates.append(
                _rate(
                    source,
                    match,
                    item,
                    condition if index not in notes else None,
                    "\t".join(cells),
                    Span(number, number),
                )
            )
    return rates


def _text_rates(source, text, where):
    found, taken = [], []
    for match in _EACH.finditer(text):
        taken.append(match.span())
        found.append((match.start(), _each_rate(source, text, match, where)))
    for match in _PER_UNIT.finditer(text):
        if any(start <= match.start() < end for start, end in taken) or _FORMULA.search(text[: match.start()]):
            continue
        item, condition = _clause(text, match)
        found.append((match.start(), _rate(source, match, item, condition, text, where)))
    return [rate for _, rate in sorted(found, key=lambda pair: pair[0])]


def _clause(text, match):
    """The clause holding the amount (item) and, before it in the sentence, the clause(s) that condition it."""
    start = max((found.end() for found in _CLAUSE.finditer(text, 0, match.start())), default=0)
    end_match = _CLAUSE.search(text, match.end())
    end = end_match.start() if end_match else len(text)
    sentence_start = max((found.end() for found in re.finditer(r"[。；;]", text[: match.start()])), default=0)
    item = despace(text[start : match.start()] + text[match.end() : end])
    condition = despace(text[sentence_start:start]).strip("，,") or None
    bracket = re.match(r"\s*[（(](?P<inner>[^（()）]{1,30})[）)]", text[match.end() :])
    if bracket:
        condition = bracket["inner"] if condition is None else f"{condition}（{bracket['inner']}）"
    return _strip_marker(item), _strip_marker(condition) if condition else None


def _strip_marker(text):
    return re.sub(
        r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d)|[①-⑳])\s*", "", text
    )


def _rate(source, match, item, condition, raw, where):
    money = match["money"] or "元"
    per = match["per"] or match["area"]
    return RateProposal(
        document=source.ref,
        item=item.strip(" ：:，,"),
        amount=_decimal(match["a"]),
        amount_max=_decimal(match["b"]) if match["b"] else None,
        unit=despace(f"{money}/{per}"),
        condition=condition,
        raw=raw,
        span=where,
    )


def _each_rate(source, text, match, where):
    per = match["per"] + ("/月" if "每月" in match["mid"] else "")
    item, condition = _clause(text, match)
    return RateProposal(
        document=source.ref,
        item=item.strip(" ：:，,") or despace(match["mid"]),
        amount=_decimal(match["a"]),
        amount_max=None,
        unit=f"{match['money']}/{per}",
        condition=condition,
        raw=text,
        span=where,
    )


def _decimal(text):
    return Decimal(text.replace(",", ""))
