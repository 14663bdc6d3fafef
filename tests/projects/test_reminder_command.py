"""send_reminders: the sweep without Celery, for cron; --dry-run --json previews and writes nothing."""

import datetime
import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from projects.models import Reminder, ReminderDigest, ReminderSweep
from tests.org.factories import PersonFactory
from tests.projects.reminder_helpers import task_due

D = datetime.date
pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_digests_and_writes_nothing():
    person = PersonFactory(name="赵六", email="zhao@county.example")
    urged = task_due(D(2025, 10, 14), contact=person)
    soon = task_due(D(2025, 10, 21), contact=person)
    other = task_due(D(2025, 10, 20), email="other@county.example")
    preview = json.loads(run("--date", "2025-10-20", "--dry-run", "--json"))
    assert preview == {
        "date": "2025-10-20",
        "day_off": False,
        "without_email": 0,
        "digests": [
            {
                "recipient": "other@county.example",
                "name": other.assignments.get().contact.name,
                "subject": "【督办提醒】1 项任务即将到期",
                "tasks": {"due": [other.pk]},
            },
            {
                "recipient": "zhao@county.example",
                "name": "赵六",
                "subject": "【督办提醒】1 项任务已逾期，另有 1 项即将到期",
                "tasks": {"urge": [urged.pk], "warning": [soon.pk]},
            },
        ],
    }
    assert not Reminder.objects.exists() and not ReminderDigest.objects.exists()
    assert not ReminderSweep.objects.exists() and mail.outbox == []


def test_a_run_sweeps_and_sends_and_a_second_run_sends_nothing():
    task_due(D(2025, 10, 14))
    first = json.loads(run("--date", "2025-10-20", "--json"))
    second = json.loads(run("--date", "2025-10-20", "--json"))
    assert (first["reminders"], first["digests"], first["sent"]) == (1, 1, 1)
    assert (second["reminders"], second["sent"]) == (0, 0)
    assert len(mail.outbox) == 1


def test_a_bad_date_is_refused_in_chinese():
    with pytest.raises(CommandError, match="日期格式"):
        run("--date", "20.10.2025")
