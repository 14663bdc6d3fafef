from django.db import migrations

SWEEP = "gazette.tasks.fail_stalled_imports"


def schedule_sweep(apps, schema_editor):
    """Every five minutes: imports left running after their worker died are marked failed. Data managers change
    the interval in the admin (定时任务)."""
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    every_five, _created = IntervalSchedule.objects.get_or_create(every=5, period="minutes")
    PeriodicTask.objects.get_or_create(
        task=SWEEP, defaults={"name": "公报导入：清理中断的导入任务", "interval": every_five}
    )


def unschedule_sweep(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(task=SWEEP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("gazette", "0004_import_job_attempts"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(schedule_sweep, unschedule_sweep)]
