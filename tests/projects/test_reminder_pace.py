"""The sender keeps to REMINDER_EMAILS_PER_MINUTE: a mail server may refuse a burst, and a province's morning
e-mails sent at once took the CPU from the pages."""

import datetime
import time

import pytest
from django.core import mail
from django.utils import timezone

from projects.models import ReminderDigest, SendStatus
from projects.reminders import services as reminder_services
from projects.reminders.selectors import CLAIM_LEASE
from tests.projects.reminder_helpers import TODAY, task_due

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime.datetime(2025, 10, 20, 8, 0))


@pytest.fixture
def clock(monkeypatch):
    """A monotonic clock that moves only when the sender sleeps; the sleeps are recorded."""
    state = {"now": 1000.0, "sleeps": []}

    def sleep(seconds):
        state["sleeps"].append(round(seconds, 6))
        state["now"] += seconds

    monkeypatch.setattr(time, "monotonic", lambda: state["now"])
    monkeypatch.setattr(time, "sleep", sleep)
    return state


def test_each_email_waits_for_its_turn_at_the_set_pace(settings, clock):
    settings.REMINDER_EMAILS_PER_MINUTE = 30  # one every 2 seconds
    for n in range(4):
        task_due(datetime.date(2025, 10, 14), email=f"unit{n}@county.example")
    reminder_services.sweep(day=TODAY)
    assert reminder_services.send_due_digests(now=NOW) == (4, 0)
    assert len(mail.outbox) == 4
    # The first goes at once; each other one 2 seconds after the one before.
    assert clock["sleeps"] == [2.0, 2.0, 2.0]


def test_no_pace_sends_without_waiting(settings, clock):
    settings.REMINDER_EMAILS_PER_MINUTE = 0
    for n in range(3):
        task_due(datetime.date(2025, 10, 14), email=f"unit{n}@county.example")
    reminder_services.sweep(day=TODAY)
    assert reminder_services.send_due_digests(now=NOW) == (3, 0)
    assert clock["sleeps"] == []


def test_at_a_slow_pace_a_claim_holds_only_what_goes_out_within_half_its_lease(settings, clock, monkeypatch):
    settings.REMINDER_EMAILS_PER_MINUTE = 2  # 30 seconds each: 5 in half of the 5-minute lease
    assert CLAIM_LEASE == datetime.timedelta(minutes=5)
    claimed = []
    claim = reminder_services._claim

    def recording_claim(pks, now):
        claimed.append(len(pks))
        return claim(pks, now)

    monkeypatch.setattr(reminder_services, "_claim", recording_claim)
    for n in range(12):
        task_due(datetime.date(2025, 10, 14), email=f"unit{n}@county.example")
    reminder_services.sweep(day=TODAY)
    assert reminder_services.send_due_digests(now=NOW) == (12, 0)
    assert claimed == [5, 5, 2]
    assert not ReminderDigest.objects.exclude(status=SendStatus.SENT).exists()
