"""Imports that run too long or lose their worker end failed, with a reason; none stays running for good."""

import datetime

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from config.celery import app
from gazette import jobs, services
from gazette.models import ImportJob, Issue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_job(content=b"text", **fields):
    job = ImportJob(original_name="gazette.txt", county="示例县", **fields)
    job.file.save("gazette.txt", ContentFile(content), save=False)
    job.save()
    return job


def test_an_import_past_its_soft_time_limit_is_failed_with_the_reason(monkeypatch, settings):
    settings.GAZETTE_IMPORT_SOFT_TIME_LIMIT = 900

    def slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(services, "import_gazette", slow)
    job = services.run_import_job(make_job().pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "超过 15 分钟" in job.failure_text()
    assert job.finished is not None and job.attempts == 1 and job.started is not None


def test_a_run_records_its_start_and_attempt(demo_sample):
    job = services.run_import_job(make_job(demo_sample.read_bytes()).pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.attempts == 1
    assert job.started <= job.finished


def test_a_job_delivered_again_after_its_worker_died_runs_again(demo_sample):
    job = make_job(demo_sample.read_bytes(), status=ImportJob.Status.RUNNING, attempts=1)
    job = services.run_import_job(job.pk)
    assert job.status == ImportJob.Status.DONE and job.attempts == 2


def test_a_job_whose_worker_died_twice_is_not_tried_a_third_time(monkeypatch):
    monkeypatch.setattr(services, "import_gazette", lambda *args, **kwargs: pytest.fail("imported again"))
    job = services.run_import_job(make_job(status=ImportJob.Status.RUNNING, attempts=2).pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and "两次中断" in job.failure_text() and job.attempts == 3


def test_the_sweep_fails_jobs_running_past_the_hard_limit_only(settings):
    settings.GAZETTE_IMPORT_TIME_LIMIT = 960
    now = timezone.now()
    stalled = make_job(status=ImportJob.Status.RUNNING, started=now - datetime.timedelta(seconds=961))
    running = make_job(status=ImportJob.Status.RUNNING, started=now - datetime.timedelta(seconds=900))
    pending = make_job(status=ImportJob.Status.PENDING)
    unrecorded = make_job(status=ImportJob.Status.RUNNING)  # from before jobs recorded their start
    ImportJob.objects.filter(pk=unrecorded.pk).update(created=now - datetime.timedelta(hours=1))

    assert services.fail_stalled_imports(now=now) == 2

    statuses = dict(ImportJob.objects.values_list("pk", "status"))
    assert statuses[stalled.pk] == statuses[unrecorded.pk] == ImportJob.Status.FAILED
    assert statuses[running.pk] == ImportJob.Status.RUNNING and statuses[pending.pk] == ImportJob.Status.PENDING
    stalled.refresh_from_db()
    assert "后台进程已停止" in stalled.failure_text() and stalled.finished == now
    assert not Issue.objects.exists()


def test_the_import_task_has_time_limits_and_is_redelivered_when_its_worker_is_lost(settings):
    task = app.tasks[jobs.run_import.name]
    assert task.soft_time_limit == settings.GAZETTE_IMPORT_SOFT_TIME_LIMIT
    assert task.time_limit == settings.GAZETTE_IMPORT_SOFT_TIME_LIMIT + 60
    assert task.acks_late and task.reject_on_worker_lost


def test_beat_runs_the_sweep_under_its_registered_name():
    app.loader.import_default_modules()
    entry = PeriodicTask.objects.get(task="gazette.tasks.fail_stalled_imports")
    assert entry.enabled and entry.interval.every == 5 and entry.task in app.tasks
