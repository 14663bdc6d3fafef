"""The roll-up: the user's counties side by side, each figure counted for every county at once and kept
(``services``), so that the queries grow neither with the tasks nor with the counties."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from land import units
from land.models import SUPPLIED_STATUSES, LandSupplyPlan, Parcel
from land.selectors import FigureRow, visible_plans
from org import access

from . import services
from .models import FIGURES


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
    counted_at: object = None
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
    """One row per county of the user's, in the counties' order: their tasks' figures as kept (``services``: at
    most ``FRESH_FOR`` old, counted anew when older) and this year's land supply against the adopted plan. Four
    queries when the figures are fresh, however many counties and tasks; six more to count stale ones."""
    today = today or timezone.localdate()
    rows = {county.pk: CountyRow(county) for county in access.counties(user)}
    for county_id, kept in services.current_figures(rows, today=today).items():
        row = rows[county_id]
        row.counted_at = kept.counted_at
        for name in FIGURES:
            setattr(row, name, getattr(kept, name))
    plans, supplied = _land_figures(user, today.year, rows)
    for county_id, row in rows.items():
        plan = plans.get(county_id)
        row.plan = plan
        supplied_ha = units.shown(supplied.get(county_id) or 0, units.HECTARE)
        row.land = FigureRow("total", "", plan.total_ha if plan else None, supplied_ha, Decimal(0))
    return list(rows.values())


def counted_at(rows):
    """When the oldest of the rows' figures were counted (None without rows)."""
    return min((row.counted_at for row in rows if row.counted_at), default=None)


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
