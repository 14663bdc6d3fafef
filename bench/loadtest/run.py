"""Load test of the production stack (issue 19): staff of every role browsing, filtering, reporting progress and
exporting, while the reminder sweep runs, then checks that pages stayed fast and nothing was lost or done twice.

Builds (once; reused by later runs) a data set in its own PostgreSQL database: --tasks synthetic tasks over
--counties counties (demo/generator.py), the accounts the simulated users sign in with, and a reminder contact with
an e-mail address for every unit. Starts, on loopback, what README's production section runs: gunicorn with 4
workers, two Celery workers (no beat), Redis as broker (db 5) and cache (db 6), and an SMTP server of its own for
the reminder e-mails. Runs locust headless (bench/loadtest/locustfile.py): the users start, each signing in, evenly
over --ramp seconds, then all of them browse for --run-time; meanwhile it queues the daily sweep through Celery
several times, twice at once on a fresh day. Stops everything, also on failure or Ctrl-C, and checks: every page's
p95 under --p95 ms from the moment the last user started, no failed request in the whole run, every accepted
progress report stored exactly once, no reminder recorded twice and every recorded digest received by the SMTP
server exactly once. Exits 1 when a goal is missed. The figures while users were signing in are printed apart.

    .venv/bin/python bench/loadtest/run.py                                 # 200 users, 5 minutes after they are in
    .venv/bin/python bench/loadtest/run.py --users 20 --ramp 5 --run-time 30s   # a smoke run
    .venv/bin/python bench/loadtest/run.py --database ledger_province      # a data set another script built

Logs, locust's CSV and a summary.json go to var/loadtest/<run>/.
"""

import argparse
import contextlib
import datetime
import email.parser
import json
import logging
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import checks

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
BROKER = "redis://127.0.0.1:6379/5"
CACHE = "redis://127.0.0.1:6379/6"
PASSWORD = "load-test-password-19"
DEFAULT_DATABASE = "ledger_load"
ACCESS_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)s'
# What the runner queues during the run, at these fractions of --run-time: first two sweeps of a fresh day at once,
# then a third of the same day beside the frequent tick (both must add nothing), then two more of another day.
SWEEP_DAY, SECOND_DAY = 0, 1
SCHEDULE = [
    (0.2, [("sweep", SWEEP_DAY), ("sweep", SWEEP_DAY)]),
    (0.5, [("sweep", SWEEP_DAY), ("tick", None)]),
    (0.7, [("sweep", SECOND_DAY), ("sweep", SECOND_DAY)]),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default=DEFAULT_DATABASE, help="built when it is the default and missing")
    parser.add_argument("--rebuild", action="store_true", help="build the default database anew")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--counties", type=int, default=10)
    parser.add_argument("--units", type=int, default=100, help="units per county")
    parser.add_argument("--unit-accounts", type=int, default=20, help="unit staff accounts per county")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument(
        "--ramp", type=int, default=100, help="seconds over which the users start (a sign-in costs 0.5 s of CPU)"
    )
    parser.add_argument("--run-time", default="5m", help="after the last user started, as locust takes it: 30s, 5m")
    parser.add_argument("--think", default="3,10", help="least and most seconds a user waits between pages")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--p95", type=int, default=500, help="goal for every page, ms")
    options = parser.parse_args()

    run = time.strftime("%Y%m%dT%H%M%S")
    out = ROOT / "var" / "loadtest" / run
    out.mkdir(parents=True)
    port, smtp_port = free_port(), free_port()
    env = stack_env(options.database, port, smtp_port, out)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()

    prepare_database(options)
    accounts = ensure_accounts(options.unit_accounts, options.counties)
    (out / "accounts.json").write_text(json.dumps(accounts, ensure_ascii=False), encoding="utf-8")
    days = fresh_days(2)
    print(f"run {run}: database {options.database}, reminder days {days[0]} and {days[1]}; logs in {out}", flush=True)
    manage("collectstatic", "--noinput", env=env, log=out / "collectstatic.log")
    clear_redis()

    stack = Stack(out, env)
    mailbox = Mailbox(out / "smtp.jsonl")
    locust_code = cpu = None
    try:
        mailbox.start(smtp_port)
        stack.start(
            "web",
            [
                BIN / "gunicorn",
                "config.wsgi:application",
                # The unit's hooks: the garbage collector's settings.
                "--config",
                "config/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(options.workers),
                "--timeout",
                "60",
                "--access-logfile",
                "-",
                # gunicorn's default line, and the time the worker took (ms): the rest of locust's figure is queueing.
                "--access-logformat",
                ACCESS_FORMAT,
                "--error-logfile",
                "-",
            ],
        )
        for name in ("worker1", "worker2"):
            worker = stack.start(
                name,
                # At the priority of deploy/systemd/ledger-worker.service (Nice=10, CPUWeight=10).
                ["nice", "-n", "10", BIN / "celery", "-A", "config", "worker", "--loglevel=INFO", "--concurrency=1"]
                + ["-n", f"{name}@%h"],
            )
            lower_share(worker.pid)
        wait_for_site(port)
        wait_for_workers(2)
        locust_code, cpu = run_locust(options, out, port, run, days)
        wait_for_celery_idle()
    finally:
        stack.stop()
        mailbox.stop()

    print(f"locust exited with {locust_code}; load average now {load_average()}", flush=True)
    sys.exit(report(options, out, run, days, mailbox.message_ids, locust_code, cpu))


# --- The data set ------------------------------------------------------------------------------------------------


def prepare_database(options):
    exists = database_exists(options.database)
    if options.database != DEFAULT_DATABASE:
        if not exists:
            raise SystemExit(f"No database {options.database}: build it first, or leave out --database.")
        if options.rebuild:
            raise SystemExit("--rebuild only rebuilds the runner's own database.")
        return
    if exists and not options.rebuild:
        return
    build(options.database, options.tasks, options.counties, options.units)


def build(name, tasks, counties, units):
    """The data set, built under another name and renamed when complete: a run stopped half-way leaves no half
    data set for the next run to take as finished."""
    from django.core.management import call_command
    from django.db import connection

    from demo.generator import generate_tasks

    building = f"{name}_building"
    admin_sql(
        f'DROP DATABASE IF EXISTS "{building}"', f"CREATE DATABASE \"{building}\" ENCODING 'UTF8' TEMPLATE template0"
    )
    use_database(building)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    for seed in range(1, counties + 1):
        share = tasks // counties + (1 if seed <= tasks % counties else 0)
        generate_tasks(share, organisations=units, seed=seed)
        print(f"  county {seed}/{counties}: {share} tasks ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    connection.close()
    admin_sql(f'DROP DATABASE IF EXISTS "{name}"', f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    use_database(name)
    print(f"built {name}: {tasks} tasks in {time.perf_counter() - started:.0f} s", flush=True)


def ensure_accounts(unit_accounts, max_counties):
    """The accounts the simulated users sign in with, made or reset on each run: a unit staff account for each of
    the first units of each county, a supervisor limited to each county, and a data manager of every county. Every
    unit of those counties gets a reminder contact with an e-mail address where it has none, so that the sweep
    mails someone."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group, Permission
    from django.db import transaction

    from org import roles
    from org.models import CountyAccess, Organisation, Person, UnitAccess

    hashed = make_password(PASSWORD)  # once: one PBKDF2 per account would take minutes
    groups = {group.name: group for group in Group.objects.filter(name__in=roles.ROLE_LABELS)}

    def account(username, role, email):
        user, _created = get_user_model().objects.update_or_create(
            username=username,
            defaults={"password": hashed, "email": email, "is_active": True, "is_staff": role == roles.DATA_MANAGER},
        )
        user.groups.set([groups[role]])
        return user

    accounts = {"unit": [], "supervisor": [], "manager": []}
    with transaction.atomic():
        counties = list(Organisation.objects.filter(kind=Organisation.Kind.COUNTY).order_by("pk")[:max_counties])
        for county in counties:
            supervisor = account(f"load-supervisor-{county.pk}", roles.SUPERVISOR, f"supervisor{county.pk}@load.test")
            CountyAccess.objects.get_or_create(user=supervisor, county=county)
            accounts["supervisor"].append({"username": supervisor.username, "password": PASSWORD, "county": county.pk})
            units = Organisation.objects.filter(parent=county).order_by("pk")
            for unit in units[:unit_accounts]:
                staff = account(f"load-unit-{unit.pk}", roles.UNIT_STAFF, f"staff{unit.pk}@load.test")
                UnitAccess.objects.get_or_create(user=staff, organisation=unit)
                accounts["unit"].append(
                    {"username": staff.username, "password": PASSWORD, "unit": unit.pk, "county": county.pk}
                )
            without = list(units.filter(reminder_contact__isnull=True))
            contacts = Person.objects.bulk_create(
                Person(county=county, name=f"联络员{unit.pk}", email=f"unit{unit.pk}@load.test") for unit in without
            )
            for unit, contact in zip(without, contacts, strict=True):
                unit.reminder_contact = contact
            Organisation.objects.bulk_update(without, ["reminder_contact"])
        manager = account("load-manager", roles.DATA_MANAGER, "manager@load.test")
        manager.user_permissions.add(Permission.objects.get(codename="see_all_counties"))
        accounts["manager"].append({"username": manager.username, "password": PASSWORD})
    return accounts


def fresh_days(count):
    """Working days from today on that no sweep has touched, so that this run's sweeps start from nothing."""
    from django.utils import timezone

    from projects.models import ReminderDigest, ReminderSweep
    from projects.reminders.selectors import reminder_settings

    calendar = reminder_settings(fresh=True).default.calendar
    day, found = timezone.localdate(), []
    while len(found) < count:
        touched = ReminderSweep.objects.filter(day=day).exists() or ReminderDigest.objects.filter(day=day).exists()
        if calendar.is_workday(day) and not touched:
            found.append(day)
        day += datetime.timedelta(days=1)
    return found


def database_exists(name):
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def admin_sql(*statements):
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def use_database(name):
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def clear_redis():
    """The broker's and the cache's databases are the load test's own: no job or cached page of an earlier run."""
    import redis

    for url in (BROKER, CACHE):
        redis.Redis.from_url(url).flushdb()


# --- The stack ---------------------------------------------------------------------------------------------------


def stack_env(database, port, smtp_port, out):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_MODE="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        # As behind deploy/nginx/ledger.conf: TLS ends there and gunicorn trusts its X-Forwarded-Proto.
        BEHIND_TLS_PROXY="1",
        SITE_URL=f"https://127.0.0.1:{port}",
        DATABASE_URL=f"{POSTGRES}/{database}",
        CELERY_BROKER_URL=BROKER,
        CACHE_URL=CACHE,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        DEFAULT_FROM_EMAIL="县政台账 <ledger@localhost>",
        VAR_DIR=str(out / "var"),
        MEDIA_ROOT=str(out / "media"),
        # Shared by runs, so that collectstatic copies only what changed.
        STATIC_ROOT=str(ROOT / "var" / "loadtest" / "static"),
    )
    return env


class Stack:
    """The site's processes, each in a process group of its own, stopped together."""

    def __init__(self, out, env):
        self.out, self.env, self.processes = out, env, []

    def start(self, name, argv):
        log = open(self.out / f"{name}.log", "w", encoding="utf-8")  # closed in stop()
        process = subprocess.Popen(
            [str(arg) for arg in argv],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append((name, process, log))
        return process

    def stop(self):
        # SIGTERM: gunicorn's graceful stop and Celery's warm shutdown (a running job finishes first).
        for _name, process, _log in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 60
        for name, process, log in self.processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 1))
            except subprocess.TimeoutExpired:
                print(f"{name} did not stop in time: killed", flush=True)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            log.close()


class Mailbox:
    """A local SMTP server that takes every e-mail and keeps its Message-ID."""

    def __init__(self, path):
        self.path, self.message_ids, self.lock, self.controller = path, [], threading.Lock(), None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        headers = email.parser.BytesHeaderParser().parsebytes(envelope.content)
        message_id = headers.get("Message-ID", "")
        with self.lock:
            self.message_ids.append(message_id)
            with open(self.path, "a", encoding="utf-8") as file:
                file.write(json.dumps({"message_id": message_id, "to": envelope.rcpt_tos}) + "\n")
        return "250 Message accepted for delivery"

    def start(self, port):
        from aiosmtpd.controller import Controller

        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every connection at INFO
        self.controller = Controller(self, hostname="127.0.0.1", port=port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()


def lower_share(pid):
    """Give the session of process ``pid`` the CPU share of nice 10 against the other sessions.

    Where the kernel groups processes by session (autogroup, on by default), nice orders processes only inside their
    session, and each process started here has its own: a worker at nice 10 took as much CPU as all of gunicorn,
    and a day's e-mails halved the pages' share. Under systemd each service has its cgroup, and the worker's
    CPUWeight does the same."""
    autogroup = Path(f"/proc/{pid}/autogroup")
    if autogroup.exists():
        autogroup.write_text("10")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*args, env, log):
    with open(log, "w", encoding="utf-8") as file:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, stdout=file, stderr=file, check=True)


def wait_for_site(port, timeout=60):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/health/", headers={"X-Forwarded-Proto": "https"})
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                print(f"site up: {response.read().decode()}", flush=True)
                return
        except OSError as error:  # refused while gunicorn starts, or a worker still importing Django
            if time.monotonic() > deadline:
                raise SystemExit(f"the site did not answer /health/ within {timeout} s: {error}") from error
            time.sleep(1)


def celery_app():
    from config.celery import app

    return app


def wait_for_workers(count, timeout=60):
    deadline = time.monotonic() + timeout
    while len(celery_app().control.ping(timeout=2)) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"{count} Celery workers did not answer within {timeout} s")
    print(f"{count} Celery workers up", flush=True)


def queue(job, day):
    from projects.reminders.selectors import DAILY_SWEEP_TASK, TICK_TASK

    if job == "sweep":
        return celery_app().send_task(DAILY_SWEEP_TASK, kwargs={"day": day.isoformat()})
    return celery_app().send_task(TICK_TASK)


def wait_for_celery_idle(timeout=900):
    """Until the queue is empty and neither worker runs or holds a job: the sweeps' sending is over."""
    import redis

    broker = redis.Redis.from_url(BROKER)
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2:
        if time.monotonic() > deadline:
            raise SystemExit(f"the Celery workers were still busy after {timeout} s")
        inspect = celery_app().control.inspect(timeout=2)
        busy = [jobs for answer in (inspect.active(), inspect.reserved()) for jobs in (answer or {}).values() if jobs]
        quiet = quiet + 1 if not busy and not broker.llen("celery") else 0
        time.sleep(2)


def run_locust(options, out, port, run, days):
    env = dict(os.environ)
    env.update(
        LOADTEST_ACCOUNTS=str(out / "accounts.json"),
        LOADTEST_POSTED=str(out / "posted.txt"),
        LOADTEST_REQUESTS=str(out / "requests.tsv"),
        LOADTEST_SPAWNED=str(out / "spawned.txt"),
        LOADTEST_RUN=run,
        LOADTEST_THINK=options.think,
    )
    (out / "posted.txt").touch()
    (out / "requests.tsv").touch()
    spawned, cpu_from = out / "spawned.txt", None
    ramp, seconds = options.ramp, duration_seconds(options.run_time)
    argv = [
        BIN / "locust",
        "-f",
        Path(__file__).with_name("locustfile.py"),
        "--headless",
        "-u",
        str(options.users),
        "-r",
        str(options.users / max(ramp, 1)),
        "--run-time",
        f"{ramp + seconds}s",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        out / "locust",
        "--stop-timeout",
        "30",
        "--only-summary",
    ]
    with open(out / "locust.log", "w", encoding="utf-8") as log:
        locust = subprocess.Popen(
            [str(arg) for arg in argv], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            started, pending, cpu_to = time.monotonic(), list(SCHEDULE), None
            while locust.poll() is None:
                if cpu_from is None and spawned.exists():
                    cpu_from = cpu_reading()
                # Read at the end of the run time, while locust, which then stops its users, still runs.
                if cpu_to is None and cpu_from is not None and time.monotonic() - started >= ramp + seconds:
                    cpu_to = cpu_reading()
                while pending and time.monotonic() - started >= ramp + pending[0][0] * seconds:
                    _fraction, jobs = pending.pop(0)
                    for job, day in jobs:
                        queue(job, None if day is None else days[day])
                    print(f"queued {', '.join(job for job, _day in jobs)} at {time.monotonic() - started:.0f} s")
                time.sleep(0.5)
            for _fraction, jobs in pending:  # a run stopped early still sweeps
                for job, day in jobs:
                    queue(job, None if day is None else days[day])
        finally:
            if locust.poll() is None:
                os.killpg(locust.pid, signal.SIGTERM)
                locust.wait()
    # The CPU of the judged phase: from the last user's start to the end of the run time.
    return locust.returncode, (cpu_from, cpu_to) if cpu_to else None


def cpu_reading():
    """The machine's (busy, all) clock ticks, and {pid: (command line, CPU ticks)} of every process."""
    processes = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                processes[entry.name] = (command, checks.process_ticks((entry / "stat").read_text()))
            except (OSError, ValueError):  # ended meanwhile
                continue
    return checks.machine_ticks(Path("/proc/stat").read_text()), processes


def duration_seconds(text):
    """Locust's --run-time (``300``, ``30s``, ``5m``, ``1h30m``) in seconds."""
    if text.isdigit():
        return int(text)
    parts = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text)
    if not parts or not any(parts.groups()):
        raise SystemExit(f"--run-time {text!r}: give e.g. 30s, 5m or 1h30m")
    hours, minutes, seconds = (int(part or 0) for part in parts.groups())
    return hours * 3600 + minutes * 60 + seconds


def load_average():
    return Path("/proc/loadavg").read_text().split()[:3]


# --- The verdict -------------------------------------------------------------------------------------------------


def report(options, out, run, days, message_ids, locust_code, cpu):
    from django.db.models import Sum

    from projects.models import ProgressReport, Reminder, ReminderDigest, ReminderSweep

    requests = (out / "requests.tsv").read_text(encoding="utf-8").splitlines()
    spawned = out / "spawned.txt"
    if spawned.exists():
        everyone_in = float(spawned.read_text(encoding="utf-8"))
        stats = checks.window_stats(requests, everyone_in)
        problems = checks.judge_stats(stats, options.p95)
    else:
        everyone_in, stats, problems = None, [], ["the users never all started: locust stopped during the ramp"]
    starting = checks.window_stats(requests, 0, everyone_in or float("inf"))
    outcomes = checks.report_outcomes((out / "posted.txt").read_text(encoding="utf-8").splitlines())
    stored = ProgressReport.objects.filter(text__startswith=f"负载测试进展 {run} ").values_list("text", flat=True)
    reports = checks.check_reports(outcomes, stored)
    sweeps = {}
    for day in days:
        counted = ReminderSweep.objects.filter(day=day).aggregate(reminders=Sum("reminders"), digests=Sum("digests"))
        sweeps[day] = (
            counted["reminders"] or 0,
            counted["digests"] or 0,
            Reminder.objects.filter(day=day).count(),
            ReminderDigest.objects.filter(day=day).count(),
        )
    reminders = checks.check_reminders(
        Reminder.objects.filter(day__in=days).values_list("task_id", "email", "tier", "day"),
        dict(ReminderDigest.objects.filter(day__in=days).values_list("pk", "status")),
        message_ids,
        sweeps,
    )
    problems += reports.problems + reminders.problems
    if locust_code != 0:
        # It counts failures up to the very end, the time users get to finish after the run time included.
        problems.append(f"locust exited with {locust_code}: failed requests, or an error in the locustfile")
    web_log = (out / "web.log").read_text(encoding="utf-8", errors="replace").splitlines()
    server_errors, tracebacks = web_log_errors("\n".join(web_log))
    if server_errors or tracebacks:
        problems.append(f"gunicorn's log: {server_errors} responses 5xx, {tracebacks} tracebacks")

    print(f"\nwhile the {options.users} users started, over {options.ramp} s (not judged):")
    print_stats(starting, None)
    print(f"\nfrom the moment the last user started (judged: p95 under {options.p95} ms):")
    print_stats(stats, options.p95)
    in_worker = checks.server_times(web_log)
    print(f"\n{'time in the gunicorn worker, by path':44} {'requests':>8} {'p95':>6}")
    for path, (count, p95) in in_worker.items():
        print(f"{path[:44]:44} {count:8} {p95:6}")
    cpu_use = None
    if cpu:
        ((busy_from, all_from), processes_from), ((busy_to, all_to), processes_to) = cpu
        shares, ticks = checks.cpu_by_kind(processes_from, processes_to)
        cores = os.cpu_count() * (busy_to - busy_from) / max(all_to - all_from, 1)
        cpu_use = {"cores_busy": round(cores, 2), "of_cores": os.cpu_count(), "shares": shares}
        print(
            f"\nCPU from the last user's start to the end: {cores:.2f} of {os.cpu_count()} cores busy; of the "
            f"processes' {ticks / os.sysconf('SC_CLK_TCK'):.0f} s: "
            + ", ".join(f"{kind} {share:.0%}" for kind, share in shares.items())
        )
    print(
        f"\nprogress reports: {reports.posted} accepted, {reports.stored} stored, {reports.missing} missing, "
        f"{reports.duplicated} duplicated; {reports.interrupted} cut off by the end of the run (answer not awaited), "
        f"{reports.failed_but_stored} failed but stored, {reports.unknown} stored unposted"
    )
    for day, (counted_reminders, counted_digests, stored_reminders, stored_digests) in sweeps.items():
        print(
            f"reminders of {day}: {ReminderSweep.objects.filter(day=day).count()} sweeps; {stored_reminders} reminders "
            f"and {stored_digests} digests stored, the sweeps counted {counted_reminders} and {counted_digests}"
        )
    print(
        f"digests: {reminders.digests} recorded, statuses {reminders.statuses}; {reminders.received} e-mails "
        f"received, {reminders.received_twice} twice, {reminders.sent_not_received} sent but not received, "
        f"{reminders.received_not_sent} received but not marked sent; duplicate reminders: "
        f"{reminders.duplicate_reminders}"
    )
    summary = {
        "run": run,
        "database": options.database,
        "users": options.users,
        "ramp_seconds": options.ramp,
        "run_time": options.run_time,
        "think_seconds": options.think,
        "load_average": load_average(),
        "locust_exit_code": locust_code,
        "pages": [row.__dict__ for row in stats],
        "pages_while_starting": [row.__dict__ for row in starting],
        "reports": reports.__dict__,
        "reminders": {**reminders.__dict__, "sweeps": {str(day): figures for day, figures in sweeps.items()}},
        "cpu": cpu_use,
        "web_log": {"server_errors": server_errors, "tracebacks": tracebacks, "p95_in_worker": in_worker},
        "problems": problems,
    }
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    if problems:
        print("\nGOALS MISSED:\n  " + "\n  ".join(problems))
        return 1
    print("\nall goals met")
    return 0


def print_stats(rows, p95_limit):
    print(f"{'page':44} {'requests':>8} {'failed':>6} {'median':>7} {'p95':>6} {'max':>7}")
    for row in rows:
        over = p95_limit and row.name != "Aggregated" and (row.p95 is None or row.p95 >= p95_limit)
        name = f"{row.method} {row.name}"[:44]
        times = f"{row.median or 0:7} {row.p95 or 0:6} {row.maximum or 0:7}"
        print(f"{name:44} {row.requests:8} {row.failures:6} {times}{'  over' if over else ''}")


ACCESS_5XX = re.compile(r'" 5\d\d ')


def web_log_errors(text):
    """Responses 5xx in gunicorn's access log, and tracebacks (Django's "Internal Server Error" included)."""
    return len(ACCESS_5XX.findall(text)), text.count("Traceback (most recent call last)")


if __name__ == "__main__":
    main()
