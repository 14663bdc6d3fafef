"""Beat's schedule is stored in the database by task name: the names must stay registered with Celery."""

import pytest
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from config.celery import app

pytestmark = pytest.mark.django_db

JOBS = {
    "projects.tasks.sweep_reminders",
    "projects.tasks.send_pending_reminders",
    "gazette.tasks.fail_stalled_imports",
    "rollup.recount_figures",
}


def test_the_stored_schedule_names_jobs_the_worker_knows():
    app.loader.import_default_modules()
    stored = set(PeriodicTask.objects.values_list("task", flat=True))
    assert stored == JOBS
    assert stored <= set(app.tasks)


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_its_schedule_back():
    call_command("flush", interactive=False, verbosity=0)
    assert set(PeriodicTask.objects.values_list("task", flat=True)) == JOBS


def test_the_next_migrate_adds_a_missing_job_and_keeps_a_changed_one():
    sweep = PeriodicTask.objects.get(task="projects.tasks.sweep_reminders")
    sweep.crontab = CrontabSchedule.objects.create(minute="30", hour="7", timezone="Asia/Shanghai")
    sweep.enabled = False
    sweep.save()
    PeriodicTask.objects.filter(task="gazette.tasks.fail_stalled_imports").delete()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert set(PeriodicTask.objects.values_list("task", flat=True)) == JOBS
    sweep.refresh_from_db()
    assert (sweep.enabled, sweep.crontab.hour, sweep.crontab.minute) == (False, "7", "30")


def test_the_daily_sweep_runs_at_eight_beijing_time():
    sweep = PeriodicTask.objects.get(task="projects.tasks.sweep_reminders")
    assert (sweep.crontab.hour, sweep.crontab.minute, str(sweep.crontab.timezone)) == ("8", "0", "Asia/Shanghai")


def test_a_reminder_job_whose_worker_process_died_goes_back_to_the_queue():
    app.loader.import_default_modules()
    for name in ("projects.tasks.sweep_reminders", "projects.tasks.send_pending_reminders"):
        job = app.tasks[name]
        assert job.acks_late and job.reject_on_worker_lost, name
