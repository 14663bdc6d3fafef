"""Celery jobs of the ledger. Their names are the ones beat's schedule stores in the database
(django_celery_beat's PeriodicTask.task), so they stay as they were whatever this module is called."""

import datetime

from celery import shared_task

from .reminders import services as reminder_services
from .reminders.selectors import DAILY_SWEEP_TASK, TICK_TASK


# Both are idempotent: the database decides what is still to do, so a duplicate run changes nothing. Hence they
# are acknowledged only when done, and a run whose worker process died (SIGKILL, out of memory) goes back to the
# queue to run again rather than being dropped.
@shared_task(name=DAILY_SWEEP_TASK, acks_late=True, reject_on_worker_lost=True)
def sweep_reminders(day=None):
    """``day`` (YYYY-MM-DD) re-runs a past day's sweep; beat passes none: today."""
    return reminder_services.run_reminders(trigger="beat", day=day and datetime.date.fromisoformat(day))


@shared_task(name=TICK_TASK, acks_late=True, reject_on_worker_lost=True)
def send_pending_reminders():
    return reminder_services.catch_up()


# Sent once per job run; a rerun could send an e-mail twice, so this one is acknowledged when taken.
@shared_task(name="projects.notify_instruction")
def notify_instruction(instruction_id):
    return reminder_services.notify_instruction(instruction_id)
