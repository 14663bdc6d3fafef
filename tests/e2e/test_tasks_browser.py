"""Unit staff report progress and ask to close a task; a supervisor verifies and closes it."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Assignment, Task
from tests.e2e.helpers import log_in
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_request_closing_then_verify(page, shoot, finance, finance_staff, supervisor):
    today = timezone.localdate()
    task = TaskFactory(
        title="整治县城区违规占道经营",
        deadline_text="年底前",
        due=datetime.date(today.year, 12, 31),
        as_of=today - datetime.timedelta(days=10),
    )
    AssignmentFactory(task=task, organisation=finance, role=Assignment.Role.LEAD)

    page.goto("/tasks/")
    log_in(page, finance_staff.username)
    page.wait_for_url("**/tasks/")
    assert page.locator("h1").inner_text() == "我的任务"
    page.click(f"text={task.title}")
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.fill("form.report-form textarea[name=text]", "已完成占道经营摸排，清理摊点32处。")
    page.fill("form.report-form input[name=percent]", "100")
    page.click("form.report-form button[type=submit]")
    page.wait_for_selector("ol.timeline >> text=清理摊点32处")
    page.click("button[name=request_closing]")
    page.wait_for_selector("text=已申请销号")
    shoot("requested")
    page.click("form[action='/logout/'] button")

    page.goto(f"/tasks/{task.pk}/")
    log_in(page, supervisor.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.click("button[value=approve]")
    page.wait_for_selector("text=已销号")
    shoot("closed")
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSED and task.closed_by == supervisor
