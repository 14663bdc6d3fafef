"""The roll-up: the user's counties side by side, each figure counted for every county at once, so that the queries
grow neither with the tasks nor with the counties."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from land import units
from land.models import SUPPLIED_STATUSES, LandSupplyPlan, Parcel
from land.selectors import FigureRow, visible_plans
from org import access
from projects.lights import RESTING_STATUSES
from projects.models import Task
from projects.reminders.selectors import without_reminders_by_county
from projects.selectors import visible_tasks


def can_see_rollup(user):
    """Supervisors and data managers compare their counties; unit staff work in their units' tasks."""
    return access.supervises(user)


@dataclass
class CountyRow:
    county: object
    tasks: int = 0
    open: int = 0
    overdue: int = 0
    closed_with_due: int = 0
    closed_on_time: int = 0
    without_reminders: int = 0
    plan: object = None
    land: FigureRow | None = None

    @property
    def overdue_rate(self):
        """Overdue as a share of the open tasks, in whole per cent; None without open tasks."""
        return _percent(self.overdue, self.open)

    @property
    def on_time_rate(self):
        """Closed on or before the due date, as a share of the closed tasks that had one; None without any."""
        return _percent(self.closed_on_time, self.closed_with_due)


def _percent(part, whole):
    return round(100 * part / whole) if whole else None


def county_rows(user, today=None):
    """One row per county of the user's, in the counties' order: their tasks' figures and this year's land supply
    against the adopted plan. Seven queries (eight with the reminder settings) however many counties and tasks."""
    today = today or timezone.localdate()
    rows = {county.pk: CountyRow(county) for county in access.counties(user)}
    for figures in _task_figures(user, today):
        row = rows.get(figures.pop("county_id"))
        if row is not None:
            for name, value in figures.items():
                setattr(row, name, value)
    # Any of the reasons the dashboard counts an open task as getting no reminder, in the sweep's own terms.
    for county_id, number in without_reminders_by_county(visible_tasks(user)).items():
        if county_id in rows:
            rows[county_id].without_reminders = number
    plans, supplied = _land_figures(user, today.year, rows)
    for county_id, row in rows.items():
        plan = plans.get(county_id)
        row.plan = plan
        supplied_ha = units.shown(supplied.get(county_id) or 0, units.HECTARE)
        row.land = FigureRow("total", "", plan.total_ha if plan else None, supplied_ha, Decimal(0))
    return list(rows.values())


def _task_figures(user, today):
    open_ = ~Q(status__in=RESTING_STATUSES)
    # Red on the dashboard: open, past due, and not already past due when entered (late before entry).
    overdue = open_ & Q(due__lt=today, due__gte=F("as_of"))
    closed_with_due = Q(status=Task.Status.CLOSED, due__isnull=False, closed_on__isnull=False)
    return (
        visible_tasks(user)
        .order_by()
        .values("county_id")
        .annotate(
            tasks=Count("pk"),
            open=Count("pk", filter=open_),
            overdue=Count("pk", filter=overdue),
            closed_with_due=Count("pk", filter=closed_with_due),
            closed_on_time=Count("pk", filter=closed_with_due & Q(closed_on__lte=F("due"))),
        )
    )


def _land_figures(user, year, rows):
    """The adopted plan of ``year`` per county, and the hectares supplied (dealt or later) of that year's parcels:
    the planned and supplied totals of ``land.selectors.plan_figures``, for every county in two queries."""
    plans = {}
    adopted = visible_plans(user).filter(year=year, status=LandSupplyPlan.Status.ADOPTED, county__in=list(rows))
    for plan in adopted.order_by("county_id", "version"):
        plans[plan.county_id] = plan  # the latest adopted version wins
    parcels = Parcel.objects.filter(county__in=list(rows), plan_year=year, status__in=SUPPLIED_STATUSES)
    supplied = dict(
        parcels.order_by().values("county_id").annotate(area=Sum("area_m2")).values_list("county_id", "area")
    )
    return plans, supplied
