"""Login throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords a user name is refused, even with the
right password, on the site's login and the admin's, with a Chinese page (429); data managers see and lift the
lockouts of their counties' accounts."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from org import roles
from tests.org.factories import OrganisationFactory, UserFactory
from tests.test_settings import manage

pytestmark = pytest.mark.django_db

RIGHT = "secret-pass-123"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Each attempt checks a password; a fast hasher keeps dozens of them quick (the lock is the same)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def attempt(client, username, password, url="/login/"):
    return client.post(url, {"username": username, "password": password})


def fail(client, username, times, url="/login/"):
    for _ in range(times):
        attempt(client, username, "wrong-password", url)


@pytest.fixture
def staff(finance):
    return UserFactory(username="clerk", role=roles.UNIT_STAFF, units=[finance])


def test_thirty_wrong_passwords_then_the_right_one_is_refused_with_a_chinese_lockout_page(client, staff):
    fail(client, "clerk", 30)
    response = attempt(client, "clerk", RIGHT)
    assert response.status_code == 429
    assert "登录已锁定" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_lock_starts_at_the_limit_and_not_before(client, staff, settings):
    fail(client, "clerk", settings.LOGIN_FAILURE_LIMIT - 1)
    assert attempt(client, "clerk", RIGHT).status_code == 302
    client.logout()
    # A success forgets the failures before it: the limit counts again from nought.
    fail(client, "clerk", settings.LOGIN_FAILURE_LIMIT - 1)
    assert attempt(client, "clerk", RIGHT).status_code == 302
    client.logout()
    fail(client, "clerk", settings.LOGIN_FAILURE_LIMIT)
    assert attempt(client, "clerk", RIGHT).status_code == 429


def test_the_admin_login_is_locked_too(client, data_manager, settings):
    data_manager.is_staff = True
    data_manager.save()
    fail(client, data_manager.username, settings.LOGIN_FAILURE_LIMIT, url="/admin/login/")
    response = attempt(client, data_manager.username, RIGHT, url="/admin/login/")
    assert response.status_code == 429
    assert "登录已锁定" in response.content.decode()
    # The lock is on the name, whichever form it was earned on.
    assert attempt(client, data_manager.username, RIGHT).status_code == 429


def test_the_lock_ends_after_login_lockout_minutes(client, staff, settings):
    fail(client, "clerk", settings.LOGIN_FAILURE_LIMIT)
    past = datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES, seconds=1)
    for row in AccessAttempt.objects.filter(username="clerk"):
        AccessAttempt.objects.filter(pk=row.pk).update(attempt_time=row.attempt_time - past)
    assert attempt(client, "clerk", RIGHT).status_code == 302


# What data managers see and lift


@pytest.fixture
def other_county_clerk(db):
    other = OrganisationFactory(name="青岚县人民政府", short_name="青岚县", kind="county")
    unit = OrganisationFactory(name="青岚县财政局", parent=other)
    return UserFactory(username="qinglan-clerk", role=roles.UNIT_STAFF, units=[unit])


@pytest.fixture
def locked(client, staff, other_county_clerk, settings):
    """Three names locked out: one of 兴县's accounts, one of 青岚县's and one that no account has."""
    for name in ("clerk", "qinglan-clerk", "nobody"):
        fail(client, name, settings.LOGIN_FAILURE_LIMIT)
    fail(client, "almost", settings.LOGIN_FAILURE_LIMIT - 1)


def listed(client):
    page = client.get(reverse("accounts:lockout_list"))
    assert page.status_code == 200
    return [row["username"] for row in page.context["lockouts"]]


def test_a_county_data_manager_sees_the_lockouts_of_their_countys_accounts_only(login, county, locked):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    assert listed(login(manager)) == ["clerk"]


def test_a_data_manager_of_every_county_sees_every_lockout(login, data_manager, locked):
    assert sorted(listed(login(data_manager))) == ["clerk", "nobody", "qinglan-clerk"]


def test_unit_staff_may_not_see_lockouts(login, staff, locked):
    assert login(staff).get(reverse("accounts:lockout_list")).status_code == 403


def test_unlocking_lets_the_user_sign_in_again(client, login, county, locked):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    response = login(manager).post(reverse("accounts:lockout_unlock"), {"username": "clerk"})
    assert response.status_code == 302
    client.logout()
    assert attempt(client, "clerk", RIGHT).status_code == 302


def test_a_county_data_manager_cannot_unlock_another_countys_account(client, login, county, locked):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    response = login(manager).post(reverse("accounts:lockout_unlock"), {"username": "qinglan-clerk"})
    assert response.status_code == 404
    client.logout()
    assert attempt(client, "qinglan-clerk", RIGHT).status_code == 429


PRINT_LIMITS = "from django.conf import settings; print(settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME)"


def test_the_limit_and_the_lockout_come_from_the_environment_five_failures_and_thirty_minutes_by_default():
    assert manage("shell", "-c", PRINT_LIMITS).stdout.strip().endswith("5 0:30:00")
    changed = manage("shell", "-c", PRINT_LIMITS, env={"LOGIN_FAILURE_LIMIT": "8", "LOGIN_LOCKOUT_MINUTES": "90"})
    assert changed.stdout.strip().endswith("8 1:30:00")
