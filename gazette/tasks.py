from celery import shared_task

from . import services


@shared_task(acks_late=True)
def run_import(job_id):
    services.run_import_job(job_id)
