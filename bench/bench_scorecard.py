"""The 考核 scorecard of one county and quarter over 100,000 tasks.

Builds, in a throwaway database (``bench_score``) on the configured server, --tasks synthetic tasks over 300 units
(demo/generator.py); closes a third of them (on time or up to 30 days late), gives a tenth an approved extension
and a twentieth a closing sent back. Then measures through the Django test client, as a county supervisor: the
scorecard page, its XLSX export and its printable bulletin for the current quarter, against the Django admin's
changelist of the same tasks and a CPU calibration loop; with the number of queries of each.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_scorecard.py [--tasks 100000]
"""

import argparse
import datetime
import random
import statistics
import time

from harness import calibration_ms, throwaway_database  # first: it sets Django up

# isort: split
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


def timed(client, url, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content) if response.streaming else response.content
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def spread_outcomes(rng, today):
    """Closings, extensions and send-backs over the generated tasks, in bulk."""
    from projects.models import ClosingRound, ExtensionRequest, Task

    closed, extended, sent_back = [], [], []
    for task in Task.objects.only("pk", "due", "status").iterator(chunk_size=5000):
        draw = rng.random()
        if draw < 0.33 and task.due <= today:
            task.status, task.closed_on = Task.Status.CLOSED, task.due + datetime.timedelta(days=rng.randrange(-5, 30))
            closed.append(task)
        elif draw < 0.43:
            task.original_due, task.due = task.due - datetime.timedelta(days=14), task.due
            extended.append(task)
        if rng.random() < 0.05:
            sent_back.append(ClosingRound(task_id=task.pk, decision=ClosingRound.Decision.SENT_BACK, reason="材料不全"))
    Task.objects.bulk_update(closed, ["status", "closed_on"], batch_size=5000)
    Task.objects.bulk_update(extended, ["original_due"], batch_size=5000)
    ExtensionRequest.objects.bulk_create(
        (
            ExtensionRequest(
                task_id=task.pk,
                previous_due=task.original_due,
                requested_due=task.due,
                granted_due=task.due,
                reason="客观原因",
                status=ExtensionRequest.Status.APPROVED,
            )
            for task in extended
        ),
        batch_size=5000,
    )
    ClosingRound.objects.bulk_create(sent_back, batch_size=5000)
    return len(closed), len(extended), len(sent_back)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=11)
    options = parser.parse_args()

    with throwaway_database("bench_score"):
        from demo.generator import generate_tasks
        from org import roles
        from projects.scorecard import quarter_of
        from tests.org.factories import UserFactory

        start = time.perf_counter()
        units = generate_tasks(options.tasks)
        today = timezone.localdate()
        closed, extended, sent_back = spread_outcomes(random.Random(2), today)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"database: {connection.vendor}; {options.tasks} tasks ({closed} closed, {extended} extended, "
            f"{sent_back} sent back) built in {time.perf_counter() - start:.0f} s"
        )
        county = units[0].parent
        supervisor = UserFactory(role=roles.SUPERVISOR, counties=[county])
        manager = UserFactory(role=roles.DATA_MANAGER)
        clients = {"supervisor": Client(), "manager": Client()}
        clients["supervisor"].force_login(supervisor)
        clients["manager"].force_login(manager)
        query = f"?county={county.pk}&period={quarter_of(today).code}"
        cases = [
            ("scorecard, county-quarter", "supervisor", "/tasks/scorecard/" + query),
            ("scorecard XLSX", "supervisor", "/tasks/scorecard.xlsx" + query),
            ("scorecard bulletin (print)", "supervisor", "/tasks/scorecard/print/" + query),
            ("admin changelist (100 rows)", "manager", "/admin/projects/task/"),
        ]
        print(f"calibration: 10,000,000 empty loop turns in {calibration_ms():.0f} ms")
        print(f"{'case':32} {'median ms':>10} {'queries':>8}")
        for label, who, url in cases:
            median, queries = timed(clients[who], url, options.runs)
            print(f"{label:32} {median:10.1f} {queries:8d}")


if __name__ == "__main__":
    main()
