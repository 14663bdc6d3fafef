"""Reminders: the daily sweep decides and records them, the sender claims and sends each day's digest once.

The database is the source of truth. A reminder is a row, unique per task, recipient, tier and day, so a
sweep that runs twice (beat firing twice, two workers, a re-run by hand) creates nothing new. A digest is
sent only by the worker whose UPDATE moved it from pending to claimed, so two senders never send it both.
Just before its SMTP transaction starts, the sender records (and commits) "sending" for that one digest. A
sender that dies leaves its batch claimed, and at most one digest "sending": after a lease the claimed ones
go back to pending and are sent by the next run; the one "sending" may have gone out, so it is "in doubt",
never resent automatically (sending it again could send it twice, which the county asked never to happen),
and shown to data managers on the reminders page and in the admin, where they may queue it again. An SMTP
server that had the whole e-mail and gave no answer in time leaves it in doubt the same way.
"""

import datetime
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projects.models import (
    Instruction,
    JobHeartbeat,
    Reminder,
    ReminderDigest,
    ReminderMute,
    ReminderPolicy,
    ReminderSweep,
    SendStatus,
    WorkdayException,
)

from . import selectors
from .mail import OutcomeUnknown, build_message, instruction_message, open_connection
from .selectors import CLAIM_LEASE, SENDING_LEASE

logger = logging.getLogger(__name__)

# Digests sent over one SMTP connection.
SEND_BATCH = 100


# A sweep adding this many reminders has the database count the table again (below).
ANALYZE_AFTER = 1_000

# The first key of the advisory lock that sweeps of one day hold on PostgreSQL (the second is the day): any number
# no other lock of the site uses.
SWEEP_LOCK = 7319


def sweep(*, day=None, trigger="manual"):
    """Record the day's reminders and their digests; returns the ReminderSweep."""
    record = _sweep(day or timezone.localdate(), trigger)
    if record.reminders >= ANALYZE_AFTER and connection.vendor == "postgresql":
        # Pages find escalated tasks through the reminders; planned from statistics of before a day's tens of
        # thousands of new rows, a county's home page read all of them (130 ms instead of 26) until autovacuum
        # came by, minutes later.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Reminder._meta.db_table}")
    return record


def _sweep(day, trigger):
    with transaction.atomic():
        _wait_for_other_sweeps(day)
        plan = selectors.reminder_plan(day)
        record = ReminderSweep.objects.create(day=day, trigger=trigger, without_email=len(plan.without_email))
        if plan.day_off:
            record.day_off = True
            record.finished = timezone.now()
            record.save(update_fields=["day_off", "finished"])
            return record
        # Recipients whose digest for the day already went out get nothing more today: tomorrow's sweep
        # finds their tasks again, at that day's tier.
        closed = selectors.addresses_done(day)
        items = [item for item in plan.items if item.email not in closed]
        names = {item.email: item.name for item in items}
        new_digests = _insert_digests(names, day)
        digests = dict(
            ReminderDigest.objects.filter(day=day, email__in=names, status=SendStatus.PENDING).values_list(
                "email", "pk"
            )
        )
        rows = [
            (
                item.task_id,
                digests[item.email],
                item.email,
                item.name,
                item.unit,
                item.tier,
                item.overdue_days,
                item.escalated,
            )
            for item in items
            if item.email in digests
        ]
        record.reminders = _insert_reminders(rows, day)
        # Only what this sweep added: sweeps running at once (or again) count each digest once between them.
        record.digests = new_digests
        record.finished = timezone.now()
        record.save(update_fields=["reminders", "digests", "finished"])
    return record


def _wait_for_other_sweeps(day):
    """Hold the day's sweep lock until the transaction ends, waiting for a sweep of the same day that holds it.

    Sweeps of one day running at once would each decide every task again, for nothing but rows the other inserts:
    a day's sweep is tens of seconds of a worker and of the database, taken from the pages. On SQLite, which runs
    one writer at a time, the sweeps are serialised already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [SWEEP_LOCK, day.toordinal()])


def _sweep_unless_done(day, trigger):
    """The day's sweep, unless one has completed: also one that completed while this one waited for its lock (beat
    and the tick at once, a job delivered twice)."""
    with transaction.atomic():
        _wait_for_other_sweeps(day)
        if not selectors.swept(day):
            sweep(day=day, trigger=trigger)


def _insert_digests(names, day):
    """Insert the day's digests that are not there yet; returns how many were new, as the database counted them
    (a concurrent sweep's rows are not counted here)."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT total_changes()")
            before = cursor.fetchone()[0]
            ReminderDigest.objects.bulk_create(
                [ReminderDigest(email=email, name=name, day=day) for email, name in names.items()],
                ignore_conflicts=True,
            )
            cursor.execute("SELECT total_changes()")
            return cursor.fetchone()[0] - before
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {ReminderDigest._meta.db_table}
                (email, name, day, status, attempts, claim, subject, last_error)
            SELECT email, name, %s::date, %s, 0, '', '', ''
            FROM unnest(%s::text[], %s::text[]) AS new (email, name)
            ON CONFLICT DO NOTHING
            """,
            [day, SendStatus.PENDING, list(names), list(names.values())],
        )
        return cursor.rowcount


def _insert_reminders(rows, day):
    """Insert the rows that are not there yet; returns how many were new.

    On PostgreSQL one INSERT … SELECT FROM unnest(…) takes a day's 40,000 rows in one statement, where
    bulk_create would build 40,000 model instances and send 20 statements.
    """
    if connection.vendor != "postgresql":
        before = Reminder.objects.filter(day=day).count()
        fields = ("task_id", "digest_id", "email", "name", "unit", "tier", "overdue_days", "escalated")
        Reminder.objects.bulk_create(
            [Reminder(day=day, **dict(zip(fields, row, strict=True))) for row in rows],
            ignore_conflicts=True,
            batch_size=2000,
        )
        return Reminder.objects.filter(day=day).count() - before
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * 8
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {Reminder._meta.db_table}
                (task_id, digest_id, email, name, unit, tier, overdue_days, escalated,
                 day, status, attempts, last_error, created)
            SELECT *, %s::date, %s, 0, '', now()
            FROM unnest(%s::bigint[], %s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[],
                        %s::int[], %s::bool[])
            ON CONFLICT DO NOTHING
            """,
            [day, SendStatus.PENDING, *columns],
        )
        return cursor.rowcount


# A county's own settings (its 提醒设置 and 本地工作日调整); saving either drops the cached settings (apps.py).

COUNTY_POLICY_FIELDS = ("warning_days", "reminder_days", "escalation_days", "include_historical")


@transaction.atomic
def save_county_policy(county, *, own, values=None):
    """Give ``county`` settings of its own (``values``: COUNTY_POLICY_FIELDS), or with ``own`` false let it follow
    the defaults again. Returns the county's row, or None."""
    existing = ReminderPolicy.objects.select_for_update().filter(county=county).first()
    if not own:
        if existing is not None:
            existing.delete()
        return None
    policy = existing or ReminderPolicy(county=county)
    for name in COUNTY_POLICY_FIELDS:
        setattr(policy, name, values[name])
    policy.full_clean()
    policy.save()
    return policy


def add_workday_exception(county, *, date, is_workday, note=""):
    exception = WorkdayException(county=county, date=date, is_workday=is_workday, note=note)
    exception.full_clean()
    exception.save()
    return exception


def remove_workday_exception(exception):
    exception.delete()


def forget_light_settings():
    """Drop the cached settings of the traffic lights now, and again when the change commits, so that a page read
    between the two cannot keep the old ones."""
    cache.delete(selectors.LIGHT_SETTINGS_KEY)
    transaction.on_commit(lambda: cache.delete(selectors.LIGHT_SETTINGS_KEY))


def send_due_digests(*, now=None, limit=None):
    """Send every pending digest whose time has come; returns (sent, failed) counts, those in doubt with the
    failed."""
    now = now or timezone.now()
    clock = _clock(now)
    release_abandoned(now=now)
    policy = selectors.reminder_settings(fresh=True).default.policy  # retries: the site's settings
    due = list(
        ReminderDigest.objects.filter(status=SendStatus.PENDING)
        .exclude(next_attempt__gt=now)
        .order_by("day", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = failed = 0
    pace = _Pace(settings.REMINDER_EMAILS_PER_MINUTE)
    for start in range(0, len(due), pace.batch):
        batch_sent, batch_failed = _send_batch(due[start : start + pace.batch], policy, now, clock, pace)
        sent += batch_sent
        failed += batch_failed
    return sent, failed


class _Pace:
    """Keeps the sender to ``per_minute`` e-mails a minute (none when 0), each waiting for its turn; and a batch
    small enough to be sent well within its claim's lease at that pace."""

    def __init__(self, per_minute):
        self.interval = 60 / per_minute if per_minute > 0 else 0
        lease = CLAIM_LEASE.total_seconds()
        self.batch = max(1, min(SEND_BATCH, int(lease / 2 / self.interval))) if self.interval else SEND_BATCH
        self.next = None

    def wait(self):
        if not self.interval:
            return
        now = time.monotonic()
        if self.next is not None and self.next > now:
            time.sleep(self.next - now)
            now = self.next
        self.next = now + self.interval


def _clock(now):
    """The time as the sender sees it: ``now`` (a test's or a caller's) moving on as the real clock does. Claims
    and their leases follow it; retries wait from ``now``."""
    started = time.monotonic()
    return lambda: now + datetime.timedelta(seconds=time.monotonic() - started)


def _send_batch(pks, policy, now, clock, pace):
    claim, token = _claim(pks, clock())
    if not claim:
        return 0, 0
    lines = selectors.digest_contents(claim)
    sent_back = selectors.sent_back_closings(lines)
    messages = {digest: build_message(digest, lines.get(digest.pk, []), sent_back) for digest in claim}
    sent = failed = 0
    try:
        connection = open_connection()
    except Exception as error:  # the server is unreachable: every digest of the batch waits for a retry
        for digest in messages:
            _failed(digest, error, policy, now)
        return 0, len(messages)
    try:
        for digest, message in messages.items():
            pace.wait()
            if not _start_sending(digest, token, clock()):
                continue  # its claim lapsed and it went back to pending: another sender has it now
            try:
                message.connection = connection
                message.send()
            except OutcomeUnknown as error:
                _in_doubt(digest, _("The SMTP server did not confirm the e-mail: %(error)s") % {"error": error})
                failed += 1
                _reconnect(connection)
            except Exception as error:
                _failed(digest, error, policy, now)
                failed += 1
                # A dropped connection fails every later message too; reopen it for the next one.
                _reconnect(connection)
            else:
                _sent(digest, message.subject)
                sent += 1
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("reminders: closing the SMTP connection failed", exc_info=True)
    return sent, failed


def _claim(pks, now):
    """Move digests from pending to claimed; only those this call moved are this caller's to send."""
    token = uuid.uuid4().hex
    ReminderDigest.objects.filter(pk__in=pks, status=SendStatus.PENDING).exclude(next_attempt__gt=now).update(
        status=SendStatus.CLAIMED, claimed=now, claim=token
    )
    claimed = ReminderDigest.objects.filter(pk__in=pks, status=SendStatus.CLAIMED, claim=token)
    return list(claimed.order_by("pk")), token


def _start_sending(digest, token, now):
    """Record, and commit, that the digest's SMTP transaction starts: should the sender die from here on, this
    one digest is in doubt, and only this one. False if the claim lapsed (``release_abandoned``)."""
    moved = ReminderDigest.objects.filter(pk=digest.pk, status=SendStatus.CLAIMED, claim=token).update(
        status=SendStatus.SENDING, claimed=now
    )
    return moved == 1


def _sent(digest, subject):
    with transaction.atomic():
        ReminderDigest.objects.filter(pk=digest.pk).update(
            status=SendStatus.SENT,
            sent=timezone.now(),
            subject=subject[:200],
            last_error="",
            attempts=digest.attempts + 1,
            next_attempt=None,
        )
        digest.reminders.update(status=SendStatus.SENT, attempts=digest.attempts + 1, last_error="")


def _failed(digest, error, policy, now):
    attempts = digest.attempts + 1
    given_up = attempts >= policy.max_attempts
    # Exponential backoff: retry_minutes, then twice that, four times…
    wait = datetime.timedelta(minutes=policy.retry_minutes * 2 ** (attempts - 1))
    message = f"{type(error).__name__}: {error}"[:2000]
    logger.warning("reminders: sending to %s failed (attempt %s): %s", digest.email, attempts, message)
    status = SendStatus.FAILED if given_up else SendStatus.PENDING
    with transaction.atomic():
        ReminderDigest.objects.filter(pk=digest.pk).update(
            status=status, attempts=attempts, last_error=message, next_attempt=None if given_up else now + wait
        )
        digest.reminders.update(status=status, attempts=attempts, last_error=message)


def _in_doubt(digest, note):
    """It may have gone out: not resent on its own, shown to data managers with ``note``."""
    logger.warning("reminders: the e-mail to %s may or may not have gone out: %s", digest.email, note)
    note = note[:2000]
    with transaction.atomic():
        ReminderDigest.objects.filter(pk=digest.pk).update(
            status=SendStatus.DOUBT, attempts=digest.attempts + 1, last_error=note, next_attempt=None
        )
        digest.reminders.update(status=SendStatus.DOUBT, last_error=note)


def _reconnect(connection):
    try:
        connection.close()
    except Exception:
        logger.debug("reminders: closing a broken SMTP connection failed", exc_info=True)
    try:
        connection.open()
    except Exception:
        logger.debug("reminders: reopening the SMTP connection failed", exc_info=True)


def release_abandoned(*, now=None):
    """What a sender claimed and never finished. Digests it had not begun to send go back to pending, to be sent
    by this or the next run; the one whose SMTP transaction had started is in doubt."""
    now = now or timezone.now()
    ReminderDigest.objects.filter(status=SendStatus.CLAIMED, claimed__lt=now - CLAIM_LEASE).update(
        status=SendStatus.PENDING, claim=""
    )
    stale = ReminderDigest.objects.filter(status=SendStatus.SENDING, claimed__lt=now - SENDING_LEASE)
    note = _("The sender stopped while sending this e-mail; it is not known whether it went out, so it was not resent.")
    for digest in stale:
        with transaction.atomic():
            moved = ReminderDigest.objects.filter(pk=digest.pk, status=SendStatus.SENDING).update(
                status=SendStatus.DOUBT, last_error=note
            )
            if moved:
                digest.reminders.update(status=SendStatus.DOUBT, last_error=note)


@transaction.atomic
def requeue(digests):
    """Send failed digests, or those in doubt, again: a data manager's decision, e.g. after asking the recipient."""
    pks = [digest.pk for digest in digests if digest.status in (SendStatus.FAILED, SendStatus.DOUBT)]
    ReminderDigest.objects.filter(pk__in=pks).update(status=SendStatus.PENDING, next_attempt=None, attempts=0)
    Reminder.objects.filter(digest_id__in=pks).update(status=SendStatus.PENDING, attempts=0)
    return len(pks)


def run_reminders(*, trigger, day=None, now=None):
    """What beat runs: the day's sweep unless it has already completed, then the sending."""
    now = now or timezone.now()
    day = day or timezone.localdate(now)
    if not selectors.swept(day):
        _sweep_unless_done(day, trigger)
    return send_due_digests(now=now)


def catch_up(*, now=None):
    """The frequent tick: sweep if today's scheduled sweep time has passed without one (the broker was down,
    beat was stopped), then send what is due, retries included."""
    now = now or timezone.now()
    # The tick's heartbeat: /health/ sees beat or the worker stop when it goes stale.
    JobHeartbeat.objects.update_or_create(job=selectors.TICK_TASK, defaults={"last": timezone.now()})
    day = timezone.localdate(now)
    scheduled = selectors.scheduled_sweep_time(day)
    if not selectors.swept(day) and scheduled is not None and now >= scheduled:
        _sweep_unless_done(day, "catch-up")
    return send_due_digests(now=now)


@transaction.atomic
def mute_warnings(email):
    ReminderMute.objects.get_or_create(email=email.strip().lower())


@transaction.atomic
def unmute_warnings(email):
    ReminderMute.objects.filter(email=email.strip().lower()).delete()


def notify_instruction(instruction_id):
    """E-mail a new leader's instruction to the reminder addresses of its task's units; returns how many went out.
    Run by the worker after the instruction is committed, so a slow mail server never holds up the page."""
    instruction = Instruction.objects.select_related("task").filter(pk=instruction_id, task__isnull=False).first()
    if instruction is None:
        return 0
    addresses = selectors.task_unit_addresses(instruction.task)
    if not addresses:
        return 0
    connection = open_connection()
    try:
        for address, name in addresses.items():
            connection.send_messages([instruction_message(instruction, address, name)])
    finally:
        connection.close()
    return len(addresses)
