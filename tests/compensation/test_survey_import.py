"""Excel import of survey results: the template, the row-by-row preview, and all rows in one transaction or none."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from common.messages import translated
from compensation import services, survey_sheet
from compensation.models import Household
from tests.compensation.factories import HouseholdFactory, ProjectFactory, RuleFactory, VersionFactory

DAY = datetime.date(2024, 3, 1)


def workbook(rows, header=survey_sheet.COLUMNS):
    book = Workbook()
    sheet = book.active
    sheet.append(["兴县城区棚户区改造三期 入户调查结果"])  # a title row above the header
    sheet.append(list(header))
    for row in rows:
        sheet.append([row.get(name, "") for name in header])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def version(db):
    version = VersionFactory(scheme__project=ProjectFactory())
    RuleFactory(version=version, code="relocation", amount=30)
    RuleFactory(version=version, code="brick", basis="storey_area", amount=500, conditions={"structures": ["砖混"]})
    return version


@pytest.fixture
def project(version):
    return version.scheme.project


GOOD = {
    "户号": "3-001",
    "户主": "示例户一",
    "地址": "蔚汾镇示例村1号",
    "土地性质": "集体",
    "用途": "住宅",
    "产权": "合法",
    "1层面积": 120.5,
    "1层结构": "砖混",
    "2层面积": "80",
    "附属物评估价": "15,000",
    "意向补偿方式": "产权调换",
}


# The sheet, read without Django


def test_the_template_reads_back_with_its_example_row():
    (row,) = survey_sheet.read_survey_sheet(survey_sheet.template_workbook())
    parsed = survey_sheet.parse_row(row.values)
    assert row.number == 2 and parsed.problems == []
    assert parsed.particulars["number"] == "示例-001"
    assert parsed.facts["storeys"] == [
        {"storey": 1, "area": "120", "structure": ""},
        {"storey": 2, "area": "80", "structure": ""},
    ]
    assert parsed.facts["option"] == "exchange" and parsed.facts["appraised_attachments"] == "15000"


def test_rows_are_found_below_a_title_and_numbers_keep_their_decimals():
    (row,) = survey_sheet.read_survey_sheet(workbook([GOOD]))
    assert row.number == 3 and row.values["1层面积"] == "120.5"
    assert survey_sheet.parse_row(row.values).facts["storeys"][0] == {"storey": 1, "area": "120.5", "structure": "砖混"}


def test_a_cell_that_is_not_a_number_or_not_a_listed_word_is_a_problem_of_its_column():
    parsed = survey_sheet.parse_row({"户号": "1", "户主": "", "1层面积": "一百", "用途": "商铺", "阳台面积": "-3"})
    assert sorted(parsed.problems) == [
        ("1层面积", survey_sheet.NOT_A_NUMBER, "一百"),
        ("户主", survey_sheet.MISSING, ""),
        ("用途", survey_sheet.UNKNOWN_CHOICE, "商铺"),
        ("阳台面积", survey_sheet.NEGATIVE, "-3"),
    ]


@pytest.mark.parametrize(
    ("id_number", "wrong"),
    [("14112319900101123X", False), ("141123900101123", False), ("1.41123E+17", True), ("1411231990", True)],
)
def test_an_id_number_that_excel_turned_into_a_number_is_a_problem(id_number, wrong):
    parsed = survey_sheet.parse_row({"户号": "1", "户主": "王", "身份证号": id_number})
    assert (("身份证号", survey_sheet.BAD_ID_NUMBER, id_number) in parsed.problems) == wrong


def test_the_template_keeps_id_numbers_and_phones_as_text():
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(survey_sheet.template_workbook())).active
    formats = {sheet.cell(1, n).value: sheet.column_dimensions[sheet.cell(1, n).column_letter].number_format
               for n in range(1, sheet.max_column + 1)}  # fmt: skip
    assert formats["身份证号"] == formats["联系电话"] == "@"


@pytest.mark.parametrize(
    "data, message",
    [(b"not a workbook", "不是 Excel"), (None, "表头缺少")],
)
def test_a_file_that_is_not_a_survey_sheet_is_refused(data, message):
    data = data or workbook([], header=("户号", "地址"))
    with pytest.raises(survey_sheet.SurveySheetError) as refused:
        survey_sheet.read_survey_sheet(data)
    assert message in translated(refused.value.message)


# Preview and import


def previews_of(project, version, rows):
    return services.preview_survey_rows(project, survey_sheet.read_survey_sheet(workbook(rows)), version=version)


def test_the_preview_checks_every_row_and_says_what_is_wrong_where(project, version):
    signed = HouseholdFactory(scheme_version=version, number="3-009", status="signed", agreement_type="cash",
                              signed_on=DAY, signed_total=Decimal(3000))  # fmt: skip
    rows = [
        GOOD,
        {**GOOD, "户号": "3-002", "户主": "", "2层面积": "八十"},
        {**GOOD, "户号": "3-001"},  # the same household twice
        {**GOOD, "户号": signed.number},
        {**GOOD, "户号": "3-005", "1层结构": "土木"},  # a structure the scheme does not name
        {"户号": "3-006", "户主": "示例户六"},
    ]
    previews = previews_of(project, version, rows)
    assert [preview.number for preview in previews] == [3, 4, 5, 6, 7, 8]
    first, second, third, fourth, fifth, sixth = previews
    assert first.errors == [] and first.household is None and first.main_area == Decimal("200.5")
    assert len(second.errors) == 2 and any("户主" in error for error in second.errors)
    assert any("2层面积" in error and "八十" in error for error in second.errors)
    assert any("3" in error for error in third.errors)  # names row 3, where it first came
    assert fourth.errors and fourth.household == signed
    assert any("土木" in error for error in fifth.errors)
    assert sixth.errors == [] and sixth.warnings  # no floor area: doubtful, not wrong
    with pytest.raises(ValidationError):
        services.import_survey_rows(project, previews, version=version)
    assert Household.objects.count() == 1  # only the signed one from before


def test_a_clean_sheet_creates_new_households_and_updates_unsigned_ones(project, version):
    existing = HouseholdFactory(scheme_version=version, number="3-002", head_name="示例户二", phone="13900000000")
    existing.facts = {**existing.facts, "appraised_house": "50000"}
    existing.save()
    rows = [GOOD, {"户号": "3-002", "户主": "示例户二", "2层面积": "60", "1层面积": "90"}]
    previews = previews_of(project, version, rows)
    assert [bool(preview.household) for preview in previews] == [False, True]
    services.import_survey_rows(project, previews, version=version, surveyed_on=DAY)
    created = Household.objects.get(number="3-001")
    assert (created.head_name, created.surveyed_on, created.facts["option"]) == ("示例户一", DAY, "exchange")
    assert created.household_facts().main_area == Decimal("200.5")
    existing.refresh_from_db()
    assert existing.household_facts().main_area == Decimal(150)
    assert existing.facts["appraised_house"] == "50000" and existing.phone == "13900000000"  # empty cells keep


def test_the_import_is_one_transaction(project, version, monkeypatch):
    """A failure while writing the second household leaves the first unwritten too."""
    create = services.create_household
    calls = []

    def failing(**kwargs):
        calls.append(kwargs["number"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return create(**kwargs)

    monkeypatch.setattr(services, "create_household", failing)
    previews = previews_of(project, version, [GOOD, {**GOOD, "户号": "3-002"}])
    with pytest.raises(RuntimeError):
        services.import_survey_rows(project, previews, version=version)
    assert calls == ["3-001", "3-002"] and not Household.objects.exists()


# The pages


@pytest.fixture
def upload(login, data_manager, project, version):
    client = login(data_manager)

    def send(rows):
        sheet = io.BytesIO(workbook(rows))
        sheet.name = "survey.xlsx"
        return client.post(
            f"/compensation/projects/{project.pk}/households/import/",
            {"file": sheet, "version": version.pk, "surveyed_on": DAY.isoformat()},
        )

    send.client = client
    return send


def test_the_preview_page_shows_each_rows_errors_and_writes_nothing(upload, project):
    response = upload([GOOD, {**GOOD, "户号": "3-002", "1层面积": "abc"}])
    assert response.status_code == 200
    previews = response.context["previews"]
    assert response.context["blocked"] and not previews[0].errors and previews[1].errors
    page = response.content.decode()
    assert "abc" in page and "import/confirm/" not in page
    confirm = upload.client.post(f"/compensation/projects/{project.pk}/households/import/confirm/")
    assert confirm.status_code == 200 and confirm.context["blocked"]
    assert not Household.objects.exists()


def test_confirming_a_clean_preview_imports_every_row(upload, project):
    response = upload([GOOD, {**GOOD, "户号": "3-002", "户主": "示例户二"}])
    assert not response.context["blocked"] and not Household.objects.exists()  # nothing before confirming
    confirm = upload.client.post(f"/compensation/projects/{project.pk}/households/import/confirm/")
    assert confirm.status_code == 302
    assert sorted(Household.objects.values_list("number", flat=True)) == ["3-001", "3-002"]


def test_the_template_downloads(upload, project):
    response = upload.client.get(f"/compensation/projects/{project.pk}/households/import/template.xlsx")
    assert survey_sheet.read_survey_sheet(response.content)[0].values["户号"] == "示例-001"


def test_only_those_who_keep_the_register_may_import(login, supervisor, project):
    assert login(supervisor).get(f"/compensation/projects/{project.pk}/households/import/").status_code == 403
