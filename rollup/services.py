"""The roll-up's kept figures: counted for whole counties, at most ``FRESH_FOR`` old when shown."""

import datetime

from django.db.models import Count, F, Q
from django.utils import timezone

from projects.lights import RESTING_STATUSES
from projects.models import Task
from projects.reminders.selectors import without_reminders_by_county

from .models import FIGURES, CountyFigures

# How old kept figures may be when shown; the beat job (rollup.jobs) counts every county this often.
FRESH_FOR = datetime.timedelta(minutes=5)


def recount(county_ids, *, today=None, now=None):
    """Count the figures of the counties ``county_ids`` from their tasks and keep them, in six queries however many
    counties and tasks: {county id: CountyFigures}."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    counted = {pk: dict.fromkeys(FIGURES, 0) for pk in county_ids}
    if not counted:
        return {}
    tasks = Task.objects.filter(county_id__in=list(counted))
    for figures in _task_figures(tasks, today):
        counted[figures.pop("county_id")].update(figures)
    for county_id, number in without_reminders_by_county(tasks).items():
        counted[county_id]["without_reminders"] = number
    rows = [CountyFigures(county_id=pk, counted_on=today, counted_at=now, **figures) for pk, figures in counted.items()]
    # An upsert: two requests recounting the same county at once both succeed, the later one's figures kept.
    CountyFigures.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["county"], update_fields=["counted_on", "counted_at", *FIGURES]
    )
    return {row.county_id: row for row in rows}


def current_figures(county_ids, *, today=None, now=None):
    """The kept figures of the counties ``county_ids``, those missing, of another day or older than ``FRESH_FOR``
    counted anew first: {county id: CountyFigures}."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    ids = list(county_ids)
    kept = CountyFigures.objects.filter(county_id__in=ids, counted_on=today, counted_at__gt=now - FRESH_FOR)
    figures = {row.county_id: row for row in kept}
    stale = [pk for pk in ids if pk not in figures]
    if stale:
        figures.update(recount(stale, today=today, now=now))
    return figures


def _task_figures(tasks, today):
    """Per county id of ``tasks``: how many, open, overdue, closed with a due date, closed on time."""
    open_ = ~Q(status__in=RESTING_STATUSES)
    # Red on the dashboard: open, past due, and not already past due when entered (late before entry).
    overdue = open_ & Q(due__lt=today, due__gte=F("as_of"))
    closed_with_due = Q(status=Task.Status.CLOSED, due__isnull=False, closed_on__isnull=False)
    return (
        tasks.order_by()
        .values("county_id")
        .annotate(
            tasks=Count("pk"),
            open=Count("pk", filter=open_),
            overdue=Count("pk", filter=overdue),
            closed_with_due=Count("pk", filter=closed_with_due),
            closed_on_time=Count("pk", filter=closed_with_due & Q(closed_on__lte=F("due"))),
        )
    )
