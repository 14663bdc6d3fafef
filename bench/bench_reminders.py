"""The reminder sweep at province scale: 1,000,000 tasks over 100 counties and 30,000 units, 200,000 of them due soon
or overdue, 5,000 recipients (issue 19). The defaults are that scale; ``--tasks 100000 --counties 1 --due 20000
--recipients 500`` is the former single-county figure.

Builds the tasks in a throwaway database (demo/generator.py, one county of 300 units per call), gives each county
its share of the contact people and spreads them over its assignments, and sets the deadlines of ``--due`` open
tasks, evenly over the counties, between 30 days overdue and 5 calendar days ahead (the rest later). Then measures,
for one working day: the sweep (decide every tier, record reminders and digests) and the queries it sends, building
every digest e-mail, and sending them all to a local SMTP server (aiosmtpd), counting its connections.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_reminders.py

``measure_sweep`` runs over any database that already holds tasks (bench/bench_province.py calls it).
"""

import argparse
import datetime
import logging
import statistics
import time

from harness import calibration_ms, throwaway_database  # first: it sets Django up

# isort: split
from aiosmtpd.controller import Controller
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone

DAY = datetime.date(2026, 11, 23)  # a Monday, a working day


class CountingInbox:
    def __init__(self):
        self.connections = 0
        self.messages = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        return "250 OK"


def prepare(tasks, counties, due_soon, recipients, day=DAY):
    """Build the data set; returns (assignments, units)."""
    from org.models import Organisation

    for seed in range(1, counties + 1):
        _county(seed, share(tasks, counties, seed), share(recipients, counties, seed))
    contacts_and_deadlines(due_soon, day)
    from projects.models import Assignment

    return Assignment.objects.count(), Organisation.objects.filter(parent__isnull=False).count()


def share(total, parts, number):
    return total // parts + (1 if number <= total % parts else 0)


def _county(seed, tasks, people):
    """One generated county of 300 units with ``tasks`` tasks, and ``people`` contact people of its own."""
    from demo.generator import generate_tasks
    from org.models import Person

    county = generate_tasks(tasks, seed=seed)[0].parent
    Person.objects.bulk_create(
        Person(county=county, name=f"联络员{seed}-{n}", email=f"contact{seed}-{n}@county.example")
        for n in range(people)
    )


def contacts_and_deadlines(due_soon, day):
    from projects.models import Task

    open_statuses = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]
    with connection.cursor() as cursor:
        # Each assignment's contact is one of its task's county's people.
        cursor.execute(
            """
            WITH people AS (
                SELECT id, county_id, row_number() OVER (PARTITION BY county_id ORDER BY id) - 1 AS n,
                       count(*) OVER (PARTITION BY county_id) AS size
                FROM org_person
            )
            UPDATE projects_assignment AS a SET contact_id = p.id
            FROM projects_task AS t, people AS p
            WHERE a.task_id = t.id AND p.county_id = t.county_id AND p.n = mod(a.id, p.size)
            """
        )
        cursor.execute("SELECT count(*) FROM projects_task WHERE status = ANY(%s)", [open_statuses])
        total = cursor.fetchone()[0]
        # Every task due well after the day, then ``due_soon`` open ones, spread evenly over the ids (so over the
        # counties), due between 30 calendar days overdue and 5 days ahead. Two updates, not one CASE asking
        # ``id IN (chosen)`` of every row: past work_mem, PostgreSQL scanned the chosen ids once per row.
        cursor.execute(
            "UPDATE projects_task SET as_of = %(day)s::date - 400, due = %(day)s::date + 60 + mod(id, 200)::int",
            {"day": day},
        )
        cursor.execute(
            """
            UPDATE projects_task SET due = %(day)s::date - 30 + mod(id, 36)::int
            WHERE id IN (
                SELECT id FROM (
                    SELECT id, row_number() OVER (ORDER BY id) AS n FROM projects_task WHERE status = ANY(%(open)s)
                ) AS numbered
                WHERE n * %(due)s / %(total)s > (n - 1) * %(due)s / %(total)s
            )
            """,
            {"open": open_statuses, "due": min(due_soon, total), "total": total, "day": day},
        )
        # The updates left a dead copy of every row: a fresh database would have none.
        cursor.execute("VACUUM ANALYZE")


def reset():
    """Forget every sweep, digest and reminder, so that the next sweep records the day afresh."""
    from projects.models import Reminder, ReminderDigest, ReminderSweep

    tables = ", ".join(model._meta.db_table for model in (Reminder, ReminderDigest, ReminderSweep))
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables}")


def measure_sweep(day=DAY, runs=5):
    """The sweep of ``day`` and building its digests, ``runs`` times on a fresh set of reminders, over the tasks
    already in the database: medians in seconds, queries per sweep, what was recorded and the CPU calibration."""
    from projects.models import ReminderDigest
    from projects.reminders import selectors as reminder_selectors
    from projects.reminders import services as reminder_services
    from projects.reminders.mail import build_message

    queries = []

    def count(execute, sql, params, many, context):
        queries[-1] += 1
        return execute(sql, params, many, context)

    sweeps, builds = [], []
    for _ in range(runs):
        reset()
        queries.append(0)
        # A counter, not CaptureQueriesContext: keeping the text of statements carrying 400,000 values costs time.
        with connection.execute_wrapper(count):
            start = time.perf_counter()
            record = reminder_services.sweep(day=day, trigger="command")
            sweeps.append(time.perf_counter() - start)
        start = time.perf_counter()
        digests = list(ReminderDigest.objects.filter(day=day))
        lines = reminder_selectors.digest_contents(digests)
        for digest in digests:
            build_message(digest, lines.get(digest.pk, [])).message()
        builds.append(time.perf_counter() - start)
    return {
        "runs": runs,
        "reminders": record.reminders,
        "digests": record.digests,
        "queries": sorted(set(queries)),
        "sweep_s": statistics.median(sweeps),
        "build_s": statistics.median(builds),
        "sweep_and_build_s": statistics.median(s + b for s, b in zip(sweeps, builds, strict=True)),
        "calibration_ms": calibration_ms(),
    }


def measure_send():
    """Send every pending digest to a local SMTP server; returns (sent, failed, seconds, connections)."""
    from projects.reminders import services as reminder_services

    inbox = CountingInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=8025)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=8025,
            REMINDER_EMAILS_PER_MINUTE=0,  # the sender's own speed, not the pace a site keeps to
        ):
            start = time.perf_counter()
            sent, failed = reminder_services.send_due_digests(now=timezone.now())
            elapsed = time.perf_counter() - start
    finally:
        controller.stop()
    return sent, failed, elapsed, inbox.connections


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--counties", type=int, default=100, help="counties of 300 units each")
    parser.add_argument("--due", type=int, default=200_000, help="open tasks due soon or overdue")
    parser.add_argument("--recipients", type=int, default=5_000, help="contact people, shared out over the counties")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-send", action="store_true", help="skip sending the digests over SMTP")
    options = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command

    with throwaway_database(name="ledger_bench_reminders"):
        from projects.reminders import services as reminder_services

        start = time.perf_counter()
        assignments, units = prepare(options.tasks, options.counties, options.due, options.recipients)
        print(
            f"database: {connection.vendor}; {options.tasks} tasks in {options.counties} counties, {units} units, "
            f"{assignments} assignments, {options.recipients} contacts, {options.due} due soon or overdue, "
            f"built in {time.perf_counter() - start:.0f} s"
        )
        figures = measure_sweep(DAY, options.runs)
        print(f"reminders {figures['reminders']}, digests {figures['digests']}, queries per sweep {figures['queries']}")
        print(f"sweep (decide + record), median of {options.runs}: {figures['sweep_s']:.2f} s")
        print(f"build every digest e-mail, median of {options.runs}: {figures['build_s']:.2f} s")
        print(f"sweep + build: {figures['sweep_and_build_s']:.2f} s")
        print(f"calibration: {figures['calibration_ms']:.0f} ms; load average: {open('/proc/loadavg').read().strip()}")
        if not options.no_send:
            sent, failed, elapsed, connections = measure_send()
            print(
                f"send: {sent} sent, {failed} failed in {elapsed:.2f} s over {connections} SMTP connections "
                f"({reminder_services.SEND_BATCH} e-mails per connection)"
            )


if __name__ == "__main__":
    main()
