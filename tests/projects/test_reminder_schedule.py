"""Beat's schedule is stored in the database by task name: the names must stay registered with Celery."""

import pytest
from django_celery_beat.models import PeriodicTask

from config.celery import app

pytestmark = pytest.mark.django_db


def test_the_stored_schedule_names_jobs_the_worker_knows():
    app.loader.import_default_modules()
    stored = set(PeriodicTask.objects.values_list("task", flat=True))
    assert stored == {
        "projects.tasks.sweep_reminders",
        "projects.tasks.send_pending_reminders",
        "gazette.tasks.fail_stalled_imports",
    }
    assert stored <= set(app.tasks)


def test_the_daily_sweep_runs_at_eight_beijing_time():
    sweep = PeriodicTask.objects.get(task="projects.tasks.sweep_reminders")
    assert (sweep.crontab.hour, sweep.crontab.minute, str(sweep.crontab.timezone)) == ("8", "0", "Asia/Shanghai")


def test_a_reminder_job_whose_worker_process_died_goes_back_to_the_queue():
    app.loader.import_default_modules()
    for name in ("projects.tasks.sweep_reminders", "projects.tasks.send_pending_reminders"):
        job = app.tasks[name]
        assert job.acks_late and job.reject_on_worker_lost, name
