"""Sending a closing back (退回): a reason is required, the unit sees it on its home page and in its reminder digest,
and the task page keeps every round."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from org import roles
from projects import services as task_services
from projects.models import ClosingRound, Task
from projects.reminders import services as reminder_services
from tests.org.factories import UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory
from tests.projects.reminder_helpers import TODAY, task_due

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def task(finance):
    task = TaskFactory(title="整治河道", due=D(2025, 6, 30), status=Task.Status.IN_PROGRESS)
    AssignmentFactory(task=task, organisation=finance)
    return task


def test_the_closing_request_carries_an_optional_note_and_attachment(login, task, finance_staff):
    upload = SimpleUploadedFile("验收.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    url = reverse("projects:task_request_closing", args=[task.pk])
    assert login(finance_staff).post(url, {"note": "已完成清淤", "attachment": upload}).status_code == 302
    closing = task.closing_rounds.get()
    assert closing.note == "已完成清淤" and closing.attachment.name.endswith(".pdf")
    assert closing.requested_by == finance_staff


def test_a_closing_request_without_a_note_is_accepted(login, task, finance_staff):
    assert login(finance_staff).post(reverse("projects:task_request_closing", args=[task.pk])).status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSING_REQUESTED


def test_sending_back_needs_a_reason(login, task, finance_staff, supervisor):
    task_services.request_closing(task, user=finance_staff)
    url = reverse("projects:task_verify_closing", args=[task.pk])
    response = login(supervisor).post(url, {"decision": "reject", "reason": " "})
    assert response.status_code == 400
    assert "请说明退回的理由" in response.content.decode()
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSING_REQUESTED
    assert login(supervisor).post(url, {"decision": "reject", "reason": "缺少验收材料"}).status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    closing = task.closing_rounds.get()
    assert (closing.decision, closing.reason, closing.decided_by) == (
        ClosingRound.Decision.SENT_BACK,
        "缺少验收材料",
        supervisor,
    )


def test_unit_staff_may_not_verify_their_own_closing(login, task, finance_staff):
    task_services.request_closing(task, user=finance_staff)
    url = reverse("projects:task_verify_closing", args=[task.pk])
    assert login(finance_staff).post(url, {"decision": "approve"}).status_code == 403
    task.refresh_from_db()
    assert task.status == Task.Status.CLOSING_REQUESTED


def test_the_units_home_page_shows_the_latest_reason(login, task, finance_staff, supervisor):
    task_services.request_closing(task, user=finance_staff)
    task_services.verify_closing(task, user=supervisor, approve=False, reason="缺少验收材料")
    task_services.request_closing(task, user=finance_staff, note="补充材料")
    task_services.verify_closing(task, user=supervisor, approve=False, reason="照片不清晰")
    page = login(finance_staff).get("/").content.decode()
    block = page[page.index('id="home-sent-back"') :]
    assert "整治河道" in block and "照片不清晰" in block
    assert "缺少验收材料" not in block


def test_the_task_page_lists_every_round_with_its_reason(login, task, finance_staff, supervisor):
    task_services.request_closing(task, user=finance_staff, note="已完成")
    task_services.verify_closing(task, user=supervisor, approve=False, reason="缺少验收材料")
    task_services.request_closing(task, user=finance_staff, note="补充材料")
    task_services.verify_closing(task, user=supervisor, approve=True, on=D(2025, 6, 20))
    page = login(finance_staff).get(task.get_absolute_url()).content.decode()
    rounds = page[page.index('id="closing-rounds"') :]
    assert "缺少验收材料" in rounds and "补充材料" in rounds and "已退回" in rounds and "已办结" in rounds


def test_the_reminder_digest_lists_the_sent_back_closing_with_its_reason(settings, supervisor):
    settings.SITE_URL = "https://ledger.county.example"
    task = task_due(D(2025, 10, 14), title="整改河道垃圾", status=Task.Status.IN_PROGRESS)
    staff = UserFactory(role=roles.UNIT_STAFF, units=[task.assignments.get().organisation])
    task_services.request_closing(task, user=staff)
    task_services.verify_closing(task, user=supervisor, approve=False, reason="现场仍有垃圾")
    reminder_services.sweep(day=TODAY)
    reminder_services.send_due_digests(now=timezone.make_aware(datetime.datetime(2025, 10, 20, 8, 0)))
    [message] = mail.outbox
    assert "现场仍有垃圾" in message.body and "退回" in message.body
    html, _mimetype = message.alternatives[0]
    assert "现场仍有垃圾" in html


def test_the_digest_does_not_list_a_closing_requested_again(settings, supervisor):
    task = task_due(D(2025, 10, 14), title="整改河道垃圾", status=Task.Status.IN_PROGRESS)
    staff = UserFactory(role=roles.UNIT_STAFF, units=[task.assignments.get().organisation])
    task_services.request_closing(task, user=staff)
    task_services.verify_closing(task, user=supervisor, approve=False, reason="现场仍有垃圾")
    task_services.request_closing(task, user=staff, note="已清理")
    task_services.set_task_status(task, Task.Status.IN_PROGRESS)
    reminder_services.sweep(day=TODAY)
    reminder_services.send_due_digests(now=timezone.make_aware(datetime.datetime(2025, 10, 20, 8, 0)))
    [message] = mail.outbox
    assert "现场仍有垃圾" not in message.body
