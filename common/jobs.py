"""Celery jobs of common; named explicitly so that queued messages outlive module moves."""

from celery import shared_task

from . import sheet_jobs


@shared_task(name="common.read_sheet")
def read_sheet(token, path, reader):
    sheet_jobs.read(token, path, reader)
