"""Demo mode's defaults leak nothing: a secret key of the installation's own, DEBUG off, the site's own error pages.

A key written in the code would let anyone sign a link that mutes someone's reminders; DEBUG pages list the site's
URLs and settings to whoever hits an error.
"""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.decorators import login_not_required
from django.core.signing import BadSignature, Signer
from django.test import Client
from django.urls import path, reverse

from config.secret_key import installation_secret_key
from tests.org.factories import UserFactory
from tests.projects.factories import AssignmentFactory

ROOT = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = "from django.conf import settings; print(settings.SECRET_KEY); print(settings.DEBUG)"


def demo_settings(var_dir, **env):
    """SECRET_KEY and DEBUG as a fresh demo process started with VAR_DIR=var_dir sees them."""
    base = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SECRET_KEY", "DEBUG", "DJANGO_MODE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT_SETTINGS}"],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", "VAR_DIR": str(var_dir), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    key, debug = result.stdout.split()
    return key, debug == "True"


def test_a_demo_makes_its_key_on_first_start_keeps_it_private_and_reuses_it(tmp_path):
    key, debug = demo_settings(tmp_path)
    stored = tmp_path / "secret_key"
    assert stored.read_text() == key and len(key) >= 50
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert demo_settings(tmp_path) == (key, False)
    assert debug is False


def test_each_installation_has_a_key_of_its_own(tmp_path):
    first = installation_secret_key(tmp_path / "one")
    second = installation_secret_key(tmp_path / "two")
    assert first != second
    assert installation_secret_key(tmp_path / "one") == first
    # A link signed with one installation's key is refused by another's.
    signed = Signer(key=first).sign("someone@county.example")
    with pytest.raises(BadSignature):
        Signer(key=second).unsign(signed)


def test_a_secret_key_given_is_used_and_none_is_written(tmp_path):
    given = "g" * 60
    assert demo_settings(tmp_path, SECRET_KEY=given)[0] == given
    assert not (tmp_path / "secret_key").exists()


def test_debug_is_on_only_when_asked_for(tmp_path):
    assert demo_settings(tmp_path, DEBUG="1")[1] is True


# The error pages, as an installation with DEBUG off shows them.


@login_not_required
def fails(request):
    raise RuntimeError("a bug")


urlpatterns = [path("fails/", fails)]

LISTS_URLS = ("URLconf", "tried these URL patterns", "Traceback", "DEBUG = True")


def assert_chinese_page(response, status, heading):
    assert response.status_code == status
    page = response.content.decode()
    assert heading in page, page
    for leak in LISTS_URLS:
        assert leak not in page


@pytest.mark.django_db
def test_not_found_and_forbidden_are_the_sites_own_chinese_pages(client, finance_staff):
    client.force_login(finance_staff)
    assert_chinese_page(client.get("/no-such-page/"), 404, "未找到")
    assert_chinese_page(client.get(reverse("rollup:rollup")), 403, "无权操作")


@pytest.mark.django_db
def test_with_debug_on_a_task_outside_the_unit_and_an_unknown_address_are_the_sites_own_pages(
    client, settings, finance_staff, water
):
    # Demo installations may turn DEBUG on; Django would then answer with its English page listing the URLs.
    settings.DEBUG = True
    foreign = AssignmentFactory(organisation=water).task
    client.force_login(finance_staff)
    assert_chinese_page(client.get(foreign.get_absolute_url()), 404, "未找到")
    assert_chinese_page(client.get("/no-such-page/"), 404, "未找到")
    assert_chinese_page(client.get(reverse("rollup:rollup")), 403, "无权操作")


@pytest.mark.django_db
def test_a_host_not_allowed_gets_the_chinese_bad_request_page(client):
    assert_chinese_page(client.get("/login/", HTTP_HOST="not-an-allowed-host.example"), 400, "请求有误")


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_the_chinese_page():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": user.username, "password": "x"})
    assert_chinese_page(response, 403, "表单未能提交")


@pytest.mark.urls("tests.test_demo_mode")
def test_a_server_error_is_the_chinese_page_without_the_traceback():
    client = Client(raise_request_exception=False)
    assert_chinese_page(client.get("/fails/"), 500, "服务器错误")
