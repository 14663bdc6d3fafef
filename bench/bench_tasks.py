"""The task ledger at county scale: list, dashboard and exports over 100,000 tasks.

Builds, in a throwaway database on the configured server, --tasks synthetic tasks over 300
organisations (1–3 units and 0–2 progress reports each, demo/generator.py), then measures
through the Django test client: the task list at two page sizes and with a light filter, the
dashboard, the Django admin's changelist of the same tasks, and the CSV and XLSX exports of every row,
whose peak Python memory is compared with an export of one unit's rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_tasks.py [--tasks 100000]
"""

import argparse
import statistics
import time
import tracemalloc

from harness import throwaway_database  # first: it sets Django up

# isort: split
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def timed(client, url, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries), len(body)


def export_peak(client, url):
    """Peak Python memory while making and reading an export, in MB, and its size in MB."""
    tracemalloc.start()
    response = client.get(url)
    size = sum(len(chunk) for chunk in response.streaming_content)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024 / 1024, size / 1024 / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=11)
    # A name of its own, so that benchmarks run side by side on one server do not drop each other's database.
    parser.add_argument("--database-name", default="ledger_bench")
    options = parser.parse_args()

    with throwaway_database(options.database_name):
        from demo.generator import generate_tasks
        from org import roles
        from projects.models import Task
        from tests.org.factories import UserFactory

        start = time.perf_counter()
        units = generate_tasks(options.tasks)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"database: {connection.vendor}; {options.tasks} tasks built in {time.perf_counter() - start:.0f} s")
        supervisor = UserFactory(role=roles.SUPERVISOR)
        manager = UserFactory(role=roles.DATA_MANAGER)
        unit_staff = UserFactory(role=roles.UNIT_STAFF, units=[units[0]])
        clients = {}
        for name, user in (("supervisor", supervisor), ("manager", manager), ("unit", unit_staff)):
            clients[name] = Client()
            clients[name].force_login(user)

        cases = [
            ("task list, 50 rows", "supervisor", "/tasks/"),
            ("task list, 500 rows", "supervisor", "/tasks/?per_page=500"),
            ("task list, light=yellow", "supervisor", "/tasks/?light=yellow"),
            ("task list, one unit's staff", "unit", "/tasks/"),
            ("dashboard", "supervisor", "/tasks/dashboard/"),
            ("dashboard, one unit's staff", "unit", "/tasks/dashboard/"),
            ("admin changelist (100 rows)", "manager", "/admin/projects/task/"),
        ]
        print(f"{'case':32} {'median ms':>10} {'queries':>8}")
        for label, who, url in cases:
            median, queries, _size = timed(clients[who], url, options.runs)
            print(f"{label:32} {median:10.1f} {queries:8d}")

        unit_rows = Task.objects.filter(assignments__organisation=units[0]).distinct().count()
        for kind in ("csv", "xlsx"):
            median, queries, size = timed(clients["supervisor"], f"/tasks/?_export={kind}", 3)
            print(f"{kind.upper() + ' export, all rows':32} {median:10.1f} {queries:8d}  ({size / 1024 / 1024:.1f} MB)")
            for label, url in (("all rows", f"/tasks/?_export={kind}"), ("one unit", f"/tasks/?_export={kind}&unit=")):
                rows = options.tasks
                if label == "one unit":
                    url, rows = url + str(units[0].pk), unit_rows
                peak, size = export_peak(clients["supervisor"], url)
                print(f"{kind.upper()} export peak memory, {label}: {peak:.1f} MB for {rows} rows ({size:.1f} MB)")


if __name__ == "__main__":
    main()
