"""The 督办 cycle in the browser: unit staff ask for an extension and a supervisor approves it; a closing is sent
back with a reason, asked for again and verified."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Assignment, ClosingRound, Task
from tests.e2e.helpers import log_in
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def task(finance):
    today = timezone.localdate()
    task = TaskFactory(
        title="整治县城区违规占道经营",
        due=today + datetime.timedelta(days=10),
        status=Task.Status.IN_PROGRESS,
        as_of=today - datetime.timedelta(days=10),
    )
    AssignmentFactory(task=task, organisation=finance, role=Assignment.Role.LEAD)
    return task


def log_out(page):
    page.click("form[action='/logout/'] button")


def test_unit_staff_ask_for_an_extension_and_a_supervisor_approves_it(page, shoot, task, finance_staff, supervisor):
    original = task.due
    asked = original + datetime.timedelta(days=30)
    page.goto(f"/tasks/{task.pk}/")
    log_in(page, finance_staff.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.fill("form.extension-form input[name=requested_due]", asked.isoformat())
    page.fill("form.extension-form textarea[name=reason]", "汛期无法施工，申请延期一个月。")
    page.click("form.extension-form button[type=submit]")
    page.wait_for_selector("text=已申请延期，待督办人员审批。")
    assert page.locator("table.extensions td.extension-pending").count() == 1
    shoot("asked")
    log_out(page)

    page.goto("/")
    log_in(page, supervisor.username)
    page.wait_for_selector(f"#home-extensions >> text={task.title}")
    page.click(f"#home-extensions >> text={task.title}")
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.check("form.extension-decision-form input[name=decision][value=approve]")
    page.click("form.extension-decision-form button[type=submit]")
    page.wait_for_selector("text=延期申请已审批。")
    page.wait_for_selector("table.extensions td.extension-approved")
    shoot("approved")
    task.refresh_from_db()
    assert (task.due, task.original_due) == (asked, original)
    assert f"{asked.year}年{asked.month}月{asked.day}日" in page.locator("dl.facts").inner_text()


def test_a_closing_sent_back_with_a_reason_is_asked_again_and_verified(page, shoot, task, finance_staff, supervisor):
    page.goto(f"/tasks/{task.pk}/")
    log_in(page, finance_staff.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.fill("form.closing-form textarea[name=note]", "占道摊点已全部清理。")
    page.click("button[name=request_closing]")
    page.wait_for_selector("text=已申请销号")
    log_out(page)

    page.goto(f"/tasks/{task.pk}/")
    log_in(page, supervisor.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    # Without a reason the closing is not sent back.
    page.click("form.verify-form button[value=reject]")
    page.wait_for_selector("text=请说明退回的理由。")
    page.fill("form.verify-form textarea[name=reason]", "缺少现场照片。")
    page.click("form.verify-form button[value=reject]")
    page.wait_for_selector("ol.closing-rounds >> text=缺少现场照片。")
    shoot("sent-back")
    log_out(page)

    page.goto("/")
    log_in(page, finance_staff.username)
    page.wait_for_selector("#home-sent-back >> text=缺少现场照片。")
    page.goto(f"/tasks/{task.pk}/")
    page.fill("form.closing-form textarea[name=note]", "已补充现场照片。")
    page.click("button[name=request_closing]")
    page.wait_for_selector("text=已申请销号")
    log_out(page)

    page.goto(f"/tasks/{task.pk}/")
    log_in(page, supervisor.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.click("form.verify-form button[value=approve]")
    page.wait_for_selector("text=已销号")
    shoot("closed")
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSED
    assert list(task.closing_rounds.order_by("pk").values_list("decision", flat=True)) == [
        ClosingRound.Decision.SENT_BACK,
        ClosingRound.Decision.APPROVED,
    ]
