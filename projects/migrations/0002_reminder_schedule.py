from django.db import migrations


class Migration(migrations.Migration):
    """Installed the reminder jobs' schedule once; it is now installed after every migrate and flush
    (common.beat, from projects.apps), so that a flushed database keeps it. Kept as a step of the history."""

    dependencies = [
        ("projects", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = []
