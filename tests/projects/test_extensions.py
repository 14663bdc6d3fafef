"""Extension requests (延期申请): a unit asks for a later due date, a supervisor approves, shortens or refuses it;
an approved one moves the due date once, keeps the original, and the reminders follow the new date."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from org import roles
from projects import services as task_services
from projects.models import ExtensionRequest, Reminder, Task
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


ASKED = D(2025, 8, 31)


def ask(task, user, requested_due=ASKED, reason="汛期无法施工"):
    return task_services.request_extension(task, user=user, requested_due=requested_due, reason=reason)


def test_unit_staff_ask_for_an_extension_from_the_task_page(login, task, finance_staff, finance):
    upload = SimpleUploadedFile("说明.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = login(finance_staff).post(
        reverse("projects:task_request_extension", args=[task.pk]),
        {"requested_due": "2025-08-31", "reason": "汛期无法施工", "attachment": upload},
    )
    assert response.status_code == 302
    extension = task.extension_requests.get()
    assert (extension.status, extension.previous_due, extension.requested_due) == (
        ExtensionRequest.Status.PENDING,
        D(2025, 6, 30),
        D(2025, 8, 31),
    )
    assert extension.unit == finance and extension.requested_by == finance_staff
    assert extension.attachment.name.endswith(".pdf")
    task.refresh_from_db()
    assert task.due == D(2025, 6, 30)


def test_an_extension_request_with_an_attachment_of_the_wrong_type_stores_nothing(login, task, finance_staff):
    upload = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    response = login(finance_staff).post(
        reverse("projects:task_request_extension", args=[task.pk]),
        {"requested_due": "2025-08-31", "reason": "汛期无法施工", "attachment": upload},
    )
    assert response.status_code == 400
    assert not ExtensionRequest.objects.exists()


def test_an_extension_must_ask_for_a_later_date_with_a_reason(task, finance_staff):
    with pytest.raises(ValidationError, match="新的截止日期须晚于当前截止日期"):
        ask(task, finance_staff, requested_due=D(2025, 6, 30))
    with pytest.raises(ValidationError):
        ask(task, finance_staff, reason="  ")
    assert not ExtensionRequest.objects.exists()


def test_a_second_request_waits_for_the_first_decision(task, finance_staff):
    ask(task, finance_staff)
    with pytest.raises(ValidationError):
        ask(task, finance_staff, requested_due=D(2025, 9, 30))
    assert task.extension_requests.count() == 1


def test_approving_moves_the_due_date_and_keeps_the_original(task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    task_services.decide_extension(extension, user=supervisor, decision="approve")
    task.refresh_from_db()
    extension.refresh_from_db()
    assert (task.due, task.original_due) == (D(2025, 8, 31), D(2025, 6, 30))
    assert (extension.status, extension.granted_due, extension.decided_by) == (
        ExtensionRequest.Status.APPROVED,
        D(2025, 8, 31),
        supervisor,
    )
    # A second extension keeps the first original date.
    second = ask(task, finance_staff, requested_due=D(2025, 10, 31))
    task_services.decide_extension(second, user=supervisor, decision="approve")
    task.refresh_from_db()
    assert (task.due, task.original_due) == (D(2025, 10, 31), D(2025, 6, 30))


def test_shortening_grants_a_date_between_the_current_and_the_asked_one(task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    with pytest.raises(ValidationError):
        task_services.decide_extension(extension, user=supervisor, decision="shorten", granted_due=D(2025, 7, 31))
    for wrong in (D(2025, 6, 30), D(2025, 8, 31)):
        with pytest.raises(ValidationError):
            task_services.decide_extension(
                extension, user=supervisor, decision="shorten", granted_due=wrong, reason="压缩工期"
            )
    task_services.decide_extension(
        extension, user=supervisor, decision="shorten", granted_due=D(2025, 7, 31), reason="压缩工期"
    )
    task.refresh_from_db()
    extension.refresh_from_db()
    assert (task.due, task.original_due) == (D(2025, 7, 31), D(2025, 6, 30))
    assert (extension.status, extension.granted_due, extension.decision_reason) == (
        ExtensionRequest.Status.SHORTENED,
        D(2025, 7, 31),
        "压缩工期",
    )


def test_refusing_needs_a_reason_and_leaves_the_due_date(task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    with pytest.raises(ValidationError):
        task_services.decide_extension(extension, user=supervisor, decision="refuse")
    task_services.decide_extension(extension, user=supervisor, decision="refuse", reason="理由不充分")
    task.refresh_from_db()
    extension.refresh_from_db()
    assert (task.due, task.original_due) == (D(2025, 6, 30), None)
    assert (extension.status, extension.decision_reason) == (ExtensionRequest.Status.REFUSED, "理由不充分")


def test_a_decided_request_cannot_be_decided_again(task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    stale = ExtensionRequest.objects.get(pk=extension.pk)
    task_services.decide_extension(extension, user=supervisor, decision="approve")
    with pytest.raises(ValidationError, match="已有决定"):
        task_services.decide_extension(stale, user=supervisor, decision="refuse", reason="晚到的决定")
    with pytest.raises(ValidationError):
        task_services.decide_extension(stale, user=supervisor, decision="approve")
    task.refresh_from_db()
    assert task.due == D(2025, 8, 31)
    assert ExtensionRequest.objects.get().status == ExtensionRequest.Status.APPROVED


def test_history_records_who_asked_and_who_decided(task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    task_services.decide_extension(extension, user=supervisor, decision="approve")
    rows = list(extension.history.order_by("history_date").values_list("status", "history_type"))
    assert rows == [("pending", "+"), ("approved", "~")]
    assert [row.requested_by for row in extension.history.all()] == [finance_staff, finance_staff]
    latest_task = task.history.latest("history_date")
    assert latest_task.due == D(2025, 8, 31) and latest_task.history_date is not None


def test_supervisors_decide_on_the_task_page_and_unit_staff_may_not(login, task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    url = reverse("projects:task_decide_extension", args=[task.pk, extension.pk])
    assert login(finance_staff).post(url, {"decision": "approve"}).status_code == 403
    response = login(supervisor).post(url, {"decision": "shorten", "granted_due": "2025-07-15"})
    assert response.status_code == 400
    assert "请说明" in response.content.decode()
    response = login(supervisor).post(url, {"decision": "shorten", "granted_due": "2025-07-15", "reason": "压缩"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.due == D(2025, 7, 15)
    page = login(supervisor).get(task.get_absolute_url()).content.decode()
    assert "2025年7月15日" in page and "压缩" in page and "2025年6月30日" in page


def test_supervisors_see_pending_extensions_on_their_home_page(login, task, finance_staff, supervisor):
    ask(task, finance_staff)
    page = login(supervisor).get("/").content.decode()
    assert 'id="home-extensions"' in page and "整治河道" in page
    listed = login(supervisor).get(reverse("projects:task_list"), {"needs": "extension"}).content.decode()
    assert "整治河道" in listed


def test_an_extended_task_is_no_longer_reminded_as_overdue(supervisor):
    task = task_due(D(2025, 10, 14), title="逾期任务")
    staff = UserFactory(role=roles.UNIT_STAFF, units=[task.assignments.get().organisation])
    extension = ask(task, staff, requested_due=D(2025, 11, 28))
    task_services.decide_extension(extension, user=supervisor, decision="approve")
    reminder_services.sweep(day=TODAY)
    assert not Reminder.objects.filter(task=task).exists()


def test_the_calendar_feed_shows_the_new_due_date_and_the_original(login, task, finance_staff, supervisor):
    extension = ask(task, finance_staff)
    task_services.decide_extension(extension, user=supervisor, decision="approve")
    feed = (
        login(finance_staff)
        .get(reverse("projects:task_feed", args=[task_services.calendar_token(finance_staff)]))
        .content.decode()
    )
    assert "DTSTART;VALUE=DATE:20250831" in feed
    assert "2025年6月30日" in feed.replace("\r\n ", "")


@pytest.mark.django_db(transaction=True)
def test_two_supervisors_approving_at_once_apply_the_extension_once(finance):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; PostgreSQL runs the decisions truly at once")
    task = TaskFactory(due=D(2025, 6, 30), status=Task.Status.IN_PROGRESS)
    AssignmentFactory(task=task, organisation=finance)
    staff = UserFactory(role=roles.UNIT_STAFF, units=[finance])
    extension = ask(task, staff)
    supervisors = [UserFactory(role=roles.SUPERVISOR) for _ in range(2)]
    start = threading.Barrier(2)
    outcomes = []

    def decide(user):
        start.wait()
        try:
            task_services.decide_extension(ExtensionRequest.objects.get(pk=extension.pk), user=user, decision="approve")
            outcomes.append("applied")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=decide, args=[user]) for user in supervisors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["applied", "refused"]
    task.refresh_from_db()
    assert (task.due, task.original_due) == (D(2025, 8, 31), D(2025, 6, 30))
    assert ExtensionRequest.history.filter(id=extension.pk, status="approved").count() == 1
