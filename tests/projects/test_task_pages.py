"""Task list and task page: scope, filters, export, reporting and closing through the browser's forms."""

import datetime
import io

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projects import selectors as task_selectors
from projects import services as task_services
from projects.models import LIGHT_CHOICES, Assignment, Task
from tests.helpers import response_bytes
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def tasks(finance, water):
    overdue = TaskFactory(
        title="逾期任务", due=TODAY - datetime.timedelta(days=5), as_of=TODAY - datetime.timedelta(days=30)
    )
    later = TaskFactory(
        title="远期任务", due=TODAY + datetime.timedelta(days=90), as_of=TODAY - datetime.timedelta(days=30)
    )
    old = TaskFactory(
        title="历史任务", due=TODAY - datetime.timedelta(days=400), as_of=TODAY - datetime.timedelta(days=300)
    )
    AssignmentFactory(task=overdue, organisation=finance, role=Assignment.Role.LEAD)
    AssignmentFactory(task=later, organisation=water, role=Assignment.Role.LEAD)
    AssignmentFactory(task=later, organisation=finance, role=Assignment.Role.SUPPORTING)
    AssignmentFactory(task=old, organisation=water)
    return {"overdue": overdue, "later": later, "old": old}


def titles(response):
    return sorted(row.record.title for row in response.context["table"].rows)


def test_unit_staff_list_only_their_units_tasks(login, finance_staff, tasks):
    assert titles(login(finance_staff).get("/tasks/")) == ["远期任务", "逾期任务"]
    assert login(finance_staff).get(tasks["old"].get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("light=red", ["逾期任务"]),
        ("light=historical", ["历史任务"]),
        ("light=green", ["远期任务"]),
        ("role=supporting", ["远期任务"]),
        ("q=历史", ["历史任务"]),
        ("q=县水利局", ["历史任务", "远期任务"]),
    ],
)
def test_task_filters(login, supervisor, tasks, query, expected):
    assert titles(login(supervisor).get(f"/tasks/?{query}")) == expected


def test_unit_and_role_filter_together(login, supervisor, tasks, finance):
    assert titles(login(supervisor).get(f"/tasks/?unit={finance.pk}&role=lead")) == ["逾期任务"]


def test_export_holds_the_filtered_rows_with_light_and_units(login, supervisor, tasks):
    response = login(supervisor).get("/tasks/?light=red&_export=xlsx")
    data = tablib.Dataset().load(io.BytesIO(response_bytes(response)), format="xlsx")
    assert len(data) == 1
    row = dict(zip(data.headers, data[0], strict=True))
    assert "逾期任务" in row.values()
    assert any("县财政局" in str(value) for value in row.values())


def test_unit_staff_report_progress_and_request_closing(login, finance_staff, tasks):
    client = login(finance_staff)
    task = tasks["overdue"]
    response = client.post(
        f"/tasks/{task.pk}/report/", {"date": TODAY.isoformat(), "text": "已完成整改", "percent": "100"}
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS and task.reports.get().percent == 100
    client.post(f"/tasks/{task.pk}/request-closing/")
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSING_REQUESTED


def test_a_report_with_a_forbidden_attachment_is_refused(login, finance_staff, tasks):
    task = tasks["overdue"]
    response = login(finance_staff).post(
        f"/tasks/{task.pk}/report/",
        {"date": TODAY.isoformat(), "text": "附上材料", "attachment": SimpleUploadedFile("run.exe", b"MZ")},
    )
    assert response.status_code == 200 and not task.reports.exists()
    assert "attachment" in response.context["form"].errors


def test_supervisors_verify_but_do_not_report(login, supervisor, finance_staff, tasks):
    task = tasks["overdue"]
    task.status = Task.Status.CLOSING_REQUESTED
    task.save()
    client = login(supervisor)
    assert client.post(f"/tasks/{task.pk}/report/", {"date": TODAY.isoformat(), "text": "x"}).status_code == 403
    client.post(f"/tasks/{task.pk}/verify-closing/", {"decision": "approve"})
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSED and task.closed_by == supervisor
    assert login(finance_staff).post(f"/tasks/{task.pk}/verify-closing/", {"decision": "approve"}).status_code == 403


def test_the_task_page_shows_the_deadline_as_written_and_parsed(login, supervisor, tasks):
    task = tasks["later"]
    task.deadline_text = "年底前"
    task.save()
    page = login(supervisor).get(task.get_absolute_url()).content.decode()
    assert "年底前" in page and f"{task.due.year}年" in page


def test_the_light_filter_agrees_with_each_tasks_light(finance, supervisor):
    today = timezone.localdate()
    for number, (start_days, due_days, percent) in enumerate(
        [
            (-30, 30, 10),
            (-30, 30, 60),
            (-10, 90, 5),
            (-10, 90, 50),
            (10, 90, 0),
            (-5, 2, 100),
            (-60, -1, 20),
            (-60, 200, None),
        ]
    ):
        task = TaskFactory(
            title=f"任务{number}",
            start=today + datetime.timedelta(days=start_days),
            due=today + datetime.timedelta(days=due_days),
            as_of=today - datetime.timedelta(days=90),
        )
        AssignmentFactory(task=task, organisation=finance)
        if percent is not None:
            task_services.report_progress(task, user=supervisor, date=today, text="进展", percent=percent)
    tasks = task_selectors.task_list(supervisor)
    light_of = task_selectors.task_lights(today)
    expected = {task.pk: light_of(task, percent=task.latest_percent) for task in tasks}
    assert set(expected.values()) >= {"green", "yellow", "red"}
    for light, _label in LIGHT_CHOICES:
        found = set(task_selectors.filter_by_light(tasks, light, today=today).values_list("pk", flat=True))
        assert found == {pk for pk, value in expected.items() if value == light}, light


def test_supervisors_pause_and_resume_but_unit_staff_cannot(login, supervisor, finance_staff, tasks):
    task = tasks["overdue"]
    assert login(finance_staff).post(f"/tasks/{task.pk}/status/", {"status": "paused"}).status_code == 403
    client = login(supervisor)
    client.post(f"/tasks/{task.pk}/status/", {"status": "paused"})
    task.refresh_from_db()
    assert task.status == Task.Status.PAUSED
    client.post(f"/tasks/{task.pk}/status/", {"status": "in_progress"})
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    assert client.post(f"/tasks/{task.pk}/status/", {"status": "closed"}).status_code == 403


def test_data_managers_see_how_many_units_need_mapping(login, data_manager, supervisor, tasks):
    AssignmentFactory(task=tasks["later"], organisation=None, organisation_text="县某某中心")
    assert login(data_manager).get("/tasks/dashboard/").context["unmapped"] == 1
    changelist = login(data_manager).get("/admin/projects/assignment/?organisation__isempty=1").content.decode()
    assert "县某某中心" in changelist
    assert login(supervisor).get("/tasks/dashboard/").context["unmapped"] == 0


def test_an_overdue_task_says_by_how_many_days_on_the_list_and_its_page(login, supervisor, tasks):
    client = login(supervisor)
    listed = client.get("/tasks/").content.decode()
    assert "逾期5天" in listed and "逾期400天" in listed
    assert "逾期90天" not in listed and "逾期-90天" not in listed
    assert "逾期5天" in client.get(tasks["overdue"].get_absolute_url()).content.decode()
    assert "days-overdue" not in client.get(tasks["later"].get_absolute_url()).content.decode()
