"""A data manager sees a reminder e-mail that could not be sent and sends it again; its recipient turns off
early warnings from the link in the e-mail, without logging in."""

import datetime

import pytest
from django.core import mail

from projects.models import ReminderDigest, ReminderMute, SendStatus
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from tests.e2e.helpers import log_in
from tests.org.factories import PersonFactory
from tests.projects.reminder_helpers import TODAY, task_due

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_failed_reminder_is_sent_again_and_early_warnings_are_muted(page, shoot, data_manager):
    person = PersonFactory(name="刘七", email="liu@county.example")
    task = task_due(TODAY - datetime.timedelta(days=6), contact=person, title="清理河道采砂遗留问题")
    reminder_services.sweep(day=TODAY)
    ReminderDigest.objects.update(
        status=SendStatus.FAILED, attempts=5, last_error="SMTPConnectError: (421, '服务不可用')"
    )

    page.goto("/tasks/dashboard/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/tasks/dashboard/")
    page.click("text=查看原因")
    page.wait_for_url("**/tasks/reminders/")
    assert "liu@county.example" in page.locator("table").first.inner_text()
    shoot("failed")
    page.click("text=重新发送勾选的邮件")
    page.wait_for_selector("text=1 封提醒邮件将重新发送")
    assert page.locator("text=无：所有提醒邮件均已发出").is_visible()
    assert reminder_services.send_due_digests() == (1, 0)
    assert mail.outbox[0].to == ["刘七 <liu@county.example>"]

    page.goto(f"/tasks/{task.pk}/")
    reminders = page.locator("table.reminders").inner_text()
    assert "催办" in reminders and "已发送" in reminders
    shoot("task")

    anonymous = page.context.browser.new_page(base_url=page.url.split("/tasks/")[0], locale="zh-CN")
    anonymous.goto(f"/reminders/mute/{reminder_selectors.mute_token('liu@county.example')}/")
    anonymous.click("text=关闭预警邮件")
    anonymous.wait_for_selector("text=已为 liu@county.example 关闭预警邮件")
    assert ReminderMute.objects.filter(email="liu@county.example").exists()
    anonymous.close()
