"""The load test's verdicts, from what the run left behind: locust's stats CSV, the progress reports the simulated
users saw accepted, the reminder rows and the e-mails the local SMTP server received. No Django, no locust: the
tests (tests/bench/) feed them made-up inputs."""

import csv
import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class PageStats:
    method: str
    name: str
    requests: int
    failures: int
    median: int | None
    p95: int | None
    maximum: int | None


def _milliseconds(value):
    # Locust writes N/A for an entry without requests, and floats for the averaged columns.
    return None if value in ("", "N/A") else round(float(value))


def read_stats(path):
    """The rows of locust's ``<prefix>_stats.csv``: one per request name, the last one "Aggregated"."""
    with open(path, newline="", encoding="utf-8") as file:
        return [
            PageStats(
                method=row["Type"],
                name=row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                median=_milliseconds(row["Median Response Time"]),
                p95=_milliseconds(row["95%"]),
                maximum=_milliseconds(row["Max Response Time"]),
            )
            for row in csv.DictReader(file)
        ]


def window_stats(lines, start, end=float("inf")):
    """PageStats, as in locust's CSV, of the requests that ended in [start, end) (seconds since the epoch), from the
    lines the locustfile writes for each request: its end, method, name, milliseconds and 1 if it failed."""
    times, failures = {}, Counter()
    for line in lines:
        ended, method, name, milliseconds, failed = line.rstrip("\n").split("\t")
        if start <= float(ended) < end:
            times.setdefault((method, name), []).append(int(milliseconds))
            failures[method, name] += int(failed)
    rows = [_page_stats(method, name, found, failures[method, name]) for (method, name), found in sorted(times.items())]
    every = [milliseconds for found in times.values() for milliseconds in found]
    return [*rows, _page_stats("", "Aggregated", every, sum(failures.values()))]


def _page_stats(method, name, times, failures):
    if not times:
        return PageStats(method, name, 0, failures, None, None, None)
    return PageStats(method, name, len(times), failures, percentile(times, 50), percentile(times, 95), max(times))


def judge_stats(rows, p95_limit_ms):
    """What misses the goals: a request name whose p95 is at or over the limit, any failure, or no requests at all."""
    problems = []
    pages = [row for row in rows if row.name != "Aggregated"]
    if not pages:
        problems.append("locust recorded no requests")
    for row in pages:
        if row.p95 is None or row.p95 >= p95_limit_ms:
            problems.append(f"{row.method} {row.name}: p95 {row.p95} ms (goal: under {p95_limit_ms} ms)")
    failures = sum(row.failures for row in pages)
    if failures:
        problems.append(f"{failures} failed requests")
    return problems


@dataclass(frozen=True)
class ReportCheck:
    posted: int
    interrupted: int
    stored: int
    missing: int
    duplicated: int
    failed_but_stored: int
    unknown: int

    @property
    def problems(self):
        found = []
        if self.missing:
            found.append(f"{self.missing} progress reports accepted by the site are not in the database")
        if self.duplicated:
            found.append(f"{self.duplicated} progress reports are in the database more than once")
        if self.failed_but_stored:
            found.append(f"{self.failed_but_stored} progress reports are stored although their user saw a failure")
        if self.unknown:
            found.append(f"{self.unknown} progress reports are stored that no simulated user posted")
        return found


def report_outcomes(lines):
    """The last outcome of each report from the locustfile's lines ``<outcome>\t<text>``: "ok", "failed", or
    "interrupted" for one still "sent" (its user was stopped while waiting for the answer)."""
    outcomes = {}
    for line in lines:
        outcome, _tab, text = line.rstrip("\n").partition("\t")
        if text:
            outcomes[text] = "interrupted" if outcome == "sent" else outcome
    return outcomes


def check_reports(outcomes, stored_texts):
    """Each report the site accepted (``outcomes``: text → outcome) must be stored (``stored_texts``: the texts of
    the run's ProgressReport rows) exactly once; one whose answer never came may be stored, once at most; one the
    user saw fail, never."""
    stored = Counter(stored_texts)
    accepted = {text for text, outcome in outcomes.items() if outcome == "ok"}
    failed = {text for text, outcome in outcomes.items() if outcome == "failed"}
    return ReportCheck(
        posted=len(accepted),
        interrupted=sum(1 for outcome in outcomes.values() if outcome == "interrupted"),
        stored=sum(stored.values()),
        missing=len(accepted - set(stored)),
        duplicated=sum(1 for count in stored.values() if count > 1),
        failed_but_stored=len(failed & set(stored)),
        unknown=len(set(stored) - set(outcomes)),
    )


MESSAGE_ID = re.compile(r"<reminder-\d{8}-(\d+)@")


def digest_id(message_id):
    """The digest a reminder e-mail carries (projects.reminders.mail.build_message's Message-ID), or None."""
    match = MESSAGE_ID.match(message_id.strip())
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class ReminderCheck:
    reminders: int
    duplicate_reminders: int
    digests: int
    statuses: dict
    received: int
    received_twice: int
    sent_not_received: int
    received_not_sent: int
    sweeps_miscounted: list

    @property
    def problems(self):
        found = []
        if self.duplicate_reminders:
            found.append(f"{self.duplicate_reminders} reminders (task, recipient, tier, day) recorded more than once")
        unsent = {status: n for status, n in self.statuses.items() if status != "sent" and n}
        if unsent:
            found.append(f"digests not sent: {unsent}")
        if self.received_twice:
            found.append(f"{self.received_twice} digests received by the SMTP server more than once")
        if self.sent_not_received:
            found.append(f"{self.sent_not_received} digests marked sent never reached the SMTP server")
        if self.received_not_sent:
            found.append(f"{self.received_not_sent} digests reached the SMTP server without being marked sent")
        found += self.sweeps_miscounted
        return found


def check_reminders(reminder_keys, digests, message_ids, sweeps):
    """Exactly once, as projects/reminders/services.py promises it.

    ``reminder_keys``: (task, e-mail, tier, day) of every Reminder row of the swept days; ``digests``: {digest id:
    status} of those days; ``message_ids``: the Message-ID of every reminder e-mail the SMTP server received;
    ``sweeps``: {day: (sum of the sweeps' new reminders, sum of their new digests, reminders stored, digests
    stored)}, which must agree: sweeps running at once count each row once between them.
    """
    keys = Counter(reminder_keys)
    received = Counter(digest_id(message_id) for message_id in message_ids)
    sent = {pk for pk, status in digests.items() if status == "sent"}
    # E-mails of other days (an earlier run's retries) are not this run's to judge.
    ours = {pk: count for pk, count in received.items() if pk in digests}
    miscounted = [
        f"{day}: sweeps counted {counted_reminders} reminders and {counted_digests} digests, "
        f"the database holds {reminders} and {digests_stored}"
        for day, (counted_reminders, counted_digests, reminders, digests_stored) in sorted(sweeps.items())
        if (counted_reminders, counted_digests) != (reminders, digests_stored)
    ]
    return ReminderCheck(
        reminders=sum(keys.values()),
        duplicate_reminders=sum(1 for count in keys.values() if count > 1),
        digests=len(digests),
        statuses=dict(Counter(digests.values())),
        received=sum(ours.values()),
        received_twice=sum(1 for count in ours.values() if count > 1),
        sent_not_received=len(sent - set(ours)),
        received_not_sent=len(set(ours) - sent),
        sweeps_miscounted=miscounted,
    )


# gunicorn's access log as run.py sets it: the request line, the status, and last the time in the worker (ms).
ACCESS_LINE = re.compile(r'"(?:GET|POST) (\S+) HTTP/[\d.]+" \d{3} .* (\d+)$')


def server_times(lines):
    """{path: (requests, p95 ms)} of the time gunicorn's workers spent on each request, queries and task ids
    taken out: against locust's figures, what is left is the wait for a free worker."""
    times = {}
    for line in lines:
        match = ACCESS_LINE.search(line.rstrip())
        if match:
            path = re.sub(r"/\d+/", "/[id]/", match.group(1).split("?")[0])
            times.setdefault(path, []).append(int(match.group(2)))
    return {path: (len(found), percentile(found, 95)) for path, found in sorted(times.items())}


def percentile(values, percent):
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * percent // 100) - 1)]


# Where the CPU went while the judged phase ran, from /proc: which processes used it, by the first of these words in
# their command line.
PROCESS_KINDS = (
    ("gunicorn", "gunicorn"),
    ("celery", "Celery"),
    ("postgres", "PostgreSQL"),
    ("locust", "locust"),
    ("redis-server", "Redis"),
)


def process_ticks(stat_line):
    """A process's CPU time in clock ticks, its own and that of its children it has waited for (a PostgreSQL
    backend that ended, or a worker replaced, goes on counting in its parent), from its /proc/<pid>/stat line. The
    command name in parentheses may hold spaces and parentheses itself: the fields are counted after the last ')'."""
    fields = stat_line[stat_line.rindex(")") + 2 :].split()
    # utime, stime, cutime and cstime are the stat file's fields 14 to 17; the state, the 3rd, is the first here.
    return sum(int(value) for value in fields[11:15])


def machine_ticks(proc_stat):
    """(busy, all) clock ticks of every core since boot, from /proc/stat's first line."""
    values = [int(value) for value in proc_stat.splitlines()[0].split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle and waiting for I/O
    return sum(values) - idle, sum(values)


def cpu_by_kind(before, after):
    """{kind: share of the processes' CPU} between two readings of {pid: (command line, ticks)}, and the ticks in
    all. A process started between them counts from its start; one that ended counts in its parent, where its
    parent is of the same kind (a PostgreSQL backend's is the postmaster)."""
    used = Counter()
    for reading, sign in ((after, 1), (before, -1)):
        for command, ticks in reading.values():
            used[next((label for word, label in PROCESS_KINDS if word in command), "other")] += sign * ticks
    total = sum(max(ticks, 0) for ticks in used.values())
    return {kind: max(ticks, 0) / total for kind, ticks in used.most_common()} if total else {}, total
