from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.exports import csv_response, xlsx_response
from org import access

from . import selectors, services

EXPORT_FORMATS = ("csv", "xlsx")

# The columns of the table and of its export, in order.
HEADER = (
    gettext_lazy("County"),
    gettext_lazy("Tasks"),
    gettext_lazy("Open tasks"),
    gettext_lazy("Overdue"),
    gettext_lazy("Overdue, per cent of open"),
    gettext_lazy("Closed with a due date"),
    gettext_lazy("Closed on time, per cent"),
    gettext_lazy("Open tasks without reminders"),
    gettext_lazy("Planned (ha)"),
    gettext_lazy("Supplied (ha)"),
    gettext_lazy("Share supplied"),
)


def rollup(request):
    """The user's counties side by side, each a link to its dashboard; exportable as CSV and XLSX."""
    if not selectors.can_see_rollup(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    rows = selectors.county_rows(request.user, today)
    export = request.GET.get("_export")
    if export in EXPORT_FORMATS:
        filename = f"rollup-{today.isoformat()}.{export}"
        if export == "xlsx":
            return xlsx_response(export_rows(rows), _("County roll-up"), filename)
        return csv_response(export_rows(rows), filename)
    return render(
        request,
        "rollup/rollup.html",
        {
            "rows": rows,
            "header": HEADER,
            "today": today,
            "year": today.year,
            "export_formats": EXPORT_FORMATS,
            "counted_at": selectors.counted_at(rows),
            "fresh_minutes": int(services.FRESH_FOR.total_seconds() // 60),
        },
    )


@require_POST
def recount(request):
    """Count the user's counties' figures now, rather than when the kept ones are ``FRESH_FOR`` old."""
    if not selectors.can_see_rollup(request.user):
        raise PermissionDenied
    services.recount(access.counties(request.user).values_list("pk", flat=True))
    messages.success(request, _("The figures were counted again."))
    return redirect("rollup:rollup")


def export_rows(rows):
    """The header, then the table's rows as plain values (rates in whole per cent, areas in hectares)."""
    yield [str(name) for name in HEADER]
    for row in rows:
        yield [
            str(row.county),
            row.tasks,
            row.open,
            row.overdue,
            row.overdue_rate,
            row.closed_with_due,
            row.on_time_rate,
            row.without_reminders,
            row.land.planned_ha,
            row.land.supplied_ha,
            row.land.share,
        ]
