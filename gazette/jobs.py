"""Celery jobs of the gazette app; each calls one service. Named explicitly so that queued and scheduled
messages keep working whatever the module is called."""

from celery import shared_task
from django.conf import settings

from . import services


# A killed worker's import is delivered again (the job counts its attempts); the time limits stop a file that
# would keep the worker busy for hours: the soft one marks the job failed, the hard one kills the process.
@shared_task(
    name="gazette.tasks.run_import",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.GAZETTE_IMPORT_SOFT_TIME_LIMIT,
    time_limit=settings.GAZETTE_IMPORT_TIME_LIMIT,
)
def run_import(job_id, language=None):
    # ``language``: passed by the release before, which stored why an import failed in the uploader's language;
    # failures are now translated for each reader, and a message queued by it still runs.
    services.run_import_job(job_id)


# Idempotent: run by beat every few minutes.
@shared_task(name="gazette.tasks.fail_stalled_imports", acks_late=True)
def fail_stalled_imports():
    return services.fail_stalled_imports()
