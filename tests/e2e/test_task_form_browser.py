"""A supervisor enters a supervision item with its lead unit; it appears on the list with its parsed deadline."""

import pytest

from projects.models import Task
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_supervisor_enters_a_task(page, shoot, supervisor, finance):
    page.goto("/tasks/")
    log_in(page, supervisor.username)
    page.wait_for_url("**/tasks/")
    page.click("text=新建任务")
    page.fill("textarea[name=title]", "清理县城主干道占道经营")
    page.select_option("select[name=category]", "supervision")
    page.fill("input[name=deadline_text]", "2099年3月底前")
    page.select_option("select[name=units-0-role]", "lead")
    page.select_option("select[name=units-0-organisation]", str(finance.pk))
    shoot("form")
    page.click("form.editform button[type=submit]")
    page.wait_for_selector("text=已保存")
    assert "2099年3月31日" in page.locator("dl.facts").inner_text()
    assert "县财政局" in page.locator("table.data-table").first.inner_text()
    task = Task.objects.get()
    assert (task.title, task.category) == ("清理县城主干道占道经营", "supervision")
