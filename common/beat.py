"""The jobs beat runs on a schedule are rows of django_celery_beat, installed after every migrate and every flush.

They are installed by post_migrate rather than by a data migration because a flush (a test's teardown, a restore
into an emptied database) runs no migration but does send post_migrate, as for content types and permissions.
A row already there is left as data managers changed it in the admin (its time, its interval, switched off);
only a missing job is added, under its registered task name.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db.models.signals import post_migrate


@dataclass(frozen=True)
class Job:
    task: str
    name: str
    crontab: dict | None = None
    interval: dict | None = None


def install(apps, using, jobs):
    try:
        periodic_task = apps.get_model("django_celery_beat", "PeriodicTask")
    except LookupError:  # a migrate that stops before django_celery_beat's tables
        return
    crontab_schedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    interval_schedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    for job in jobs:
        if periodic_task.objects.using(using).filter(task=job.task).exists():
            continue
        schedule = {}
        if job.crontab is not None:
            schedule["crontab"] = crontab_schedule.objects.using(using).get_or_create(**job.crontab)[0]
        if job.interval is not None:
            schedule["interval"] = interval_schedule.objects.using(using).get_or_create(**job.interval)[0]
        periodic_task.objects.using(using).create(task=job.task, name=job.name, **schedule)


def schedule_after_migrate(app_config, *jobs):
    """Called from an AppConfig.ready: its jobs are installed after each migrate or flush."""

    # migrate passes the migration state's apps; flush passes none.
    def receiver(sender, using="default", apps=global_apps, **kwargs):
        install(apps, using, jobs)

    post_migrate.connect(receiver, sender=app_config, dispatch_uid=f"beat_schedule_{app_config.label}", weak=False)
