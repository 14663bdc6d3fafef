"""Reads for reminders: who is due what today, the digests to send, and the figures pages show."""

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.core import signing
from django.core.cache import cache
from django.db.models import Case, Count, Exists, F, Max, OuterRef, Q, When
from django.utils import timezone

from org import access
from org.models import Organisation, Person
from projects.lights import RESTING_STATUSES
from projects.models import (
    Assignment,
    ClosingRound,
    JobHeartbeat,
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
# The frequent tick (catch-up sweep, retries); it writes a heartbeat.
TICK_TASK = "projects.tasks.send_pending_reminders"

# How long a digest may stay claimed before its sender is taken to have died. Taking a claim back is always safe
# (a live sender finds it gone and skips it), so this is short: the next tick after it sends it.
CLAIM_LEASE = datetime.timedelta(minutes=5)
# How long one digest may stay "sending" (its SMTP transaction running) before its sender is taken to have died:
# well past the SMTP timeouts of one message.
SENDING_LEASE = datetime.timedelta(minutes=15)


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


# A condition no row meets, in plain SQL (an empty IN list would raise inside CASE and aggregate filters).
NEVER = Q(pk__isnull=True)


@dataclass(frozen=True, eq=False)
class CountyRules:
    """The reminder settings and working calendar that hold for ``county_ids`` (None: every county without settings
    of its own)."""

    county_ids: frozenset | None
    policy: ReminderPolicy
    calendar: WorkCalendar

    @property
    def rules(self):
        return rules.Policy(self.policy.warning_days, self.policy.reminder_days, self.policy.escalation_days)


class ReminderSettings:
    """Every county's reminder settings and calendar: the defaults with the site-wide exceptions, and apart from
    them each county that has settings or exceptions of its own."""

    def __init__(self, default_policy, site_days, policies, county_days):
        self.default = CountyRules(None, default_policy, WorkCalendar(site_days))
        self.own = {
            county: CountyRules(
                frozenset([county]),
                policies.get(county, default_policy),
                WorkCalendar({**site_days, **county_days.get(county, {})}),
            )
            for county in set(policies) | set(county_days)
        }

    def for_county(self, county_id):
        return self.own.get(county_id, self.default)

    def groups(self):
        return [self.default, *self.own.values()]

    def where(self, condition, county="county"):
        """``condition(rules)`` for each county's own rules, as one condition on rows whose county is at ``county``:
        a branch per county with settings of its own, and one for every other county."""
        if not self.own:
            return condition(self.default)
        branches = [Q(**{f"{county}__in": list(self.own)}, _negated=True) & condition(self.default)]
        branches += [Q(**{f"{county}__in": list(group.county_ids)}) & condition(group) for group in self.own.values()]
        return reduce(or_, branches)


def county_workday_exceptions(county):
    """A county's own exceptions and those of every county, newest first."""
    return WorkdayException.objects.filter(Q(county=county) | Q(county__isnull=True)).order_by("-date", "county_id")


def reminder_settings(*, fresh=False):
    """Every county's settings. The traffic lights of every task list read them: cached, so that a list costs no
    query for them; a change to 提醒设置 or 本地工作日调整 drops the cached copy
    (``reminder_services.forget_light_settings``), anything else expires in five minutes. The sweep reads them
    ``fresh``."""
    cached = None if fresh else cache.get(LIGHT_SETTINGS_KEY)
    if cached is None:
        policies = {policy.county_id: policy for policy in ReminderPolicy.objects.all()}
        days = {}
        for county, date, is_workday in WorkdayException.objects.values_list("county_id", "date", "is_workday"):
            days.setdefault(county, {})[date] = is_workday
        default = policies.pop(None, None) or ReminderPolicy()
        cached = (default, days.pop(None, {}), policies, days)
        cache.set(LIGHT_SETTINGS_KEY, cached, timeout=300)
    return ReminderSettings(*cached)


LIGHT_SETTINGS_KEY = "projects:reminder-settings"


def reminder_plan(day):
    """Every reminder due on ``day``, one per task, recipient and tier, by each county's settings and calendar, in a
    fixed number of queries. A county whose calendar has the day off gets none; the plan is a day off when every
    county has it off."""
    settings = reminder_settings(fresh=True)
    plan = ReminderPlan(day=day)
    if not any(group.calendar.is_workday(day) for group in settings.groups()):
        plan.day_off = True
        return plan

    def due_today(group):
        if not group.calendar.is_workday(day):
            return NEVER
        condition = Q(due__lte=rules.latest_due_warned(day, group.calendar, group.rules))
        if not group.policy.include_historical:
            condition &= Q(due__gte=F("as_of"))
        return condition

    tasks = Task.objects.filter(status__in=REMINDED_STATUSES, due__isnull=False).filter(settings.where(due_today))
    rows = (
        Assignment.objects.filter(task__in=tasks)
        .order_by("task_id", "position", "pk")
        .values_list(
            "task_id",
            "task__county_id",
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
    for task_id, county, due, group_id, short, name, written, contact, email, unit_contact, unit_email in rows.iterator(
        chunk_size=5000
    ):
        group = settings.for_county(county)
        if (group, due) not in tiers:
            tiers[group, due] = rules.tier_for(due, day, group.calendar, group.rules)
        tier, overdue = tiers[group, due]
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
            escalated_groups[task_id] = (county, group_id, unit, overdue)
    for task_id, address, name, unit, overdue in _escalation_copies(escalated_groups):
        found.setdefault(
            (task_id, address, rules.ESCALATE),
            PlannedReminder(task_id, address, name, unit, rules.ESCALATE, overdue, escalated=True),
        )
    plan.items = list(found.values())
    return plan


def _escalation_copies(escalated):
    """通报 also goes to the office head of the group overseeing the task, else to the supervisors of the task's
    county (and those of every county)."""
    groups = {group for _county, group, _unit, _days in escalated.values() if group}
    heads = {
        pk: (email, name)
        for pk, email, name in LeadingGroup.objects.filter(pk__in=groups, office_head__isnull=False)
        .exclude(office_head__email="")
        .values_list("pk", "office_head__email", "office_head__name")
    }
    without_head = {county for county, group, _unit, _days in escalated.values() if group not in heads}
    supervisors = access.supervisors_of(without_head) if without_head else {}
    for task_id, (county, group, unit, overdue) in escalated.items():
        if group in heads:
            address, name = heads[group]
            yield task_id, address.strip().lower(), name, unit, overdue
        else:
            for address, name in supervisors.get(county, []):
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


class SentBack(NamedTuple):
    task_id: int
    title: str
    reason: str
    decided_at: datetime.datetime


def sent_back_closings(lines):
    """Of the tasks in the digests' lines (``digest_contents``), those still open whose last closing request was
    sent back (退回), with the supervisor's reason: one query for all digests."""
    task_ids = {line.task_id for digest_lines in lines.values() for line in digest_lines}
    later = ClosingRound.objects.filter(task_id=OuterRef("task_id"), pk__gt=OuterRef("pk"))
    rows = (
        ClosingRound.objects.filter(
            task_id__in=task_ids, decision=ClosingRound.Decision.SENT_BACK, task__status__in=REMINDED_STATUSES
        )
        .exclude(Exists(later))
        .values_list("task_id", "task__title", "reason", "decided_at")
    )
    return {row[0]: SentBack(*row) for row in rows}


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


# Before this the tick counts as running even if it has never written a heartbeat (a new installation).
TICK_GRACE_PERIODS = 2
# Failed e-mails and those in doubt count against /health/ for this long; older ones stay on the reminders page.
RECENT_FAILURES = datetime.timedelta(days=7)


def tick_health():
    """For /health/: whether the frequent tick ran within twice its interval. Beat (which queues it) or the
    worker (which runs it) stopping shows here within minutes, where the daily sweep would show it in days."""
    from django_celery_beat.models import PeriodicTask

    now = timezone.now()
    entry = PeriodicTask.objects.filter(task=TICK_TASK, enabled=True).select_related("interval").first()
    if entry is None or entry.interval is None:
        return "reminder_tick", True, {"status": "unscheduled", "last_tick": None}
    period = datetime.timedelta(seconds=entry.interval.schedule.run_every.total_seconds())
    heartbeat = JobHeartbeat.objects.filter(job=TICK_TASK).first()
    since = heartbeat.last if heartbeat else entry.date_changed
    stale = since < now - TICK_GRACE_PERIODS * period
    details = {
        "status": "stale" if stale else "ok",
        "last_tick": timezone.localtime(heartbeat.last).isoformat() if heartbeat else None,
    }
    return "reminder_tick", not stale, details


def email_health():
    """For /health/: reminder e-mails of the last week that failed or are in doubt (a data manager has to look at
    them), and those a sender left claimed or sending past their lease (no tick has released them)."""
    now = timezone.now()
    digests = ReminderDigest.objects.order_by()
    failed = digests.filter(
        status__in=(SendStatus.FAILED, SendStatus.DOUBT), day__gte=timezone.localdate(now) - RECENT_FAILURES
    ).count()
    stuck = digests.filter(
        Q(status=SendStatus.CLAIMED, claimed__lt=now - CLAIM_LEASE)
        | Q(status=SendStatus.SENDING, claimed__lt=now - SENDING_LEASE)
    ).count()
    ok = not failed and not stuck
    return "reminder_emails", ok, {"status": "ok" if ok else "attention", "failed": failed, "stuck": stuck}


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


def failed_digests(user, county=None):
    """Reminder e-mails that gave up, or are in doubt, for the dashboard of those who can act on them; those with a
    task of ``county`` when it is given."""
    if not access.supervises(user):
        return ReminderDigest.objects.none()
    digests = visible_digests(user).filter(status__in=(SendStatus.FAILED, SendStatus.DOUBT))
    if county is not None:
        digests = digests.filter(pk__in=Reminder.objects.filter(task__county=county).values("digest_id"))
    return digests.order_by("-day", "email", "pk")


def visible_digests(user):
    """Data managers and supervisors see the reminder e-mails of their counties' tasks; anyone else those sent to
    their own address."""
    if access.supervises(user):
        return access.visible(user, ReminderDigest.objects.all(), county="reminders__task__county")
    if not user.email:
        return ReminderDigest.objects.none()
    return ReminderDigest.objects.filter(email=user.email.strip().lower())


def task_reminders(task):
    """The reminders of a task the caller already may see."""
    return task.reminders.order_by("-day", "tier", "email")


class MissingContact(NamedTuple):
    """A unit (or a unit as written, with no ids) whose reminders reach no e-mail address, and the contact named."""

    unit: str
    person: str
    county_id: int | None  # with unit_id, the unit's page in the county's directory, where its contact is set
    unit_id: int | None


def contacts_without_email(user):
    """Who should get reminders of open tasks but has no address: for data managers to complete."""
    if not access.is_data_manager(user):
        return []
    unresolved, without_address = _part_conditions()
    assignments = access.visible(user, Assignment.objects.all(), "organisation", county="task__county")
    rows = (
        assignments.filter(task__status__in=REMINDED_STATUSES, task__due__isnull=False)
        # From the few people and units without an address, not through every open part's contact and unit (a
        # province's million tasks); without the model's ordering, whose columns DISTINCT would otherwise keep apart.
        .filter(without_address | unresolved)
        .order_by()
        .values_list(
            "organisation__short_name",
            "organisation__name",
            "organisation_text",
            "contact__name",
            "task__county_id",
            "organisation_id",
        )
        .distinct()
    )
    return sorted(
        {
            MissingContact(short or name or written, person or "", county_id if unit_id else None, unit_id)
            for short, name, written, person, county_id, unit_id in rows
        },
        key=lambda missing: (missing.unit, missing.person, missing.unit_id or 0),
    )


# Why a task gets no reminder e-mail: the sweep's own rules (``reminder_plan``) read backwards, one cause each.
STATUS = "status"  # a status the sweep leaves out (closing requested, closed, paused, stopped)
NO_UNIT = "no_unit"  # no unit has a part in the task: the sweep reminds the parts
NO_DATE = "no_date"  # no due date (ongoing, or a deadline not read as a date)
HISTORICAL = "historical"  # entered after its deadline, and 提醒设置 leaves such tasks out
UNRESOLVED = "unresolved"  # a part names a unit as written that matched no organisation, and no contact person
NO_CONTACT = "no_contact"  # a part's contact, or its unit's reminder contact, is missing or has no e-mail
BLOCKER_CAUSES = (STATUS, NO_UNIT, NO_DATE, HISTORICAL, UNRESOLVED, NO_CONTACT)


@dataclass(frozen=True)
class Blocker:
    """One reason a task, or one unit's part in it, gets no reminder e-mail, with what a fix needs."""

    cause: str
    unit: str = ""
    assignment_id: int | None = None
    organisation_id: int | None = None
    person_id: int | None = None  # the person who would be reminded but has no e-mail address
    person: str = ""
    unit_contact: bool = False  # the person is the unit's reminder contact, not one the part names


def reminder_blockers(task, policy, assignments=None):
    """Why ``task`` gets no reminder, by the rules ``reminder_plan`` applies; empty when it will be reminded once
    its day comes. ``policy`` is the settings of the task's county (``reminder_settings().for_county(…).policy``);
    ``assignments`` the task's parts with their
    organisation, contact and the organisation's reminder contact (default: ``task.assignments.all()``, to be
    prefetched so). A status the sweep leaves out is the only cause given: the others matter once it is reopened."""
    if task.status not in REMINDED_STATUSES:
        return [Blocker(STATUS)]
    parts = list(task.assignments.all() if assignments is None else assignments)
    blockers = []
    if not parts:
        blockers.append(Blocker(NO_UNIT))
    if task.due is None:
        blockers.append(Blocker(NO_DATE))
    elif task.historically_late and not policy.include_historical:
        blockers.append(Blocker(HISTORICAL))
    blockers.extend(blocker for blocker in map(_part_blocker, parts) if blocker)
    return blockers


def _part_blocker(part):
    """Why one part gets no address: the contact person named in it, else its unit's reminder contact."""
    organisation = part.organisation
    unit = (organisation.short_name or organisation.name) if organisation else part.organisation_text
    found = {"unit": unit, "assignment_id": part.pk, "organisation_id": part.organisation_id}
    if part.contact_id is not None:
        person, unit_contact = part.contact, False
    elif organisation is None:
        return Blocker(UNRESOLVED, **found)
    else:
        person, unit_contact = organisation.reminder_contact, True
    if person is None:
        return Blocker(NO_CONTACT, **found, unit_contact=True)
    if not person.email:
        return Blocker(NO_CONTACT, **found, person_id=person.pk, person=person.name, unit_contact=unit_contact)
    return None


def _part_conditions():
    """(Unresolved, without an address): the parts ``_part_blocker`` finds, as conditions on assignments. The people
    and units without an address are small uncorrelated subqueries, read once for all parts."""
    no_address = Person.objects.order_by().filter(email="").values("pk")
    unreachable_units = (
        Organisation.objects.order_by()
        .filter(Q(reminder_contact__isnull=True) | Q(reminder_contact__email=""))
        .values("pk")
    )
    unresolved = Q(contact__isnull=True, organisation__isnull=True)
    without_address = Q(contact__in=no_address) | Q(contact__isnull=True, organisation__in=unreachable_units)
    return unresolved, without_address


def blocker_conditions(settings):
    """Each cause as a condition on tasks, decided in the database the way ``reminder_blockers`` decides it per task
    (for the task list's filter), by each county's settings (``reminder_settings()``). HISTORICAL is left out while
    every county's settings remind of historically late tasks."""
    reminded = Q(status__in=REMINDED_STATUSES)
    # EXISTS, not IN: under an OR (the roll-up counts any cause) PostgreSQL hashes an IN list only while it fits in
    # work_mem, and past that scanned a province's 2,000,000 parts once per task; EXISTS looks up the task's own.
    parts = Assignment.objects.filter(task=OuterRef("pk"))
    unresolved, without_address = _part_conditions()
    conditions = {
        STATUS: ~reminded,
        NO_UNIT: reminded & ~Exists(parts),
        NO_DATE: reminded & Q(due__isnull=True),
        HISTORICAL: reminded & Q(due__lt=F("as_of")) & settings.where(_leaves_out_historical),
        UNRESOLVED: reminded & Exists(parts.filter(unresolved)),
        NO_CONTACT: reminded & Exists(parts.filter(without_address)),
    }
    if all(group.policy.include_historical for group in settings.groups()):
        del conditions[HISTORICAL]
    return conditions


def _leaves_out_historical(group):
    return Q() if not group.policy.include_historical else NEVER


def _dated(prefix=""):
    """Tasks with a date the sweep counts from, by a county's settings."""

    def condition(group):
        if group.policy.include_historical:
            return Q(**{f"{prefix}due__isnull": False})
        return Q(**{f"{prefix}due__gte": F(f"{prefix}as_of")})

    return condition


def without_reminders_by_county(tasks):
    """How many of ``tasks`` are open and get no reminder for any cause, per county id, in three queries of their
    own: the causes of the task itself; no unit (an anti-join); a part that cannot be reminded. Counting all causes
    at once asked of each of a province's 1,000,000 tasks for its parts, and took seconds."""
    conditions = blocker_conditions(reminder_settings())
    tasks = tasks.exclude(status__in=RESTING_STATUSES).order_by()
    own = reduce(or_, (conditions[cause] for cause in (STATUS, NO_DATE, HISTORICAL) if cause in conditions))
    # Past the task's own causes, the parts' are disjoint: no part at all, or a part that cannot be reminded.
    unresolved, without_address = _part_conditions()
    blocked = Exists(Assignment.objects.filter(unresolved | without_address, task=OuterRef("pk")))
    counts = {}
    rest = tasks.exclude(own)
    for matching in (tasks.filter(own), rest.filter(conditions[NO_UNIT]), rest.filter(blocked)):
        for county_id, number in matching.values("county_id").annotate(n=Count("pk")).values_list("county_id", "n"):
            counts[county_id] = counts.get(county_id, 0) + number
    return counts


def filter_by_blocker(tasks, cause):
    """The tasks that get no reminder for ``cause``."""
    condition = blocker_conditions(reminder_settings()).get(cause)
    return tasks.none() if condition is None else tasks.filter(condition)


def tasks_without_reminders(user, county=None):
    """For the dashboard: the user's open tasks (neither closed nor on hold) that get no reminder, counted per cause,
    and how many have any cause (``total``; a task may count under several causes). Each row carries the task-list
    filter that shows its tasks. Two counting queries however many tasks there are: one over the tasks, one over
    their parts grouped by task. (Counting the parts' causes on the tasks with IN or EXISTS subqueries read the
    parts once per cause and took two to three times as long on 100,000 tasks.)"""
    from projects.selectors import visible_tasks  # projects.selectors shows this module's figures

    settings = reminder_settings()
    reminded = Q(status__in=REMINDED_STATUSES)
    dated = settings.where(_dated())
    historical = Q(due__lt=F("as_of")) & settings.where(_leaves_out_historical)
    tasks = visible_tasks(user).exclude(status__in=RESTING_STATUSES).order_by()
    if county is not None:
        tasks = tasks.filter(county=county)
    # The aggregates are named apart from the fields: one called "status" would shadow the field its filter tests.
    counts = tasks.aggregate(
        n_status=Count("pk", filter=~reminded),
        n_no_date=Count("pk", filter=reminded & Q(due__isnull=True)),
        n_historical=Count("pk", filter=reminded & historical),
        n_reminded=Count("pk", filter=reminded),
        n_dated=Count("pk", filter=reminded & dated),
    )
    unresolved, without_address = _part_conditions()
    # The parts of the same tasks that the sweep would remind.
    parts = Assignment.objects.filter(task__in=tasks.filter(reminded))
    task_dated = settings.where(_dated("task__"), county="task__county")
    per_task = (
        parts.order_by()
        .values("task_id")
        .annotate(
            part_unresolved=Max(Case(When(unresolved, then=1), default=0)),
            part_no_contact=Max(Case(When(without_address, then=1), default=0)),
            task_dated=Max(Case(When(task_dated, then=1), default=0)),
        )
    )
    blocked_part = Q(part_unresolved=1) | Q(part_no_contact=1)
    counts.update(
        per_task.aggregate(
            n_with_part=Count("task_id"),
            n_unresolved=Count("task_id", filter=Q(part_unresolved=1)),
            n_no_contact=Count("task_id", filter=Q(part_no_contact=1)),
            n_dated_with_part=Count("task_id", filter=Q(task_dated=1)),
            n_dated_blocked=Count("task_id", filter=Q(task_dated=1) & blocked_part),
        )
    )
    counts["n_no_unit"] = counts["n_reminded"] - counts["n_with_part"]
    # Disjoint: a status left out; no date the sweep counts from, or a date and no unit (together: the reminded
    # tasks but those dated with a part); a date and a part blocked.
    total = counts["n_status"] + counts["n_reminded"] - counts["n_dated_with_part"] + counts["n_dated_blocked"]
    # Of the statuses the sweep leaves out, only those of open tasks count here (closing requested): the list shows
    # them through its status filter, its reminder_blocker filter taking closed and paused tasks in as well.
    open_unreminded = [status for status in Task.Status.values if status not in REMINDED_STATUSES]
    open_unreminded = [status for status in open_unreminded if status not in RESTING_STATUSES]
    rows = []
    for cause in BLOCKER_CAUSES:
        if cause == HISTORICAL and all(group.policy.include_historical for group in settings.groups()):
            continue
        if cause == STATUS:
            query = {"status": open_unreminded[0]} if len(open_unreminded) == 1 else None
        else:
            query = {"reminder_blocker": cause}
        if query is not None and county is not None:
            query["county"] = county.pk
        rows.append({"cause": cause, "count": counts[f"n_{cause}"], "query": query})
    return {"total": total, "causes": rows}


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


def task_unit_addresses(task):
    """The addresses (with names) that reach the units of a task, as the reminders reach them: the task's contact
    person of the unit, else the unit's reminder contact; one per address, units without one left out."""
    rows = (
        Assignment.objects.filter(task=task, organisation__isnull=False)
        .order_by("position", "pk")
        .values_list("contact__name", "contact__email", "organisation__reminder_contact__name",
                     "organisation__reminder_contact__email")
    )  # fmt: skip
    found = {}
    for contact, email, unit_contact, unit_email in rows:
        name, address = (contact, email) if contact else (unit_contact, unit_email)
        if address:
            found.setdefault(address.strip().lower(), name or "")
    return found
