"""A calendar-feed address is signed with the password hash: changing the password (on the site or by a data
manager in the admin) ends the old address, which then answers 404; the calendar page shows the new one."""

import pytest
from django.urls import reverse

from projects import services as task_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def feed(client, token):
    return client.get(reverse("projects:task_feed", args=[token]))


def test_changing_the_password_on_the_site_ends_the_old_feed_address(client, login, finance_staff):
    old = task_services.calendar_token(finance_staff)
    assert feed(client, old).status_code == 200
    changed = login(finance_staff).post(
        reverse("password_change"),
        {"old_password": "secret-pass-123", "new_password1": "a-new-pass-7913", "new_password2": "a-new-pass-7913"},
    )
    assert changed.status_code == 302
    assert feed(client, old).status_code == 404
    finance_staff.refresh_from_db()
    new = task_services.calendar_token(finance_staff)
    assert new != old and feed(client, new).status_code == 200
    assert new in client.get(reverse("projects:task_calendar")).content.decode()


def test_a_password_set_by_someone_else_ends_the_old_feed_address_too(client, finance_staff):
    old = task_services.calendar_token(finance_staff)
    finance_staff.set_password("set-by-a-data-manager-42")
    finance_staff.save()
    assert feed(client, old).status_code == 404


def test_the_stored_secret_alone_or_with_another_signature_opens_no_feed(client, finance_staff):
    secret, _dot, signature = task_services.calendar_token(finance_staff).rpartition(".")
    assert feed(client, secret).status_code == 404
    assert feed(client, f"{secret}.{'0' * len(signature)}").status_code == 404
    assert feed(client, f"{secret}.{signature}").status_code == 200
