"""Reads for sign-in: the second-factor device of an account and the lockouts a data manager may see."""

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import Http404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from org import access


def confirmed_device(user):
    """The user's TOTP device once enrolment is confirmed, else None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def current_lockouts(user):
    """User names refused at sign-in now (LOGIN_FAILURE_LIMIT failures within the lockout window), newest first,
    cut by org.access to the accounts of the user's counties; each with its failures and when the lockout ends."""
    window = settings.AXES_COOLOFF_TIME
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - window)
        .values("username")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.LOGIN_FAILURE_LIMIT)
        .order_by("-last_attempt", "username")
    )
    rows = access.of_accounts(user, rows)
    return [{**row, "until": row["last_attempt"] + window} for row in rows]


def lockout(user, username):
    """One current lockout the user may see; 404 otherwise."""
    for row in current_lockouts(user):
        if row["username"] == username:
            return row
    raise Http404
