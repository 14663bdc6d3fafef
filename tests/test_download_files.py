"""Files leaving the site: no cell of any export runs as a formula, and no download name breaks its header."""

import csv
import datetime
import io
from urllib.parse import unquote

import openpyxl
import pytest

from common.exports import content_disposition
from compensation import services
from tests.compensation.examples import EXCHANGE_QUERY
from tests.compensation.factories import HouseholdFactory, RuleFactory, VersionFactory, cash_or_exchange_version
from tests.helpers import response_bytes
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://example.com","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def version(db):
    return cash_or_exchange_version()


def hostile_household(version, **fields):
    return HouseholdFactory(
        scheme_version=version,
        **{"number": "=1+1", "head_name": "=cmd|' /C calc'!A0", "address": "@SUM(1+1)*cmd", **fields},
    )


def workbook(response):
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response_bytes(response)))


def typed_cells(book, starting):
    """The cells of the workbook whose text starts with one of ``starting``."""
    return [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(starting)
    ]


def assert_text_never_formula(cells, expected):
    assert sorted(cell.value for cell in cells) == sorted(expected)
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_a_household_statement_keeps_a_typed_formula_as_quoted_text(login, data_manager, version):
    household = hostile_household(version)
    book = workbook(login(data_manager).get(f"/compensation/households/{household.pk}/statement.xlsx"))
    assert_text_never_formula(typed_cells(book, ("=", "@")), ["=1+1", "=cmd|' /C calc'!A0", "@SUM(1+1)*cmd"])


def test_the_project_statements_keep_formulas_as_text_on_both_sheets(login, data_manager, version):
    signed = hostile_household(version, number="=2+2")
    for step, status in enumerate(["publicised", "appraised", "signed"], start=1):
        signed = services.advance_household(
            signed, status=status, on=datetime.date(2024, 3, step), agreement_type="cash"
        )
    hostile_household(version)
    response = login(data_manager).get(f"/compensation/projects/{version.scheme.project_id}/statements.xlsx")
    book = workbook(response)
    cells = typed_cells(book, "=")
    assert_text_never_formula(cells, ["=2+2", "=cmd|' /C calc'!A0", "=1+1", "=cmd|' /C calc'!A0"])
    assert {cell.parent.title for cell in cells} == {sheet.title for sheet in book.worksheets}


def test_control_characters_that_would_break_the_workbook_are_dropped(login, data_manager, version):
    household = hostile_household(version, head_name="王\x01五\x08", address="村\x1b1号\ufffe")
    book = workbook(login(data_manager).get(f"/compensation/households/{household.pk}/statement.xlsx"))
    sheet = book.worksheets[0]
    assert sheet["D2"].value == "王五" and sheet["B3"].value == "村1号"


def test_the_calculator_export_keeps_a_rule_typed_as_a_formula_as_text(login, data_manager):
    version = VersionFactory(options=["cash"])
    RuleFactory(version=version, label="=1+1", source_section="+A1", source_text="@SUM(1)")
    query = {**EXCHANGE_QUERY, "option": "cash"}
    response = login(data_manager).get(f"/compensation/versions/{version.pk}/calculator.xlsx", query)
    assert_text_never_formula(typed_cells(workbook(response), ("=", "+", "@")), ["=1+1", "+A1", "@SUM(1)"])


@pytest.mark.parametrize(
    ("number", "ascii_name", "full_name"),
    [
        ("A\r\nSet-Cookie: x=1", "statement-{p}-A_Set-Cookie_x_1.xlsx", "statement-{p}-A__Set-Cookie_ x=1.xlsx"),
        (
            'a"; filename="evil.exe',
            "statement-{p}-a_filename_evil.exe.xlsx",
            "statement-{p}-a_; filename=_evil.exe.xlsx",
        ),
        ("示例户一", "statement-{p}-_.xlsx", "statement-{p}-示例户一.xlsx"),
    ],
)
def test_a_household_number_never_breaks_the_download_name(login, data_manager, version, number, ascii_name,
                                                            full_name):  # fmt: skip
    household = hostile_household(version, number=number)
    response = login(data_manager).get(f"/compensation/households/{household.pk}/statement.xlsx")
    assert response.status_code == 200
    header = response["Content-Disposition"]
    project = household.project_id
    assert "\r" not in header and "\n" not in header
    assert header.count("filename=") == 1 and header.count("filename*=") == 1
    assert f'filename="{ascii_name.format(p=project)}"' in header
    assert unquote(header.split("filename*=UTF-8''")[1]) == full_name.format(p=project)


def test_a_download_name_has_an_ascii_fallback_and_keeps_no_path():
    header = content_disposition("../../县 台账\x00.csv")
    assert header == "attachment; filename=\".._.csv\"; filename*=UTF-8''_.._%E5%8E%BF%20%E5%8F%B0%E8%B4%A6_.csv"


@pytest.fixture
def hostile_tasks(finance):
    titles = [*FORMULAS, "\x08=1+1"]  # a control character first hides nothing once it is dropped
    for title in titles:
        AssignmentFactory(task=TaskFactory(title=title), organisation=finance)
    return titles


def test_the_task_list_csv_quotes_every_formula_start(login, supervisor, hostile_tasks):
    response = login(supervisor).get("/tasks/", {"_export": "csv"})
    rows = list(csv.reader(io.StringIO(response_bytes(response).decode("utf-8").lstrip("\ufeff"))))
    assert sorted(row[1] for row in rows[1:]) == sorted(["'" + title for title in FORMULAS] + ["'=1+1"])


def test_the_task_list_xlsx_quotes_every_formula_start(login, supervisor, hostile_tasks):
    book = workbook(login(supervisor).get("/tasks/", {"_export": "xlsx"}))
    titles = [row[1] for row in book.active.iter_rows(min_row=2)]
    # XML reads a carriage return back as a line feed.
    assert sorted(cell.value for cell in titles) == sorted([*FORMULAS[:-1], "\n=1+1", "=1+1"])
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in titles)
