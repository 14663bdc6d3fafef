"""/health/ on the reminders: a tick that stopped running (beat or the worker down), e-mails that failed or are in
doubt, and e-mails left claimed or sending past their lease all turn it to "warning"."""

import datetime

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from projects.models import JobHeartbeat, ReminderDigest, SendStatus
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services

pytestmark = pytest.mark.django_db
MINUTES = datetime.timedelta(minutes=1)


def health(client):
    response = client.get("/health/")
    assert response.status_code == 200
    return response.json()


def test_the_tick_writes_a_heartbeat_and_health_flags_it_after_twice_its_interval(client):
    reminder_services.catch_up()
    assert health(client)["reminder_tick"]["status"] == "ok"
    JobHeartbeat.objects.update(last=timezone.now() - 19 * MINUTES)
    assert health(client)["status"] == "ok"
    JobHeartbeat.objects.update(last=timezone.now() - 21 * MINUTES)
    body = health(client)
    assert body["status"] == "warning" and body["reminder_tick"]["status"] == "stale"


def test_a_tick_that_never_ran_is_stale_once_its_schedule_is_older_than_twice_the_interval(client):
    assert health(client)["reminder_tick"]["status"] == "ok"  # a new installation
    PeriodicTask.objects.filter(task=reminder_selectors.TICK_TASK).update(date_changed=timezone.now() - 21 * MINUTES)
    assert health(client)["reminder_tick"]["status"] == "stale"


def digests(count, **fields):
    for n in range(count):
        ReminderDigest.objects.create(email=f"unit{n}@county.example", day=timezone.localdate(), **fields)


def test_failed_emails_and_emails_in_doubt_turn_health_to_warning(client):
    reminder_services.catch_up()
    digests(3)
    assert health(client)["reminder_emails"] == {"status": "ok", "failed": 0, "stuck": 0}
    ReminderDigest.objects.filter(email="unit0@county.example").update(status=SendStatus.FAILED)
    ReminderDigest.objects.filter(email="unit1@county.example").update(status=SendStatus.DOUBT)
    body = health(client)
    assert body["status"] == "warning"
    assert body["reminder_emails"] == {"status": "attention", "failed": 2, "stuck": 0}
    # A week later they are the reminders page's business only.
    ReminderDigest.objects.update(day=timezone.localdate() - datetime.timedelta(days=8))
    assert health(client)["reminder_emails"]["failed"] == 0


def test_emails_left_sending_past_their_lease_count_as_stuck(client):
    reminder_services.catch_up()
    now = timezone.now()
    digests(2, status=SendStatus.SENDING, claimed=now - 10 * MINUTES)
    assert health(client)["reminder_emails"]["stuck"] == 0  # still within the lease: being sent
    ReminderDigest.objects.update(claimed=now - reminder_selectors.SENDING_LEASE - MINUTES)
    body = health(client)
    assert body["status"] == "warning" and body["reminder_emails"]["stuck"] == 2
