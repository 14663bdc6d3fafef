"""List exports: every filtered row, a chunk of rows at a time, in CSV and in XLSX written row by row."""

import csv
import io

import openpyxl
import pytest

from common import exports as views
from tests.helpers import response_bytes
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(finance, monkeypatch):
    monkeypatch.setattr(views, "EXPORT_CHUNK", 3)  # several chunks from a few rows
    made = [TaskFactory(title=f"任务{number:02d}") for number in range(8)]
    made.append(TaskFactory(title='=HYPERLINK("http://example.com")'))
    for task in made:
        AssignmentFactory(task=task, organisation=finance)
    return made


def test_the_xlsx_export_holds_every_row_with_a_bold_header_and_text_kept_as_text(login, supervisor, tasks):
    response = login(supervisor).get("/tasks/", {"_export": "xlsx", "sort": "title"})
    assert response["Content-Type"] == views.XLSX_TYPE
    assert 'filename="' in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response_bytes(response))).active
    rows = list(sheet.iter_rows())
    titles = sorted(row[1].value for row in rows[1:])
    assert titles == sorted(task.title for task in tasks)
    assert rows[0][1].value == "任务" and rows[0][1].font.bold
    formula = next(row[1] for row in rows if row[1].value.startswith("="))
    assert formula.data_type == "s"  # shown as typed, never evaluated
    assert all("县财政局" in row[4].value for row in rows[1:])
    assert sheet.freeze_panes == "A2"


def test_the_csv_export_holds_the_same_rows_and_no_formula_excel_would_run(login, supervisor, tasks):
    response = login(supervisor).get("/tasks/", {"_export": "csv"})
    text = response_bytes(response).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    titles = {row[1] for row in rows[1:]}
    assert rows[0][1] == "任务" and len(titles) == len(tasks)
    assert titles - {task.title for task in tasks} == {'\'=HYPERLINK("http://example.com")'}  # never run by Excel
