"""Reads a user can reach. Every one applies the user's scope through ``user_scope``."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
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
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from . import reminder_selectors, roles
from .lights import GREEN, HISTORICAL, NONE, RED, RESTING_STATUSES, YELLOW, traffic_light, yellow_before
from .models import (
    LEADER_ROLES,
    Assignment,
    CalendarToken,
    LeaderPortfolio,
    LeadingGroup,
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    Post,
    ProgressReport,
    Task,
    UnitAccess,
)
from .names import county_variants, normalise_name


@dataclass(frozen=True)
class Scope:
    """Which organisations' records a user may see: everything, or these ids."""

    everything: bool
    organisation_ids: frozenset = frozenset()

    def allows(self, organisation_id):
        return self.everything or organisation_id in self.organisation_ids


def user_scope(user):
    """The one scoping rule: data managers and supervisors see all; unit staff their units and sub-units."""
    cached = getattr(user, "_ledger_scope", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        scope = Scope(everything=False)
    elif roles.is_data_manager(user) or roles.is_supervisor(user):
        scope = Scope(everything=True)
    else:
        ids = set(UnitAccess.objects.filter(user=user).values_list("organisation_id", flat=True))
        ids |= _descendant_ids(ids)
        scope = Scope(everything=False, organisation_ids=frozenset(ids))
    user._ledger_scope = scope
    return scope


def _descendant_ids(ids):
    found, frontier = set(), set(ids)
    while frontier:
        frontier = set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


# Organisations


def organisation_tree():
    """All organisations as (organisation, depth) pairs in tree order, from one query."""
    organisations = list(Organisation.objects.all())
    children = {}
    for organisation in organisations:
        children.setdefault(organisation.parent_id, []).append(organisation)
    rows = []

    def walk(parent_id, depth):
        for organisation in children.get(parent_id, []):
            rows.append((organisation, depth))
            walk(organisation.pk, depth + 1)

    walk(None, 0)
    return rows


def organisation_detail(user, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    today = timezone.localdate()
    posts = organisation.posts.select_related("person")
    return {
        "organisation": organisation,
        "aliases": organisation.aliases.all(),
        "children": organisation.children.all(),
        "current_posts": posts.filter(Q(end__isnull=True) | Q(end__gte=today)),
        "past_posts": posts.filter(end__lt=today),
        "memberships": visible_memberships(user)
        .filter(organisation=organisation)
        .select_related("group", "person")
        .order_by("group__name", "pk"),
        "hosted_groups": visible_groups(user).filter(office_host=organisation),
        "supervising": current_portfolios(user).filter(supervised=organisation),
        "liaising": current_portfolios(user).filter(liaised=organisation),
        "history": change_history(
            organisation.history.all(), OrganisationAlias.history.filter(organisation_id=organisation.pk)
        ),
    }


def counties():
    return Organisation.objects.filter(kind=Organisation.Kind.COUNTY)


class OrganisationResolver:
    """Maps a name as written to one organisation, or to None when unknown or ambiguous.

    Loads the names once, so an importer can resolve thousands of names with one query.
    Callers keep the written text whenever this returns None.
    """

    def __init__(self, county=None):
        organisations = Organisation.objects.all()
        if county is not None:
            organisations = organisations.filter(pk__in={county.pk} | _descendant_ids({county.pk}))
        self.county_short_name = normalise_name(county.short_name or county.name) if county else ""
        self.by_name = {}
        self.organisations = {}
        for organisation in organisations:
            self.organisations[organisation.pk] = organisation
            for written in (organisation.name, organisation.short_name):
                self._add(written, organisation.pk)
        aliases = OrganisationAlias.objects.filter(organisation_id__in=self.organisations).values_list(
            "alias", "organisation_id"
        )
        for alias, organisation_id in aliases:
            self._add(alias, organisation_id)

    def _add(self, written, organisation_id):
        key = normalise_name(written)
        if key:
            self.by_name.setdefault(key, set()).add(organisation_id)

    def __call__(self, written):
        name = normalise_name(written)
        if not name:
            return None
        matches = set()
        for variant in county_variants(name, self.county_short_name):
            matches |= self.by_name.get(variant, set())
        if len(matches) != 1:
            return None
        return self.organisations[matches.pop()]


def resolve_organisation(written, county=None):
    return OrganisationResolver(county)(written)


# People and posts


def people_list(user):
    return (
        Person.objects.annotate(
            group_count=Count("memberships__group", distinct=True),
        )
        .prefetch_related(
            Prefetch(
                "posts",
                queryset=Post.objects.filter(end__isnull=True).select_related("organisation"),
                to_attr="current_posts",
            )
        )
        .order_by("name", "pk")
    )


def person_detail(user, pk):
    person = get_object_or_404(Person, pk=pk)
    scope = user_scope(user)
    posts = person.posts.select_related("organisation").order_by("-start", "pk")
    return {
        "person": person,
        "posts": posts,
        "memberships": visible_memberships(user).filter(person=person).select_related("group").in_roster_order(),
        "portfolio": current_portfolios(user)
        .filter(person=person)
        .prefetch_related("supervised", "liaised")
        .select_related("source_document")
        .first(),
        "history": change_history(
            person.history.all(), Post.history.filter(person_id=person.pk).select_related("person", "organisation")
        ),
        "show_contact": scope.everything
        or any(scope.allows(post.organisation_id) for post in posts)
        or person.user_id == user.pk,
    }


def holders_of(organisation, title, on=None):
    """Who holds ``title`` in ``organisation`` on a date (today by default)."""
    on = on or timezone.localdate()
    return Person.objects.filter(
        Q(posts__start__isnull=True) | Q(posts__start__lte=on),
        Q(posts__end__isnull=True) | Q(posts__end__gte=on),
        posts__organisation=organisation,
        posts__title=title,
    ).distinct()


# Leaders' portfolios


def visible_portfolios(user):
    """Unit staff see the portfolios that supervise or liaise with one of their units."""
    scope = user_scope(user)
    portfolios = LeaderPortfolio.objects.all()
    if scope.everything:
        return portfolios
    ids = scope.organisation_ids
    supervised = LeaderPortfolio.supervised.through.objects.filter(
        leaderportfolio=OuterRef("pk"), organisation_id__in=ids
    )
    liaised = LeaderPortfolio.liaised.through.objects.filter(leaderportfolio=OuterRef("pk"), organisation_id__in=ids)
    return portfolios.filter(Exists(supervised) | Exists(liaised))


def current_portfolios(user):
    return (
        visible_portfolios(user)
        .filter(is_current=True)
        .select_related("person", "source_document")
        .order_by("effective", "pk")
    )


# Leading groups


def visible_groups(user):
    scope = user_scope(user)
    groups = LeadingGroup.objects.all()
    if scope.everything:
        return groups
    ids = scope.organisation_ids
    member_unit = Membership.objects.filter(group=OuterRef("pk"), organisation_id__in=ids)
    return groups.filter(Q(office_host_id__in=ids) | Exists(member_unit))


def visible_memberships(user):
    return Membership.objects.filter(group__in=visible_groups(user))


def group_list(user):
    leader = (
        Membership.objects.filter(group=OuterRef("pk"), role__in=LEADER_ROLES)
        .order_by("position", "pk")
        .values(name=Coalesce("person__name", "title"))[:1]
    )
    return (
        visible_groups(user)
        .select_related("office_host", "source_document")
        .annotate(member_count=Count("memberships"), leader_name=Subquery(leader))
        .order_by("name", "pk")
    )


def group_for_view(user, pk):
    return get_object_or_404(
        visible_groups(user).select_related(
            "county", "office_host", "office_head", "source_document__issue", "superseded_by"
        ),
        pk=pk,
    )


def group_detail(user, pk):
    group = group_for_view(user, pk)
    roster = group.memberships.select_related("person", "organisation").in_roster_order()
    return {
        "group": group,
        "roster": roster,
        "history": group_history(group),
        "can_edit": can_edit_group(user, group),
    }


def group_history(group):
    """Changes to the group and its roster, newest first."""
    return change_history(
        group.history.all(),
        Membership.history.filter(group_id=group.pk).select_related("person"),
    )


def change_history(*histories):
    """Historical records of several models merged newest first, each saying who, what and which fields.

    Each record gets ``model_name``, ``label`` (the object as it was) and ``changed_fields`` (for updates,
    the verbose names of the fields that differ from the record before it).
    """
    changes = []
    for history in histories:
        records = list(history.select_related("history_user").order_by("history_date", "history_id"))
        previous = {}
        for record in records:
            meta = record.instance_type._meta
            record.model_name = meta.verbose_name
            instance = record.instance
            # Related rows fetched with the history (select_related) serve the rebuilt object too.
            instance._state.fields_cache.update(record._state.fields_cache)
            record.label = str(instance)
            before = previous.get(record.id)
            record.changed_fields = []
            if before is not None and record.history_type == "~":
                record.changed_fields = [
                    str(meta.get_field(item.field).verbose_name) for item in record.diff_against(before).changes
                ]
            previous[record.id] = record
        changes.extend(records)
    return sorted(changes, key=lambda change: change.history_date, reverse=True)


def can_edit_group(user, group):
    """Data managers edit every group; unit staff with the right the groups their unit's office hosts."""
    if roles.is_data_manager(user):
        return True
    if not user.has_perm("projects.change_leadinggroup"):
        return False
    scope = user_scope(user)
    return not scope.everything and group.office_host_id is not None and scope.allows(group.office_host_id)


def can_create_group(user):
    return roles.is_data_manager(user) or (
        user.has_perm("projects.add_leadinggroup") and bool(user_scope(user).organisation_ids)
    )


def group_for_edit(user, pk):
    group = group_for_view(user, pk)
    if not can_edit_group(user, group):
        raise PermissionDenied
    return group


def editable_office_hosts(user):
    """The organisations a user may name as a group's office host."""
    scope = user_scope(user)
    if roles.is_data_manager(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=scope.organisation_ids)


# Tasks


def visible_tasks(user):
    """Tasks one of the user's organisations has a part in; everything for supervisors and data managers."""
    scope = user_scope(user)
    tasks = Task.objects.all()
    if scope.everything:
        return tasks
    involved = Assignment.objects.filter(task=OuterRef("pk"), organisation_id__in=scope.organisation_ids)
    return tasks.filter(Exists(involved))


def task_for_view(user, pk):
    return get_object_or_404(visible_tasks(user).select_related("source_document", "group", "parent"), pk=pk)


def can_report_on(user, task):
    """Data managers, and staff of a unit with a part in the task (supervisors verify, they do not report)."""
    if roles.is_data_manager(user):
        return True
    scope = user_scope(user)
    return not scope.everything and task.assignments.filter(organisation_id__in=scope.organisation_ids).exists()


def can_create_task(user):
    """Data managers enter tasks, and supervisors the items they supervise (督办事项)."""
    return roles.is_data_manager(user) or roles.is_supervisor(user)


def can_verify_closing(user):
    return roles.is_data_manager(user) or roles.is_supervisor(user)


def task_detail(user, task):
    """What the task page shows besides its forms."""
    return {
        "task": task,
        "light": task_lights()(task, percent=task.latest_percent),
        "assignments": task.assignments.select_related("organisation", "contact"),
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
    """A function giving a task's light on ``today``. A light turns yellow in the 预警 window of 提醒设置, counted
    in the county's working days, so that it agrees with the early-warning e-mail."""
    today = today or timezone.localdate()
    before = _yellow_before(today)

    def light(task, percent=None):
        return traffic_light(
            status=task.status,
            due=task.due,
            as_of=task.as_of,
            today=today,
            yellow_before=before,
            start=task.start,
            percent=percent,
        )

    return light


def _yellow_before(today):
    warning_days, calendar = reminder_selectors.light_settings()
    return yellow_before(today, calendar, warning_days)


def unmapped_assignments():
    """Units written in tasks that match no organisation, for a data manager to map."""
    return Assignment.objects.filter(organisation__isnull=True).select_related("task").order_by("organisation_text")


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
    tasks, conditions = _light_conditions(tasks, today, _yellow_before(today))
    return tasks.filter(conditions[light])


def count_by_light(tasks, *, today=None):
    """How many tasks carry each light, in one query."""
    today = today or timezone.localdate()
    before = _yellow_before(today)
    tasks, conditions = _light_conditions(tasks.order_by(), today, before)
    # One CASE per row, its branches tried in the order traffic_light decides, costs far less than
    # five filtered counts that each repeat the conditions before them.
    light = Case(
        When(conditions[NONE], then=Value(NONE)),
        When(due__lt=F("as_of"), then=Value(HISTORICAL)),
        When(due__lt=today, then=Value(RED)),
        When(due__lt=before, then=Value(YELLOW)),
        When(conditions[BEHIND], then=Value(YELLOW)),
        default=Value(GREEN),
    )
    counts = dict.fromkeys((RED, YELLOW, GREEN, HISTORICAL, NONE), 0)
    counts.update(tasks.annotate(light=light).values("light").annotate(n=Count("pk")).values_list("light", "n"))
    return counts


BEHIND = "behind"


def _light_conditions(tasks, today, yellow_before):
    resting = Q(status__in=RESTING_STATUSES) | Q(due__isnull=True)
    historical = ~resting & Q(due__lt=F("as_of"))
    red = ~resting & ~historical & Q(due__lt=today)
    soon = ~resting & ~historical & Q(due__gte=today, due__lt=yellow_before)
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


def task_dashboard(user, today=None):
    """The figures of the task dashboard, all within the user's scope."""
    today = today or timezone.localdate()
    tasks = task_list(user)
    counts = count_by_light(tasks, today=today)
    monday = today - datetime.timedelta(days=today.weekday())
    open_tasks = tasks.exclude(status__in=RESTING_STATUSES)
    return {
        "today": today,
        "counts": counts,
        "total": sum(counts.values()),
        "overdue": _first_of(filter_by_light(tasks, RED, today=today), light=RED, count=counts[RED]),
        "this_week": _first_of(open_tasks, due_after=monday, due_before=monday + datetime.timedelta(days=6)),
        "next_week": _first_of(
            open_tasks, due_after=monday + datetime.timedelta(days=7), due_before=monday + datetime.timedelta(days=13)
        ),
        "units": unit_rates(user, today),
        "unmapped": unmapped_assignments().count() if roles.is_data_manager(user) else 0,
        "failed_reminders": reminder_selectors.failed_digests(user).count(),
        "last_sweep": reminder_selectors.last_sweep() if can_verify_closing(user) else None,
    }


DASHBOARD_LIST_LENGTH = 20


def _first_of(tasks, *, light=None, due_after=None, due_before=None, count=None):
    """The first tasks of a dashboard list, how many there are, and the task-list filter that shows them all."""
    if due_after:
        tasks = tasks.filter(due__gte=due_after, due__lte=due_before)
    query = {"light": light} if light else {"due_after": due_after.isoformat(), "due_before": due_before.isoformat()}
    return {
        "tasks": tasks.order_by("due", "pk")[:DASHBOARD_LIST_LENGTH],
        "count": tasks.count() if count is None else count,
        "query": query,
    }


def unit_rates(user, today):
    """Per organisation with tasks: how many, the share closed and the share overdue, worst first."""
    scope = user_scope(user)
    assignments = Assignment.objects.filter(organisation__isnull=False)
    if not scope.everything:
        # A task with a part for a unit in scope is visible, so the units' own rows are exactly the scope.
        assignments = assignments.filter(organisation_id__in=scope.organisation_ids)
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
