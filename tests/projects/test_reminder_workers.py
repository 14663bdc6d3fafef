"""Exactly once with two real Celery workers on the real Redis broker and PostgreSQL (what CI runs).

The day's sweep (which then sends) is queued six times at once: beat firing twice, re-runs by hand; the
two workers run them concurrently. A real SMTP server counts what arrives.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from projects.jobs import sweep_reminders
from projects.models import Reminder, ReminderDigest, SendStatus
from tests.org.factories import PersonFactory
from tests.projects.reminder_helpers import TODAY, task_due
from tests.projects.smtp import Inbox, free_port

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def real_services():
    if not settings.CELERY_BROKER_URL.startswith("redis://") or connection.vendor != "postgresql":
        pytest.skip("needs the Redis broker and PostgreSQL (CELERY_BROKER_URL, DATABASE_URL), as .ci/run sets them")


@pytest.fixture
def smtp_inbox():
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def two_workers(real_services, transactional_db, smtp_inbox):
    _inbox, port = smtp_inbox
    queue = f"reminders-test-{uuid.uuid4().hex[:8]}"
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--concurrency=1",
                "--pool=prefork",
                "-Q",
                queue,
                "-n",
                f"{name}-{queue}@%h",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=WARNING",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for name in ("first", "second")
    ]
    yield queue
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.wait(timeout=30)


def wait_until(condition, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_two_workers_and_repeated_triggers_send_each_digest_once(two_workers, smtp_inbox):
    inbox, _port = smtp_inbox
    addresses = [f"unit{n}@county.example" for n in range(6)]
    for address in addresses:
        person = PersonFactory(email=address)
        task_due(TODAY, contact=person)
        task_due(TODAY.replace(day=14), contact=person)
    for _ in range(6):
        sweep_reminders.apply_async(kwargs={"day": TODAY.isoformat()}, queue=two_workers)

    def settled():
        digests = ReminderDigest.objects.filter(day=TODAY)
        return digests.count() == len(addresses) and not digests.exclude(status=SendStatus.SENT).exists()

    assert wait_until(settled), list(ReminderDigest.objects.values_list("email", "status", "last_error"))
    # Give a late duplicate every chance to arrive before counting.
    time.sleep(3)
    assert sorted(envelope.rcpt_tos[0] for envelope in inbox.messages) == sorted(addresses)
    assert Reminder.objects.filter(day=TODAY).count() == 2 * len(addresses)
    assert set(Reminder.objects.values_list("status", flat=True)) == {SendStatus.SENT}
