"""A supervisor prints a 督办通知单 from a task's page and a 催办函 for all of a unit's overdue tasks; on paper (print
media) the menu, forms and buttons are gone, and the sheet fits a phone's screen."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Assignment
from tests.e2e.helpers import log_in
from tests.gazette.factories import DocumentFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def overdue_tasks(finance):
    today = timezone.localdate()
    document = DocumentFactory(title="关于开展营商环境整改的通知", number="兴政办发〔2025〕12号")
    tasks = [
        TaskFactory(
            title="清理拖欠中小企业账款",
            due=today - datetime.timedelta(days=12),
            as_of=today - datetime.timedelta(days=60),
            source_document=document,
        ),
        TaskFactory(
            title="完成政府采购领域专项整治",
            due=today - datetime.timedelta(days=3),
            as_of=today - datetime.timedelta(days=60),
        ),
    ]
    for task in tasks:
        AssignmentFactory(task=task, organisation=finance, role=Assignment.Role.LEAD)
    return tasks


def visible(page, selector):
    return page.locator(selector).first.is_visible()


def test_a_notice_from_a_task_page_prints_without_the_screens_controls(page, shoot, supervisor, overdue_tasks):
    task = overdue_tasks[0]
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/tasks/{task.pk}/")
    log_in(page, supervisor.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    page.click("form.notice-issue button[value=supervision]")
    page.wait_for_url("**/notices/*/")

    year = timezone.localdate().year
    sheet = page.locator("article.notice-sheet")
    assert f"兴督办〔{year}〕1号" in sheet.inner_text()
    assert "督办通知单" in sheet.inner_text()
    assert "兴县财政局：" in sheet.inner_text()
    assert "清理拖欠中小企业账款" in sheet.locator("table.notice-items").inner_text()
    assert "兴政办发〔2025〕12号" in sheet.locator("table.notice-items").inner_text()
    assert "（盖章）" in sheet.inner_text()
    shoot("1366")

    assert visible(page, "button[data-print]") and visible(page, "header.topbar")
    page.emulate_media(media="print")
    assert not visible(page, "button[data-print]")
    assert not visible(page, "header.topbar")
    assert sheet.is_visible()
    shoot("print")

    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    width = page.evaluate("document.querySelector('article.notice-sheet').getBoundingClientRect().right")
    assert width <= 390
    shoot("390")

    # Reprinting shows the same number.
    page.goto(f"/tasks/{task.pk}/")
    page.click(f"ul.task-notices >> text=兴督办〔{year}〕1号")
    assert f"兴督办〔{year}〕1号" in page.locator("article.notice-sheet").inner_text()


def test_an_urging_letter_for_all_of_a_units_overdue_tasks(page, shoot, supervisor, finance, overdue_tasks):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(finance.get_absolute_url())
    log_in(page, supervisor.username)
    page.wait_for_selector("form.notice-issue")
    page.click("form.notice-issue button[value=urging]")
    page.wait_for_url("**/notices/*/")
    sheet = page.locator("article.notice-sheet").inner_text()
    assert f"兴催办〔{timezone.localdate().year}〕1号" in sheet and "催办函" in sheet
    items = page.locator("table.notice-items tbody tr")
    assert items.count() == 2
    assert "清理拖欠中小企业账款" in items.nth(0).inner_text() and "12" in items.nth(0).inner_text()
    assert "完成政府采购领域专项整治" in items.nth(1).inner_text()
    shoot("urging")


def test_a_task_page_prints_without_its_forms(page, finance_staff, overdue_tasks):
    task = overdue_tasks[0]
    page.goto(f"/tasks/{task.pk}/")
    log_in(page, finance_staff.username)
    page.wait_for_url(f"**/tasks/{task.pk}/")
    assert visible(page, "form.report-form") and visible(page, "input[type=file]")
    page.emulate_media(media="print")
    assert not visible(page, "form.report-form")
    assert not visible(page, "input[type=file]")
    assert not visible(page, "button")
    assert page.locator("h1").is_visible()
