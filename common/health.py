"""/health/ for monitoring: the database, the broker, and what the apps add through settings.HEALTH_CHECKS."""

import logging

from celery import current_app as celery_app
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


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
    """For monitoring: whether the database and the broker answer, never why not, and what the apps add
    (settings.HEALTH_CHECKS), such as the time of the last reminder sweep.

    Only the database and the broker decide the status code: a late sweep is a worker's problem, and a
    load balancer should not take the web server out for it; it shows as "status": "warning".
    """
    checks = {"database": _database_ok(), "broker": _broker_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error", **{name: "ok" if ok else "error" for name, ok in checks.items()}}
    if checks["database"]:
        for path in settings.HEALTH_CHECKS:
            name, ok, details = import_string(path)()
            body[name] = details
            if healthy and not ok:
                body["status"] = "warning"
    return JsonResponse(body, status=200 if healthy else 503)
