"""Reads of tasks a user can reach, each within the user's scope (``org.access``): unit staff see the tasks one of
their units has a part in."""

import datetime

from django.db.models import (
    Case,
    Count,
    DateField,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from common.history import change_history
from gazette import selectors as gazette_selectors
from gazette.models import ImportJob
from org import access
from org.models import CountyProfile, Organisation

from . import scorecard as scoring
from .lights import (
    GREEN,
    HISTORICAL,
    NONE,
    RED,
    RESTING_STATUSES,
    UNDATED,
    YELLOW,
    days_overdue,
    traffic_light,
    yellow_before,
)
from .models import (
    Assignment,
    CalendarToken,
    ClosingRound,
    ExtensionRequest,
    Instruction,
    Notice,
    ProgressReport,
    Reminder,
    ScorecardRules,
    Task,
)
from .reminders import selectors as reminder_selectors

# Tasks


def visible_tasks(user):
    """Tasks one of the user's organisations has a part in; everything for supervisors and data managers."""
    return access.visible(user, Task.objects.all(), "assignments__organisation")


def task_for_view(user, pk):
    return get_object_or_404(visible_tasks(user).select_related("source_document", "group", "parent"), pk=pk)


# The records that carry evidence, by the name their download address gives them.
EVIDENCE_KINDS = {"report": "reports", "closing": "closing_rounds", "extension": "extension_requests"}


def evidence(user, task_pk, kind, pk):
    """The attachment of a task's progress report, closing round or extension request, for whoever may see the
    task; 404 for anyone else, and for a record without one."""
    if kind not in EVIDENCE_KINDS:
        raise Http404
    task = get_object_or_404(visible_tasks(user), pk=task_pk)
    record = get_object_or_404(getattr(task, EVIDENCE_KINDS[kind]).exclude(attachment=""), pk=pk)
    return record.attachment


def can_report_on(user, task, assignments=None):
    """Data managers, and staff of a unit with a part in the task (supervisors verify, they do not report).
    ``assignments``: the task's, where already fetched."""
    if access.is_data_manager(user):
        return True
    if assignments is not None:
        return access.holds_any(user, (part.organisation_id for part in assignments))
    return access.own(user, task.assignments.all(), "organisation").exists()


def can_create_task(user):
    """Data managers enter tasks, and supervisors the items they supervise (督办事项)."""
    return access.supervises(user)


def can_verify_closing(user):
    return access.supervises(user)


# Extensions (延期) are asked by those who report and decided by those who verify closings; leaders' instructions are
# entered by supervisors and data managers and answered by those who report.
can_request_extension = can_report_on
can_decide_extension = can_verify_closing
can_enter_instruction = can_verify_closing
can_answer_instruction = can_report_on


def visible_instructions(user, instructions=None):
    """Instructions on a task the user sees; those on a document, to the whole county (a document is read by all)."""
    instructions = Instruction.objects.all() if instructions is None else instructions
    if access.sees_everything(user):
        return instructions
    on_documents = Q(document__isnull=False, county__in=access.counties(user).values("pk"))
    return instructions.filter(Q(task__in=visible_tasks(user).values("pk")) | on_documents)


def task_detail(user, task):
    """What the task page shows besides its forms."""
    # In their order on the task; the model's ordering would join the task again to sort by it.
    assignments = list(
        task.assignments.select_related("organisation__reminder_contact", "contact").order_by("position", "pk")
    )
    light = task_lights()(task, percent=task.latest_percent)
    # Also who asks for extensions and answers instructions: asked once.
    reports_on = can_report_on(user, task, assignments)
    extensions = list(task.extension_requests.select_related("requested_by", "decided_by", "unit"))
    return {
        "task": task,
        "light": light,
        "days_overdue": days_overdue(light=light, due=task.due, today=timezone.localdate()),
        "assignments": assignments,
        "reminder_blockers": reminder_selectors.reminder_blockers(
            task, reminder_selectors.reminder_settings().for_county(task.county_id).policy, assignments
        ),
        "children": task.children.all(),
        "reports": task.reports.select_related("reporter"),
        "reminders": reminder_selectors.task_reminders(task)[:REMINDERS_SHOWN],
        "can_report": reports_on,
        "can_verify": can_verify_closing(user),
        "can_edit": can_create_task(user),
        "extensions": extensions,
        "closing_rounds": task.closing_rounds.select_related("requested_by", "decided_by"),
        "instructions": task.instructions.select_related("entered_by", "answered_by", "leader"),
        # At most one is pending (a constraint).
        "pending_extension": next(
            (item for item in extensions if item.status == ExtensionRequest.Status.PENDING), None
        ),
        "can_request_extension": reports_on,
        "can_decide_extension": can_decide_extension(user),
        "can_enter_instruction": can_enter_instruction(user),
        "can_answer_instruction": reports_on,
        # The task's label in each historical row names the task and units: fetch them with the rows.
        "history": change_history(
            task.history.all(),
            Assignment.history.filter(task_id=task.pk).select_related("organisation"),
            ProgressReport.history.filter(task_id=task.pk).select_related("task"),
            ExtensionRequest.history.filter(task_id=task.pk).select_related("task"),
            ClosingRound.history.filter(task_id=task.pk).select_related("task"),
            Instruction.history.filter(task_id=task.pk).select_related("task"),
        ),
    }


REMINDERS_SHOWN = 30


def task_lights(today=None):
    """A function giving a task's light on ``today``. A light turns yellow in the 预警 window of its county's 提醒设置,
    counted in the county's working days, so that it agrees with the early-warning e-mail."""
    today = today or timezone.localdate()
    settings = reminder_selectors.reminder_settings()
    befores = {}

    def light(task, percent=None):
        group = settings.for_county(task.county_id)
        if group not in befores:
            befores[group] = _yellow_before(today, group)
        return traffic_light(
            status=task.status,
            due=task.due,
            as_of=task.as_of,
            today=today,
            yellow_before=befores[group],
            start=task.start,
            percent=percent,
        )

    return light


def _yellow_before(today, group):
    return yellow_before(today, group.calendar, group.policy.warning_days)


def _due_soon(today):
    """Due from today up to the 预警 window of the task's county."""
    settings = reminder_selectors.reminder_settings()
    return Q(due__gte=today) & settings.where(lambda group: Q(due__lt=_yellow_before(today, group)))


def unmapped_assignments(user, county=None):
    """Units written in the user's counties' tasks that match no organisation, for a data manager to map."""
    parts = access.visible(user, Assignment.objects.filter(organisation__isnull=True), county="task__county")
    if county is not None:
        parts = parts.filter(task__county=county)
    return parts.select_related("task").order_by("organisation_text")


def task_list(user):
    """Visible tasks with what a list row shows, in a fixed number of queries."""
    return (
        visible_tasks(user)
        # A row shows the document's number: its text and body (tens of kilobytes) stay in the database.
        .select_related("source_document")
        .defer(*(f"source_document__{name}" for name in ("raw_text", "blocks", "attachments", "cited_numbers")))
        .prefetch_related(Prefetch("assignments", queryset=Assignment.objects.select_related("organisation")))
        .order_by(F("due").asc(nulls_last=True), "pk")
    )


def filter_by_light(tasks, light, *, today=None):
    """Tasks whose light is ``light``, decided in the database the way ``traffic_light`` decides it per task."""
    today = today or timezone.localdate()
    tasks, conditions = _light_conditions(tasks, today)
    return tasks.filter(conditions[light])


def count_by_light(tasks, *, today=None):
    """How many tasks carry each light, in one query."""
    today = today or timezone.localdate()
    tasks, conditions = _light_conditions(tasks.order_by(), today)
    # One CASE per row, its branches tried in the order traffic_light decides, costs far less than
    # five filtered counts that each repeat the conditions before them.
    light = Case(
        When(conditions[NONE], then=Value(NONE)),
        When(conditions[UNDATED], then=Value(UNDATED)),
        When(due__lt=F("as_of"), then=Value(HISTORICAL)),
        When(due__lt=today, then=Value(RED)),
        When(conditions[SOON], then=Value(YELLOW)),
        When(conditions[BEHIND], then=Value(YELLOW)),
        default=Value(GREEN),
    )
    counts = dict.fromkeys((RED, YELLOW, GREEN, HISTORICAL, UNDATED, NONE), 0)
    counts.update(tasks.annotate(light=light).values("light").annotate(n=Count("pk")).values_list("light", "n"))
    return counts


BEHIND = "behind"
SOON = "soon"


def _light_conditions(tasks, today):
    resting = Q(status__in=RESTING_STATUSES)
    undated = ~resting & Q(due__isnull=True)
    historical = ~resting & ~undated & Q(due__lt=F("as_of"))
    red = ~resting & ~undated & ~historical & Q(due__lt=today)
    due_soon = _due_soon(today)
    soon = ~resting & ~undated & ~historical & due_soon
    # Behind schedule: percent / 100 < (today - start) / (due - start), multiplied out to stay in integers.
    start = Coalesce("start", "as_of")
    tasks = tasks.alias(
        span_days=DaysBetween("due", start),
        done_share=F("latest_percent") * DaysBetween("due", start),
        time_share=100 * DaysBetween(Value(today, output_field=DateField()), start),
    )
    behind = Q(latest_percent__isnull=False, span_days__gt=0, done_share__lt=F("time_share"))
    later = ~resting & ~undated & ~historical & ~red & ~soon
    # Yellow and green are due today or later; saying so outright lets the database read only those dates of the
    # (due, id) index, where under the OR it read a province's past-due tasks too (358 ms a page of 1,000,000).
    upcoming = Q(due__gte=today)
    return tasks, {
        BEHIND: behind,
        SOON: due_soon,
        RED: red,
        YELLOW: upcoming & (soon | (later & behind)),
        GREEN: upcoming & later & ~behind,
        HISTORICAL: historical,
        UNDATED: undated,
        NONE: resting,
    }


class DaysBetween(Func):
    """Whole days from ``start`` to ``end``: date subtraction on PostgreSQL, Julian days on SQLite."""

    output_field = FloatField()

    def __init__(self, end, start):
        super().__init__(end, start)

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ", **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="(julianday(%(expressions)s))", arg_joiner=") - julianday(", **extra_context
        )


def task_dashboard(user, today=None, county=None):
    """The figures of the task dashboard, all within the user's scope; of one of the user's counties when ``county``
    (an id) is given, which answers 404 for a county that is not theirs."""
    today = today or timezone.localdate()
    tasks = task_list(user)
    if county is not None:
        county = get_object_or_404(access.counties(user), pk=county)
        tasks = tasks.filter(county=county)
    counts = count_by_light(tasks, today=today)
    monday = today - datetime.timedelta(days=today.weekday())
    open_tasks = tasks.exclude(status__in=RESTING_STATUSES)
    narrow = {"county": county.pk} if county else {}
    # Over several counties the dashboard keeps the figures that stay cheap over a province's 1,000,000 tasks. The
    # units' rates and the reasons tasks get no reminder are a county's working tables (a province has 30,000
    # units, and counting them took seconds): they wait for a county to be chosen; the roll-up compares counties.
    several = county is None and access.sees_counties(user) and access.counties(user)[:2].count() > 1
    return {
        "several_counties": several,
        "today": today,
        "current_county": county,
        "counts": counts,
        "total": sum(counts.values()),
        "overdue": _first_of(filter_by_light(tasks, RED, today=today), light=RED, count=counts[RED], **narrow),
        "this_week": _first_of(open_tasks, due_after=monday, due_before=monday + datetime.timedelta(days=6), **narrow),
        "next_week": _first_of(
            open_tasks,
            due_after=monday + datetime.timedelta(days=7),
            due_before=monday + datetime.timedelta(days=13),
            **narrow,
        ),
        "units": [] if several else unit_rates(user, today, county=county),
        "unmapped": unmapped_assignments(user, county).count() if access.is_data_manager(user) else 0,
        "failed_reminders": reminder_selectors.failed_digests(user, county).count(),
        "last_sweep": reminder_selectors.last_sweep() if can_verify_closing(user) else None,
        "without_reminders": None if several else reminder_selectors.tasks_without_reminders(user, county),
    }


DASHBOARD_LIST_LENGTH = 20


def _first_of(tasks, *, light=None, due_after=None, due_before=None, count=None, county=None):
    """The first tasks of a dashboard list, how many there are, and the task-list filter that shows them all."""
    if due_after:
        tasks = tasks.filter(due__gte=due_after, due__lte=due_before)
    query = {"light": light} if light else {"due_after": due_after.isoformat(), "due_before": due_before.isoformat()}
    if county:
        query["county"] = county
    return {
        "tasks": tasks.order_by("due", "pk")[:DASHBOARD_LIST_LENGTH],
        "count": tasks.count() if count is None else count,
        "query": query,
    }


def unit_rates(user, today, county=None):
    """Per organisation with tasks: how many, the share closed and the share overdue, worst first; of one county's
    tasks when ``county`` is given."""
    # A task with a part for a unit in scope is visible, so the units' own rows are exactly the scope.
    assignments = access.visible(
        user, Assignment.objects.filter(organisation__isnull=False), "organisation", county="task__county"
    )
    if county is not None:
        assignments = assignments.filter(task__county=county)
    overdue = ~Q(task__status__in=RESTING_STATUSES) & Q(task__due__lt=today) & Q(task__due__gte=F("task__as_of"))
    # Grouped by the id alone: grouping by the names too made PostgreSQL sort 200,000 wide rows on disk.
    rows = assignments.values("organisation_id").annotate(
        # A unit has at most one part in a task (a constraint), so counting parts counts tasks.
        total=Count("task"),
        closed=Count("task", filter=Q(task__status=Task.Status.CLOSED)),
        overdue=Count("task", filter=overdue),
    )
    rows = list(rows.order_by())
    names = Organisation.objects.in_bulk([row["organisation_id"] for row in rows])
    for row in rows:
        organisation = names[row["organisation_id"]]
        row["name"] = organisation.short_name or organisation.name
    rows.sort(key=lambda row: (-row["overdue"], -row["total"], row["name"]))
    return [
        {
            "name": row["name"],
            "total": row["total"],
            "closed_rate": round(100 * row["closed"] / row["total"]),
            "overdue_rate": round(100 * row["overdue"] / row["total"]),
        }
        for row in rows
    ]


def feed_signature(user):
    """The part of a calendar-feed address taken from the user's password hash: a new password (changed by the
    user, reset by a data manager) makes a new address, and the old one answers 404."""
    return salted_hmac("projects.calendar_feed", user.password, algorithm="sha256").hexdigest()[:24]


def calendar_user(token):
    """The user whose calendar-feed address holds this token (the stored secret, a dot, the password's signature)."""
    secret, _dot, signature = token.rpartition(".")
    found = get_object_or_404(CalendarToken.objects.select_related("user"), token=secret, user__is_active=True).user
    if not constant_time_compare(signature, feed_signature(found)):
        raise Http404
    return found


def dated_tasks(user):
    """Open tasks with a due date, for calendars."""
    return (
        visible_tasks(user)
        .filter(due__isnull=False)
        .exclude(status__in=RESTING_STATUSES)
        .prefetch_related(Prefetch("assignments", queryset=Assignment.objects.select_related("organisation")))
        .order_by("due", "pk")
    )


def task_month(user, year, month):
    """The weeks of a month, Monday first, each day with the tasks due on it."""
    first = datetime.date(year, month, 1)
    start = first - datetime.timedelta(days=first.weekday())
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    end = following + datetime.timedelta(days=(7 - following.weekday()) % 7)
    due = {}
    for task in dated_tasks(user).filter(due__gte=start, due__lt=end):
        due.setdefault(task.due, []).append(task)
    days = [start + datetime.timedelta(days=offset) for offset in range((end - start).days)]
    weeks = [days[index : index + 7] for index in range(0, len(days), 7)]
    return {
        "month": first,
        "previous": (first - datetime.timedelta(days=1)).replace(day=1),
        "next": following,
        "weeks": [
            [{"date": day, "in_month": day.month == month, "tasks": due.get(day, [])} for day in week] for week in weeks
        ],
    }


# Home pages: each role's own work. Each block is a few queries (a count, its first tasks, their units), so a home
# page costs a fixed number of queries whatever the number of tasks.

HOME_LIST_LENGTH = 8
# "Due soon" on a unit's home: the next seven days, today included.
DUE_SOON_DAYS = 7
# A unit owes a progress report on an open task when its last one (or, never reported, the task's entry) is older
# than this, or when a reminder went out after it: the reminder asked for one.
REPORT_INTERVAL_DAYS = 30
# Escalations (通报) shown to supervisors: those of the last week.
ESCALATION_DAYS = 7
WORST_UNITS = 8
# Failed gazette imports shown to data managers: those of the last month (older ones have been dealt with or
# uploaded again by then).
FAILED_IMPORT_DAYS = 30

_home_blocks = []


def register_home_block(template, selector):
    """A block an app above projects adds to the home page (intake: proposals awaiting review).
    ``selector(user, county)`` returns the context of ``template``, or None where the block is not the user's."""
    _home_blocks.append((template, selector))


def own_tasks(user):
    """Tasks one of the user's own units (``access.own_unit_ids``) has a part in, within what the user may see."""
    parts = Assignment.objects.filter(task=OuterRef("pk"), organisation_id__in=access.own_unit_ids(user))
    return visible_tasks(user).filter(Exists(parts))


def open_tasks(tasks):
    """Neither closed nor on hold."""
    return tasks.exclude(status__in=RESTING_STATUSES)


def filter_awaiting_report(tasks, today=None):
    """Open tasks (not started or in progress) on which a progress report is owed: none for REPORT_INTERVAL_DAYS
    (counted from the task's entry when there is none yet), or a reminder (not a supervisor's copy) sent after the
    last one."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=REPORT_INTERVAL_DAYS)
    reminders = Reminder.objects.filter(task=OuterRef("pk"), escalated=False)
    stale = Q(latest_report__lt=since) | Q(latest_report__isnull=True, as_of__lt=since)
    reminded = Exists(reminders.filter(day__gt=OuterRef("latest_report"))) | (
        Q(latest_report__isnull=True) & Exists(reminders)
    )
    return tasks.filter(Q(status__in=reminder_selectors.REMINDED_STATUSES) & (stale | reminded))


def _last_closing(statuses):
    """When the task last was in one of ``statuses``, from its change history."""
    rows = Task.history.model.objects.filter(id=OuterRef("pk"), status__in=statuses)
    return Subquery(rows.order_by("-history_date").values("history_date")[:1])


def filter_sent_back(tasks):
    """Open tasks that were put forward for closing (or closed) and are open again, with no progress reported since:
    the supervisors sent the closing back, or the task was reopened. ``sent_back`` is when it last was in closing."""
    reported_since = ProgressReport.objects.filter(task=OuterRef("pk"), created__gt=OuterRef("sent_back"))
    latest_round = ClosingRound.objects.filter(task=OuterRef("pk")).order_by("-requested_at", "-pk")
    return (
        tasks.annotate(
            sent_back=_last_closing([Task.Status.CLOSING_REQUESTED, Task.Status.CLOSED]),
            # The supervisor's reason, when the last closing round was sent back (a reopened task has none).
            sent_back_reason=Subquery(
                latest_round.filter(decision=ClosingRound.Decision.SENT_BACK).values("reason")[:1]
            ),
        )
        .filter(status__in=reminder_selectors.REMINDED_STATUSES, sent_back__isnull=False)
        .exclude(Exists(reported_since))
    )


def filter_escalated(tasks, today=None):
    """Tasks an escalation (通报) went out for in the last ESCALATION_DAYS days, with ``escalated_on`` (the latest)
    and ``escalated_days`` (working days overdue then); open ones only, a closed task's escalation is over."""
    today = today or timezone.localdate()
    escalations = Reminder.objects.filter(
        task=OuterRef("pk"), tier=Reminder.Tier.ESCALATE, day__gt=today - datetime.timedelta(days=ESCALATION_DAYS)
    ).order_by("-day", "-overdue_days")
    # EXISTS, as for filter_extension_pending.
    return (
        open_tasks(tasks)
        .filter(Exists(escalations))
        .annotate(
            escalated_on=Subquery(escalations.values("day")[:1]),
            escalated_days=Subquery(escalations.values("overdue_days")[:1]),
        )
    )


def _home_block(tasks, query, order, county, today=None):
    """A home block: how many tasks, the first of them, and the task-list filter showing them all. Their units are
    read for all the page's blocks at once (``_with_units``)."""
    if county is not None:
        query = {**query, "county": county.pk}
    listed = list(tasks.order_by(*order)[:HOME_LIST_LENGTH])
    if today is not None:
        for task in listed:
            task.days_overdue = (today - task.due).days
    # A block not filled up holds them all: no need to count.
    count = len(listed) if len(listed) < HOME_LIST_LENGTH else tasks.count()
    return {"tasks": listed, "count": count, "query": query}


def _with_units(blocks):
    """``blocks`` (a role's home blocks by name), their tasks' units read in one query for them all."""
    tasks = [task for block in blocks.values() for task in block["tasks"]]
    prefetch_related_objects(tasks, Prefetch("assignments", queryset=Assignment.objects.select_related("organisation")))
    return blocks


def unit_home(user, today, county=None):
    """A unit's own work: its overdue tasks, those due in the next week, reports owed, closings sent back."""
    tasks = own_tasks(user)
    if county is not None:
        tasks = tasks.filter(county=county)
    soon_until = today + datetime.timedelta(days=DUE_SOON_DAYS - 1)
    mine = {"mine": "true"}
    return _with_units(
        {
            "overdue": _home_block(
                filter_by_light(tasks, RED, today=today), {**mine, "light": RED}, ["due", "pk"], county, today=today
            ),
            "due_soon": _home_block(
                open_tasks(tasks).filter(due__gte=today, due__lte=soon_until),
                {**mine, "open": "true", "due_after": today.isoformat(), "due_before": soon_until.isoformat()},
                ["due", "pk"],
                county,
            ),
            "awaiting_report": _home_block(
                filter_awaiting_report(tasks, today),
                {**mine, "needs": NEEDS_REPORT},
                [F("latest_report").asc(nulls_first=True), F("due").asc(nulls_last=True), "pk"],
                county,
            ),
            "sent_back": _home_block(
                filter_sent_back(tasks), {**mine, "needs": NEEDS_SENT_BACK}, ["-sent_back"], county
            ),
        }
    )


def supervisor_home(user, today, county=None):
    """What awaits a supervisor: closings to verify, recent escalations, and the units with most overdue tasks."""
    tasks = visible_tasks(user)
    if county is not None:
        tasks = tasks.filter(county=county)
    awaiting = tasks.filter(status=Task.Status.CLOSING_REQUESTED).annotate(
        requested=_last_closing([Task.Status.CLOSING_REQUESTED])
    )
    overdue = filter_by_light(tasks, RED, today=today)
    blocks = _with_units(
        {
            "extensions": _home_block(
                filter_extension_pending(tasks), {"needs": NEEDS_EXTENSION}, [F("extension_asked").asc(), "pk"], county
            ),
            "verification": _home_block(
                awaiting,
                {"status": Task.Status.CLOSING_REQUESTED},
                [F("requested").asc(nulls_first=True), "pk"],
                county,
            ),
            "escalated": _home_block(
                filter_escalated(tasks, today), {"needs": NEEDS_ESCALATED}, ["-escalated_days", "pk"], county
            ),
        }
    )
    return {
        **blocks,
        "overdue_units": _worst_units(overdue, county),
        "overdue_count": overdue.count(),
        "overdue_query": {"light": RED, **({"county": county.pk} if county else {})},
    }


def _worst_units(overdue, county):
    """The units with most overdue tasks, each with the task-list filter of its overdue tasks."""
    rows = list(
        Assignment.objects.filter(task__in=overdue.order_by().values("pk"), organisation__isnull=False)
        .values("organisation_id")
        .annotate(overdue=Count("task"))
        .order_by("-overdue", "organisation_id")[:WORST_UNITS]
    )
    names = Organisation.objects.in_bulk([row["organisation_id"] for row in rows])
    for row in rows:
        unit = names[row["organisation_id"]]
        row["name"] = unit.short_name or unit.name
        row["query"] = {"light": RED, "unit": unit.pk, **({"county": county.pk} if county else {})}
    return rows


def data_manager_home(user, today, county=None):
    """What awaits a data manager: failed imports and reminder e-mails, units to map, tasks no reminder reaches.
    The proposals awaiting review are intake's block (``register_home_block``)."""
    since = timezone.now() - datetime.timedelta(days=FAILED_IMPORT_DAYS)
    imports = gazette_selectors.visible_import_jobs(user).filter(status=ImportJob.Status.FAILED, created__gte=since)
    if county is not None:
        names = {county.name, county.short_name} - {""}
        imports = imports.filter(Q(county__in=names) | Q(issue__gazette__county__in=names))
    return {
        "failed_imports": list(imports.order_by("-created", "-pk")[:HOME_LIST_LENGTH]),
        "failed_import_count": imports.count(),
        "failed_reminders": reminder_selectors.failed_digests(user, county).count(),
        "unmapped": unmapped_assignments(user, county).count(),
        "without_reminders": reminder_selectors.tasks_without_reminders(user, county),
    }


def home_page(user, today=None, county=None):
    """Each role's blocks (a user with several roles gets each one's), of one of the user's counties when ``county``
    (an id) is given, which answers 404 for a county that is not theirs."""
    today = today or timezone.localdate()
    if county is not None:
        county = get_object_or_404(access.counties(user), pk=county)
    is_unit_staff, is_supervisor = access.is_unit_staff(user), access.is_supervisor(user)
    is_data_manager = access.is_data_manager(user)
    blocks = []
    for template, selector in _home_blocks:
        context = selector(user, county)
        if context is not None:
            blocks.append({"template": template, **context})
    return {
        "today": today,
        "current_county": county,
        "unit": unit_home(user, today, county) if is_unit_staff else None,
        "supervisor": supervisor_home(user, today, county) if is_supervisor else None,
        "data": data_manager_home(user, today, county) if is_data_manager else None,
        "blocks": blocks,
        "no_role": not (is_unit_staff or is_supervisor or is_data_manager),
        "report_interval": REPORT_INTERVAL_DAYS,
        "failed_import_days": FAILED_IMPORT_DAYS,
        "recent_documents": gazette_selectors.recent_documents(user)[:5],
    }


# Task-list filters the home blocks link to.
NEEDS_REPORT = "report"
NEEDS_SENT_BACK = "sent_back"
NEEDS_ESCALATED = "escalated"
NEEDS_EXTENSION = "extension"
NEEDS_INSTRUCTION = "instruction"


def filter_extension_pending(tasks):
    """Tasks with an extension request awaiting a decision, with ``extension_asked`` (when) and ``extension_to``
    (the date asked for)."""
    pending = ExtensionRequest.objects.filter(task=OuterRef("pk"), status=ExtensionRequest.Status.PENDING)
    # EXISTS rather than "the subquery is not null": the database starts from the few pending requests instead of
    # asking it of each of a province's 1,000,000 tasks.
    return tasks.filter(Exists(pending)).annotate(
        extension_asked=Subquery(pending.values("requested_at")[:1]),
        extension_to=Subquery(pending.values("requested_due")[:1]),
    )


def filter_instruction_unanswered(tasks):
    """Tasks with a leader's instruction not answered yet."""
    return tasks.filter(Exists(Instruction.objects.filter(task=OuterRef("pk"), answered_at__isnull=True)))


def filter_by_need(tasks, need, *, today=None):
    found = {
        NEEDS_REPORT: filter_awaiting_report,
        NEEDS_SENT_BACK: lambda tasks, today: filter_sent_back(tasks),
        NEEDS_ESCALATED: filter_escalated,
        NEEDS_EXTENSION: lambda tasks, today: filter_extension_pending(tasks),
        NEEDS_INSTRUCTION: lambda tasks, today: filter_instruction_unanswered(tasks),
    }[need]
    return found(tasks, today)


# The 考核 scorecard


def can_see_scorecard(user):
    """Supervisors and data managers: the scorecard ranks a county's units, so it is for those who oversee them all.
    Unit staff find their own work on their home page."""
    return access.supervises(user)


def scorecard_counties(user):
    return access.counties(user).order_by("sort_order", "name")


def scorecard_rules(county_id):
    """The county's scorecard rules, else the site's defaults (unsaved ones while no data manager set them)."""
    rows = {row.county_id: row for row in ScorecardRules.objects.filter(Q(county_id=county_id) | Q(county=None))}
    return rows.get(county_id) or rows.get(None) or ScorecardRules()


# A supporting unit (配合单位) helps; the units that own the task answer for its deadline.
SCORED_ROLES = [Assignment.Role.LEAD, Assignment.Role.RESPONSIBLE, Assignment.Role.IMPLEMENTING]
GRANTED = [ExtensionRequest.Status.APPROVED, ExtensionRequest.Status.SHORTENED]


def scorecard(county, period, today=None):
    """Each unit's scorecard rows (``projects.scorecard.Row``, ranked) for the county's tasks whose deadline falls in
    the period, and the rules applied: five queries however many tasks and units.

    Left out: tasks on hold or stopped (停止/暂停 is the supervisors' decision, not a unit's failing), and tasks
    entered after their deadline had passed (late before the ledger knew of them)."""
    today = today or timezone.localdate()
    rules = scorecard_rules(county.pk)
    parts = (
        Assignment.objects.filter(task__county=county, organisation__isnull=False, role__in=SCORED_ROLES)
        .exclude(task__status__in=[Task.Status.PAUSED, Task.Status.STOPPED])
        .alias(deadline=Coalesce("task__original_due", "task__due") if rules.against_original_due else F("task__due"))
        .filter(Q(deadline__gte=F("task__as_of")), deadline__gte=period.start, deadline__lte=period.end)
    )
    closed, grace = Q(task__status=Task.Status.CLOSED), rules.grace_days
    lateness = DaysBetween(F("task__closed_on"), F("deadline"))
    overdue_by = DaysBetween(Value(today, output_field=DateField()), F("deadline"))
    figures = (
        parts.alias(lateness=lateness, overdue_by=overdue_by)
        .values("organisation_id")
        .annotate(
            due=Count("pk"),
            on_time=Count("pk", filter=closed & Q(lateness__lte=grace)),
            late=Count("pk", filter=closed & Q(lateness__gt=grace)),
            overdue=Count("pk", filter=~closed & Q(overdue_by__gt=grace)),
            days_late=Sum(
                Case(
                    When(closed & Q(lateness__gt=grace), then=F("lateness")),
                    When(~closed & Q(overdue_by__gt=grace), then=F("overdue_by")),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
            ),
        )
        .order_by()
    )
    # An extension is the requesting unit's (every unit's of the task when the request names none). Extensions and
    # send-backs are counted from their own rows joined to the period's assignments (a tenth of them at most): one
    # query joining both to every assignment would count the product of the two and scan it all.
    extension = Q(task__extension_requests__isnull=False) & (
        Q(task__extension_requests__unit=None) | Q(task__extension_requests__unit=F("organisation"))
    )
    extensions = (
        parts.filter(extension)
        .values("organisation_id")
        .annotate(
            asked=Count("task__extension_requests", distinct=True),
            granted=Count(
                "task__extension_requests",
                filter=Q(task__extension_requests__status__in=GRANTED),
                distinct=True,
            ),
        )
        .order_by()
    )
    sent_back = (
        parts.filter(task__closing_rounds__decision=ClosingRound.Decision.SENT_BACK)
        .values("organisation_id")
        .annotate(rounds=Count("task__closing_rounds", distinct=True))
        .order_by()
    )
    figures = {row["organisation_id"]: row for row in figures}
    extensions = {row["organisation_id"]: row for row in extensions}
    sent_back = {row["organisation_id"]: row["rounds"] for row in sent_back}
    names = {
        pk: short or name
        for pk, short, name in Organisation.objects.filter(pk__in=figures).values_list("pk", "short_name", "name")
    }
    rows = scoring.rank(
        scoring.Counts(
            unit_id=unit,
            name=names[unit],
            due=row["due"],
            on_time=row["on_time"],
            late=row["late"],
            overdue=row["overdue"],
            days_late=round(row["days_late"] or 0),
            extensions_asked=extensions.get(unit, {}).get("asked", 0),
            extensions_granted=extensions.get(unit, {}).get("granted", 0),
            sent_back=sent_back.get(unit, 0),
        )
        for unit, row in figures.items()
    )
    return {"rows": rows, "rules": rules, "totals": scoring.totals(rows), "today": today}


# Notices (督办通知单, 催办函)

# Words of a notice's number between the county's prefix and the year: 兴督办〔2026〕3号.
NOTICE_NUMBER_WORDS = {Notice.Kind.SUPERVISION: "督办", Notice.Kind.URGING: "催办"}
# Counties are written 兴县, 青岚县: the numbers drop the 县 (兴督办), as their 文号 do (兴政发).
COUNTY_ENDINGS = ("自治县", "县", "市", "区", "旗")
# Working days a unit has to reply, unless the issuer sets another day.
REPLY_WORKING_DAYS = 5


def visible_notices(user):
    """Notices to one of the user's units; every notice of their counties for supervisors and data managers."""
    return access.visible(user, Notice.objects.all(), "recipient")


def notice_for_view(user, pk):
    return get_object_or_404(
        visible_notices(user).select_related("county", "recipient", "issued_by").prefetch_related("items"), pk=pk
    )


def notice_list(user):
    notices = visible_notices(user).select_related("county", "recipient").annotate(item_count=Count("items"))
    return notices.order_by("-issued_at", "-pk")


def can_issue_notices(user):
    """Supervisors and data managers issue notices, in the counties they work in (the tasks and units they see)."""
    return access.supervises(user)


def notice_prefix(county):
    """What the county's notice numbers open with: its setting, else its short name without the 县."""
    profile = _profile(county)
    if profile is not None and profile.notice_prefix.strip():
        return profile.notice_prefix.strip()
    name = county.short_name or county.name
    for ending in COUNTY_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def notice_office(county):
    """The office that signs the county's notices: its setting, else the county government's 督查室."""
    profile = _profile(county)
    if profile is not None and profile.notice_office.strip():
        return profile.notice_office.strip()
    return f"{county.name}督查室"


def _profile(county):
    try:
        return county.profile
    except CountyProfile.DoesNotExist:
        return None


def notice_number(prefix, kind, year, serial):
    return f"{prefix}{NOTICE_NUMBER_WORDS[kind]}〔{year}〕{serial}号"


def default_reply_by(county, today=None):
    """REPLY_WORKING_DAYS working days from today, by the county's working calendar."""
    today = today or timezone.localdate()
    calendar = reminder_selectors.reminder_settings().for_county(county.pk).calendar
    return calendar.add_working_days(today, REPLY_WORKING_DAYS)


def notice_units(task):
    """The units a notice about ``task`` may go to: the organisations with a part in it, lead unit first."""
    parts = task.assignments.filter(organisation__isnull=False).select_related("organisation")
    parts = parts.order_by("position", "pk")
    units = []
    for part in parts:
        if part.organisation not in units:
            units.append(part.organisation)
    return units


def is_overdue(task, today=None):
    """Open (not started or in progress) and past its due date: what a 催办函 urges."""
    today = today or timezone.localdate()
    return task.status in reminder_selectors.REMINDED_STATUSES and task.due is not None and task.due < today


def unit_notice_tasks(user, unit, kind, today=None):
    """The tasks a unit-wide notice lists: the unit's open tasks (督办通知单), or those overdue (催办函), by due date.
    Tasks late before they entered the ledger are overdue too: the letter urges the work, not the light."""
    today = today or timezone.localdate()
    tasks = visible_tasks(user).filter(
        Exists(Assignment.objects.filter(task=OuterRef("pk"), organisation=unit)),
        status__in=reminder_selectors.REMINDED_STATUSES,
    )
    if kind == Notice.Kind.URGING:
        tasks = tasks.filter(due__lt=today)
    return tasks.select_related("source_document").order_by(F("due").asc(nulls_last=True), "pk")


def organisation_notices(user, organisation):
    """The notices section of a unit's page: the notices to it the user may see, and what a supervisor may issue."""
    can_issue = can_issue_notices(user)
    section = {"notices": list(visible_notices(user).filter(recipient=organisation)[:10]), "can_issue": can_issue}
    if can_issue and organisation.kind != Organisation.Kind.COUNTY:
        section["open_count"] = unit_notice_tasks(user, organisation, Notice.Kind.SUPERVISION).count()
        section["overdue_count"] = unit_notice_tasks(user, organisation, Notice.Kind.URGING).count()
    return section
