"""Annual land-supply plans (年度国有建设用地供应计划): the year, the total and the area of every land-use category,
read from a table or from prose. No Django here.

A document is read for a plan when its title, its instrument's or an annex's names a land-supply plan (…用地供应计划,
土地供应计划, 供地计划). Two readers go over it once each:

- tables, line by line: TAB-separated or aligned with runs of spaces, a header row naming the category column
  (用地类型, 用途, 项目…) and the area column (合计 before 面积 before the first figure), a 合计/总计 row, units from
  the header (面积（亩）) or a 单位：公顷 line; a table printed the other way round (categories across the header, the
  figures in the row below) too; rows headed 其中 and housing rows under 住宅用地 are that category's parts;
- prose: a sentence that supplies land (计划供应国有建设用地总量为35.2公顷) or states a 合计, followed by
  ``name figure unit`` items (商服用地3.1公顷、…), in that paragraph and the paragraphs after it while they list
  categories; an item in brackets after a category is one of its parts (住宅用地12.6公顷（其中保障性住房2.0公顷）).

The reading with a total and the most categories is the plan (one per document); a reading whose sentence names
another year (the last year's supply, printed as background) is not. Figures keep the value and unit as printed;
``area_ha`` is the exact conversion (1 亩 = 1/15 公顷) rounded half up to 4 places, as the ledger stores hectares.
Categories that do not add up to the total are proposed anyway, with a warning: the reviewer decides.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from gazette.parsing.result import Span
from gazette.parsing.text import squeeze

from .common import CJK, DocumentRef, Source, paragraphs
from .parcels import USE_KEYWORDS

PLAN_TITLE = re.compile(r"(?:用地|土地)供应计划|供地计划")
YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Units as written → square metres in one; the longest spellings first in the pattern.
SQUARE_METRES = {
    "万平方米": Fraction(10_000),
    "平方米": Fraction(1),
    "㎡": Fraction(1),
    "m²": Fraction(1),
    "m2": Fraction(1),
    "公顷": Fraction(10_000),
    "hm²": Fraction(10_000),
    "hm2": Fraction(10_000),
    "亩": Fraction(10_000, 15),
}
UNIT = "|".join(sorted(map(re.escape, SQUARE_METRES), key=len, reverse=True))
HECTARE = "公顷"
PLACES = Decimal("0.0001")

# Names of categories beyond the parcels' words: the newer classification's 绿地与开敞空间用地 is public land.
EXTRA_KEYWORDS = [(("绿地", "开敞空间"), ("public", ""))]
# A name splitting land by source or method, or naming all of it, is no category.
SPLIT = re.compile(r"新增|存量|划拨|出让|租赁|作价")
NOT_A_CATEGORY = re.compile(r"新增|存量|划拨|出让|租赁|作价|国有|建设用地$|供应|合计|总计|小计")
CATEGORY_END = re.compile(r"(?:用地|住房|住宅|商品房|用房|安居工程)$")
TOTAL_LABEL = re.compile(r"^(?:全县)?(?:合计|总计|共计|总量|总面积|总规模)")
SUBTOTAL_LABEL = re.compile(r"^小计")
PART_PREFIX = re.compile(r"^其中[:：,，]?")
# Serial numbers before a name: 1. 1、 （一） (1) ①
SERIAL = re.compile(r"^(?:\d{1,2}\s*[.．、]|[（(]?[一二三四五六七八九十]+[)）、.．]|[（(]\d{1,2}[)）]|[①-⑳])\s*")
SERIAL_CELL = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]+[、.．]?|[（(]?\d{1,2}[)）]|[①-⑳])$")
LEADING_WORDS = re.compile(r"^(?:其中|安排|计划|供应|包括|含|另有|分别为|为|是|：|:)+")
NAME_HEADER = re.compile(r"^(?:用地(?:类型|类别|分类|性质)|土地(?:用途|类型)|用途|类别|类型|地类|分类|项目|名称)")
TOTAL_HEADER = re.compile(r"合计|小计|总计|总面积|总量")
AREA_HEADER = re.compile(r"面积|规模|供应|计划|数量|公顷|亩|平方米")
UNIT_LINE = re.compile(rf"单位\s*[:：]\s*({UNIT})")
UNIT_IN_CELL = re.compile(rf"[（(]\s*({UNIT})\s*[)）]")
FIGURE_CELL = re.compile(rf"^({NUM})\s*({UNIT})?$")
CELL_SPLIT = re.compile(r"\t| {2,}|\u3000+")
LETTER_SPACED = re.compile(rf"^([{CJK}])[ \u3000]+([{CJK}])(?=[ \u3000\t]|$)")
LINE_ROW = re.compile(rf"^(?P<label>[^\d\s][^\d]*?)\s*(?P<num>{NUM})\s*(?P<unit>{UNIT})?$")
# Prose: a supply of land up to its figure, without a category name in between; or a 合计 and its figure.
SUPPLY_TOTAL = re.compile(
    rf"(?P<plan>计划)?(?:供应|供地)(?P<gap>[^。；;，,\d]{{0,30}}?)(?P<num>{NUM})\s*(?P<unit>{UNIT})"
)
# What makes a supply figure the plan's whole (计划供应…, …用地总量为…) rather than one method's (划拨方式供应14公顷).
WHOLE = re.compile(r"用地|总|规模|计划")
SUM_TOTAL = re.compile(rf"(?:合计|总计|共计)(?:面积|规模)?(?:为|约|达|是|:|：)?\s*(?P<num>{NUM})\s*(?P<unit>{UNIT})")
PROSE_ITEM = re.compile(
    rf"(?P<name>[{CJK}]{{2,24}}?)(?:面积|规模)?(?:为|约|共|计|:|：)?\s*(?P<num>{NUM})\s*(?P<unit>{UNIT})"
)
SENTENCE_BREAK = re.compile(r"[。；;！？!?]")


@dataclass
class PlanCategory:
    """One category of a plan as printed (name, figure, unit) and in hectares, with the land use it names."""

    name: str
    area: Decimal
    unit: str
    area_ha: Decimal
    land_use: str | None  # land.LandUse values; None for a name the reader cannot place
    housing_type: str  # land.HousingType values, or ""
    span: Span
    parts: list["PlanCategory"] = field(default_factory=list)  # 其中…: sub-types, not counted in the sum


@dataclass
class PlanProposal:
    document: DocumentRef
    year: int | None
    total: Decimal | None  # as printed; None when the document prints no total
    total_unit: str | None
    total_ha: Decimal  # the printed total, else the categories' sum
    categories: list[PlanCategory]
    categories_ha: Decimal  # the categories' exact sum, rounded
    unit_assumed: bool  # no unit printed anywhere: read as 公顷
    warnings: list[str]  # codes: sum_mismatch, no_total, parts_exceed, unit_assumed, totals_differ
    other_total_ha: Decimal | None  # another total the document prints, when it differs
    span: Span


def category_of(name):
    """(land use, housing type) a printed category name stands for, or None."""
    for words, result in EXTRA_KEYWORDS + USE_KEYWORDS:
        if any(word in name for word in words):
            return result
    return None


def square_metres(value, unit):
    return Fraction(value) * SQUARE_METRES[unit]


def hectares(square_metres_value):
    """Exact m² as hectares, rounded half up to 4 places."""
    fraction = square_metres_value / 10_000
    with localcontext() as context:
        context.prec = len(str(abs(fraction.numerator) // fraction.denominator)) + 14
        return (Decimal(fraction.numerator) / Decimal(fraction.denominator)).quantize(PLACES, ROUND_HALF_UP)


def _figure(text):
    return Decimal(text.replace(",", ""))


@dataclass
class _Figure:
    value: Decimal
    unit: str | None
    line: int


@dataclass
class _Item:
    """A category or part as read, its unit possibly still unknown."""

    name: str
    figure: _Figure
    use: tuple | None
    last_line: int
    parts: list = field(default_factory=list)


@dataclass
class _Reading:
    kind: str  # table or prose
    total: _Figure | None = None
    items: list = field(default_factory=list)
    unit: str | None = None  # the table's unit, for figures printed without one
    year: int | None = None  # the year the sentence names (prose)

    def add(self, item, part):
        """A category, or a part of the last one: headed 其中, or a housing type under 住宅用地."""
        last = self.items[-1] if self.items else None
        housing = bool(item.use and item.use[0] == "residential" and item.use[1])
        if last is not None and (part or (housing and last.use == ("residential", ""))):
            last.parts.append(item)
        else:
            self.items.append(item)


def _name(text):
    """A printed label without serial number, leading verbs and spacing; and whether it was headed 其中."""
    text = squeeze(text)
    text = SERIAL.sub("", text)
    part = bool(PART_PREFIX.match(text))
    return LEADING_WORDS.sub("", text), part


def _category(name, strict=True):
    """The land use of a label that names a category (None for one the reader cannot place), or False."""
    if not name or len(name) > 24 or NOT_A_CATEGORY.search(name):
        return False
    use = category_of(name)
    if use is not None:
        return use
    return None if (not strict and name.endswith("用地")) else False


# --- Tables ---------------------------------------------------------------------------------------------------------


def _cells(text):
    """A line's cells, and whether they are TAB-separated (empty cells kept, so columns line up)."""
    text = LETTER_SPACED.sub(r"\1\2", text)
    cells = [cell.strip() for cell in CELL_SPLIT.split(text)]
    tabbed = "\t" in text
    return (cells if tabbed else [cell for cell in cells if cell]), tabbed


@dataclass
class _Header:
    label_index: int
    area_index: int  # among the cells after the label
    columns: int  # cells after the label
    unit: str | None


def _header(cells):
    """The header of a table with categories down the side, or None."""
    if len(cells) < 2 or any(FIGURE_CELL.match(cell) for cell in cells if cell):
        return None
    label = next((index for index, cell in enumerate(cells) if NAME_HEADER.match(squeeze(cell))), None)
    if label is None:
        return None
    after = [squeeze(cell) for cell in cells[label + 1 :]]
    candidates = [(i, cell) for i, cell in enumerate(after) if cell and not cell.startswith("其中")]
    area = next((i for i, cell in candidates if TOTAL_HEADER.search(cell)), None)
    if area is None:
        area = next((i for i, cell in candidates if AREA_HEADER.search(cell)), 0)
    unit = next((match[1] for cell in cells if (match := UNIT_IN_CELL.search(cell))), None)
    return _Header(label, area, len(after), unit)


def _across(cells):
    """A header with categories across (项目 | 合计 | 商服用地 | …): per column, 'total', a category name, or None."""
    if len(cells) < 3 or any(FIGURE_CELL.match(cell) for cell in cells if cell):
        return None
    columns, named = [], 0
    for cell in cells:
        name, _part = _name(cell)
        if TOTAL_LABEL.match(name):
            columns.append("total")
        elif _category(name) is not False:
            columns.append(cell)
            named += 1
        else:
            columns.append(None)
    return columns if named >= 2 else None


def _row(cells):
    """(label, [(cell index after the label, figure, unit)], cells after the label) of a table row, or None."""
    if len(cells) == 1:
        match = LINE_ROW.match(cells[0])
        if match is None:
            return None
        return match["label"], [(0, _figure(match["num"]), match["unit"])], 1
    label_index = next((i for i, cell in enumerate(cells) if cell and not FIGURE_CELL.match(cell)), None)
    if label_index is None or any(cell and not SERIAL_CELL.match(cell) for cell in cells[:label_index]):
        return None
    figures = []
    for index, cell in enumerate(cells[label_index + 1 :]):
        match = FIGURE_CELL.match(cell)
        if match:
            figures.append((index, _figure(match[1]), match[2]))
    return (cells[label_index], figures, len(cells) - label_index - 1) if figures else None


class _TableReader:
    """Tables of one document, line by line."""

    def __init__(self):
        self.readings = []
        self.unit = None  # from the last 单位 line
        self.header = None
        self.across = None
        self.across_line = None
        self.current = None

    def finish(self):
        if self.current is not None and (self.current.items or self.current.total):
            self.readings.append(self.current)
        self.current, self.header, self.across = None, None, None

    def line(self, number, text):
        if not text:
            return  # a page break inside a table
        cells, tabbed = _cells(text)
        unit = UNIT_LINE.search(text)
        if unit and len(text) <= 30:
            self.unit = unit[1]
            if len(cells) == 1:
                return
        across = _across(cells)
        if across is not None:
            self.finish()
            self.across, self.across_line = across, number
            self.current = _Reading("table", unit=self.unit)
            return
        header = _header(cells)
        if header is not None:
            if self.header is not None and self.current is not None and header.columns == self.header.columns:
                return  # the header printed again after a page break
            self.finish()
            self.header = header
            self.current = _Reading("table", unit=header.unit or self.unit)
            return
        if self.across is not None:
            self._across_values(number, cells)
            return
        row = _row(cells)
        if row is None:
            if self.current is not None and self.current.items:
                self.finish()
            return
        self._row(number, *row, tabbed)

    def _across_values(self, number, cells):
        columns, reading = self.across, self.current
        unit = next((match[1] for cell in cells if (match := UNIT_IN_CELL.search(cell))), None) or reading.unit
        reading.unit = unit
        for index, column in enumerate(columns):
            match = FIGURE_CELL.match(cells[index]) if index < len(cells) else None
            if column is None or match is None:
                continue
            # The names are in the header's line, the figures in this one.
            figure = _Figure(_figure(match[1]), match[2] or unit, self.across_line)
            if column == "total":
                reading.total = figure
                continue
            name, part = _name(column)
            reading.add(_Item(name, figure, _category(name) or None, number), part)
        self.finish()

    def _row(self, number, label, figures, after, tabbed):
        name, part = _name(label)
        if SUBTOTAL_LABEL.match(name):
            return
        total = bool(TOTAL_LABEL.match(name))
        # A name the reader cannot place (其他用地) is a category in a table known to list categories.
        listing = self.header is not None or (self.current is not None and bool(self.current.items))
        use = None if total else _category(name, strict=not listing)
        if not total and use is False:
            if self.current is not None and self.current.items:
                self.finish()
            return
        if self.current is None:
            self.current = _Reading("table", unit=self.unit)
        value, unit = self._pick(figures, after, tabbed)
        figure = _Figure(value, unit or self.current.unit, number)
        if total:
            self.current.total = figure
        else:
            self.current.add(_Item(name, figure, use, number), part)

    def _pick(self, figures, after, tabbed):
        """The figure in the area column: by position where the row has the header's cells, else by count."""
        header = self.header
        if header is None:
            return figures[0][1:]
        by_index = {index: (value, unit) for index, value, unit in figures}
        if tabbed or after == header.columns:
            if header.area_index in by_index:
                return by_index[header.area_index]
        if len(figures) == header.columns:
            return figures[header.area_index][1:]
        return figures[0][1:]


# --- Prose ----------------------------------------------------------------------------------------------------------


def _prose_total(text):
    for match in SUPPLY_TOTAL.finditer(text):
        whole = match["plan"] or WHOLE.search(match["gap"])
        if whole and category_of(match["gap"]) is None and not SPLIT.search(match["gap"]):
            return match
    return SUM_TOTAL.search(text)


def _sentence_year(text, offset):
    """The last year named before ``offset`` in the sentence holding it."""
    start = max((m.end() for m in SENTENCE_BREAK.finditer(text, 0, offset)), default=0)
    years = YEAR.findall(text, start, offset)
    return int(years[-1]) if years else None


def _prose_items(paragraph, start, reading, skip=None):
    """Add the ``name figure unit`` items of the paragraph from ``start`` to the reading; how many were read."""
    text, count, depth, scanned = paragraph.text, 0, 0, start
    for match in PROSE_ITEM.finditer(text, start):
        if skip is not None and match.start() < skip.end() and skip.start() < match.end():
            continue
        for char in text[scanned : match.start()]:
            depth += char in "（("
            depth -= char in "）)"
        scanned = match.start()
        name, _part = _name(match["name"])
        use = _category(name, strict=False)
        if use is False:
            continue
        first = paragraph.line_of(match.start("name"))
        item = _Item(name, _Figure(_figure(match["num"]), match["unit"], first), use, paragraph.line_of(match.end()))
        reading.add(item, part=depth > 0)
        count += 1
    return count


_CAPTION = re.compile(r"[^\d。；;，,]{1,30}[：:]?")


def _prose_readings(source, blocks):
    found = paragraphs(source, blocks)
    readings, index = [], 0
    while index < len(found):
        paragraph = found[index]
        index += 1
        total = _prose_total(paragraph.text)
        if total is None:
            continue
        line = paragraph.line_of(total.start("num"))
        reading = _Reading(
            "prose",
            total=_Figure(_figure(total["num"]), total["unit"], line),
            year=_sentence_year(paragraph.text, total.start()),
        )
        _prose_items(paragraph, 0, reading, skip=total)
        # The list may go on in the paragraphs after it (numbered items), until one lists no category; a caption
        # between the total and the first item (二、供应结构) is passed over.
        while index < len(found) and _prose_total(found[index].text) is None:
            if not _prose_items(found[index], 0, reading) and (
                reading.items or not _CAPTION.fullmatch(found[index].text.strip())
            ):
                break
            index += 1
        readings.append(reading)
    return readings


# --- The plan -------------------------------------------------------------------------------------------------------


def _plan_year(source):
    document = source.document
    titles = [document.title]
    if document.instrument:
        titles.append(document.instrument.title)
    titles += [attachment.title for attachment in document.attachments]
    for title in titles:
        if PLAN_TITLE.search(squeeze(title)):
            year = YEAR.search(title)
            return True, int(year[1]) if year else None
    return False, None


def extract_plans(source: Source, blocks) -> list[PlanProposal]:
    """The land-supply plan a document prints, as one proposal; nothing for other documents."""
    is_plan, year = _plan_year(source)
    if not is_plan:
        return []
    tables = _TableReader()
    for number in source.numbers():
        tables.line(number, source.text(number))
    tables.finish()
    readings = [
        reading
        for reading in tables.readings + _prose_readings(source, blocks)
        if year is None or reading.year is None or reading.year == year
    ]
    listed = [reading for reading in readings if reading.items]
    if not listed:
        return []
    best = max(listed, key=lambda reading: (reading.total is not None, len(reading.items), reading.kind == "table"))
    totals = [reading.total for reading in readings if reading.total is not None and reading is not best]
    if year is None:
        year = best.year
    return [_proposal(source, year, best, totals)]


def _proposal(source, year, reading, other_totals):
    warnings = []
    unit_assumed = False

    def unit_of(figure):
        nonlocal unit_assumed
        if figure.unit is None:
            unit_assumed = True
            return HECTARE
        return figure.unit

    def category(item):
        unit = unit_of(item.figure)
        metres = square_metres(item.figure.value, unit)
        use = item.use or (None, "")
        return PlanCategory(
            name=item.name,
            area=item.figure.value,
            unit=unit,
            area_ha=hectares(metres),
            land_use=use[0],
            housing_type=use[1] if use[0] == "residential" else "",
            span=Span(item.figure.line, max(item.last_line, item.figure.line)),
            parts=[category(part)[0] for part in item.parts],
        ), metres

    categories, exact = [], Fraction(0)
    for item in reading.items:
        made, metres = category(item)
        parts = sum((square_metres(part.area, part.unit) for part in made.parts), Fraction(0))
        if parts > metres:
            warnings.append("parts_exceed")
        categories.append(made)
        exact += metres
    total, total_unit, total_ha = None, None, hectares(exact)
    if reading.total is None:
        other = next(iter(other_totals), None)
        if other is not None:
            reading.total, other_totals = other, other_totals[1:]
    if reading.total is not None:
        total, total_unit = reading.total.value, unit_of(reading.total)
        total_metres = square_metres(total, total_unit)
        total_ha = hectares(total_metres)
        if total_metres != exact:
            warnings.append("sum_mismatch")
    else:
        warnings.append("no_total")
    other_total_ha = None
    for other in other_totals:
        other_ha = hectares(square_metres(other.value, other.unit or total_unit or HECTARE))
        if other_ha != total_ha:
            other_total_ha = other_ha
            warnings.append("totals_differ")
            break
    if unit_assumed:
        warnings.append("unit_assumed")
    lines = [category.span for category in categories]
    if reading.total is not None:
        lines.append(Span(reading.total.line, reading.total.line))
    return PlanProposal(
        document=source.ref,
        year=year,
        total=total,
        total_unit=total_unit,
        total_ha=total_ha,
        categories=categories,
        categories_ha=hectares(exact),
        unit_assumed=unit_assumed,
        warnings=list(dict.fromkeys(warnings)),
        other_total_ha=other_total_ha,
        span=Span(min(span.start for span in lines), max(span.end for span in lines)),
    )
