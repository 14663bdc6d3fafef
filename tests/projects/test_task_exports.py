import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from common import exports
from demo.generator import generate_tasks
from projects import selectors
from projects.models import Task
from projects.tables import TaskTable
from tests.gazette.factories import DocumentFactory
from tests.helpers import response_bytes
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


def test_the_csv_export_streams_every_filtered_row_in_the_list_order(login, supervisor):
    generate_tasks(2500, organisations=4, batch=1000)  # more rows than one export chunk
    response = login(supervisor).get("/tasks/?_export=csv&status=in_progress&sort=-due")
    assert response.streaming
    rows = list(csv.reader(io.StringIO(response_bytes(response).decode("utf-8-sig"))))
    expected = list(Task.objects.filter(status="in_progress").order_by("-due", "pk").values_list("title", flat=True))
    titles = [row[1] for row in rows[1:]]
    assert len(titles) == len(expected) and sorted(titles) == sorted(expected)
    assert rows[0][1] == "任务"
    due = rows[0].index("完成时限")
    dues = [datetime.date.fromisoformat(row[due]) for row in rows[1:]]
    assert dues == sorted(dues, reverse=True)


def test_an_empty_export_still_has_its_header(login, supervisor):
    response = login(supervisor).get("/tasks/?_export=csv&q=不存在")
    assert list(csv.reader(io.StringIO(response_bytes(response).decode("utf-8-sig"))))[0][1] == "任务"


def export_rows(user, table, chunk_size):
    names = [column.name for column in table.columns.iterall()]
    return list(table.export_rows(selectors.task_list(user), names, chunk_size))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_export_writes_every_cell_as_django_tables2_would(supervisor, finance, language):
    """The task export skips django-tables2's per-cell machinery and model instances (TaskTable.export_rows); it
    must not change a cell: empty values, dates, choices in the reader's language, lights, units with their roles,
    the source's number."""
    generate_tasks(200, organisations=4, batch=200)
    formula = TaskFactory(
        title="=1+1", due=None, deadline_text="", latest_percent=0, status="paused", category="rectify"
    )
    AssignmentFactory(task=formula, organisation=finance, role="lead")
    AssignmentFactory(task=formula, organisation=None, organisation_text="县某某中心", role="supporting")
    with_source = TaskFactory(
        source_document=DocumentFactory(series="临政发", year=2024, sequence=3),
        due=datetime.date(2025, 3, 1),
        latest_report=datetime.date(2025, 2, 1),
        latest_percent=40,
    )
    AssignmentFactory(task=with_source, organisation=None, organisation_text="县某某中心")
    TaskFactory(title="没有单位的任务", due=datetime.date(2031, 1, 1))  # no unit, no source, no report
    with translation.override(language):
        table = TaskTable(list(selectors.task_list(supervisor)), order_by=())
        header, *expected = table.as_values()
        written = export_rows(supervisor, TaskTable([], order_by=()), chunk_size=7)  # chunks end mid-list
    assert len(header) == len(written[0]) and len(expected) == 203
    assert written == expected
    formula_row = next(row for row in written if row[1] == "=1+1")
    assert "县某某中心" in formula_row[4] and "县财政局" in formula_row[4]
    assert (formula_row[5], formula_row[8], formula_row[9]) == ("", "", None)  # no due date, report or source


def test_the_export_leaves_out_the_excluded_columns(supervisor):
    TaskFactory(title="只有标题", deadline_text="年底前")
    table = TaskTable([], order_by=())
    assert list(table.export_rows(selectors.task_list(supervisor), ["deadline_text", "title"], 2)) == [
        ["年底前", "只有标题"]
    ]


def test_a_title_excel_would_run_stays_text_in_both_formats(login, supervisor, finance):
    task = TaskFactory(title='=HYPERLINK("http://example.com")')
    AssignmentFactory(task=task, organisation=finance)
    client = login(supervisor)
    rows = list(csv.reader(io.StringIO(response_bytes(client.get("/tasks/?_export=csv")).decode("utf-8-sig"))))
    assert rows[1][1] == '\'=HYPERLINK("http://example.com")'
    sheet = openpyxl.load_workbook(io.BytesIO(response_bytes(client.get("/tasks/?_export=xlsx")))).active
    header, row = sheet.iter_rows()
    assert row[1].value == task.title and row[1].data_type == "s" and row[1].quotePrefix
    assert row[4].value == "县财政局（责任单位）"
    assert header[1].value == "任务" and header[1].font.bold and not row[1].font.bold


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_exports_queries_grow_with_its_chunks_not_with_its_rows(login, supervisor, finance, monkeypatch, kind):
    monkeypatch.setattr(exports, "EXPORT_CHUNK", 10)
    client = login(supervisor)

    def queries(tasks):
        for _ in range(tasks - Task.objects.count()):
            task = TaskFactory()
            AssignmentFactory(task=task, organisation=finance)
            AssignmentFactory(task=task, organisation=None, organisation_text="县某某中心")
        response_bytes(client.get(f"/tasks/?_export={kind}"))  # what is cached across requests, cached
        with CaptureQueriesContext(connection) as captured:
            body = response_bytes(client.get(f"/tasks/?_export={kind}"))
        assert body
        return len(captured)

    # 3 tasks fill one chunk and 30 three: one query of the tasks, and one of their units for each chunk.
    few = queries(3)
    assert queries(30) == few + 2
