import datetime

from celery import shared_task

from . import reminder_services


# Both are idempotent: the database decides what is still to do, so a duplicate run changes nothing.
@shared_task(acks_late=True)
def sweep_reminders(day=None):
    """``day`` (YYYY-MM-DD) re-runs a past day's sweep; beat passes none: today."""
    return reminder_services.run_reminders(trigger="beat", day=day and datetime.date.fromisoformat(day))


@shared_task(acks_late=True)
def send_pending_reminders():
    return reminder_services.catch_up()
