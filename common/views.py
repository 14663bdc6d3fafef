import logging

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin

from config.celery import app as celery_app

logger = logging.getLogger(__name__)


class ExportableListView(ExportMixin, SingleTableMixin, FilterView):
    """A filtered, sortable, paginated list whose CSV/XLSX export holds exactly the filtered rows."""

    export_formats = ("csv", "xlsx")
    # The table paginates; ListView's own pagination would count the rows a second time.
    table_pagination = {"per_page": 50}
    export_name = "export"

    def get_export_filename(self, export_format):
        return f"{self.export_name}.{export_format}"


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:
        logger.exception("health: database check failed")
        return False


def _broker_ok():
    try:
        with celery_app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        logger.exception("health: broker check failed")
        return False


@login_not_required
@never_cache
def health(request):
    """For monitoring: says only whether the database and the broker answer, never why not."""
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error", **{name: "ok" if ok else "error" for name, ok in checks.items()}}
    return JsonResponse(body, status=200 if healthy else 503)
