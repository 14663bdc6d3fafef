"""A session lasts SESSION_COOKIE_AGE seconds after sign-in (8 hours unless the environment says otherwise)."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.test_settings import manage

PRINT_AGE = "from django.conf import settings; print(settings.SESSION_COOKIE_AGE)"


def test_a_session_lasts_eight_hours_by_default_and_as_long_as_the_environment_says():
    assert manage("shell", "-c", PRINT_AGE).stdout.split()[-1] == str(8 * 60 * 60)
    assert manage("shell", "-c", PRINT_AGE, env={"SESSION_COOKIE_AGE": "3600"}).stdout.split()[-1] == "3600"


@pytest.mark.django_db
def test_a_session_ends_that_many_seconds_after_sign_in(client, finance_staff, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    finance_staff.set_password("secret-pass-123")
    finance_staff.save()
    settings.SESSION_COOKIE_AGE = 1800
    client.post(reverse("login"), {"username": finance_staff.username, "password": "secret-pass-123"})
    assert client.cookies[django_settings.SESSION_COOKIE_NAME]["max-age"] == 1800
    session = Session.objects.get(session_key=client.session.session_key)
    assert abs(session.expire_date - timezone.now() - datetime.timedelta(seconds=1800)) < datetime.timedelta(minutes=1)
    assert client.get(reverse("home")).status_code == 200
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(reverse("home"))["Location"].startswith(reverse("login"))
