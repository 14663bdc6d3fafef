import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("ledger")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Celery jobs live in each app's jobs.py: "task" is the ledger's word for a supervised item.
app.autodiscover_tasks(related_name="jobs")
