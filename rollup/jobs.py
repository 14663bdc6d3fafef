"""The roll-up's Celery job, scheduled by beat (rollup.apps)."""

from celery import shared_task

from org.models import Organisation

from . import services

RECOUNT_TASK = "rollup.recount_figures"


@shared_task(name=RECOUNT_TASK)
def recount_figures():
    """Count every county's figures, so that a roll-up finds them fresh rather than counting while a user waits."""
    counties = Organisation.objects.filter(kind=Organisation.Kind.COUNTY, parent=None).values_list("pk", flat=True)
    return len(services.recount(list(counties)))
