"""Tasks: created with their units and parsed deadline, reported on, put forward for closing, verified."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from projects import selectors as task_selectors
from projects import services as task_services
from projects.models import Assignment, ClosingRound, Task
from tests.projects.factories import AssignmentFactory, TaskFactory

D = datetime.date
pytestmark = pytest.mark.django_db


def test_a_task_keeps_the_deadline_as_written_and_parsed(finance, county):
    task = task_services.create_task(
        county=county,
        title="完成农村厕所问题摸排整改",
        deadline_text="6月底前",
        reference=D(2023, 12, 28),
        as_of=D(2024, 1, 5),
        assignments=[task_services.AssignmentLine(role=Assignment.Role.LEAD, organisation=finance)],
    )
    assert (task.deadline_text, task.due, task.precision) == ("6月底前", D(2024, 6, 30), "month")
    assert task.assignments.get().organisation == finance


def test_an_unresolved_unit_is_kept_as_written(finance, county, data_manager):
    task = task_services.create_task(
        county=county,
        title="清理违规占地",
        as_of=D(2025, 1, 1),
        assignments=[task_services.AssignmentLine(role=Assignment.Role.RESPONSIBLE, organisation_text="县某某中心")],
    )
    assert task.assignments.get().organisation_text == "县某某中心"
    assert list(task_selectors.unmapped_assignments(data_manager)) == [task.assignments.get()]


def test_a_unit_named_twice_keeps_its_first_role(finance, water, county):
    task = task_services.create_task(
        county=county,
        title="推进河道治理",
        as_of=D(2025, 1, 1),
        assignments=[
            task_services.AssignmentLine(role=Assignment.Role.LEAD, organisation=finance),
            task_services.AssignmentLine(role=Assignment.Role.RESPONSIBLE, organisation=water),
            task_services.AssignmentLine(role=Assignment.Role.RESPONSIBLE, organisation=finance),
        ],
    )
    assert [(a.organisation, a.role) for a in task.assignments.all()] == [
        (finance, Assignment.Role.LEAD),
        (water, Assignment.Role.RESPONSIBLE),
    ]


def test_a_unit_cannot_have_two_parts_in_a_task(finance):
    assignment = AssignmentFactory(organisation=finance)
    second = Assignment(task=assignment.task, organisation=finance, role=Assignment.Role.SUPPORTING)
    with pytest.raises(ValidationError, match="只能承担一种角色"):
        second.full_clean()


def test_an_assignment_must_name_a_unit(county):
    with pytest.raises(ValidationError):
        task_services.create_task(
            county=county, title="无单位", as_of=D(2025, 1, 1), assignments=[task_services.AssignmentLine(role="lead")]
        )
    assert not Task.objects.exists()


def test_a_task_entered_after_its_deadline_is_historically_late(county):
    task = task_services.create_task(county=county, title="旧任务", deadline_text="2023年12月底前", as_of=D(2024, 3, 1))
    assert task.historically_late
    assert task_selectors.task_lights(D(2024, 3, 2))(task) == "historical"


def test_reporting_starts_the_task_and_moves_a_recurring_deadline(data_manager, county):
    task = task_services.create_task(
        county=county, title="每月报送进展", deadline_text="每月20日前", reference=D(2025, 3, 1), as_of=D(2025, 3, 1)
    )
    assert task.due == D(2025, 3, 20)
    task_services.report_progress(task, user=data_manager, date=D(2025, 3, 18), text="已报送三月情况", percent=30)
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    assert task.due == D(2025, 4, 20)
    assert task.reports.get().reporter == data_manager


def test_closing_is_requested_then_verified(data_manager, supervisor):
    task = TaskFactory(status=Task.Status.IN_PROGRESS)
    task_services.request_closing(task, user=data_manager)
    assert task.status == Task.Status.CLOSING_REQUESTED
    task_services.verify_closing(task, user=supervisor, approve=True, on=D(2025, 5, 1))
    task.refresh_from_db()
    assert (task.status, task.closed_by, task.closed_on) == (Task.Status.CLOSED, supervisor, D(2025, 5, 1))


def test_a_rejected_closing_goes_back_to_work(data_manager, supervisor):
    task = TaskFactory(status=Task.Status.CLOSING_REQUESTED)
    task_services.verify_closing(task, user=supervisor, approve=False)
    assert task.status == Task.Status.IN_PROGRESS


def test_every_closing_round_is_kept_with_its_decision_and_reason(data_manager, supervisor):
    task = TaskFactory(status=Task.Status.IN_PROGRESS)
    task_services.request_closing(task, user=data_manager, note="已完成改造")
    task_services.verify_closing(task, user=supervisor, approve=False, reason="缺少验收材料")
    task_services.request_closing(task, user=data_manager, note="补充验收材料")
    task_services.verify_closing(task, user=supervisor, approve=True, on=D(2025, 6, 1))
    rounds = list(task.closing_rounds.order_by("pk").values_list("note", "decision", "reason", "decided_by"))
    assert rounds == [
        ("已完成改造", ClosingRound.Decision.SENT_BACK, "缺少验收材料", supervisor.pk),
        ("补充验收材料", ClosingRound.Decision.APPROVED, "", supervisor.pk),
    ]


def test_a_closing_already_decided_cannot_be_decided_again(data_manager, supervisor):
    task = TaskFactory(status=Task.Status.IN_PROGRESS)
    task_services.request_closing(task, user=data_manager)
    stale = Task.objects.get(pk=task.pk)
    task_services.verify_closing(task, user=supervisor, approve=True, on=D(2025, 6, 1))
    with pytest.raises(ValidationError):
        task_services.verify_closing(stale, user=supervisor, approve=False, reason="迟到的退回")
    assert task.closing_rounds.get().decision == ClosingRound.Decision.APPROVED


@pytest.mark.parametrize("status", [Task.Status.CLOSED, Task.Status.PAUSED, Task.Status.STOPPED])
def test_no_reports_or_closing_requests_on_a_task_that_is_not_open(data_manager, status):
    task = TaskFactory(status=status, closed_on=D(2025, 1, 2) if status == Task.Status.CLOSED else None)
    with pytest.raises(ValidationError):
        task_services.report_progress(task, user=data_manager, date=D(2025, 2, 1), text="…")
    with pytest.raises(ValidationError):
        task_services.request_closing(task, user=data_manager)


def test_unit_staff_see_and_report_only_on_their_units_tasks(finance_staff, finance, water, supervisor):
    own = AssignmentFactory(organisation=finance).task
    other = AssignmentFactory(organisation=water).task
    assert list(task_selectors.visible_tasks(finance_staff)) == [own]
    assert task_selectors.can_report_on(finance_staff, own) and not task_selectors.can_report_on(finance_staff, other)
    assert set(task_selectors.visible_tasks(supervisor)) == {own, other}
    assert not task_selectors.can_report_on(supervisor, own) and task_selectors.can_verify_closing(supervisor)
    assert not task_selectors.can_verify_closing(finance_staff)


def test_task_admin_is_scoped(client, finance_staff, finance, water):
    finance_staff.is_staff = True
    finance_staff.save()
    client.force_login(finance_staff)
    AssignmentFactory(organisation=finance, task=TaskFactory(title="本单位任务"))
    AssignmentFactory(organisation=water, task=TaskFactory(title="他单位任务"))
    page = client.get("/admin/projects/task/").content.decode()
    assert "本单位任务" in page and "他单位任务" not in page
