"""The load test's verdicts (bench/loadtest/checks.py) on made-up inputs: locust's stats CSV, the reports posted
against those stored, and the reminders recorded against the e-mails received."""

import datetime

from bench.loadtest import checks

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
    "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,99.9%,99.99%,100%\n"
)


def stats_file(tmp_path, *rows):
    path = tmp_path / "locust_stats.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return checks.read_stats(path)


def test_stats_within_the_goal_pass(tmp_path):
    rows = stats_file(
        tmp_path,
        "GET,/tasks/,120,0,80,95.5,20,900,51234.0,4.1,0.0,80,90,100,110,200,310,400,600,900,900,900",
        ",Aggregated,120,0,80,95.5,20,900,51234.0,4.1,0.0,80,90,100,110,200,310,400,600,900,900,900",
    )
    assert rows[0] == checks.PageStats("GET", "/tasks/", 120, 0, 80, 310, 900)
    assert checks.judge_stats(rows, 500) == []


def test_a_slow_page_and_failures_miss_the_goal(tmp_path):
    rows = stats_file(
        tmp_path,
        "GET,/tasks/dashboard/ [county],10,0,300,420.0,100,2000,1000.0,1.0,0.0,300,350,400,450,480,500,900,2000,2000,"
        "2000,2000",
        "POST,/tasks/[id]/report/ (POST),5,2,60,70.0,50,90,0.0,0.5,0.2,60,60,70,70,90,90,90,90,90,90,90",
        ",Aggregated,15,2,100,300.0,50,2000,700.0,1.5,0.2,100,300,350,400,450,500,900,2000,2000,2000,2000",
    )
    problems = checks.judge_stats(rows, 500)
    # 500 ms is not under 500 ms; the aggregate row is not a page.
    assert problems == ["GET /tasks/dashboard/ [county]: p95 500 ms (goal: under 500 ms)", "2 failed requests"]


def test_no_requests_at_all_misses_the_goal(tmp_path):
    rows = stats_file(tmp_path, ",Aggregated,0,0,0,0,0,0,0,0,0,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A,N/A")
    assert rows[0].p95 is None
    assert checks.judge_stats(rows, 500) == ["locust recorded no requests"]


def test_the_window_counts_only_requests_that_ended_within_it():
    lines = [
        "100.0\tPOST\t/login/ (POST)\t2400\t0\n",  # signing in, before the window
        "160.0\tGET\t/tasks/\t40\t0\n",
        "161.5\tGET\t/tasks/\t60\t0\n",
        "162.0\tGET\t/tasks/\t900\t1\n",
        "170.0\tGET\t/\t30\t0\n",
        "400.0\tGET\t/\t5000\t0\n",  # after it
    ]
    rows = checks.window_stats(lines, 150, 400)
    assert rows == [
        checks.PageStats("GET", "/", 1, 0, 30, 30, 30),
        checks.PageStats("GET", "/tasks/", 3, 1, 60, 900, 900),
        checks.PageStats("", "Aggregated", 4, 1, 40, 900, 900),
    ]
    assert checks.judge_stats(rows, 500) == ["GET /tasks/: p95 900 ms (goal: under 500 ms)", "1 failed requests"]
    assert checks.window_stats(lines, 500) == [checks.PageStats("", "Aggregated", 0, 0, None, None, None)]


def test_every_accepted_report_stored_once():
    outcomes = checks.report_outcomes(["sent\ta", "sent\tb", "ok\tb", "ok\ta", "sent\tc"])
    assert outcomes == {"a": "ok", "b": "ok", "c": "interrupted"}
    # A report whose user was stopped before the answer came may or may not be stored.
    for stored in (["b", "a"], ["b", "a", "c"]):
        result = checks.check_reports(outcomes, stored)
        assert (result.posted, result.interrupted, result.problems) == (2, 1, [])


def test_lost_duplicated_failed_and_unknown_reports_are_told_apart():
    outcomes = {"a": "ok", "b": "ok", "c": "ok", "d": "failed", "e": "interrupted"}
    result = checks.check_reports(outcomes, ["a", "a", "c", "d", "e", "e", "z"])
    assert (result.missing, result.duplicated, result.failed_but_stored, result.unknown) == (1, 2, 1, 1)
    assert len(result.problems) == 4


def test_time_in_the_worker_by_path():
    line = (
        '127.0.0.1 - - [06/Dec/2026:14:20:03 +0800] "{} HTTP/1.1" 200 543 "https://127.0.0.1:1/" "python-requests" {}'
    )
    lines = [line.format(f"GET /tasks/{pk}/", ms) for pk, ms in zip(range(1, 21), range(10, 210, 10), strict=True)]
    lines += [line.format("POST /tasks/7/report/", 80), line.format("GET /tasks/?light=red&page=2", 300), "booting"]
    assert checks.server_times(lines) == {
        "/tasks/": (1, 300),
        "/tasks/[id]/": (20, 190),
        "/tasks/[id]/report/": (1, 80),
    }


DAY = datetime.date(2026, 12, 7)


def test_reminders_sent_exactly_once():
    result = checks.check_reminders(
        [(1, "a@x.cn", "due", DAY), (1, "b@x.cn", "due", DAY), (2, "a@x.cn", "warning", DAY)],
        {10: "sent", 11: "sent"},
        # An e-mail of an earlier run's digest (99) is not this run's to judge.
        ["<reminder-20261207-10@localhost>", " <reminder-20261207-11@localhost>", "<reminder-20261201-99@localhost>"],
        {DAY: (3, 2, 3, 2)},
    )
    assert result.problems == []
    assert (result.reminders, result.digests, result.received) == (3, 2, 2)


def test_duplicates_and_mismatches_are_reported():
    result = checks.check_reminders(
        [(1, "a@x.cn", "due", DAY), (1, "a@x.cn", "due", DAY)],
        {10: "sent", 11: "sent", 12: "pending", 13: "claimed"},
        ["<reminder-20261207-10@localhost>", "<reminder-20261207-10@localhost>", "<reminder-20261207-12@localhost>"],
        {DAY: (4, 4, 2, 4)},
    )
    assert result.duplicate_reminders == 1
    assert result.statuses == {"sent": 2, "pending": 1, "claimed": 1}
    assert (result.received_twice, result.sent_not_received, result.received_not_sent) == (1, 1, 1)
    assert result.sweeps_miscounted == [
        "2026-12-07: sweeps counted 4 reminders and 4 digests, the database holds 2 and 4"
    ]
    assert len(result.problems) == 6


def test_message_ids_of_other_mail_are_not_digests():
    assert checks.digest_id("<reminder-20261207-42@ledger.example.gov.cn>") == 42
    assert checks.digest_id("<instruction-5-abcdef012345@localhost>") is None


def test_a_process_cpu_time_is_read_after_a_command_name_with_spaces_and_parentheses():
    # pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
    line = "4242 (gunicorn: (worker) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 1234 56 7 8 20 0 1 0 99 0 0\n"
    assert checks.process_ticks(line) == 1234 + 56 + 7 + 8


def test_the_machines_busy_time_leaves_out_idle_and_waiting_for_disk():
    # cpu user nice system idle iowait irq softirq steal
    assert checks.machine_ticks("cpu  100 5 20 800 30 1 2 0 0 0\ncpu0 1 2 3 4\n") == (128, 958)


def test_cpu_is_shared_by_kind_of_process_over_the_phase_only():
    postmaster = "/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main"
    before = {
        1: ("gunicorn: worker [config.wsgi]", 1000),
        2: (postmaster, 50),
        3: ("postgres: postgres ledger_load 127.0.0.1(41000) idle", 500),
        5: ("bash", 7),
    }
    after = {
        1: ("gunicorn: worker [config.wsgi]", 1600),
        # The backend ended after 200 more ticks: its 700 now count in the postmaster's, as its children's.
        2: (postmaster, 50 + 700),
        5: ("bash", 7),
        # Started during the phase: counted from its start.
        4: ("/venv/bin/python /venv/bin/celery -A config worker", 200),
    }
    shares, total = checks.cpu_by_kind(before, after)
    assert total == 1000
    assert shares == {"gunicorn": 0.6, "PostgreSQL": 0.2, "Celery": 0.2, "other": 0.0}
