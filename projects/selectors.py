"""Reads of tasks a user can reach, each within the user's scope (``org.access``): unit staff see the tasks one of
their units has a part in."""

import datetime

from django.db.models import Case, Count, DateField, F, FloatField, Func, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from common.history import change_history
from org import access
from org.models import Organisation

from .lights import GREEN, HISTORICAL, NONE, RED, RESTING_STATUSES, YELLOW, traffic_light, yellow_before
from .models import Assignment, CalendarToken, ProgressReport, Task
from .reminders import selectors as reminder_selectors

# Tasks


def visible_tasks(user):
    """Tasks one of the user's organisations has a part in; everything for supervisors and data managers."""
    return access.visible(user, Task.objects.all(), "assignments__organisation")


def task_for_view(user, pk):
    return get_object_or_404(visible_tasks(user).select_related("source_document", "group", "parent"), pk=pk)


def can_report_on(user, task):
    """Data managers, and staff of a unit with a part in the task (supervisors verify, they do not report)."""
    return access.is_data_manager(user) or access.own(user, task.assignments.all(), "organisation").exists()


def can_create_task(user):
    """Data managers enter tasks, and supervisors the items they supervise (督办事项)."""
    return access.supervises(user)


def can_verify_closing(user):
    return access.supervises(user)


def task_detail(user, task):
    """What the task page shows besides its forms."""
    assignments = list(task.assignments.select_related("organisation__reminder_contact", "contact"))
    return {
        "task": task,
        "light": task_lights()(task, percent=task.latest_percent),
        "assignments": assignments,
        "reminder_blockers": reminder_selectors.reminder_blockers(
            task, reminder_selectors.reminder_settings().for_county(task.county_id).policy, assignments
        ),
        "children": task.children.all(),
        "reports": task.reports.select_related("reporter"),
        "reminders": reminder_selectors.task_reminders(task)[:REMINDERS_SHOWN],
        "can_report": can_report_on(user, task),
        "can_verify": can_verify_closing(user),
        "can_edit": can_create_task(user),
        # The task's label in each historical row names the task and units: fetch them with the rows.
        "history": change_history(
            task.history.all(),
            Assignment.history.filter(task_id=task.pk).select_related("organisation"),
            ProgressReport.history.filter(task_id=task.pk).select_related("task"),
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
        .select_related("source_document")
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
        When(due__lt=F("as_of"), then=Value(HISTORICAL)),
        When(due__lt=today, then=Value(RED)),
        When(conditions[SOON], then=Value(YELLOW)),
        When(conditions[BEHIND], then=Value(YELLOW)),
        default=Value(GREEN),
    )
    counts = dict.fromkeys((RED, YELLOW, GREEN, HISTORICAL, NONE), 0)
    counts.update(tasks.annotate(light=light).values("light").annotate(n=Count("pk")).values_list("light", "n"))
    return counts


BEHIND = "behind"
SOON = "soon"


def _light_conditions(tasks, today):
    resting = Q(status__in=RESTING_STATUSES) | Q(due__isnull=True)
    historical = ~resting & Q(due__lt=F("as_of"))
    red = ~resting & ~historical & Q(due__lt=today)
    due_soon = _due_soon(today)
    soon = ~resting & ~historical & due_soon
    # Behind schedule: percent / 100 < (today - start) / (due - start), multiplied out to stay in integers.
    start = Coalesce("start", "as_of")
    tasks = tasks.alias(
        span_days=DaysBetween("due", start),
        done_share=F("latest_percent") * DaysBetween("due", start),
        time_share=100 * DaysBetween(Value(today, output_field=DateField()), start),
    )
    behind = Q(latest_percent__isnull=False, span_days__gt=0, done_share__lt=F("time_share"))
    later = ~resting & ~historical & ~red & ~soon
    return tasks, {
        BEHIND: behind,
        SOON: due_soon,
        RED: red,
        YELLOW: soon | (later & behind),
        GREEN: later & ~behind,
        HISTORICAL: historical,
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
    return {
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
        "units": unit_rates(user, today, county=county),
        "unmapped": unmapped_assignments(user, county).count() if access.is_data_manager(user) else 0,
        "failed_reminders": reminder_selectors.failed_digests(user, county).count(),
        "last_sweep": reminder_selectors.last_sweep() if can_verify_closing(user) else None,
        "without_reminders": reminder_selectors.tasks_without_reminders(user, county),
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


def calendar_user(token):
    """The user whose calendar-feed address holds this token."""
    return get_object_or_404(CalendarToken.objects.select_related("user"), token=token, user__is_active=True).user


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
