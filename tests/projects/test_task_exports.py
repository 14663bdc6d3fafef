import csv
import datetime
import io

import pytest
from django.utils import translation

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


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_export_writes_every_cell_as_django_tables2_would(supervisor, language):
    """The task export skips django-tables2's per-cell machinery (TaskTable.export_values); it must not change a
    cell: empty values, dates, choices in the reader's language, units with their roles, the source's number."""
    generate_tasks(200, organisations=4, batch=200)
    TaskFactory(title="=1+1", due=None, deadline_text="", latest_percent=0, status="paused", category="rectify")
    with_source = TaskFactory(source_document=DocumentFactory(series="临政发", year=2024, sequence=3))
    AssignmentFactory(task=with_source, organisation=None, organisation_text="县某某中心")
    with translation.override(language):
        tasks = list(selectors.task_list(supervisor))
        table = TaskTable(tasks, order_by=())
        header, *expected = table.as_values()
        names = [column.name for column in table.columns.iterall()]
        written = [[table.export_values(task)[name] for name in names] for task in tasks]
    assert len(header) == len(names) and len(expected) == 202
    assert written == expected
