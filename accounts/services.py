"""Writes for sign-in: the second factor a session still owes, TOTP enrolment, and lifting lockouts."""

import django_otp
from axes.utils import reset
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from org import access

from .selectors import confirmed_device

# What a signed-in session still owes before it reaches the site (the session is kept on the server).
PENDING = "accounts.second_factor"
VERIFY = "verify"
ENROL = "enrol"


def open_session(sender, request, user, **kwargs):
    """At sign-in (user_logged_in): an account with a second factor must give its code; where TWO_FACTOR_REQUIRED,
    a data manager without one must enrol first. Decided once here, so that pages cost no query for it."""
    if request is None or not hasattr(request, "session"):
        return
    if confirmed_device(user):
        request.session[PENDING] = VERIFY
    elif settings.TWO_FACTOR_REQUIRED and access.is_data_manager(user):
        request.session[PENDING] = ENROL


def pending(request):
    return request.session.get(PENDING)


def pending_device(user):
    """The unconfirmed device an enrolment shows as a QR code; the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="TOTP", confirmed=False)


def verify(request, device, code):
    """Whether ``code`` is the device's current one (django-otp refuses a code used before and slows guessing);
    if so the session has given its second factor."""
    if not device or not device.verify_token(code.strip()):
        return False
    django_otp.login(request, device)
    request.session.pop(PENDING, None)
    return True


def confirm_enrolment(request, device, code):
    """The first right code from the authenticator app confirms the device; from then on sign-in asks for it."""
    if not verify(request, device, code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def unlock(username):
    """Lift a lockout: the failures counted against the user name are forgotten."""
    return reset(username=username)
