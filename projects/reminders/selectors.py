"""Reads for reminders: who is due what today, the digests to send, and the figures pages show."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db.models import F, Q
from django.utils import timezone

from org import access, roles
from projects.models import (
    Assignment,
    LeadingGroup,
    Reminder,
    ReminderDigest,
    ReminderMute,
    ReminderPolicy,
    ReminderSweep,
    SendStatus,
    Task,
    WorkdayException,
)
from projects.workdays import WorkCalendar

from . import rules

# Tasks that earn reminders: open ones. A task put forward for closing waits on the supervisors, not the unit.
REMINDED_STATUSES = (Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS)
DAILY_SWEEP_TASK = "projects.tasks.sweep_reminders"


@dataclass(frozen=True)
class PlannedReminder:
    task_id: int
    email: str
    name: str
    unit: str
    tier: str
    overdue_days: int
    escalated: bool = False


@dataclass(frozen=True)
class MissingAddress:
    task_id: int
    unit: str
    person: str


@dataclass
class ReminderPlan:
    day: datetime.date
    day_off: bool = False
    items: list = field(default_factory=list)
    without_email: list = field(default_factory=list)


def reminder_policy():
    """The settings, or their defaults while nobody has saved any (reading them writes nothing)."""
    return ReminderPolicy.objects.filter(pk=1).first() or ReminderPolicy(pk=1)


def work_calendar():
    """The national calendar with the county's own exceptions."""
    return WorkCalendar(dict(WorkdayException.objects.values_list("date", "is_workday")))


LIGHT_SETTINGS_KEY = "projects:light-settings"


def light_settings():
    """(The 预警 window in working days, the county's calendar) for the traffic lights, which every task list
    shows: cached, so that a list costs no query for them. A change to 提醒设置 or 本地工作日调整 drops the cached
    copy (``reminder_services.forget_light_settings``); anything else, five minutes at most."""
    cached = cache.get(LIGHT_SETTINGS_KEY)
    if cached is None:
        overrides = dict(WorkdayException.objects.values_list("date", "is_workday"))
        cached = (reminder_policy().warning_days, overrides)
        cache.set(LIGHT_SETTINGS_KEY, cached, timeout=300)
    warning_days, overrides = cached
    return warning_days, WorkCalendar(overrides)


def reminder_plan(day):
    """Every reminder due on ``day``, one per task, recipient and tier, in a fixed number of queries."""
    calendar = work_calendar()
    plan = ReminderPlan(day=day)
    if not calendar.is_workday(day):
        plan.day_off = True
        return plan
    settings_row = reminder_policy()
    policy = rules.Policy(settings_row.warning_days, settings_row.reminder_days, settings_row.escalation_days)
    tasks = Task.objects.filter(
        status__in=REMINDED_STATUSES,
        due__isnull=False,
        due__lte=rules.latest_due_warned(day, calendar, policy),
    )
    if not settings_row.include_historical:
        tasks = tasks.filter(due__gte=F("as_of"))
    rows = (
        Assignment.objects.filter(task__in=tasks)
        .order_by("task_id", "position", "pk")
        .values_list(
            "task_id",
            "task__due",
            "task__group_id",
            "organisation__short_name",
            "organisation__name",
            "organisation_text",
            "contact__name",
            "contact__email",
            "organisation__reminder_contact__name",
            "organisation__reminder_contact__email",
        )
    )
    muted = set(ReminderMute.objects.values_list("email", flat=True))
    tiers = {}
    escalated_groups = {}
    found = {}
    for task_id, due, group_id, short, name, written, contact, email, unit_contact, unit_email in rows.iterator(
        chunk_size=5000
    ):
        if due not in tiers:
            tiers[due] = rules.tier_for(due, day, calendar, policy)
        tier, overdue = tiers[due]
        if tier is None:
            continue
        unit = short or name or written
        person, address = (contact, email) if contact else (unit_contact, unit_email)
        if not address:
            plan.without_email.append(MissingAddress(task_id, unit, person or ""))
            continue
        address = address.strip().lower()
        if tier in rules.MUTABLE_TIERS and address in muted:
            continue
        key = (task_id, address, tier)
        if key in found:
            if unit not in found[key].unit.split("、"):
                found[key] = PlannedReminder(task_id, address, person, f"{found[key].unit}、{unit}", tier, overdue)
        else:
            found[key] = PlannedReminder(task_id, address, person, unit, tier, overdue)
        if tier == rules.ESCALATE:
            escalated_groups[task_id] = (group_id, unit, overdue)
    for task_id, address, name, unit, overdue in _escalation_copies(escalated_groups):
        found.setdefault(
            (task_id, address, rules.ESCALATE),
            PlannedReminder(task_id, address, name, unit, rules.ESCALATE, overdue, escalated=True),
        )
    plan.items = list(found.values())
    return plan


def _escalation_copies(escalated):
    """通报 also goes to the office head of the group overseeing the task, else to every supervisor."""
    heads = dict(
        LeadingGroup.objects.filter(pk__in={group for group, _unit, _days in escalated.values() if group})
        .exclude(office_head__email="")
        .filter(office_head__isnull=False)
        .values_list("pk", "office_head__email")
    )
    head_names = dict(LeadingGroup.objects.filter(pk__in=heads).values_list("pk", "office_head__name"))
    supervisors = [
        (user.email.strip().lower(), user.get_full_name() or user.get_username())
        for user in get_user_model().objects.filter(groups__name=roles.SUPERVISOR, is_active=True).exclude(email="")
    ]
    for task_id, (group, unit, overdue) in escalated.items():
        if group in heads:
            yield task_id, heads[group].strip().lower(), head_names[group], unit, overdue
        else:
            for address, name in supervisors:
                yield task_id, address, name, unit, overdue


class DigestLine(NamedTuple):
    """One task in a digest e-mail: its reminder and the task fields the e-mail shows."""

    tier: str
    unit: str
    overdue_days: int
    task_id: int
    title: str
    due: datetime.date | None
    deadline_text: str


def digest_contents(digests):
    """Each digest's lines by digest id, from one query whatever their number (plain tuples, no models:
    a day's digests hold some 40,000 lines)."""
    lines = {}
    rows = (
        Reminder.objects.filter(digest_id__in=[digest.pk for digest in digests])
        .order_by("task__due", "task_id")
        .values_list(
            "digest_id", "tier", "unit", "overdue_days", "task_id", "task__title", "task__due", "task__deadline_text"
        )
    )
    for digest_id, *line in rows.iterator(chunk_size=5000):
        lines.setdefault(digest_id, []).append(DigestLine(*line))
    return lines


MUTE_SALT = "projects.reminders.mute"


def mute_token(email):
    return signing.dumps(email.strip().lower(), salt=MUTE_SALT, compress=True)


def email_from_mute_token(token):
    """The address a mute link was made for, or None when the link was altered."""
    try:
        return signing.loads(token, salt=MUTE_SALT)
    except signing.BadSignature:
        return None


def is_muted(email):
    return ReminderMute.objects.filter(email=email.strip().lower()).exists()


def scheduled_sweep_time(day):
    """When the daily sweep was due to run on ``day`` by the schedule in the admin; None if not that day."""
    from django_celery_beat.models import PeriodicTask

    entry = PeriodicTask.objects.filter(task=DAILY_SWEEP_TASK, enabled=True, crontab__isnull=False).first()
    if entry is None:
        return None
    schedule = entry.crontab.schedule
    if day.isoweekday() % 7 not in schedule.day_of_week:
        return None
    if day.day not in schedule.day_of_month or day.month not in schedule.month_of_year:
        return None
    moment = datetime.datetime.combine(day, datetime.time(min(schedule.hour), min(schedule.minute)))
    return timezone.make_aware(moment, entry.crontab.timezone)


# The sweep runs once a day; /health/ flags it when the last one is older than twice that.
SWEEP_PERIOD = datetime.timedelta(days=1)


def sweep_health():
    """For /health/: when the last sweep completed, and whether that is too long ago."""
    last = last_sweep()
    now = timezone.now()
    if last is None:
        # A new installation is not late until a sweep could have run twice.
        from django_celery_beat.models import PeriodicTask

        entry = PeriodicTask.objects.filter(task=DAILY_SWEEP_TASK).first()
        stale = entry is None or entry.date_changed < now - 2 * SWEEP_PERIOD
        return "reminders", not stale, {"status": "stale" if stale else "ok", "last_sweep": None}
    stale = last.finished < now - 2 * SWEEP_PERIOD
    details = {"status": "stale" if stale else "ok", "last_sweep": timezone.localtime(last.finished).isoformat()}
    return "reminders", not stale, details


def recent_sweeps():
    return ReminderSweep.objects.order_by("-started")[:14]


def last_sweep():
    return ReminderSweep.objects.filter(finished__isnull=False).order_by("-finished").first()


def addresses_done(day):
    """Addresses whose digest for ``day`` has been sent or is being sent: nothing more reaches them that day."""
    return set(
        ReminderDigest.objects.filter(day=day).exclude(status=SendStatus.PENDING).values_list("email", flat=True)
    )


def swept(day):
    """Whether a sweep for ``day`` has completed."""
    return ReminderSweep.objects.filter(day=day, finished__isnull=False).exists()


def failed_digests(user):
    """Reminder e-mails that gave up, for the dashboard of those who can act on them."""
    if not (access.supervises(user)):
        return ReminderDigest.objects.none()
    return ReminderDigest.objects.filter(status=SendStatus.FAILED).order_by("-day", "email")


def visible_digests(user):
    """Data managers and supervisors see every reminder e-mail; anyone else those sent to their own address."""
    if access.supervises(user):
        return ReminderDigest.objects.all()
    if not user.email:
        return ReminderDigest.objects.none()
    return ReminderDigest.objects.filter(email=user.email.strip().lower())


def task_reminders(task):
    """The reminders of a task the caller already may see."""
    return task.reminders.order_by("-day", "tier", "email")


def contacts_without_email(user):
    """Who should get reminders of open tasks but has no address: for data managers to complete."""
    if not access.is_data_manager(user):
        return []
    named = Q(contact__isnull=False)
    no_unit_contact = Q(organisation__reminder_contact__isnull=True) | Q(organisation__reminder_contact__email="")
    rows = (
        Assignment.objects.filter(task__status__in=REMINDED_STATUSES, task__due__isnull=False)
        .filter((named & Q(contact__email="")) | (~named & no_unit_contact))
        .values_list("organisation__short_name", "organisation__name", "organisation_text", "contact__name")
        .distinct()
    )
    return sorted({(short or name or written, person or "") for short, name, written, person in rows})


def preview(day):
    """The digests a sweep on ``day`` would send, without writing anything: recipient, name and task ids by tier."""
    plan = reminder_plan(day)
    closed = addresses_done(day)
    digests = {}
    for item in plan.items:
        if item.email in closed:
            continue
        digest = digests.setdefault(item.email, {"recipient": item.email, "name": item.name, "tasks": {}})
        digest["tasks"].setdefault(item.tier, []).append(item.task_id)
    for digest in digests.values():
        digest["tasks"] = {tier: sorted(digest["tasks"][tier]) for tier in rules.TIERS if tier in digest["tasks"]}
    return plan, sorted(digests.values(), key=lambda digest: digest["recipient"])
