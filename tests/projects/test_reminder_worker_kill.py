"""A real sender process killed with SIGKILL, or its PostgreSQL connection cut, in the middle of a batch, while a
real SMTP server (aiosmtpd) holds one e-mail without answering: the next run sends every other digest, each exactly
once, and the one whose SMTP transaction had started is in doubt, shown to data managers and not resent. On SQLite
and on PostgreSQL (CI sets DATABASE_URL to it).

The sender is ``manage.py send_reminders`` in a subprocess on the test database: PostgreSQL's directly, SQLite's
in-memory one copied to a file and back."""

import asyncio
import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.db import connection
from django.utils import timezone

from projects.models import ReminderDigest, SendStatus
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from tests.org.factories import PersonFactory
from tests.projects.reminder_helpers import TODAY, task_due
from tests.projects.smtp import free_port

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 24
HELD = 9  # the sink holds the 9th e-mail without answering: the sender is killed then


class HoldingInbox:
    """Keeps every e-mail; on the ``HELD``th it signals ``holding`` and keeps the sender waiting for the 250."""

    def __init__(self):
        self.messages = []
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        if len(self.messages) == HELD:
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        return "250 OK"


@pytest.fixture
def inbox(settings):
    inbox = HoldingInbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield inbox, port
    inbox.release.set()
    controller.stop()


@pytest.fixture
def shared_database(transactional_db, tmp_path):
    """(DATABASE_URL for the subprocess, a function that brings its writes back into the test's database)."""
    if connection.vendor == "postgresql":
        database = connection.settings_dict
        password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
        url = f"postgres://{database['USER']}{password}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        yield lambda: url, lambda: None
        return
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()

    def export():
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}"

    def restore():
        with sqlite3.connect(path) as source:
            source.backup(connection.connection)

    yield export, restore


def start_sender(url, port, log):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_TIMEOUT": "30",
    }
    command = [sys.executable, "manage.py", "send_reminders", "--date", TODAY.isoformat()]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def kill(sender):
    sender.send_signal(signal.SIGKILL)


def cut_database_connection(sender):
    """Terminate the sender's PostgreSQL connection (as a failover or an administrator would), then let the held
    e-mail through: the sender cannot record it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        )


@pytest.mark.parametrize("death", [kill, cut_database_connection], ids=["SIGKILL", "database connection cut"])
def test_a_sender_dying_mid_batch_loses_nothing_and_leaves_at_most_the_held_email_in_doubt(
    death, inbox, shared_database, data_manager, tmp_path
):
    if death is cut_database_connection and connection.vendor != "postgresql":
        pytest.skip("cuts a PostgreSQL connection")
    inbox, port = inbox
    export, restore = shared_database
    addresses = [f"unit{n:02}@county.example" for n in range(RECIPIENTS)]
    for address in addresses:
        task_due(datetime.date(2025, 10, 14), contact=PersonFactory(email=address))
    with open(tmp_path / "sender.log", "w+") as log:
        sender = start_sender(export(), port, log)
        try:
            held = inbox.holding.wait(timeout=40)
            death(sender)
            inbox.release.set()
            sender.wait(timeout=30)
        finally:
            if sender.poll() is None:
                sender.kill()
                sender.wait()
        log.seek(0)
        assert held, log.read()
        assert sender.returncode != 0
    restore()
    in_flight = inbox.messages[HELD - 1].rcpt_tos[0]
    statuses = dict(ReminderDigest.objects.values_list("email", "status"))
    assert statuses[in_flight] == SendStatus.SENDING
    assert sum(status == SendStatus.SENT for status in statuses.values()) == HELD - 1

    # The next runs, once the leases have passed (a tick every ten minutes).
    later = timezone.now() + reminder_services.SENDING_LEASE + datetime.timedelta(minutes=1)
    reminder_services.send_due_digests(now=later)
    reminder_services.send_due_digests(now=later + datetime.timedelta(minutes=10))

    received = sorted(envelope.rcpt_tos[0] for envelope in inbox.messages)
    assert received == addresses  # each exactly once, the held one included: the server did get it
    statuses = dict(ReminderDigest.objects.values_list("email", "status"))
    assert statuses.pop(in_flight) == SendStatus.DOUBT
    assert set(statuses.values()) == {SendStatus.SENT}
    doubtful = reminder_selectors.failed_digests(data_manager).get()
    assert doubtful.email == in_flight and "不知是否已发出" in doubtful.last_error
