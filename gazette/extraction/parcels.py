"""Parcels: a 批复 that approves supplying parcels (划拨 or 出让), read into the parcels' figures. No Django here.

Every value comes with the sentence it was read from, so that a data manager can check it against the
document before anything is saved. Nothing here knows a particular county: rules match how such approvals
are phrased (位于…, 面积为…, 以挂牌方式出让, 容积率不低于…, 起始价为…万元), not names.

``prefill_approval(text, title)`` reads a 批复's text (land.prefill adapts it for the land app);
``extract_parcels(source, blocks)`` gives one ``ParcelProposal`` per parcel of a parsed document.
"""

import re
import unicodedata
from dataclasses import dataclass, field, fields
from decimal import Decimal

from gazette.parsing.result import Span
from gazette.parsing.text import squeeze

from .common import DocumentRef, Source

# Area units as written → the codes the land app stores (land.units: m2, ha, mu).
SQUARE_METRE, HECTARE, MU = "m2", "ha", "mu"
UNIT_BY_WRITTEN = {
    "平方米": SQUARE_METRE,
    "㎡": SQUARE_METRE,
    "m2": SQUARE_METRE,
    "m²": SQUARE_METRE,
    "公顷": HECTARE,
    "亩": MU,
}


def tidy(value):
    """A Decimal without trailing zeros and never in exponent form (154370, not 1.5437E+5)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


@dataclass(frozen=True)
class Sourced:
    """A value read from the document and the sentence that says it."""

    value: object
    sentence: str


@dataclass
class ParcelPrefill:
    """What one approved parcel's fields would be; a field not found is None."""

    number: Sourced | None = None
    project: Sourced | None = None  # the project an approval without parcel numbers names the land by
    location: Sourced | None = None
    township: Sourced | None = None
    village: Sourced | None = None
    area: Sourced | None = None
    area_unit: Sourced | None = None
    use_text: Sourced | None = None
    land_use: Sourced | None = None
    housing_type: Sourced | None = None
    method: Sourced | None = None
    term_years: Sourced | None = None
    recipient: Sourced | None = None
    plot_ratio_min: Sourced | None = None
    plot_ratio_max: Sourced | None = None
    density_max: Sourced | None = None
    coverage_min: Sourced | None = None
    green_min: Sourced | None = None
    green_max: Sourced | None = None
    height_max: Sourced | None = None
    starting_price: Sourced | None = None
    deposit: Sourced | None = None
    increment: Sourced | None = None
    reserve_price_set: Sourced | None = None

    def values(self):
        return {item.name: getattr(self, item.name).value for item in fields(self) if getattr(self, item.name)}

    def sources(self):
        return {item.name: getattr(self, item.name).sentence for item in fields(self) if getattr(self, item.name)}


@dataclass
class ApprovalPrefill:
    """The parcels a 批复 approves; empty when it approves no supply of land."""

    parcels: list[ParcelPrefill] = field(default_factory=list)


NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
PARCEL_NUMBER = r"[A-Za-z]{0,6}\d{4}(?:-\d{1,4}){1,2}"
AREA_FIGURE = rf"({NUM})\s*(平方米|m2|m²|公顷|亩)"
# Methods as written → SupplyMethod values (land.models); 作价出资 is also written 作价入股.
METHODS = {
    "划拨": "allocation",
    "招标": "tender",
    "拍卖": "auction",
    "挂牌": "listing",
    "协议": "agreement",
    "租赁": "lease",
    "作价出资": "capital",
    "作价入股": "capital",
}
METHOD_WORDS = "|".join(METHODS)
# Words in a written use → (LandUse, HousingType) values; the first that matches wins.
USE_KEYWORDS = [
    (("保障性", "安居", "公租", "廉租", "经济适用", "棚户区改造"), ("residential", "affordable")),
    (("中小套型",), ("residential", "small_commodity")),
    (("商品住",), ("residential", "commodity")),
    (("住宅", "居住", "住房"), ("residential", "")),
    (
        ("商业", "商服", "零售", "批发", "餐饮", "旅馆", "住宿", "商务", "金融", "娱乐", "加油", "市场"),
        ("commercial", ""),
    ),
    (("工业", "仓储", "工矿", "采矿", "物流"), ("industrial", "")),
    (
        ("公路", "铁路", "交通", "道路", "街巷", "机场", "港口", "码头", "管道", "轨道", "场站", "停车"),
        ("transport", ""),
    ),
    (("水工", "水利", "水域", "水库", "沟渠"), ("water", "")),
    (("殡葬", "军事", "宗教", "监教", "使领馆", "特殊", "风景名胜"), ("special", "")),
    (
        (
            "机关",
            "团体",
            "新闻",
            "科教",
            "教育",
            "科研",
            "学校",
            "小学",
            "中学",
            "幼儿园",
            "医疗",
            "医院",
            "卫生",
            "慈善",
            "福利",
            "文化",
            "体育",
            "公共",
            "公用",
            "社区服务",
            "托育",
            "养老",
            "公园",
            "广场",
        ),
        ("public", ""),
    ),
]
MAX_WORDS = r"小于或等于|小于等于|不超过|不高于|不大于|不得超过|不得高于|不得大于|≤|<=|≦|小于|低于|<"
MIN_WORDS = r"大于或等于|大于等于|不低于|不小于|不得低于|不得小于|≥|>=|≧|大于|高于|>"
# Planning indicators: written names, and which bound a bare figure (容积率为1.2) sets.
INDICATORS = {
    "plot_ratio": (r"容积率", "max"),
    "density": (r"建筑密度", "max"),
    "coverage": (r"建筑系数", "min"),
    "green": (r"绿地率|绿化率", "min"),
    "height": (r"建筑限高|建筑高度|建筑物高度|限高", "max"),
}
INDICATOR_FIELDS = {
    ("plot_ratio", "min"): "plot_ratio_min",
    ("plot_ratio", "max"): "plot_ratio_max",
    ("density", "max"): "density_max",
    ("coverage", "min"): "coverage_min",
    ("green", "min"): "green_min",
    ("green", "max"): "green_max",
    ("height", "max"): "height_max",
}
PRICES = {
    "starting_price": r"(?:起始价|起拍价|起叫价)(?:格)?",
    "deposit": r"(?:竞买|竞投|投标)?保证金",
    "increment": r"(?:增价|加价)幅度",
}
MONEY_IN_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10_000)}
CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def prefill_approval(text, title=""):
    """The parcels whose supply the 批复 with this body ``text`` and ``title`` approves. Lines holding TABs are a
    table's rows (approval_text and extract_parcels print them so); a table of parcels gives each row's figures."""
    lines = (text or "").split("\n")
    rows = _table_parcels([line for line in lines if "\t" in line])
    text = "\n".join(line for line in lines if "\t" not in line)
    sentences = [(sentence, _normal(sentence)) for sentence in split_sentences(text)]
    heading = [(title, _normal(title))] if title else []
    method = _method(sentences) or _method_from_title(heading)
    if method is None:
        return ApprovalPrefill()  # approves no 划拨 or 出让 (a surcharge, a cancelled licence…)
    numbers = _parcel_numbers(sentences) or _parcel_numbers(heading) or [row["number"] for row in rows]
    areas = _areas(sentences)
    projects = [None] * len(numbers)
    if not numbers:
        # Many counties approve land for a named project and print no parcel number: such a parcel is proposed
        # without one, for the data manager to number (land keys parcels by number).
        found = _projects(sentences) or _projects(heading, granting=False)
        if not found:
            return ApprovalPrefill()
        projects = [project for project, _area in found]
        numbers = [None] * len(found)
        if any(area for _project, area in found):
            areas = [area for _project, area in found]
    if len(areas) != len(numbers):
        areas = [None] * len(numbers)  # a total for several parcels, or figures that do not pair up
    shared = ParcelPrefill(method=method)
    location = _location(sentences)
    if location:
        shared.location, shared.township, shared.village = location
    use = _use(sentences)
    if use:
        shared.use_text, shared.land_use, shared.housing_type = use
    shared.term_years = _term(sentences)
    shared.recipient = _recipient(sentences)
    for name, value in _indicators(sentences).items():
        setattr(shared, name, value)
    for name, value in _prices(sentences).items():
        setattr(shared, name, value)
    shared.reserve_price_set = _reserve(sentences)
    by_number = {}
    for row in rows:
        by_number.setdefault(row["number"].value, row)
    parcels = []
    for number, project, area in zip(numbers, projects, areas, strict=True):
        parcel = ParcelPrefill(**{item.name: getattr(shared, item.name) for item in fields(shared)})
        parcel.number, parcel.project = number, project
        if area:
            parcel.area, parcel.area_unit = area
        if project and not parcel.use_text:
            parcel.use_text, parcel.land_use, parcel.housing_type = _classified(
                f"{project.value}用地", project.sentence
            )
        row = by_number.get(number.value, {}) if number else {}
        for name, value in row.items():  # the row is the parcel's own; the sentences speak of them all
            setattr(parcel, name, value)
        parcels.append(parcel)
    return ApprovalPrefill(parcels=parcels)


# A table of parcels: a header naming the number column and the others by these words; the unit of an area or a
# price in the header's brackets (面积（平方米）, 起始价（万元）) or in the cell.
_TABLE_COLUMNS = {
    "number": re.compile(r"编号|宗地号|地块号"),
    "location": re.compile(r"位置|坐落|地点"),
    "area": re.compile(r"面积"),
    "use_text": re.compile(r"用途"),
    "term_years": re.compile(r"年限|年期"),
    "starting_price": re.compile(PRICES["starting_price"]),
    "deposit": re.compile(PRICES["deposit"]),
}
_HEADER_UNIT = re.compile(r"[（(](?P<unit>平方米|㎡|m2|m²|公顷|亩|万元|元|亿元)[）)]")


def _table_parcels(lines):
    """Each row of a parcel table as {field: Sourced}, the row as printed its source."""
    found, columns, units = [], None, {}
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        named = {
            name: index
            for index, cell in enumerate(cells)
            for name, word in _TABLE_COLUMNS.items()
            if word.search(cell)
        }
        if "number" in named and len(named) >= 2:
            columns = {name: index for name, index in reversed(list(named.items()))}
            units = {index: match["unit"] for index, cell in enumerate(cells) if (match := _HEADER_UNIT.search(cell))}
            continue
        number = (
            re.fullmatch(rf"({PARCEL_NUMBER})号?", _normal(cells[columns["number"]]))
            if columns and columns["number"] < len(cells)
            else None
        )
        if number:
            found.append(_table_row(cells, columns, units, number[1], line.replace("\t", " ")))
    return found


def _table_row(cells, columns, units, number, sentence):
    row = {"number": Sourced(number, sentence)}

    def cell(name):
        index = columns.get(name)
        return _normal(cells[index]).strip() if index is not None and index < len(cells) else ""

    if location := cell("location"):
        row["location"] = Sourced(location, sentence)
        if parts := _place_parts(location):
            row["township"] = Sourced(parts[0], sentence)
            if parts[1]:
                row["village"] = Sourced(parts[1], sentence)
    if match := re.fullmatch(rf"({NUM})\s*(平方米|m2|m²|公顷|亩)?", cell("area")):
        unit = match[2] or units.get(columns["area"])
        if unit in UNIT_BY_WRITTEN:
            row["area"] = Sourced(Decimal(match[1].replace(",", "")), sentence)
            row["area_unit"] = Sourced(UNIT_BY_WRITTEN[unit], sentence)
    if use := cell("use_text"):
        row["use_text"], row["land_use"], row["housing_type"] = _classified(use, sentence)
        if row["housing_type"] is None:
            del row["housing_type"]
        if row["land_use"] is None:
            del row["land_use"]
    if match := re.fullmatch(r"(\d{1,3})\s*年?", cell("term_years")):
        row["term_years"] = Sourced(int(match[1]), sentence)
    for name in ("starting_price", "deposit"):
        if match := re.fullmatch(rf"({NUM})\s*(亿元|万元|元)?", cell(name)):
            unit = match[2] or units.get(columns.get(name), "万元")
            if unit in MONEY_IN_WAN:
                row[name] = Sourced(tidy(Decimal(match[1].replace(",", "")) * MONEY_IN_WAN[unit]), sentence)
    return row


def split_sentences(text):
    """Sentences: split after 。；！？ and at line ends, white space at the ends removed."""
    pieces = re.split(r"(?<=[。；;！？!?])|\n", text or "")
    return [piece.strip() for piece in pieces if piece.strip()]


def _normal(sentence):
    """Full-width letters, digits and signs as half-width (NFKC), for matching only."""
    return unicodedata.normalize("NFKC", sentence)


def _first(sentences, pattern):
    for sentence, normal in sentences:
        match = re.search(pattern, normal)
        if match:
            return match, sentence
    return None, None


def _method(sentences):
    match, sentence = _first(sentences, rf"(?:以|采取|采用|通过|按)\s*({METHOD_WORDS})\s*(?:的)?方式")
    return Sourced(METHODS[match[1]], sentence) if match else None


def _method_from_title(heading):
    match, sentence = _first(heading, rf"({METHOD_WORDS})(?:出让|供应)?方案|({METHOD_WORDS})出让")
    if not match:
        return None
    return Sourced(METHODS[match[1] or match[2]], sentence)


def _parcel_numbers(sentences):
    # 2023-03-01、2023-03-02号宗地, or each number with its own 号 (2023-03-01号、2023-03-02号宗地).
    listed = rf"({PARCEL_NUMBER}(?:\s*号?\s*[、,和及与]\s*{PARCEL_NUMBER})*)\s*号?\s*(?:宗地|地块)"
    named = rf"(?:宗地|地块)?编号(?:为|是|:)?\s*({PARCEL_NUMBER})"
    # The sentence granting the supply (同意…) before any other, such as the one citing the request's title.
    granting = [(sentence, normal) for sentence, normal in sentences if "同意" in normal]
    for group in (granting, sentences):
        for pattern in (named, listed):
            match, sentence = _first(group, pattern)
            if match:
                return [Sourced(number, sentence) for number in re.findall(PARCEL_NUMBER, match[1])]
    return []


def _areas(sentences):
    pattern = (
        rf"(?<!建筑)面积(?:分别|共计|合计|约)?(?:为|是|:)?\s*({AREA_FIGURE}(?:\s*(?:和|、|及|与|,)\s*{AREA_FIGURE})*)"
    )
    match, sentence = _first(sentences, pattern)
    if not match:
        return []
    return [
        (Sourced(Decimal(figure.replace(",", "")), sentence), Sourced(UNIT_BY_WRITTEN[unit], sentence))
        for figure, unit in re.findall(AREA_FIGURE, match[1])
    ]


PLACE = r"[\u4e00-\u9fff]"


def _location(sentences):
    match, sentence = _first(sentences, r"(?:位于|坐落于|座落于|地处)\s*([^,。;:]+?)(?:的|,|。|;|$)")
    if not match:
        return None
    written = match[1].strip()
    parts = _place_parts(written)
    township = Sourced(parts[0], sentence) if parts else None
    village = Sourced(parts[1], sentence) if parts and parts[1] else None
    return Sourced(written, sentence), township, village


def _place_parts(written):
    """(township, village or None) of a written location, None when it names no township."""
    parts = re.match(
        rf"(?:[^镇乡]{{1,6}}?(?:省|自治区|市|州|盟|县|旗|区))*"
        rf"(?P<township>{PLACE}{{1,8}}?(?:镇|乡|街道))(?P<village>{PLACE}{{1,12}}?(?:村|社区|居委会))?",
        written,
    )
    return (parts["township"], parts["village"]) if parts else None


def _use(sentences):
    match, sentence = _first(sentences, r"用途(?:为|是|:)\s*([^,。;()]{1,20}?用地)")
    return _classified(match[1].strip(), sentence) if match else None


def _classified(written, sentence):
    """(use as written, LandUse, HousingType), each Sourced; the last two None where no keyword tells."""
    for words, (land_use, housing_type) in USE_KEYWORDS:
        if any(word in written for word in words):
            return (
                Sourced(written, sentence),
                Sourced(land_use, sentence),
                Sourced(housing_type, sentence) if housing_type else None,
            )
    return Sourced(written, sentence), None, None


# A project's land in the sentence granting it: 同意以划拨方式供应某某学校建设项目用地1.2公顷, or in the title
# 关于同意某某迁建项目国有建设用地使用权划拨方案的批复. The match runs from the sentence's start: the project begins
# after the last of the verbs before it.
_PROJECT_LAND = re.compile(
    rf"([^\s,。;:、]{{2,80}}?项目)(?:国有)?(?:建设)?用地(?:使用权)?(?:面积)?(?:为|共|约)?\s*(?:{AREA_FIGURE})?"
)
_BEFORE_PROJECT = re.compile(r".*(?:同意|供应|出让|划拨|用于|作为|关于)(?:给|将)?")


def _projects(sentences, granting=True):
    """[(project, area or None)], each Sourced, for the projects the granting sentences (or, granting=False, the
    title) supply land to."""
    found, seen = [], set()
    for sentence, normal in sentences:
        if granting and "同意" not in normal:
            continue
        for match in _PROJECT_LAND.finditer(normal):
            project = _BEFORE_PROJECT.sub("", match[1], count=1).removeprefix("该")
            if len(project) <= len("项目") or project in seen:
                continue
            seen.add(project)
            area = None
            if match[2]:
                area = (
                    Sourced(Decimal(match[2].replace(",", "")), sentence),
                    Sourced(UNIT_BY_WRITTEN[match[3]], sentence),
                )
            found.append((Sourced(project, sentence), area))
    return found


def _term(sentences):
    match, sentence = _first(
        sentences, r"(?:年限|年期|期限)(?:为|是|:)?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*年"
    )
    if not match:
        return None
    return Sourced(_integer(match[1]), sentence)


def _integer(written):
    if written.isdigit():
        return int(written)
    tens, _ten, ones = written.partition("十")
    if not _ten:
        return CHINESE_DIGITS[written]
    return CHINESE_DIGITS.get(tens, 1) * 10 + CHINESE_DIGITS.get(ones, 0)


def _recipient(sentences):
    match, sentence = _first(
        sentences, r"(?:供给|划拨给|供应给|出让给|交由)\s*([^,。;]+?)(?:使用|作为|用于)?(?:,|。|;|$)"
    )
    return Sourced(match[1].strip(), sentence) if match else None


def _indicators(sentences):
    found = {}
    for key, (names, default_bound) in INDICATORS.items():
        pattern = (
            rf"(?:{names})\s*(?:均|应|须|需)?\s*(?:为|:)?\s*(?P<cmp>{MAX_WORDS}|{MIN_WORDS})?\s*(?P<a>{NUM})\s*(?:%|米|m)?"
            rf"(?:\s*(?:-|—|~|～|至|到)\s*(?P<b>{NUM})\s*(?:%|米|m)?)?\s*(?P<post>以下|以内|以上)?"
            rf"(?:\s*(?:且|并且|,)?\s*(?P<cmp2>{MAX_WORDS}|{MIN_WORDS})\s*(?P<c>{NUM}))?"
        )
        for sentence, normal in sentences:
            for match in re.finditer(pattern, normal):
                for bound, value in _bounds(match, default_bound):
                    name = INDICATOR_FIELDS.get((key, bound))
                    if name and name not in found:
                        found[name] = Sourced(Decimal(value.replace(",", "")), sentence)
    return found


def _bounds(match, default_bound):
    if match["b"]:
        return [("min", match["a"]), ("max", match["b"])]
    if match["cmp"] and re.fullmatch(MAX_WORDS, match["cmp"]) or match["post"] in {"以下", "以内"}:
        bound = "max"
    elif match["cmp"] and re.fullmatch(MIN_WORDS, match["cmp"]) or match["post"] == "以上":
        bound = "min"
    else:
        bound = default_bound
    bounds = [(bound, match["a"])]
    if match["cmp2"]:
        bounds.append(("max" if re.fullmatch(MAX_WORDS, match["cmp2"]) else "min", match["c"]))
    return bounds


def _prices(sentences):
    found = {}
    for name, words in PRICES.items():
        match, sentence = _first(sentences, rf"{words}(?:为|是|:)?\s*(?:人民币)?\s*({NUM})\s*(亿元|万元|元)")
        if match:
            found[name] = Sourced(tidy(Decimal(match[1].replace(",", "")) * MONEY_IN_WAN[match[2]]), sentence)
    return found


def _reserve(sentences):
    match, sentence = _first(sentences, r"(不设|未设|无|设有|设置|设定|设)(?:置)?底价")
    if not match:
        return None
    return Sourced(match[1] not in {"不设", "未设", "无"}, sentence)


# --- Proposals from a parsed document -------------------------------------------------------------------------------


@dataclass
class ParcelProposal:
    document: DocumentRef
    parcel_no: str  # "" where the approval prints none
    project: str | None  # the project it names the land by instead
    location: str | None
    area: Decimal | None
    area_unit: str | None  # m2, ha or mu
    method: str | None  # allocation, tender, auction, listing, agreement, lease, capital
    use: str | None  # as written: 工业用地
    term_years: int | None
    start_price_wan: Decimal | None
    deposit_wan: Decimal | None
    span: Span
    prefill: ParcelPrefill  # every field read, each with its sentence


def approval_lines(blocks):
    """The text prefill_approval reads from a document's blocks (parsed, or stored as dicts): each paragraph, and
    each table row with its cells TAB-separated."""
    lines = []
    for block in blocks:
        kind, text, rows = (
            (block.get("kind"), block.get("text"), block.get("rows"))
            if isinstance(block, dict)
            else (block.kind, block.text, block.rows)
        )
        if kind == "table" and rows:
            lines += ["\t".join(row) for row in rows]
        elif text:
            lines.append(text)
    return "\n".join(lines)


def extract_parcels(source: Source, blocks) -> list[ParcelProposal]:
    """The parcels a 批复 approves supplying; nothing for other documents."""
    document = source.document
    if document.kind != "批复":
        return []
    text = approval_lines(blocks)
    proposals = []
    line_of = _LineFinder(source)
    for parcel in prefill_approval(text, document.title).parcels:
        values = parcel.values()
        line = line_of((parcel.number or parcel.project).sentence)
        proposals.append(
            ParcelProposal(
                document=source.ref,
                parcel_no=values.get("number", ""),
                project=values.get("project"),
                location=values.get("location"),
                area=values.get("area"),
                area_unit=values.get("area_unit"),
                method=values.get("method"),
                use=values.get("use_text"),
                term_years=values.get("term_years"),
                start_price_wan=values.get("starting_price"),
                deposit_wan=values.get("deposit"),
                span=Span(line, _last_line(line_of, parcel, line)),
                prefill=parcel,
            )
        )
    return proposals


_SENTENCE_LINES = 20  # how far a wrapped sentence is followed: further is not the same sentence


class _LineFinder:
    """The first line of the document holding a sentence's opening characters (the title's line if none). The
    parcels of one approval share their sentences: each is looked for once (looking for every parcel's sentences
    again in every line made a long list of parcels quadratic)."""

    def __init__(self, source):
        self.source = source
        self.found = {}
        self.ends = {}

    def __call__(self, sentence):
        if sentence not in self.found:
            probe = squeeze(sentence[:40])[:10]
            lines = (number for number in self.source.numbers() if probe and probe in self.source.squeezed(number))
            self.found[sentence] = next(lines, self.source.first)
        return self.found[sentence]

    def end(self, sentence):
        """The line where the sentence ends: in narrow wrapping, a few lines after the one it starts on."""
        if sentence not in self.ends:
            start = self(sentence)
            tail, seen, self.ends[sentence] = squeeze(sentence[-20:])[-10:], "", start
            for number in range(start, min(start + _SENTENCE_LINES, self.source.last + 1)):
                seen += self.source.squeezed(number)
                if tail in seen:
                    self.ends[sentence] = number
                    break
        return self.ends[sentence]


def _last_line(line_of, parcel, first):
    """The last line holding any sentence the parcel's values were read from."""
    last = first
    for sentence in parcel.sources().values():
        last = max(last, line_of.end(sentence))
    return last
