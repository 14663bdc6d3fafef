"""Prefilling a parcel from a 批复: every value with its sentence, on every parcel approval in the shared gazettes
and on invented approvals of another county written differently."""

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from demo import land as demo
from demo import xingxian as projects_demo
from gazette import services
from gazette.parsing import parse_gazette
from land import prefill, selectors, units
from tests.gazette.extracted import SAMPLES as GAZETTE_SAMPLES

SAMPLES = Path(__file__).parent / "samples"
# Every 批复 in the shared gazettes that approves supplying parcels, with the parcels it approves.
SHARED_APPROVALS = {
    "兴政函〔2022〕34号": ["2021-10-04", "2021-10-08"],
    "兴政函〔2022〕43号": ["2022-02"],
    "兴政函〔2022〕62号": ["2021-09"],
    "兴政函〔2023〕136号": ["2023-05"],
    "兴政函〔2023〕150号": ["2022-07"],
    "兴政函〔2023〕151号": ["2023-07"],
}
# 批复 that speak of 出让 without supplying a parcel (surcharges for earlier transfers).
SHARED_NON_SUPPLY = ["兴政函〔2022〕39号", "兴政函〔2022〕46号"]


def shared_documents():
    directory = settings.SHARED_GAZETTES_DIR
    if not directory.is_dir():
        pytest.skip(f"{directory} is not here: the real gazettes live beside the repository, in ../shared/gazettes/")
    documents = {}
    for path in sorted(directory.glob("*.txt")):
        for document in parse_gazette(path.read_text(encoding="utf-8")).documents:
            if document.number:
                documents[document.number] = document
    return documents


def body(document):
    return "\n".join(block.text for block in document.blocks)


@pytest.fixture(scope="module")
def shared():
    return shared_documents()


def test_every_parcel_approval_in_the_shared_gazettes_is_read_as_the_demo_enters_it(shared):
    """The demo's parcels were entered by hand from the documents; the prefill must read the same figures."""
    for number, parcel_numbers in SHARED_APPROVALS.items():
        document = shared[number]
        found = prefill.prefill_approval(body(document), document.title).parcels
        assert [item.number.value for item in found] == parcel_numbers, number
        for item in found:
            entered = next(entry for entry in demo.PARCELS if entry["number"] == item.number.value)
            values = item.values()
            assert entered["document"] == number
            assert values["area"] == Decimal(entered["area"]) and values["area_unit"] == entered["area_unit"]
            assert values["land_use"] == entered["land_use"] and values["method"] == entered["method"]
            assert values["use_text"] == entered["use_text"]
            assert values["location"] == entered["location_text"]
            assert values["township"] == entered["township"]
            assert values.get("term_years") == entered.get("term_years")
            assert values.get("recipient") == entered.get("recipient")
            assert values.get("reserve_price_set") == entered.get("reserve_price_set")
            for name in demo.DECIMAL_FIELDS:
                expected = Decimal(entered[name]) if name in entered else None
                assert values.get(name) == expected, (number, name)


def test_every_value_comes_with_a_sentence_of_the_document_that_contains_it(shared):
    for number in SHARED_APPROVALS:
        document = shared[number]
        text = document.title + "\n" + body(document)
        for item in prefill.prefill_approval(body(document), document.title).parcels:
            for name, sentence in item.sources().items():
                assert sentence in text, (number, name)
            assert item.number.value in item.number.sentence
            assert f"{item.area.value}" in item.area.sentence.replace(" ", "")


def test_the_listing_of_2021_09_reads_its_figures_and_not_the_boilerplate(shared):
    document = shared["兴政函〔2022〕62号"]
    (item,) = prefill.prefill_approval(body(document), document.title).parcels
    # The closing sentence names 协议出让 by mistake; the method is the one the approval grants.
    assert item.method.value == "listing" and "以挂牌方式出让" in item.method.sentence
    assert item.area.value == Decimal("154370") and item.area_unit.value == units.SQUARE_METRE
    assert (item.starting_price.value, item.deposit.value, item.increment.value) == (
        Decimal("4400"),
        Decimal("5000"),
        Decimal("110"),
    )
    assert item.term_years.value == 50 and item.reserve_price_set.value is True
    assert item.starting_price.sentence == item.deposit.sentence  # one sentence states both


def test_approvals_that_supply_no_parcel_prefill_nothing(shared):
    for number in SHARED_NON_SUPPLY:
        document = shared[number]
        assert prefill.prefill_approval(body(document), document.title).parcels == [], number


def sample(name):
    lines = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
    return prefill.prefill_approval("\n".join(lines[2:]), lines[0]).parcels


def test_an_auction_of_another_county_in_other_words():
    (item,) = sample("heyang-auction-approval.txt")
    values = item.values()
    assert values["number"] == "HY2024-012"
    assert (values["township"], values["village"]) == ("城关镇", "东关社区")
    assert values["area"] == Decimal("8.25") and values["area_unit"] == units.MU
    assert values["land_use"] == "commercial" and values["use_text"] == "零售商业用地"
    assert values["method"] == "auction" and values["term_years"] == 40
    assert (values["plot_ratio_min"], values["plot_ratio_max"]) == (Decimal("1.2"), Decimal("2.0"))
    assert values["density_max"] == Decimal("35") and values["green_min"] == Decimal("15")
    assert values["height_max"] == Decimal("24")
    assert values["starting_price"] == Decimal("516") and values["deposit"] == Decimal("260")
    assert values["increment"] == Decimal("5") and values["reserve_price_set"] is False
    assert "5,160,000元" in item.starting_price.sentence
    # The number is taken from the sentence granting the supply, not the one citing the request.
    assert item.number.sentence.startswith("一、同意")


def test_an_allocation_of_another_county_with_the_number_after_its_label():
    (item,) = sample("heyang-allocation-approval.txt")
    values = item.values()
    assert values["number"] == "HY2024-015" and values["method"] == "allocation"
    assert (values["township"], values["village"]) == ("南湖街道", "湖滨社区")
    assert values["area"] == Decimal("2.4") and values["area_unit"] == units.HECTARE
    assert values["land_use"] == "public" and values["recipient"] == "和阳县教育局"
    assert (values["plot_ratio_min"], values["plot_ratio_max"]) == (Decimal("0.5"), Decimal("1.5"))
    assert values["density_max"] == Decimal("30") and values["green_min"] == Decimal("35")
    assert values["height_max"] == Decimal("24")
    assert "starting_price" not in values


def test_an_approval_naming_projects_instead_of_parcel_numbers_proposes_a_parcel_for_each_project():
    first, second = sample("heyang-project-approval.txt")
    assert first.number is None and second.number is None
    assert first.project.value == "和阳县人民医院门诊楼扩建项目"
    assert second.project.value == "和阳县城南幼儿园建设项目"
    assert (first.area.value, first.area_unit.value) == (Decimal("0.6821"), units.HECTARE)
    assert (second.area.value, second.area_unit.value) == (Decimal("4350"), units.SQUARE_METRE)
    for item in (first, second):
        values = item.values()
        assert values["method"] == "allocation" and values["land_use"] == "public"
        assert (values["township"], values["village"]) == ("城关镇", "南街社区")
        assert item.project.sentence.startswith("一、同意以划拨方式供应")
    assert first.use_text.value == "和阳县人民医院门诊楼扩建项目用地"


def test_a_project_named_only_in_the_title_is_the_parcel_the_approval_supplies():
    title = "关于同意和阳县第三中学迁建项目国有建设用地使用权划拨方案的批复"
    (item,) = prefill.prefill_approval("县自然资源局：\n经研究，同意该宗地以划拨方式供应。", title).parcels
    assert item.number is None and item.project.value == "和阳县第三中学迁建项目"
    assert item.method.value == "allocation" and item.land_use.value == "public"
    assert item.area is None


def test_a_project_without_supply_or_with_a_printed_number_proposes_no_numberless_parcel():
    # Converting farmland for a project supplies nothing yet.
    converted = "一、同意将和阳县城关镇东街村集体土地1.2公顷转为建设用地，用于和阳县第二小学建设项目。"
    assert prefill.prefill_approval(converted, "关于2024年第一批次城镇建设用地的批复").parcels == []
    # Where the parcel's number is printed, the project beside it names no second parcel.
    numbered = "同意以划拨方式供应和阳县第二小学建设项目用地，宗地编号为HY2024-020，面积为1.2公顷。"
    (item,) = prefill.prefill_approval(numbered, "关于和阳县第二小学建设项目用地的批复").parcels
    assert item.number.value == "HY2024-020" and item.project is None


def test_the_prefill_names_no_county_and_imports_no_django():
    source = (Path(prefill.__file__)).read_text(encoding="utf-8")
    assert "兴" not in source
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(name and name.startswith("django") for name in imported)


@pytest.mark.django_db
def test_imported_approvals_become_proposals_with_the_county_organisations(shared, data_manager):
    """Through the database: the imported documents' stored paragraphs, the candidate list and the resolved names."""
    projects_demo.load_demo()
    rows = {
        row["document"].number: [item["label"] for item in row["parcels"]]
        for row in selectors.candidate_rows(data_manager)
    }
    assert {number: found for number, found in rows.items() if found} == SHARED_APPROVALS
    assert all(rows[number] == [] for number in SHARED_NON_SUPPLY)
    for row in selectors.candidate_rows(data_manager):
        document = row["document"]
        county = selectors.county_for_document(document)
        assert county is not None and county.short_name == "兴县"
        for item in row["parcels"]:
            proposal = selectors.parcel_proposal(document, item["index"], county)
            entered = next(entry for entry in demo.PARCELS if entry["number"] == item["label"])
            assert proposal.initial["township"].name == entered["township"]
            assert proposal.initial["area"] == Decimal(entered["area"])
            assert proposal.initial["approved_on"] == entered["signed"]
            assert set(proposal.sources) >= {"number", "area", "land_use", "method", "township"}


@pytest.mark.django_db
def test_an_imported_approval_with_a_parcel_table_prefills_each_row():
    # The stored blocks keep the table as rows: approval_text gives them to the reading as TAB lines.
    data = (GAZETTE_SAMPLES / "extract-parcels-table.txt").read_bytes()
    issue = services.import_gazette(data, name="extract-parcels-table.txt", county="青林县", year=2025, number=2).issue
    document = issue.documents.get()
    found = prefill.prefill_approval(selectors.approval_text(document), document.title).parcels
    assert [(p.number.value, p.area.value, p.term_years.value, p.starting_price.value) for p in found] == [
        ("2025-04", Decimal("15000"), 40, Decimal("1800")),
        ("2025-05", Decimal("22000.5"), 70, Decimal("2600")),
    ]
