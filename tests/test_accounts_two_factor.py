"""The optional second factor (TOTP, django-otp): a data manager enrols an authenticator app by its QR code and a
first code; from then on signing in (on the site or the admin) asks for the code before any page, and a wrong code
is refused. Where TWO_FACTOR_REQUIRED is on, a data manager without one must enrol before any page."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from org import roles
from tests.org.factories import UserFactory
from tests.test_settings import manage

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"
VERIFY = reverse("accounts:verify")


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def codes(device):
    """The codes the device accepts now: this time step's first, then, within django-otp's tolerance, its
    neighbours'."""
    found = []
    for shift in (0, -1, 1):
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time() + shift * device.step
        found.append(f"{totp.token():0{device.digits}d}")
    return found


def current_code(device):
    return codes(device)[0]


def wrong_code(device):
    return next(code for code in ("123456", "654321", "111111") if code not in codes(device))


def sign_in(client, user, **extra):
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD, **extra})
    assert response.status_code == 302, "the password step passed"
    return response


@pytest.fixture
def enrolled(data_manager):
    TOTPDevice.objects.create(user=data_manager, name="TOTP", confirmed=True)
    return data_manager


# Enrolment


def test_a_data_manager_enrols_with_the_qr_code_and_a_first_code(login, data_manager):
    client = login(data_manager)
    page = client.get(reverse("accounts:two_factor"))
    assert page.status_code == 200
    assert "<svg" in page.content.decode() and page.context["secret"]
    device = TOTPDevice.objects.get(user=data_manager)
    assert not device.confirmed
    response = client.post(reverse("accounts:two_factor"), {"code": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("accounts:two_factor")).context["device"] == device


def test_a_wrong_code_does_not_confirm_the_enrolment(login, data_manager):
    client = login(data_manager)
    client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=data_manager)
    response = client.post(reverse("accounts:two_factor"), {"code": wrong_code(device)})
    assert response.status_code == 200 and response.context["form"].errors
    device.refresh_from_db()
    assert not device.confirmed


def test_an_enrolment_shows_the_same_key_until_it_is_confirmed(login, data_manager):
    client = login(data_manager)
    first = client.get(reverse("accounts:two_factor")).context["secret"]
    assert client.get(reverse("accounts:two_factor")).context["secret"] == first
    assert TOTPDevice.objects.filter(user=data_manager).count() == 1


def test_unit_staff_have_no_enrolment_page(login, finance_staff):
    assert login(finance_staff).get(reverse("accounts:two_factor")).status_code == 403


# Signing in with the code


def test_once_enrolled_signing_in_asks_for_the_code_before_any_page(client, enrolled):
    sign_in(client, enrolled)
    for url in (reverse("home"), reverse("projects:task_list"), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY), url
    assert client.get(VERIFY).status_code == 200


def test_a_wrong_code_is_refused_and_the_site_stays_closed(client, enrolled):
    sign_in(client, enrolled)
    device = TOTPDevice.objects.get(user=enrolled)
    response = client.post(VERIFY, {"code": wrong_code(device), "next": "/tasks/"})
    assert response.status_code == 200 and response.context["form"].errors
    assert client.get(reverse("home"))["Location"].startswith(VERIFY)


def test_the_right_code_opens_the_site_and_goes_on_to_the_page_asked_for(client, enrolled):
    sign_in(client, enrolled)
    device = TOTPDevice.objects.get(user=enrolled)
    response = client.post(VERIFY, {"code": current_code(device), "next": "/tasks/"})
    assert response.status_code == 302 and response["Location"] == "/tasks/"
    assert client.get(reverse("home")).status_code == 200


def test_a_code_is_not_accepted_twice(client, enrolled):
    device = TOTPDevice.objects.get(user=enrolled)
    code = current_code(device)
    sign_in(client, enrolled)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.logout()
    sign_in(client, enrolled)
    assert client.post(VERIFY, {"code": code}).status_code == 200


def test_accounts_without_a_second_factor_sign_in_with_the_password_alone(client, finance_staff, data_manager):
    for user in (finance_staff, data_manager):
        sign_in(client, user)
        assert client.get(reverse("home")).status_code == 200
        client.logout()


# Required for data managers


def test_where_required_a_data_manager_without_a_device_must_enrol_first(client, data_manager, settings):
    settings.TWO_FACTOR_REQUIRED = True
    sign_in(client, data_manager)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two_factor"))
    assert client.get(reverse("accounts:two_factor")).context["required"]
    device = TOTPDevice.objects.get(user=data_manager)
    assert client.post(reverse("accounts:two_factor"), {"code": current_code(device)}).status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_the_requirement_is_for_data_managers_only(client, settings):
    settings.TWO_FACTOR_REQUIRED = True
    staff = UserFactory(role=roles.SUPERVISOR)
    sign_in(client, staff)
    assert client.get(reverse("home")).status_code == 200


def test_the_requirement_is_off_unless_the_environment_turns_it_on():
    script = "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"
    assert manage("shell", "-c", script).stdout.split()[-1] == "False"
    assert manage("shell", "-c", script, env={"TWO_FACTOR_REQUIRED": "1"}).stdout.split()[-1] == "True"
