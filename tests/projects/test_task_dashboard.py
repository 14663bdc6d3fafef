import datetime

import pytest
from django.utils import timezone

from projects.models import Task
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def task_for(unit, days, **fields):
    task = TaskFactory(due=TODAY + datetime.timedelta(days=days), as_of=TODAY - datetime.timedelta(days=60), **fields)
    AssignmentFactory(task=task, organisation=unit)
    return task


@pytest.fixture
def tasks(finance, water):
    return [
        task_for(finance, -3, title="财政逾期"),
        task_for(finance, 40, title="财政正常"),
        task_for(finance, 40, title="财政办结", status=Task.Status.CLOSED, closed_on=TODAY),
        task_for(water, -10, title="水利逾期"),
        task_for(water, -20, title="水利逾期二"),
    ]


def test_dashboard_counts_by_light_and_lists_the_overdue(login, supervisor, tasks):
    context = login(supervisor).get("/tasks/dashboard/").context
    assert context["counts"]["red"] == 3 and context["counts"]["green"] == 1 and context["counts"]["none"] == 1
    assert [task.title for task in context["overdue"]["tasks"]] == ["水利逾期二", "水利逾期", "财政逾期"]
    assert context["overdue"]["count"] == 3


def test_unit_rates_are_worst_first(login, supervisor, tasks):
    units = login(supervisor).get("/tasks/dashboard/").context["units"]
    assert units == [
        {"name": "县水利局", "total": 2, "closed_rate": 0, "overdue_rate": 100},
        {"name": "县财政局", "total": 3, "closed_rate": 33, "overdue_rate": 33},
    ]


def test_unit_staff_dashboard_counts_only_their_units(login, finance_staff, tasks):
    context = login(finance_staff).get("/tasks/dashboard/").context
    assert context["counts"]["red"] == 1
    assert [unit["name"] for unit in context["units"]] == ["县财政局"]


def test_the_chart_library_is_served_locally(login, supervisor, tasks):
    page = login(supervisor).get("/tasks/dashboard/").content.decode()
    assert 'src="/static/vendor/chartjs/chart.umd.min.js"' in page


def test_supervisors_see_the_last_sweep_and_failed_reminder_emails(login, supervisor, finance_staff):
    from projects.models import ReminderDigest, ReminderSweep, SendStatus

    ReminderSweep.objects.create(day=TODAY, trigger="beat", digests=12, finished=timezone.now())
    ReminderDigest.objects.create(email="a@county.example", day=TODAY, status=SendStatus.FAILED)
    page = login(supervisor).get("/tasks/dashboard/").content.decode()
    assert "最近一次提醒扫描" in page and "12 封邮件" in page
    assert "1 封提醒邮件未能发出" in page
    unit_page = login(finance_staff).get("/tasks/dashboard/").content.decode()
    assert "最近一次提醒扫描" not in unit_page and "未能发出" not in unit_page
