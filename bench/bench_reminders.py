"""The reminder sweep at county scale: 100,000 tasks, 20,000 of them due soon or overdue, 500 recipients.

Builds the tasks in a throwaway database (demo/generator.py), gives the assignments 500 contact people,
and sets 20,000 open tasks' deadlines between 30 days overdue and 3 working days ahead (the rest later).
Then measures, for one working day: the sweep (decide every tier, record reminders and digests), building
every digest e-mail, and sending them all to a local SMTP server (aiosmtpd), counting its connections.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_reminders.py
"""

import argparse
import datetime
import logging
import statistics
import time

from harness import throwaway_database  # first: it sets Django up

# isort: split
from aiosmtpd.controller import Controller
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
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


def prepare(tasks, due_soon, recipients):
    from demo.generator import generate_tasks
    from org.models import Person
    from projects.models import Assignment, Task

    county = generate_tasks(tasks)[0].parent
    people = Person.objects.bulk_create(
        Person(county=county, name=f"联络员{n}", email=f"contact{n}@county.example") for n in range(recipients)
    )
    first = people[0].pk
    with connection.cursor() as cursor:
        cursor.execute("UPDATE projects_assignment SET contact_id = %s + (id %% %s)", [first, recipients])
    open_ids = list(
        Task.objects.filter(status__in=["not_started", "in_progress"]).order_by("pk").values_list("pk", flat=True)
    )
    chosen = open_ids[:due_soon]
    # Deadlines spread over 30 calendar days overdue to 5 days ahead; everything else well after.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE projects_task SET due = %s::date + 60 + (id %% 200)::int", [DAY])
        cursor.execute(
            "UPDATE projects_task SET due = %s::date - 30 + (id %% 36)::int WHERE id = ANY(%s)", [DAY, chosen]
        )
        cursor.execute("UPDATE projects_task SET as_of = %s::date - 400", [DAY])
        cursor.execute("ANALYZE")
    return Assignment.objects.count()


def reset():
    from projects.models import Reminder, ReminderDigest, ReminderSweep

    Reminder.objects.all().delete()
    ReminderDigest.objects.all().delete()
    ReminderSweep.objects.all().delete()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=20_000)
    parser.add_argument("--recipients", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command

    with throwaway_database():
        from projects.models import ReminderDigest
        from projects.reminders import selectors as reminder_selectors
        from projects.reminders import services as reminder_services
        from projects.reminders.mail import build_message

        start = time.perf_counter()
        assignments = prepare(options.tasks, options.due, options.recipients)
        print(
            f"database: {connection.vendor}; {options.tasks} tasks, {assignments} assignments, "
            f"{options.due} due soon or overdue, built in {time.perf_counter() - start:.0f} s"
        )

        sweeps, builds, queries = [], [], []
        for _ in range(options.runs):
            reset()
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                record = reminder_services.sweep(day=DAY, trigger="bench")
                sweeps.append(time.perf_counter() - start)
            queries.append(len(captured))
            start = time.perf_counter()
            digests = list(ReminderDigest.objects.filter(day=DAY))
            lines = reminder_selectors.digest_contents(digests)
            for digest in digests:
                build_message(digest, lines.get(digest.pk, [])).message()
            builds.append(time.perf_counter() - start)
        print(f"reminders {record.reminders}, digests {record.digests}, queries per sweep {sorted(set(queries))}")
        print(f"sweep (decide + record), median of {options.runs}: {statistics.median(sweeps):.2f} s")
        print(f"build every digest e-mail, median of {options.runs}: {statistics.median(builds):.2f} s")
        print(f"sweep + build: {statistics.median(s + b for s, b in zip(sweeps, builds, strict=True)):.2f} s")

        inbox = CountingInbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=8025)
        controller.start()
        try:
            with override_settings(
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=8025
            ):
                start = time.perf_counter()
                sent, failed = reminder_services.send_due_digests(now=timezone.now())
                elapsed = time.perf_counter() - start
        finally:
            controller.stop()
        print(
            f"send: {sent} sent, {failed} failed in {elapsed:.2f} s over {inbox.connections} SMTP connections "
            f"({reminder_services.SEND_BATCH} e-mails per connection)"
        )


if __name__ == "__main__":
    main()
