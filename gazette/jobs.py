"""Celery jobs of the gazette app; each calls one service. Named explicitly so that queued and scheduled
messages keep working whatever the module is called."""

from celery import shared_task

from . import services


@shared_task(name="gazette.tasks.run_import", acks_late=True)
def run_import(job_id):
    services.run_import_job(job_id)
