"""Sending: one e-mail per digest, claimed before it is sent, retried with backoff, never sent twice."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.utils import timezone

from projects.models import Reminder, ReminderDigest, ReminderPolicy, ReminderSweep, SendStatus
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from tests.org.factories import PersonFactory
from tests.projects.reminder_helpers import TODAY, task_due

D = datetime.date
pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime.datetime(2025, 10, 20, 8, 0))


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def open(self):
        raise smtplib.SMTPConnectError(421, "service not available")

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "service not available")


def swept():
    person = PersonFactory(name="王五", email="wang@county.example")
    overdue = task_due(D(2025, 10, 14), contact=person, title="整改河道垃圾")
    soon = task_due(D(2025, 10, 22), contact=person, title="报送月度报表")
    reminder_services.sweep(day=TODAY)
    return overdue, soon


def test_the_digest_lists_each_tier_with_units_deadlines_and_links(settings):
    settings.SITE_URL = "https://ledger.county.example"
    overdue, soon = swept()
    assert reminder_services.send_due_digests(now=NOW) == (1, 0)
    [message] = mail.outbox
    assert message.to == ["王五 <wang@county.example>"]
    assert message.subject == "【督办提醒】1 项任务已逾期，另有 1 项即将到期"
    text = message.body
    assert text.index("催办") < text.index("预警")
    assert "整改河道垃圾" in text and "10月14日前" in text and "逾期 4 个工作日" in text
    assert f"https://ledger.county.example/tasks/{overdue.pk}/" in text
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="https://ledger.county.example/tasks/{soon.pk}/"' in html
    # The early warning can be muted from the e-mail; nothing else can.
    assert "/reminders/mute/" in text


def test_sent_reminders_are_marked_and_not_sent_again():
    swept()
    reminder_services.send_due_digests(now=NOW)
    reminder_services.send_due_digests(now=NOW)
    reminder_services.sweep(day=TODAY)
    reminder_services.send_due_digests(now=NOW)
    assert len(mail.outbox) == 1
    assert set(Reminder.objects.values_list("status", flat=True)) == {SendStatus.SENT}
    assert ReminderDigest.objects.get().attempts == 1


def test_a_digest_claimed_by_one_sender_cannot_be_claimed_by_another():
    swept()
    pks = list(ReminderDigest.objects.values_list("pk", flat=True))
    first, _token = reminder_services._claim(pks, NOW)
    second, _token = reminder_services._claim(pks, NOW)
    assert [d.pk for d in first] == pks and second == []


@override_settings(EMAIL_BACKEND="tests.projects.test_reminder_sending.RefusingBackend")
def test_an_unreachable_server_leaves_the_digest_pending_with_exponential_backoff():
    swept()
    assert reminder_services.send_due_digests(now=NOW) == (0, 1)
    digest = ReminderDigest.objects.get()
    assert (digest.status, digest.attempts) == (SendStatus.PENDING, 1)
    assert digest.next_attempt == NOW + datetime.timedelta(minutes=5)
    assert "421" in digest.last_error
    # Not before its time…
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=4)) == (0, 0)
    # …then 5, 10, 20, 40 minutes apart.
    later = NOW + datetime.timedelta(minutes=5)
    reminder_services.send_due_digests(now=later)
    digest.refresh_from_db()
    assert digest.next_attempt == later + datetime.timedelta(minutes=10)


@override_settings(EMAIL_BACKEND="tests.projects.test_reminder_sending.RefusingBackend")
def test_after_the_last_attempt_it_stays_visibly_failed(data_manager):
    ReminderPolicy.objects.filter(pk=ReminderPolicy.current().pk).update(max_attempts=2)
    swept()
    reminder_services.send_due_digests(now=NOW)
    reminder_services.send_due_digests(now=NOW + datetime.timedelta(hours=1))
    digest = ReminderDigest.objects.get()
    assert (digest.status, digest.attempts, digest.next_attempt) == (SendStatus.FAILED, 2, None)
    assert set(Reminder.objects.values_list("status", flat=True)) == {SendStatus.FAILED}
    assert list(reminder_selectors.failed_digests(data_manager)) == [digest]
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(days=1)) == (0, 0)


def test_a_failed_digest_goes_out_once_a_data_manager_requeues_it():
    swept()
    ReminderDigest.objects.update(status=SendStatus.FAILED, attempts=5)
    assert reminder_services.requeue(ReminderDigest.objects.all()) == 1
    assert reminder_services.send_due_digests(now=NOW) == (1, 0)
    assert len(mail.outbox) == 1


def test_a_sender_that_died_in_the_smtp_transaction_leaves_that_digest_in_doubt_not_resent(data_manager):
    swept()
    ReminderDigest.objects.update(status=SendStatus.SENDING, claimed=NOW, claim="dead-worker")
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=5)) == (0, 0)
    assert ReminderDigest.objects.get().status == SendStatus.SENDING
    reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=16))
    digest = ReminderDigest.objects.get()
    assert digest.status == SendStatus.DOUBT and "不知是否已发出" in digest.last_error
    assert set(Reminder.objects.values_list("status", flat=True)) == {SendStatus.DOUBT}
    assert list(reminder_selectors.failed_digests(data_manager)) == [digest]
    assert mail.outbox == []


def test_a_digest_claimed_by_a_dead_sender_goes_out_once_its_claim_lapses():
    swept()
    ReminderDigest.objects.update(status=SendStatus.CLAIMED, claimed=NOW, claim="dead-worker")
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=4)) == (0, 0)
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=6)) == (1, 0)
    assert ReminderDigest.objects.get().status == SendStatus.SENT
    assert len(mail.outbox) == 1


def test_a_sender_whose_claim_lapsed_skips_the_digest_another_sender_took_back():
    swept()
    digest = ReminderDigest.objects.get()
    (claimed,), token = reminder_services._claim([digest.pk], NOW)
    reminder_services.release_abandoned(now=NOW + datetime.timedelta(minutes=6))
    assert not reminder_services._start_sending(claimed, token, NOW + datetime.timedelta(minutes=6))
    assert ReminderDigest.objects.get().status == SendStatus.PENDING


def test_catch_up_sweeps_only_after_the_scheduled_time_and_only_once():
    swept_before = ReminderSweep.objects.count()
    task_due(D(2025, 10, 14))
    before_eight = timezone.make_aware(datetime.datetime(2025, 10, 20, 7, 50))
    reminder_services.catch_up(now=before_eight)
    assert ReminderSweep.objects.count() == swept_before
    after_eight = timezone.make_aware(datetime.datetime(2025, 10, 20, 9, 30))
    reminder_services.catch_up(now=after_eight)
    reminder_services.catch_up(now=after_eight + datetime.timedelta(minutes=10))
    sweeps = ReminderSweep.objects.filter(day=TODAY)
    assert [s.trigger for s in sweeps] == ["catch-up"]
    assert len(mail.outbox) == 1


def test_health_flags_a_sweep_older_than_twice_the_schedule(client):
    ReminderSweep.objects.create(day=TODAY, trigger="beat", finished=timezone.now() - datetime.timedelta(hours=47))
    body = client.get("/health/").json()
    assert body["status"] == "ok" and body["reminders"]["status"] == "ok"
    ReminderSweep.objects.update(finished=timezone.now() - datetime.timedelta(hours=49))
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "warning" and response.json()["reminders"]["status"] == "stale"
