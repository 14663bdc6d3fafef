"""deploy/ runs the site as written: every page is served in production settings with hashed static files, the
environment file names every variable the settings read, and the systemd units and nginx agree with the code and
with each other."""

import ast
import importlib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

from compensation.survey_sheet import MAX_BYTES as SURVEY_MAX_BYTES
from org.unit_sheet import MAX_BYTES as UNIT_SHEET_MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
ENV_EXAMPLE = DEPLOY / "ledger.env.example"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))
NGINX = (DEPLOY / "nginx" / "ledger.conf").read_text(encoding="utf-8")
ASSIGNMENT = re.compile(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")


def env_example():
    """The example's variables: {name: (value, set)}, ``set`` False for a commented default."""
    found = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = ASSIGNMENT.match(line)
        if match:
            commented, name, value = match.groups()
            found[name] = (value[1:-1] if value.startswith('"') and value.endswith('"') else value, not commented)
    return found


def settings_variables():
    """Every environment variable config/settings.py reads, found in its source."""
    tree = ast.parse((ROOT / "config" / "settings.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = ast.unparse(node.func)
            # env_bool and env_list read os.environ.get(name) themselves: their callers name the variables.
            if function in {"os.environ.get", "os.getenv", "env_bool", "env_list"} and isinstance(
                node.args[0], ast.Constant
            ):
                names.add(node.args[0].value)
            elif function == "dj_database_url.config":
                names.add(next((k.value.value for k in node.keywords if k.arg == "env"), "DATABASE_URL"))
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            names.add(node.slice.value)
    return names


def test_the_environment_example_lists_every_variable_the_settings_read():
    found = settings_variables()
    assert {"SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "BACKUP_DIR"} <= found
    assert sorted(found - set(env_example())) == []


def test_the_shell_reads_the_environment_example_as_systemd_does():
    """ledger-manage sources the file that the units read with EnvironmentFile=: a value the shell would split,
    expand or run would give the command line another setting than the services."""
    shell = subprocess.run(
        ["sh", "-c", f'set -a; . "{ENV_EXAMPLE}"; env'], env={}, capture_output=True, text=True, check=True
    )
    sourced = dict(line.split("=", 1) for line in shell.stdout.splitlines() if "=" in line)
    for name, (value, is_set) in env_example().items():
        if is_set:
            assert sourced.get(name) == value, name


def exec_starts():
    for unit in UNITS:
        for line in unit.read_text(encoding="utf-8").splitlines():
            if line.startswith("ExecStart="):
                yield unit.name, shlex.split(line.removeprefix("ExecStart="))


def option(command, name):
    return command[command.index(name) + 1]


def test_the_systemd_units_run_commands_that_exist():
    venv_bin = Path(sys.executable).parent
    commands = dict(exec_starts())
    assert set(commands) == {unit.name for unit in UNITS}
    for unit, command in commands.items():
        program = Path(command[0])
        assert program.parent == Path("/srv/ledger/venv/bin"), unit
        assert (venv_bin / program.name).exists(), f"{unit}: {program.name} is not installed by requirements.txt"

    module, attribute = commands["ledger-web.service"][1].split(":")
    assert module == "config.wsgi" and callable(getattr(importlib.import_module(module), attribute))
    # Relative to WorkingDirectory, the checkout.
    assert (ROOT / option(commands["ledger-web.service"], "--config")).is_file()

    worker, beat = commands["ledger-worker.service"], commands["ledger-beat.service"]
    for command in (worker, beat):
        assert option(command, "-A") == "config" and hasattr(importlib.import_module("config.celery"), "app")
    assert worker[3] == "worker" and "--beat" not in worker and "-B" not in worker
    assert beat[3] == "beat"
    module, attribute = option(beat, "--scheduler").split(":")
    assert hasattr(importlib.import_module(module), attribute)

    backup = commands["ledger-backup.service"]
    assert backup[1:] == ["manage.py", "backup_site"] and "backup_site" in get_commands()


def test_the_units_and_ledger_manage_share_the_environment_file_and_the_checkout():
    wrapper = (DEPLOY / "ledger-manage").read_text(encoding="utf-8")
    for unit in UNITS:
        text = unit.read_text(encoding="utf-8")
        assert "EnvironmentFile=/etc/ledger/ledger.env" in text and "WorkingDirectory=/srv/ledger/app" in text
    assert "LEDGER_ENV_FILE:-/etc/ledger/ledger.env" in wrapper and "LEDGER_APP_DIR:-/srv/ledger/app" in wrapper
    assert "LEDGER_VENV:-/srv/ledger/venv" in wrapper


def test_nginx_agrees_with_the_settings_and_the_web_unit(settings):
    example = env_example()
    # Django trusts X-Forwarded-Proto only with BEHIND_TLS_PROXY=1, and nginx must set it on every request.
    assert example["BEHIND_TLS_PROXY"] == ("1", True)
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in NGINX
    assert "proxy_set_header Host $host;" in NGINX
    # The static files nginx serves are those collectstatic wrote.
    static_root = example["STATIC_ROOT"][0]
    assert set(re.findall(r"alias (\S+?)/(?:\$1)?;", NGINX)) == {static_root}
    # The largest upload a form accepts gets through.
    size = int(re.search(r"client_max_body_size (\d+)m;", NGINX).group(1)) * 1024 * 1024
    limits = [settings.GAZETTE_MAX_BYTES, settings.EVIDENCE_MAX_BYTES, SURVEY_MAX_BYTES, UNIT_SHEET_MAX_BYTES]
    assert size > max(limits)
    # nginx proxies to where gunicorn listens.
    web = dict(exec_starts())["ledger-web.service"]
    assert re.search(r"upstream ledger_web \{\s*server (\S+);", NGINX).group(1) == option(web, "--bind")


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_every_page_is_served_in_production_mode_with_the_collected_static_files(tmp_path):
    """The example's environment with its secrets filled in and its services on this machine's files: demo data
    loaded (in demo mode, which alone may load it), static files collected, then every route asked by a data
    manager in production settings, and every static file the pages name fetched by its hashed name."""
    example = env_example()
    # The test's own process environment must not leak into the site's (the outer DATABASE_URL, for one).
    base = {name: value for name, value in os.environ.items() if name not in example}
    base.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    machine = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CELERY_BROKER_URL": "filesystem://",
    }
    manage("migrate", "--noinput", env={**base, **machine})
    manage("load_demo", env={**base, **machine})

    production = {name: value for name, (value, is_set) in example.items() if is_set}
    production.update(machine)
    production.update(
        SECRET_KEY="production-test-" + "k" * 40,
        STATIC_ROOT=str(tmp_path / "static"),
        BACKUP_DIR=str(tmp_path / "backups"),
        CACHE_URL="",  # the file cache in VAR_DIR: no Redis needed here
        EMAIL_HOST="",  # e-mails as files
    )
    assert production["DJANGO_MODE"] == "production"
    manage("collectstatic", "--noinput", env={**base, **production})
    assert (tmp_path / "static" / "staticfiles.json").exists()
    walked = manage("shell", "-c", "from tests.site_walk import main; main('manager')", env={**base, **production})
    pages, static = map(int, re.search(r"walked (\d+) pages and (\d+) static files", walked).groups())
    assert pages > 80 and static > 5
