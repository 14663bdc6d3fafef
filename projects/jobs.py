"""Celery jobs of the ledger. Their names are the ones beat's schedule stores in the database
(django_celery_beat's PeriodicTask.task), so they stay as they were whatever this module is called."""

import datetime

from celery import shared_task

from .reminders import services as reminder_services
from .reminders.selectors import DAILY_SWEEP_TASK


# Both are idempotent: the database decides what is still to do, so a duplicate run changes nothing.
@shared_task(name=DAILY_SWEEP_TASK, acks_late=True)
def sweep_reminders(day=None):
    """``day`` (YYYY-MM-DD) re-runs a past day's sweep; beat passes none: today."""
    return reminder_services.run_reminders(trigger="beat", day=day and datetime.date.fromisoformat(day))


@shared_task(name="projects.tasks.send_pending_reminders", acks_late=True)
def send_pending_reminders():
    return reminder_services.catch_up()
