"""The production mode is hardened and the demo mode never leaks into it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_MODE": "production",
    "SECRET_KEY": "x" * 20 + "a-long-random-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "ledger.example.gov.cn",
}


def manage(*args, env=None):
    # The browser tests relax async safety for their own process; an operator's shell would not.
    base = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_without_warnings_in_production_mode():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "WARNINGS" not in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_demo_accounts_are_refused_in_production_mode():
    result = manage("load_demo", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DJANGO_MODE=demo" in result.stderr


def test_defaults_are_chinese_time_and_language(settings):
    assert (settings.TIME_ZONE, settings.LANGUAGE_CODE) == ("Asia/Shanghai", "zh-hans")


SERVE_PAGES = """
import re
from django.test import Client
client = Client(HTTP_HOST="ledger.example.gov.cn")
page = client.get("/login/", secure=True)
assert page.status_code == 200, page.status_code
css = re.search(r'href="(/static/css/ledger\\.[0-9a-f]{12}\\.css)"', page.content.decode()).group(1)
served = client.get(css, secure=True)
assert served.status_code == 200 and b"".join(served.streaming_content), css
print("served", css)
"""


def test_production_mode_collects_static_files_and_serves_pages_with_them(tmp_path):
    """Production stores static files under hashed names in a manifest and WhiteNoise serves them: a vendored file
    pointing at a missing one (a source map) made collectstatic fail and every page answer 500."""
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path / "static")}
    collected = manage("collectstatic", "--noinput", env=env)
    assert collected.returncode == 0, collected.stderr
    served = manage("shell", "-c", SERVE_PAGES, env=env)
    assert served.returncode == 0, served.stderr
    assert "served /static/css/ledger." in served.stdout


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit_compiling():
    if connection.vendor != "postgresql":
        pytest.skip("JIT compiling is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
