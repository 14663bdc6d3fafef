from django.db import migrations

DAILY = "projects.tasks.sweep_reminders"
CATCH_UP = "projects.tasks.send_pending_reminders"


def schedule_reminders(apps, schema_editor):
    """The daily sweep at 08:00 Beijing time, and a tick every ten minutes that catches up a missed sweep and
    retries failed e-mails. Data managers change both in the admin (定时任务)."""
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    daily, _created = CrontabSchedule.objects.get_or_create(
        minute="0", hour="8", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Asia/Shanghai"
    )
    every_ten, _created = IntervalSchedule.objects.get_or_create(every=10, period="minutes")
    PeriodicTask.objects.get_or_create(
        task=DAILY, defaults={"name": "督办提醒：每日扫描与发送", "crontab": daily}
    )
    PeriodicTask.objects.get_or_create(
        task=CATCH_UP, defaults={"name": "督办提醒：补扫与失败重发", "interval": every_ten}
    )


def unschedule_reminders(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task__in=[DAILY, CATCH_UP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule_reminders, unschedule_reminders)]
