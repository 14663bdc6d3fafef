"""Parcels proposed from 批复: every parcel approval of the shared gazettes as typed in expected/parcels.py, with the
line it was read from; land.prefill is the same reading."""

from decimal import Decimal

from gazette.extraction import extract_gazette, parcels
from gazette.parsing import parse_gazette
from land import prefill
from tests.gazette.expected.parcels import PARCELS
from tests.gazette.extracted import SAMPLES, SHARED_FILES, all_of, sample, shared
from tests.shared import gazette_text


def as_expected(parcel):
    money = {"area": parcel.area, "start_price_wan": parcel.start_price_wan, "deposit_wan": parcel.deposit_wan}
    return {
        "document": parcel.document.key,
        "parcel_no": parcel.parcel_no,
        "location": parcel.location,
        "area": str(money["area"]),
        "area_unit": parcel.area_unit,
        "method": parcel.method,
        "use": parcel.use,
        "term_years": parcel.term_years,
        "start_price_wan": str(money["start_price_wan"]) if money["start_price_wan"] is not None else None,
        "deposit_wan": str(money["deposit_wan"]) if money["deposit_wan"] is not None else None,
    }


def test_every_parcel_approval_of_the_shared_gazettes_is_read_as_printed():
    found = [as_expected(parcel) for name in SHARED_FILES for parcel in all_of(shared(name), "parcels")]
    assert found == PARCELS


def test_a_parcel_points_at_the_lines_that_grant_it():
    lines = gazette_text("xingxian-2022-2.txt").split("\n")
    for parcel in all_of(shared("xingxian-2022-2.txt"), "parcels"):
        granted = "".join(lines[parcel.span.start - 1 : parcel.span.end]).replace(" ", "")
        assert parcel.parcel_no in granted and "同意" in granted
        assert parcel.prefill.area.value == parcel.area


def test_land_prefill_is_the_extractions_reading():
    assert prefill.prefill_approval is parcels.prefill_approval
    (item,) = prefill.prefill_approval(
        "同意将位于某县城关镇的 2024-01 号宗地，面积为 2 公顷的国有建设用地使用权以划拨方式供应。"
    ).parcels
    assert (item.number.value, item.area.value, item.area_unit.value) == ("2024-01", Decimal("2"), "ha")


def test_documents_other_than_approvals_propose_no_parcels():
    extractions = shared("xingxian-2023-4.txt")
    assert all(e.parcels == [] for e in extractions if "批复" not in e.document.title)


# --- The same behaviours on an invented sample, which always runs ---------------------------------------------------

LAND = "extract-land-and-compensation.txt"
INVENTED = [
    {
        "document": "梅政函〔2023〕41号",
        "parcel_no": "2023-02-01",
        "location": "梅川县杨柳镇河湾村",
        "area": "21450.36",
        "area_unit": "m2",
        "method": "allocation",
        "use": "公路用地",
        "term_years": None,
        "start_price_wan": None,
        "deposit_wan": None,
    },
    {
        "document": "梅政函〔2023〕41号",
        "parcel_no": "2023-02-05",
        "location": "梅川县杨柳镇河湾村",
        "area": "9876.5",
        "area_unit": "m2",
        "method": "allocation",
        "use": "公路用地",
        "term_years": None,
        "start_price_wan": None,
        "deposit_wan": None,
    },
    {
        "document": "梅政函〔2023〕43号",
        "parcel_no": "2023-03-01",
        "location": "梅川县城关镇南关村",
        "area": "6200",
        "area_unit": "m2",
        "method": "allocation",
        "use": "公用设施用地",
        "term_years": None,
        "start_price_wan": None,
        "deposit_wan": None,
    },
    {
        "document": "梅政函〔2023〕43号",
        "parcel_no": "2023-03-02",
        "location": "梅川县城关镇南关村",
        "area": "4100",
        "area_unit": "m2",
        "method": "allocation",
        "use": "公用设施用地",
        "term_years": None,
        "start_price_wan": None,
        "deposit_wan": None,
    },
    {
        "document": "梅政函〔2023〕45号",
        "parcel_no": "2023-04",
        "location": "梅川县城关镇东街社区",
        "area": "1.2056",
        "area_unit": "ha",
        "method": "allocation",
        "use": "社会福利用地",
        "term_years": None,
        "start_price_wan": None,
        "deposit_wan": None,
    },
    {
        "document": "梅政函〔2023〕52号",
        "parcel_no": "2023-06",
        "location": "梅川县杨柳镇北坡村",
        "area": "42310.8",
        "area_unit": "m2",
        "method": "listing",
        "use": "工业用地",
        "term_years": 50,
        "start_price_wan": "1580",
        "deposit_wan": "1600",
    },
]
COMPARED = {parcel["document"] for parcel in INVENTED}


def test_every_parcel_approval_of_an_invented_issue_is_read_as_printed():
    found = [as_expected(parcel) for parcel in all_of(sample(LAND), "parcels")]
    assert [parcel for parcel in found if parcel["document"] in COMPARED] == INVENTED


def test_an_invented_listing_gives_its_price_increment_from_the_sentence_after_the_grant():
    (parcel,) = [p for p in all_of(sample(LAND), "parcels") if p.document.key == "梅政函〔2023〕52号"]
    assert parcel.prefill.increment.value == Decimal("10")
    assert parcel.span.end == 47  # the prices follow the grant


def test_an_invented_parcel_points_at_the_lines_that_grant_it():
    lines = (SAMPLES / LAND).read_text(encoding="utf-8").split("\n")
    parcels = [p for p in all_of(sample(LAND), "parcels") if p.document.key in COMPARED]
    for parcel in parcels:
        granted = "".join(lines[parcel.span.start - 1 : parcel.span.end]).replace(" ", "")
        assert parcel.parcel_no in granted and "同意" in granted
        assert parcel.prefill.area.value == parcel.area


def test_approvals_of_no_land_and_documents_other_than_approvals_propose_no_parcels():
    by_key = {e.document.key: e for e in sample(LAND)}
    assert by_key["梅政函〔2023〕57号"].parcels == []  # a 批复 of an inspection plan
    assert by_key["梅政发〔2023〕11号"].parcels == []  # a notice that names a parcel and a method
    assert by_key["梅政发〔2023〕14号"].parcels == []


# --- Parcel numbers that share one 宗地 or 地块 word, each with its own 号 -----------------------------------------

SHARED_WORD = "extract-parcels-shared-word.txt"


def parcel(document, number, location, area, unit, method, use, term=None):
    return {
        "document": document,
        "parcel_no": number,
        "location": location,
        "area": area,
        "area_unit": unit,
        "method": method,
        "use": use,
        "term_years": term,
        "start_price_wan": None,
        "deposit_wan": None,
    }


def test_every_parcel_number_before_one_shared_parcel_word_is_kept_with_its_own_area():
    """青政函〔2024〕8号: QS2024-03号、QS2024-04号、QS2024-05号宗地 (three areas in 公顷); 青政函〔2024〕11号:
    2024-07号和2024-08号地块."""
    east_bay, west_street = "青石县河口镇东湾村", "青石县城关镇西街社区"
    assert [as_expected(p) for p in all_of(sample(SHARED_WORD), "parcels")] == [
        parcel("青政函〔2024〕8号", "QS2024-03", east_bay, "1.2", "ha", "listing", "工业用地", 50),
        parcel("青政函〔2024〕8号", "QS2024-04", east_bay, "0.85", "ha", "listing", "工业用地", 50),
        parcel("青政函〔2024〕8号", "QS2024-05", east_bay, "2.3", "ha", "listing", "工业用地", 50),
        parcel("青政函〔2024〕11号", "2024-07", west_street, "8000", "m2", "allocation", "教育用地"),
        parcel("青政函〔2024〕11号", "2024-08", west_street, "12000", "m2", "allocation", "教育用地"),
    ]


def test_parcels_sharing_a_parcel_word_point_at_the_granting_line():
    assert {(p.parcel_no, p.span.start, p.span.end) for p in all_of(sample(SHARED_WORD), "parcels")} == {
        ("QS2024-03", 22, 22),
        ("QS2024-04", 22, 22),
        ("QS2024-05", 22, 22),
        ("2024-07", 39, 39),
        ("2024-08", 39, 39),
    }


# --- Approvals that name the project and print no parcel number -----------------------------------------------------


def test_an_approval_that_names_only_its_project_proposes_a_parcel_without_number():
    """东政函〔2023〕31号 (narrow wrapping): 关于同意东平县第二中学迁建项目…划拨方案的批复, 同意该宗地以划拨方式供应."""
    narrow = all_of(sample("narrow-no-contents.txt"), "parcels")
    (found,) = [p for p in narrow if p.document.key == "东政函〔2023〕31号"]
    assert (found.parcel_no, found.project) == ("", "东平县第二中学迁建项目")
    assert (found.method, found.use, found.area) == ("allocation", "东平县第二中学迁建项目用地", None)
    assert (found.span.start, found.span.end) == (47, 55)  # from the title to the sentence granting the supply


def test_a_parcel_called_a_plot_in_an_issue_without_contents_is_read_as_printed():
    # fu-series-no-contents.txt (惠溪县, typed by hand): 2024-06号地块 approved under a bare title and 惠溪府函.
    (parcel,) = all_of(sample("fu-series-no-contents.txt"), "parcels")
    assert (parcel.document.number, parcel.parcel_no, parcel.location, parcel.area, parcel.area_unit) == (
        "惠溪府函〔2024〕45号",
        "2024-06",
        "城南镇新塘村",
        Decimal("12345.6"),
        "m2",
    )
    assert (parcel.method, parcel.use, parcel.term_years, parcel.start_price_wan, parcel.deposit_wan) == (
        "listing",
        "城镇住宅用地",
        70,
        Decimal("3200"),
        Decimal("1600"),
    )
    assert (parcel.span.start, parcel.span.end) == (21, 21)


def test_parcels_listed_in_a_table_take_each_rows_figures():
    # extract-parcels-table.txt (青林县, typed by hand): 以挂牌方式出让下列宗地 and a TAB table of two parcels, the
    # area's and the price's units in the header.
    found = all_of(sample("extract-parcels-table.txt"), "parcels")
    assert [
        (p.parcel_no, p.location, p.area, p.area_unit, p.use, p.term_years, p.start_price_wan, p.method, p.span.start)
        for p in found
    ] == [
        ("2025-04", "城关镇东街村", Decimal("15000"), "m2", "商服用地", 40, Decimal("1800"), "listing", 7),
        ("2025-05", "城关镇西街村", Decimal("22000.5"), "m2", "城镇住宅用地", 70, Decimal("2600"), "listing", 8),
    ]
    first = found[0].prefill
    assert (first.township.value, first.village.value, first.land_use.value) == ("城关镇", "东街村", "commercial")
    assert first.area.sentence == "2025-04 城关镇东街村 15000 商服用地 40年 1800"


def test_a_parcel_table_without_numbers_in_the_sentences_gives_the_parcels():
    rows = ["宗地编号\t面积（公顷）\t用途", "2025-07\t1.2\t教育用地", "2025-08\t0.8\t医疗卫生用地"]
    text = "\n".join(["经研究，同意以划拨方式供应下列宗地：", *rows])
    found = parcels.prefill_approval(text, "关于同意国有建设用地使用权划拨方案的批复").parcels
    assert [(p.number.value, p.area.value, p.area_unit.value, p.land_use.value, p.method.value) for p in found] == [
        ("2025-07", Decimal("1.2"), "ha", "public", "allocation"),
        ("2025-08", Decimal("0.8"), "ha", "public", "allocation"),
    ]


def test_parcel_numbers_that_hard_wrapping_cut_inside_their_letters_are_whole():
    # 青石县 (invented), 12 characters a line: `…东湾村的QS2024-03号、Q` | `S2024-04号…`.
    text = (
        "青石县人民政府关于同意QS\n2024-03号等宗地国有建设用\n地使用权挂牌出让方案的批\n复\n青政函〔2024〕8号\n"
        "县自然资源局：\n你局《关于QS2024-03号等宗\n地国有建设用地使用权挂牌\n出让方案的请示》收悉。经\n研究，现批复如下：\n"
        "一、同意将位于青石县河口\n镇东湾村的QS2024-03号、Q\nS2024-04号宗地，面积分别\n为1.2公顷、0.85公顷的国\n"
        "有建设用地使用权以挂牌方\n式出让，用途为工业用地，\n出让年限为50年。\n二、请你局严格按照有关规\n定组织实施。\n"
        "青石县人民政府\n2024年5月6日\n"
    )
    found = all_of(extract_gazette(parse_gazette(text), text), "parcels")
    assert [(p.parcel_no, p.area, p.area_unit, p.method, p.use, p.term_years) for p in found] == [
        ("QS2024-03", Decimal("1.2"), "ha", "listing", "工业用地", 50),
        ("QS2024-04", Decimal("0.85"), "ha", "listing", "工业用地", 50),
    ]
