"""The task list writes its cells itself (TaskTable.row_cells) rather than through django-tables2's per-cell
machinery; each cell must be what django-tables2 would have rendered, escaped the same way."""

import datetime

import pytest
from django.utils import dateformat, translation
from django.utils.safestring import SafeData

from demo.generator import generate_tasks
from projects import selectors
from projects.tables import CHINESE_DATE, TaskTable
from tests.gazette.factories import DocumentFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


def tasks_in_every_state(finance):
    generate_tasks(150, organisations=4, batch=150)  # every light, status and category, units and reports
    odd = TaskFactory(
        title="<b>标题</b> & “引号”", due=None, deadline_text="", latest_percent=0, status="paused", category="rectify"
    )
    AssignmentFactory(task=odd, organisation=finance, role="lead")
    AssignmentFactory(task=odd, organisation=None, organisation_text="县某某<中心>", role="supporting")
    TaskFactory(
        source_document=DocumentFactory(series="临政发", year=2024, sequence=3),
        due=datetime.date(2025, 3, 1),
        latest_report=datetime.date(2025, 2, 1),
        latest_percent=40,
    )
    TaskFactory(title="没有单位的任务", due=datetime.date(2031, 1, 1), latest_percent=None)


def rendered(cells):
    """Each cell with whether it is marked safe: a string equal but escaped differently would show differently."""
    return [(cell, isinstance(cell, SafeData)) for cell in cells]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("exclude", [(), ("units", "light")])
def test_every_cell_is_what_django_tables2_renders(supervisor, finance, language, exclude):
    tasks_in_every_state(finance)
    with translation.override(language):
        table = TaskTable(list(selectors.task_list(supervisor)), order_by=(), exclude=exclude)
        rows = [
            (rendered(table.row_cells(row.record)), rendered(cell for _c, cell in row.items())) for row in table.rows
        ]
    assert len(rows) == 153
    for ours, theirs in rows:
        assert ours == theirs
    names = [column.name for column in table.columns]
    assert ("units" in names) == (not exclude) and len(rows[0][0]) == len(names)


def test_the_task_list_page_shows_the_cells_escaped(login, supervisor, finance):
    tasks_in_every_state(finance)
    page = login(supervisor).get("/tasks/?q=标题").content.decode()
    assert "&lt;b&gt;标题&lt;/b&gt; &amp; “引号”</a>" in page
    assert "县某某&lt;中心&gt;" in page and "<b>标题" not in page


@pytest.mark.parametrize("day", [(2026, 3, 1), (2026, 12, 31), (999, 1, 9), (2024, 2, 29)])
def test_a_listed_date_reads_as_djangos_chinese_date_format(day):
    day = datetime.date(*day)
    assert TaskTable([])._chinese_dates[day] == dateformat.format(day, CHINESE_DATE)
    assert TaskTable([])._chinese_dates[None] == ""
