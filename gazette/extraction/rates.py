"""Compensation figures: every amount per unit a compensation scheme states, and the figures that are not money
(exchange ratios, extra resettlement area, percentage uplifts, periods in months), as drafts for the scheme's rules.

Written as `2600元/平方米`, `300 元 / m²`, `1000-2000 元/座`, `150--200 元/株`, `20 元/月/m²`, `2600/m²` (元 left
out before an area unit), `每亩 16 万元`, `每平方米每月支付…20 元`, `每月每平方米12元`. In tables the row's cells
before the amount, merged cells filled from the row above, name the item, and a note cell may hold a rate of its own
(抹面 120 元/m²).
Amounts in a formula (面积 × 30 元/m²) repeat a rate and are skipped. Where the extraction scattered a sentence over
a page (an amount whose unit went to a later line, `…给予` whose amount did), the pieces are put back together
first: a line ending in a bare number goes on at the next line opening with 元, a line ending in 给予/支付 at the
next line opening with an amount in 元, a line ending inside a ratio (按1:) at the next line opening with a number.

Each figure says its kind: `money` (an amount per unit), `ratio` (`按1:1.3置换`, `标准的0.8倍`: amount is the
multiple, unit 倍), `area` (`另行奖励15平方米安置房面积`: resettlement area granted), `percent` (`评估价上浮20%`) and
`months` (`一次性支付12个月的临时过渡安置补助费`, `补偿期限不超过6个月`). A figure that only bounds another one is a
condition, not a figure: `20平方米以内`, `超过18个月的`, `签约率达到90%以上`, `3个月内` (a time limit).
"""

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from gazette.parsing.result import Span

from .common import DocumentRef, Paragraph, Source, despace, paragraphs

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_AREA = r"(?:m\s*²|m2|㎡|平方米|平米|亩)"
_PER = rf"(?:{_AREA}|月|个|座|宗|株|棵|穴|孔|眼|户|人|年|处|口|间|延米|米|套|头|只)"
_RANGE = r"(?:-{1,2}|—{1,2}|–|~|～|至|到)"
_PER_UNIT = re.compile(
    rf"(?<![\d.×x*])(?P<a>{_NUM})\s*(?:{_RANGE}\s*(?P<b>{_NUM}))?\s*(?:(?P<money>万元|元)\s*/\s*(?P<per>{_PER}(?:\s*/\s*{_PER})?)"
    rf"|/\s*(?P<area>{_AREA}))"
)
_EACH = re.compile(
    rf"每\s*(?P<month>月\s*每\s*)?(?P<per>平方米|延米|亩|宗|户|人|个|株|棵|穴|座|孔|眼|口|间|处|套|头|只|米)(?P<mid>[^，。；,;\d]{{0,16}}?)(?P<a>{_NUM})\s*(?P<money>万元|元)(?!\s*/)"
)
_FORMULA = re.compile(r"[×xX*]\s*$")
_DANGLING_NUMBER = re.compile(rf"{_NUM}\s*$")
_OPENS_WITH_YUAN = re.compile(r"^元")
_DANGLING_VERB = re.compile(r"(?:给予|支付|奖励|补助|补偿)\s*$")
_OPENS_WITH_AMOUNT = re.compile(rf"^{_NUM}\s*(?:万元|元)")
_DANGLING_DIGIT = re.compile(r"每\s*(?:平方米|亩|户|人|株|棵|座|眼|口|间|处|个|米|宗|套)\s*\d+$")
_DANGLING_EACH = re.compile(r"每\s*(?:月\s*每?|平方?)?\s*$")
_OPENS_WITH_PER = re.compile(rf"^[^，。；,;\d]{{0,16}}?{_NUM}\s*(?:万元|元)(?!\s*/)")
_DANGLING_UNIT = re.compile(r"\d\s*(?:万元|元)\s*/\s*平方?$")
_OPENS_WITH_UNIT_REST = re.compile(r"^(?:方米|米)")
_DANGLING_RATIO = re.compile(r"\d\s*[:：∶]\s*$")  # 按1: | 1.1的比例: a ratio wrapped at its colon
_OPENS = re.compile(r"^\d")
_REFLOW_LINES = 45  # how far a scattered piece is looked for
_NEIGHBOUR_LINES = 3  # blank lines a hard-wrapped sentence may have between its lines
_SENTENCE_END = re.compile(r"[。；;！？!?：:]\s*$")
_SCHEME_TITLE = re.compile(r"补偿|征收|征迁|拆迁|安置")
_CLAUSE = re.compile(r"[，,；;。]")
_SENTENCE_STOP = re.compile(r"[。；;]")
_BRACKET_AFTER = re.compile(r"\s*[（(](?P<inner>[^（()）]{1,30})[）)]")
# How far from a figure its clause, sentence and the words that say what it is are looked for.
_WINDOW = 200
_NOTE_HEADER = re.compile(r"备注|说明")
# A table whose amounts are bare numbers: the header gives the money unit, a 单位 column what they are per.
_MONEY_HEADER = re.compile(rf"[（(](?P<money>万元|元)(?:/(?P<per>{_PER}))?[）)]")
_UNIT_HEADER = re.compile(r"^(?:计量|计价)?单位$")
_SERIAL_HEADER = re.compile(r"^(?:序号|编号)$")
_BARE_AMOUNT = re.compile(rf"^(?P<a>{_NUM})(?:{_RANGE}(?P<b>{_NUM}))?$")
_PER_PREFIX = re.compile(r"^(?:万元|元)/")


MONEY, RATIO, AREA, PERCENT, MONTHS = "money", "ratio", "area", "percent", "months"

_FIGURE = r"\d+(?:\.\d+)?"
_BOUND_AFTER = r"(?!\s*(?:以内|之内|以上|以下|及以上|及以下|内))"  # 20平方米以内, 3个月内: a bound, not a figure
_RATIO = re.compile(rf"(?<![\d.:：∶])(?P<a>{_FIGURE})\s*[:：∶]\s*(?P<b>{_FIGURE})(?![\d.:：∶])")
_TIMES = re.compile(rf"(?<![\d.])(?P<a>{_FIGURE})\s*倍")
_PERCENT = re.compile(rf"(?<![\d.])(?P<a>{_FIGURE})\s*[%％]{_BOUND_AFTER}")
_AREA_FIGURE = re.compile(rf"(?<![\d.])(?P<a>{_FIGURE})\s*(?P<unit>平方米|平米|m\s*²|m2|㎡)(?!\s*/){_BOUND_AFTER}")
_MONTH_FIGURE = re.compile(rf"(?<![\d.])(?P<a>\d+|[一二两三四五六七八九十]{{1,3}})\s*个月{_BOUND_AFTER}")
# What the sentence must be about for a figure of each kind to be a compensation figure.
_EXCHANGE_WORDS = re.compile(r"置换|调换|安置|还房|回迁")
_PERIOD_WORDS = re.compile(r"过渡|停产|停业|补助|补偿|租金|租赁|安置")
# Right before an area, the grant it is (另行奖励15平方米); right before a figure, a bound on it (超过18个月的).
_GRANT = re.compile(r"(?:奖励|增加|赠送|增补|补足|另补|给予|享受)[^，。；,;\d]{0,8}$")
_BOUND_BEFORE = re.compile(r"(?:(?<!不)超过|超出|满|逾期|不足|小于|大于|低于|高于|率[^，。；,;\d]{0,6})\s*$")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


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
    kind: str = MONEY  # money, ratio (unit 倍), area (m²), percent (%), months (个月)


def is_scheme(document):
    """Compensation schemes, notices adjusting or issuing one, and a county's land prices for expropriation."""
    titles = [document.title] + ([document.instrument.title] if document.instrument else [])
    # 区片综合地价 and 地上附着物 rates are what a county pays for the land it expropriates, a scheme's rates too.
    return any(_SCHEME_TITLE.search(title) and re.search(r"方案|标准|办法|细则|地价|区片", title) for title in titles)


def extract_rates(source: Source, blocks) -> list[RateProposal]:
    """The figures of a scheme's tables, row by row, and of its prose, paragraph by paragraph (``blocks``: the
    document's blocks in reading order), in the order of their lines."""
    if not is_scheme(source.document):
        return []
    found = _table_rates(source) + _prose_rates(source, blocks)
    return [rate for _, rate in sorted(found, key=lambda pair: pair[0])]


def _table_rates(source):
    found, header, previous = [], None, None
    for number in source.numbers():
        raw = source.raw(number)
        if "\t" not in raw:
            if source.text(number):  # a blank line is a page break inside a table; text ends the table
                header, previous = None, None
            continue
        cells = [cell.strip() for cell in raw.strip("\r\n").split("\t")]
        columns = _money_columns(header or [])
        if not any(_holds_figure(cell) for cell in cells) and not _bare_amounts(columns, cells):
            header, previous = cells, None  # a header row, or a row with no figure
            continue
        previous = _inherit(cells, previous)
        rates = _row_rates(source, header or [], previous, number)
        rates += _column_rates(source, header or [], columns, previous, number)
        found += [((number, index), rate) for index, rate in enumerate(rates)]
    return found


def _prose_rates(source, blocks):
    """Text outside tables, line by line; hard-wrapped text paragraph by paragraph, so that a sentence wrapped
    across lines (每平方米 | 1350元) is read whole, each figure's span from its line to its sentence's end. In text
    that is not hard-wrapped a line is a paragraph, and a page break may scatter its pieces far apart (see
    _reflowed), which the blocks would join wrongly."""
    if source.document.wrap_width:
        texts = paragraphs(source, blocks)
    else:
        texts = [Paragraph(source, source.text(number), number, number) for number in _prose_lines(source)]
    # A moved piece opens a paragraph of its own (in hard-wrapped text a line inside one is the wrap's rest).
    starts = {paragraph.first for paragraph in texts}
    found, used = [], set()
    for paragraph in texts:
        if paragraph.first in used:  # its first line went back to the paragraph it was cut from
            if paragraph.first == paragraph.end:
                continue
            rest = paragraph.text_of_lines(paragraph.first + 1, paragraph.end)
            paragraph = Paragraph(source, rest, paragraph.first + 1, paragraph.end)
        text, end = _reflowed(source, paragraph.end, paragraph.text, used, starts)
        if text != paragraph.text:
            paragraph = Paragraph(source, text, paragraph.first, end)
        lead = _neighbour(source, paragraph.first, -1) or ""
        trail = _neighbour(source, paragraph.end, 1) if not _SENTENCE_END.search(text) else None
        rates = _text_rates(source, paragraph, lead, trail or "")
        found += [((paragraph.first, index), rate) for index, rate in enumerate(rates)]
    return found


def _prose_lines(source):
    return (number for number in source.numbers() if source.text(number) and "\t" not in source.raw(number))


def _reflowed(source, last, text, used, starts):
    """(text, last line) of the paragraph with the piece a line break cut off or the extraction moved to a later
    paragraph's first line, if it is missing one; a moved piece counts as the paragraph's last line."""
    following = last + 1
    if following <= source.last and following in starts and following not in used:
        # What a line break cut on the very next line only: an amount inside its digits (每平方米5 | 00元), what
        # it is per (…补助费每 | 平方米每月 15 元), its unit (按 3200 元/平 | 方米补差).
        piece = source.text(following)
        if (
            (_DANGLING_DIGIT.search(text) and _OPENS_WITH_AMOUNT.match(piece))
            or (_DANGLING_EACH.search(text) and _OPENS_WITH_PER.match(piece))
            or (_DANGLING_UNIT.search(text) and _OPENS_WITH_UNIT_REST.match(piece))
        ):
            used.add(following)
            return text + piece, following
    pieces = ((_DANGLING_NUMBER, _OPENS_WITH_YUAN), (_DANGLING_VERB, _OPENS_WITH_AMOUNT), (_DANGLING_RATIO, _OPENS))
    for dangling, opening in pieces:
        if not dangling.search(text) or not (dangling is not _DANGLING_NUMBER or not _PER_UNIT.search(text[-12:])):
            continue
        for following in range(last + 1, min(source.last, last + _REFLOW_LINES) + 1):
            piece = source.text(following)
            if following in starts and following not in used and opening.match(piece):
                used.add(following)
                return text + piece, last
    return text, last


def _neighbour(source, number, step):
    """The prose line a wrapped sentence runs on from (step -1) or into (step 1), blank lines skipped: what says
    whether a figure near the wrap is about exchange, a period or a grant."""
    for other in range(number + step, number + step * (_NEIGHBOUR_LINES + 1), step):
        if not source.first <= other <= source.last:
            return None
        text = source.text(other)
        if not text:
            continue
        if "\t" in source.raw(other) or (step < 0 and _SENTENCE_END.search(text)):
            return None
        return text
    return None


def _inherit(cells, previous):
    """Merged cells: the empty cells a row opens with take the row above's values (a row naming its own first
    cells starts a new group)."""
    if previous is None:
        return cells
    filled = list(cells)
    for index, cell in enumerate(cells):
        if cell or index >= len(previous) or _holds_figure(previous[index]):
            break
        filled[index] = previous[index]
    return filled


def _row_rates(source, header, cells, number):
    rates = []
    notes = {index for index, name in enumerate(header) if _NOTE_HEADER.search(despace(name))}
    condition = next(
        (cells[index] for index in notes if index < len(cells) and cells[index] and not _holds_figure(cells[index])),
        None,
    )
    row = "\t".join(cells)
    for index, cell in enumerate(cells):
        before = [despace(value) for value in cells[:index] if value and not _holds_figure(value)]
        found = [(match, MONEY, None, None) for match in _PER_UNIT.finditer(cell)] + _figures(cell, row, before)
        for match, kind, amount, unit in sorted(found, key=lambda item: item[0].start()):
            own = despace(cell[: match.start()])
            item = " ".join([*before, own] if own else before)
            where = Span(number, number)
            row_condition = condition if index not in notes else None
            if kind == MONEY:
                rates.append(_rate(source, match, item, row_condition, row, where))
            else:
                rates.append(_figure_rate(source, kind, amount, unit, item, row_condition, row, where))
    return rates


def _money_columns(header):
    """{column: (money, per or "")} of the header cells that give the money unit of bare amounts below them:
    补偿标准（元/平方米）, 单价（元） (then a 单位 column names what the amount is per)."""
    columns = {}
    for index, name in enumerate(header):
        if match := _MONEY_HEADER.search(despace(name)):
            columns[index] = (match["money"], match["per"] or "")
    return columns


def _bare_amounts(columns, cells):
    return any(index < len(cells) and _BARE_AMOUNT.match(despace(cells[index])) for index in columns)


def _column_rates(source, header, columns, cells, number):
    """Rates of a row whose amounts are bare numbers under a header that gives their unit: what they are per from
    the header or the row's 单位 cell, the item from the cells before them (not its 序号, unit or note)."""
    names = [despace(name) for name in header]
    unit = next((index for index, name in enumerate(names) if _UNIT_HEADER.match(name)), None)
    notes = {index for index, name in enumerate(names) if _NOTE_HEADER.search(name)}
    left_out = notes | {index for index, name in enumerate(names) if _SERIAL_HEADER.match(name)} | {unit}
    condition = next((cells[index] for index in sorted(notes) if index < len(cells) and cells[index]), None)
    rates = []
    for index, (money, per) in columns.items():
        amount = _BARE_AMOUNT.match(despace(cells[index])) if index < len(cells) else None
        if unit is not None and unit < len(cells):
            per = per or _PER_PREFIX.sub("", despace(cells[unit]))
        if amount is None or not per:
            continue
        item = [despace(cell) for position, cell in enumerate(cells[:index]) if position not in left_out and cell]
        rates.append(
            RateProposal(
                document=source.ref,
                item=" ".join(cell for cell in item if not _BARE_AMOUNT.match(cell)),
                amount=_decimal(amount["a"]),
                amount_max=_decimal(amount["b"]) if amount["b"] else None,
                unit=f"{money}/{per}",
                condition=condition,
                raw="\t".join(cells),
                span=Span(number, number),
            )
        )
    return rates


def _text_rates(source, paragraph, lead, trail):
    text, found, taken = paragraph.text, [], _Taken()
    stops = [match.start() for match in _SENTENCE_STOP.finditer(text)]

    def located(match):
        """The text of the lines of the sentence holding ``match`` (within ``_WINDOW`` characters of it), and the
        lines from the figure's to the sentence's end (a figure is known by the line it is printed on)."""
        before = bisect.bisect_left(stops, match.start())
        after = bisect.bisect_left(stops, match.end())
        begin = max(stops[before - 1] + 1 if before else 0, match.start() - _WINDOW)
        end = min(stops[after] if after < len(stops) else len(text) - 1, match.end() + _WINDOW)
        first, last = paragraph.line_of(begin), paragraph.line_of(end)
        return paragraph.text_of_lines(first, last), Span(paragraph.line_of(match.start()), last)

    for match in _EACH.finditer(text):
        taken.add(match.span())
        found.append((match.start(), _each_rate(source, text, match, *located(match))))
    for match in _PER_UNIT.finditer(text):
        if taken.holds(match.start()) or _FORMULA.search(_before(text, match.start())):
            continue
        taken.add(match.span())
        item, condition = _clause(text, match)
        found.append((match.start(), _rate(source, match, item, condition, *located(match))))
    for match, kind, amount, unit in _figures(text, None, [lead], trail):
        if taken.overlaps(match.span()):
            continue
        item, condition = _clause(text, match)
        found.append((match.start(), _figure_rate(source, kind, amount, unit, item, condition, *located(match))))
    return [rate for _, rate in sorted(found, key=lambda pair: pair[0])]


class _Taken:
    """The spans of text already read as a figure, which do not overlap: a later pattern skips them. Looked up by
    bisection, as a paragraph may hold thousands of figures."""

    def __init__(self):
        self.starts, self.ends = [], []

    def add(self, span):
        index = bisect.bisect_left(self.starts, span[0])
        self.starts.insert(index, span[0])
        self.ends.insert(index, span[1])

    def holds(self, position):
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def overlaps(self, span):
        index = bisect.bisect_left(self.starts, span[1]) - 1
        return index >= 0 and span[0] < self.ends[index]


def _before(text, position, lead=""):
    """The text before ``position`` that says what a figure there is (a formula's ×, a bound, a grant), at most
    ``_WINDOW`` characters, run on into ``lead`` near the paragraph's start: reading further back made a paragraph
    of many figures quadratic."""
    if position <= _WINDOW:
        return lead + text[:position]
    return text[position - _WINDOW : position]


def _figures(text, about, lead, trail=""):
    """The figures of ``text`` that are not money, as (match, kind, amount, unit). ``about`` holds the words that
    say what a figure is for (a table's row; in prose None: the figure's own sentence, run on into the wrapped
    lines ``lead`` before and ``trail`` after), ``lead`` also the cells before it in a row."""
    found = []
    lead = "".join(lead)

    def sentence(match):
        if about is not None:
            return about
        floor, ceiling = max(0, match.start() - _WINDOW), match.end() + _WINDOW
        start = max(text.rfind(stop, floor, match.start()) for stop in "。；;") + 1 or floor
        ends = [index for index in (text.find(stop, match.end(), ceiling) for stop in "。；;") if index >= 0]
        end = min(ends, default=min(len(text), ceiling))
        return (lead if start == 0 else "") + text[start:end] + (trail if end == len(text) else "")

    def candidates():
        for match in _RATIO.finditer(text):
            first, second = Decimal(match["a"]), Decimal(match["b"])
            if first and _EXCHANGE_WORDS.search(sentence(match)):
                yield match, RATIO, _multiple(first, second), "倍"
        for match in _TIMES.finditer(text):
            yield match, RATIO, Decimal(match["a"]), "倍"
        for match in _PERCENT.finditer(text):
            yield match, PERCENT, Decimal(match["a"]), "%"
        for match in _AREA_FIGURE.finditer(text):
            if _GRANT.search(_before(text, match.start(), lead)):
                yield match, AREA, Decimal(match["a"]), despace(match["unit"])
        for match in _MONTH_FIGURE.finditer(text):
            if _PERIOD_WORDS.search(sentence(match)):
                yield match, MONTHS, _count(match["a"]), "个月"

    for match, kind, amount, unit in candidates():
        if _FORMULA.search(_before(text, match.start())) or _BOUND_BEFORE.search(_before(text, match.start(), lead)):
            continue  # a figure repeated in a formula (× 12个月), or a bound (超过18个月的)
        found.append((match, kind, amount, unit))
    return found


def _holds_figure(cell):
    """A table cell holding a figure of any kind (not judged by its context: that is for reading the figure)."""
    patterns = (_PER_UNIT, _RATIO, _TIMES, _PERCENT, _AREA_FIGURE, _MONTH_FIGURE)
    return any(pattern.search(cell) for pattern in patterns)


def _multiple(first, second):
    """1:1.3 → 1.3; 10:13 → 1.3 (to four places, as rules keep amounts)."""
    return second if first == 1 else (second / first).quantize(Decimal("0.0001")).normalize()


def _count(text):
    """Months as printed in digits or Chinese numerals up to 九十九: 12, 六, 十二, 二十四."""
    if text.isdigit():
        return Decimal(text)
    tens, _ten, ones = text.rpartition("十")
    if not _ten:
        return Decimal(_CN_DIGITS.get(text, 0))
    return Decimal(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0))


def _clause(text, match):
    """The clause holding the amount (item) and, before it in the sentence, the clause(s) that condition it; within
    ``_WINDOW`` characters either side."""
    floor = max(0, match.start() - _WINDOW)
    start = max((found.end() for found in _CLAUSE.finditer(text, floor, match.start())), default=floor)
    end_match = _CLAUSE.search(text, match.end(), match.end() + _WINDOW)
    end = end_match.start() if end_match else min(len(text), match.end() + _WINDOW)
    sentence_start = max((found.end() for found in _SENTENCE_STOP.finditer(text, floor, match.start())), default=floor)
    # A clause before it that ends in an amount of its own is a figure beside it (机井每眼15000元，坟墓每座3000元),
    # not its condition; one that goes on after its amount (…按1200元/平米交回后，) may be.
    for pattern in (_PER_UNIT, _EACH):
        for sibling in pattern.finditer(text, sentence_start, start):
            if _CLAUSE.match(text, sibling.end()):
                sentence_start = max(sentence_start, sibling.end() + 1)
    item = despace(text[start : match.start()] + text[match.end() : end])
    condition = despace(text[sentence_start:start]).strip("，,") or None
    bracket = _BRACKET_AFTER.match(text, match.end())
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


def _each_rate(source, text, match, raw, where):
    per = match["per"] + ("/月" if match["month"] or "每月" in match["mid"] else "")  # 每月每平方米, 每平方米每月
    item, condition = _clause(text, match)
    return RateProposal(
        document=source.ref,
        item=item.strip(" ：:，,") or despace(match["mid"]),
        amount=_decimal(match["a"]),
        amount_max=None,
        unit=f"{match['money']}/{per}",
        condition=condition,
        raw=raw,
        span=where,
    )


def _figure_rate(source, kind, amount, unit, item, condition, raw, where):
    return RateProposal(
        document=source.ref,
        item=item.strip(" ：:，,"),
        amount=amount,
        amount_max=None,
        unit=unit,
        condition=condition,
        raw=raw,
        span=where,
        kind=kind,
    )


def _decimal(text):
    return Decimal(text.replace(",", ""))
