"""A real SMTP server (aiosmtpd) that goes away and comes back: reminders wait, then go out exactly once."""

import asyncio
import datetime

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from projects.models import ReminderDigest, SendStatus
from projects.reminders import services as reminder_services
from tests.org.factories import PersonFactory
from tests.projects.reminder_helpers import TODAY, task_due
from tests.projects.smtp import Inbox, free_port

D = datetime.date
pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime.datetime(2025, 10, 20, 8, 0))


@pytest.fixture
def smtp(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    servers = []

    def start(inbox):
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        servers.append(controller)
        return controller

    yield start
    for controller in servers:
        if controller._thread is not None:
            controller.stop()


def two_recipients():
    for address in ("a@county.example", "b@county.example"):
        task_due(D(2025, 10, 14), contact=PersonFactory(email=address))
    reminder_services.sweep(day=TODAY)


def test_while_the_server_is_down_nothing_is_lost_and_nothing_doubled(smtp):
    inbox = Inbox()
    smtp(inbox).stop()
    two_recipients()
    assert reminder_services.send_due_digests(now=NOW) == (0, 2)
    assert set(ReminderDigest.objects.values_list("status", "attempts")) == {(SendStatus.PENDING, 1)}
    smtp(inbox)
    # The retry comes once its backoff has passed, and only then.
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=1)) == (0, 0)
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=6)) == (2, 0)
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(hours=2)) == (0, 0)
    assert sorted(envelope.rcpt_tos[0] for envelope in inbox.messages) == ["a@county.example", "b@county.example"]


def test_a_server_that_rejects_a_message_gets_it_again_later(smtp):
    inbox = Inbox(refuse=1)
    smtp(inbox)
    two_recipients()
    # One refused, one accepted over the same connection.
    assert reminder_services.send_due_digests(now=NOW) == (1, 1)
    refused = ReminderDigest.objects.get(status=SendStatus.PENDING)
    assert "451" in refused.last_error
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=6)) == (1, 0)
    assert len(inbox.messages) == 2
    assert len({envelope.rcpt_tos[0] for envelope in inbox.messages}) == 2


def test_a_server_that_confirms_after_the_client_gave_up_gets_the_email_once_and_it_is_in_doubt(smtp, settings):
    settings.EMAIL_TIMEOUT = 1
    inbox = Inbox(delay=2)
    smtp(inbox)
    two_recipients()
    assert reminder_services.send_due_digests(now=NOW) == (0, 2)
    assert set(ReminderDigest.objects.values_list("status", flat=True)) == {SendStatus.DOUBT}
    assert "SMTPServerDisconnected" in ReminderDigest.objects.first().last_error
    inbox.delay = 0
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(hours=2)) == (0, 0)
    assert sorted(envelope.rcpt_tos[0] for envelope in inbox.messages) == ["a@county.example", "b@county.example"]


def test_a_server_that_hangs_before_the_email_is_handed_over_gets_it_later_not_in_doubt(smtp, settings):
    class SlowGreeting(Inbox):
        async def handle_MAIL(self, server, session, envelope, address, options):
            if not self.messages and self.refuse:
                self.refuse -= 1
                await asyncio.sleep(2)
            envelope.mail_from = address
            return "250 OK"

    settings.EMAIL_TIMEOUT = 1
    inbox = SlowGreeting(refuse=1)
    smtp(inbox)
    two_recipients()
    assert reminder_services.send_due_digests(now=NOW) == (1, 1)
    assert sorted(ReminderDigest.objects.values_list("status", flat=True)) == [SendStatus.PENDING, SendStatus.SENT]
    assert reminder_services.send_due_digests(now=NOW + datetime.timedelta(minutes=6)) == (1, 0)
    assert sorted(envelope.rcpt_tos[0] for envelope in inbox.messages) == ["a@county.example", "b@county.example"]
