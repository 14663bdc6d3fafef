"""A province on one site (issue 19): every case of the issue over one data set, built once.

Builds, in a database of its own on the configured server (kept for the next run with ``--keep``, which then only
measures): --counties counties of --units units each holding --tasks tasks in all (demo/generator.py: 1–3 units and
0–2 progress reports a task), and the three shared gazettes copied until there are --documents documents. Then
measures through the Django test client, as a province supervisor (every county) and as one county's supervisor:
the task list under the filters and sorts a user can choose, the dashboard and home page of one county and of every
county, the roll-up of every county (its figures counted, and the page), the CSV and XLSX export of about 100,000
filtered rows, document searches, the reminder sweep and 10,000 compensation statements; each against the Django
admin's changelist of the tasks and a CPU calibration loop measured in the same run, with the number of queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_province.py --keep \
        [--tasks 1000000 --counties 100 --units 300 --documents 200000] [--only list,dashboard,...]

The load test is separate (bench/loadtest/run.py): it needs a server and its workers.
"""

import argparse
import contextlib
import datetime
import importlib
import logging
import statistics
import sys
import time
from urllib.parse import urlencode

from harness import calibration_ms, copy_documents, kept_database, throwaway_database  # first: it sets Django up

# isort: split
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

CASES = ("list", "dashboard", "exports", "search", "sweep", "compensation")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--counties", type=int, default=100)
    parser.add_argument("--units", type=int, default=300, help="units per county")
    parser.add_argument("--documents", type=int, default=200_000)
    parser.add_argument("--recipients", type=int, default=5_000, help="contact people, for the reminder sweep")
    parser.add_argument("--due", type=int, default=200_000, help="open tasks due soon or overdue on the sweep's day")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--database", default="ledger_province")
    parser.add_argument("--keep", action="store_true", help="keep the database, and measure what it holds")
    parser.add_argument("--only", default=",".join(CASES), help=f"some of {','.join(CASES)}")
    options = parser.parse_args()
    logging.getLogger("axes").setLevel(logging.WARNING)  # a line for every sign-in of the measuring clients
    only = set(options.only.split(","))
    database = kept_database if options.keep else throwaway_database
    with database(options.database):
        build(options, only)
        calibration = calibration_ms()
        report = Report(calibration)
        users = people(options)
        admin = report.page(
            "Django admin changelist, 100 rows", users["manager"], "/admin/projects/task/", options.runs
        )
        report.reference = admin
        if "list" in only:
            task_list(report, users, options.runs)
        if "dashboard" in only:
            dashboards(report, users, options.runs)
        if "exports" in only:
            exports(report, users)
        if "search" in only:
            searches(report, users, options.runs)
        if "sweep" in only:
            sweep(report)
        if "compensation" in only:
            compensation(report, options.runs)
        report.print()


# Building


def build(options, only):
    from org.models import Organisation
    from projects.models import Task

    counties = Organisation.objects.filter(kind="county", name__startswith="生成县").count()
    per_county = options.tasks // options.counties
    if counties < options.counties:
        from demo.generator import generate_tasks

        start = time.perf_counter()
        for seed in range(counties + 1, options.counties + 1):
            generate_tasks(per_county, organisations=options.units, seed=seed)
            print(f"county {seed}/{options.counties} built, {time.perf_counter() - start:.0f} s", flush=True)
        analyze()
    if "sweep" in only:
        contacts(options.recipients, options.due)
    print(f"{connection.vendor}: {Task.objects.count()} tasks in {options.counties} counties", flush=True)
    if "search" in only and options.documents:
        documents(options.documents)


def contacts(recipients, due):
    """The reminder sweep's data (bench_reminders.py): each county's share of ``recipients`` contact people, one of
    them on every assignment, and ``due`` open tasks due soon or overdue on the sweep's day."""
    from bench_reminders import DAY, contacts_and_deadlines, share

    from org.models import Organisation, Person
    from projects.models import Task

    if not Person.objects.filter(email__endswith="@county.example").exists():
        counties = list(Organisation.objects.filter(kind="county", name__startswith="生成县").order_by("pk"))
        Person.objects.bulk_create(
            Person(county=county, name=f"联络员{number}-{n}", email=f"contact{number}-{n}@county.example")
            for number, county in enumerate(counties, start=1)
            for n in range(share(recipients, len(counties), number))
        )
    if not Task.objects.filter(as_of=DAY - datetime.timedelta(days=400)).exists():
        contacts_and_deadlines(due, DAY)


def documents(target):
    """The shared gazettes, imported once and copied until there are ``target`` documents."""
    from gazette import services
    from gazette.models import Document

    if Document.objects.count() >= target:
        return
    if not Document.objects.exists():
        files = sorted(settings.SHARED_GAZETTES_DIR.glob("*.txt"))
        if not files:
            sys.exit(f"No gazettes in {settings.SHARED_GAZETTES_DIR}: the search cases need them (--documents 0).")
        for path in files:
            services.import_gazette(path.read_bytes(), name=path.name)
    originals = list(Document.objects.all())
    start, copy, count = time.perf_counter(), 0, len(originals)
    with without_pair_index():
        while count < target:
            copy_documents(originals, copy)
            copy, count = copy + 1, count + len(originals)
    analyze()
    print(f"{Document.objects.count()} documents written and indexed in {time.perf_counter() - start:.0f} s")


@contextlib.contextmanager
def without_pair_index():
    """On PostgreSQL, the pair index of the documents is dropped while they are copied and built once after, with
    memory to sort in: kept up row by row, it let the copy add about 4,000 documents a minute."""
    if connection.vendor != "postgresql":
        yield
        return
    index = importlib.import_module("gazette.migrations.0007_document_search_bigrams").INDEX
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS gazette_document_search_bigrams")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        cursor.execute(index)


def analyze():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def people(options):
    """A province supervisor and data manager (every county), one county's supervisor, one unit's staff."""
    from org import roles
    from org.models import Organisation
    from tests.org.factories import UserFactory

    county = Organisation.objects.filter(kind="county", name__startswith="生成县").order_by("pk").first()
    unit = Organisation.objects.filter(parent=county).order_by("pk").first()
    made = {
        "supervisor": dict(role=roles.SUPERVISOR),
        "manager": dict(role=roles.DATA_MANAGER),
        "county": dict(role=roles.SUPERVISOR, counties=[county]),
        "unit": dict(role=roles.UNIT_STAFF, units=[unit]),
    }
    users = {}
    for name, kwargs in made.items():
        username = f"province-{name}"
        get_user_model().objects.filter(username=username).delete()  # of a kept database's earlier run
        client = Client()
        client.force_login(UserFactory(username=username, **kwargs))
        users[name] = client
    users["county_id"], users["unit_id"] = county.pk, unit.pk
    return users


# Measuring


class Report:
    def __init__(self, calibration):
        self.calibration = calibration
        self.reference = None
        self.rows = []

    def page(self, label, client, url, runs):
        """(median ms, queries) of asking for ``url`` ``runs`` times (a streamed answer read to its end)."""
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            b"".join(response.streaming_content) if response.streaming else response.content
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            b"".join(response.streaming_content) if response.streaming else response.content
        return self.add(label, statistics.median(times), len(queries))

    def add(self, label, median, queries=None, note=""):
        self.rows.append((label, median, queries, note))
        print(f"  {label}: {median:.1f} ms, {queries} queries {note}", flush=True)
        return median

    def print(self):
        print(f"\ncalibration: 10,000,000 empty loop turns in {self.calibration:.0f} ms")
        print("| case | median ms | queries | ÷ admin changelist | ÷ calibration | |\n|---|---:|---:|---:|---:|---|")
        for label, median, queries, note in self.rows:
            print(
                f"| {label} | {median:,.1f} | {'' if queries is None else queries} | {median / self.reference:.2f} "
                f"| {median / self.calibration:.2f} | {note} |"
            )


def task_list(report, users, runs):
    county = users["county_id"]
    cases = [
        ("task list, 50 rows", "supervisor", {}),
        ("task list, 200 rows", "supervisor", {"per_page": 200}),
        ("task list, page 100", "supervisor", {"page": 100}),
        ("task list, light = red", "supervisor", {"light": "red"}),
        ("task list, light = yellow", "supervisor", {"light": "yellow"}),
        ("task list, sorted by title", "supervisor", {"sort": "title"}),
        ("task list, latest report first", "supervisor", {"sort": "-latest_report"}),
        ("task list, open, of one county", "supervisor", {"county": county, "open": "true"}),
        ("task list, search 重点工作", "supervisor", {"q": "重点工作"}),
        ("task list, one county's supervisor", "county", {}),
        ("task list, one unit's staff", "unit", {}),
    ]
    for label, who, query in cases:
        report.page(label, users[who], f"/tasks/?{urlencode(query)}", runs)


def dashboards(report, users, runs):
    county = users["county_id"]
    report.page(
        "dashboard of one county (province supervisor)", users["supervisor"], f"/tasks/dashboard/?county={county}", runs
    )
    report.page("dashboard of one county (its supervisor)", users["county"], "/tasks/dashboard/", runs)
    report.page("dashboard of one unit's staff", users["unit"], "/tasks/dashboard/", runs)
    report.page("dashboard of every county (province supervisor)", users["supervisor"], "/tasks/dashboard/", runs)
    report.page("home page of every county (province supervisor)", users["supervisor"], "/", runs)
    report.page("home page of one county's supervisor", users["county"], "/", runs)
    from rollup import jobs

    # The beat job counts every county's figures every five minutes; the page reads them while fresh.
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        jobs.recount_figures()
        times.append((time.perf_counter() - start) * 1000)
    report.add("roll-up figures of every county counted (the beat job)", statistics.median(times))
    report.page("roll-up of every county (figures kept)", users["supervisor"], "/rollup/", runs)


def exports(report, users):
    from bench_reminders import DAY

    from projects.models import Task

    # contacts() leaves 4,000 tasks due on each day from 60 days after the sweep's day: 25 of those days.
    due = (DAY + datetime.timedelta(days=60), DAY + datetime.timedelta(days=84))
    rows = Task.objects.filter(due__range=due).count()
    query = {"due_after": due[0].isoformat(), "due_before": due[1].isoformat()}
    for kind in ("csv", "xlsx"):
        report.page(
            f"{kind.upper()} export, {rows:,} rows",
            users["supervisor"],
            f"/tasks/?{urlencode({**query, '_export': kind})}",
            3,
        )


WORDS = ("农民工工资", "宗地", "工作", "E镇", "不存在的词语组合")


def searches(report, users, runs):
    for word in WORDS:
        report.page(
            f"document search “{word}”", users["manager"], f"/gazette/documents/?{urlencode({'q': word})}", runs
        )
    # A page past the newest issues, and an order of the user's own: the whole list is sorted for them.
    report.page("document search “工作”, page 20", users["manager"], "/gazette/documents/?q=工作&page=20", runs)
    report.page("document search “工作”, by title", users["manager"], "/gazette/documents/?q=工作&sort=title", runs)
    report.page("document list, no search", users["manager"], "/gazette/documents/", runs)


def sweep(report):
    from bench_reminders import DAY, measure_sweep

    figures = measure_sweep(DAY, runs=3)
    note = f"{figures['reminders']:,} reminders, {figures['digests']:,} digests"
    report.add("reminder sweep (decide and record)", figures["sweep_s"] * 1000, figures["queries"][-1], note)
    report.add("reminder sweep, then every digest e-mail built", figures["sweep_and_build_s"] * 1000)


def compensation(report, runs):
    from bench_compensation import measure_statements

    for number, _rules, batch, _one_by_one, comparisons, _total in measure_statements(10_000, runs):
        report.add(f"10,000 compensation statements, {number}", batch[0])
        report.add(f"10,000 three-option comparisons, {number}", comparisons[0])


if __name__ == "__main__":
    main()
