"""Simulated staff of the three roles, for bench/loadtest/run.py (which starts the site and passes the accounts).

Each user signs in through the login page, then browses as a person would, with a few seconds between pages. The
site runs as behind nginx (deploy/nginx/ledger.conf): every request carries X-Forwarded-Proto: https, and forms
carry the Origin and Referer a browser on that https address sends. Any status other than the expected one, a page
cut short or a form sent back with errors is a failure.

Environment: LOADTEST_ACCOUNTS (JSON written by run.py), LOADTEST_POSTED (each report's text is appended there
with its outcome, one a line), LOADTEST_REQUESTS (each request's end, method, name, milliseconds and whether it
failed, one a line, for run.py to judge the time after everyone signed in), LOADTEST_SPAWNED (the time the last
user started), LOADTEST_RUN (a run id that makes the texts unique across runs), LOADTEST_THINK (the least and most
seconds between two pages; 3,10 unless given).
"""

import itertools
import json
import os
import random
import re
import time
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task
from requests.cookies import RequestsCookieJar

ACCOUNTS = json.loads(Path(os.environ["LOADTEST_ACCOUNTS"]).read_text(encoding="utf-8"))
# Open for the whole run: each report's outcome is written, and flushed, as it happens; the requests' lines are
# flushed when locust quits.
POSTED = open(os.environ["LOADTEST_POSTED"], "a", encoding="utf-8")
REQUESTS = open(os.environ["LOADTEST_REQUESTS"], "a", encoding="utf-8")
RUN = os.environ["LOADTEST_RUN"]
THINK = [float(seconds) for seconds in os.environ.get("LOADTEST_THINK", "3,10").split(",")]
REPORT_PREFIX = f"负载测试进展 {RUN}"

# One account per simulated user while they last, then shared: several people may sign in as one unit's account.
_next_account = {role: itertools.cycle(ACCOUNTS[role]) for role in ("unit", "supervisor", "manager")}

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TASK_LINK = re.compile(r'href="/tasks/(\d+)/"')
REPORT_DATE = re.compile(r'<form[^>]*report-form.*?name="date"[^>]*value="([0-9-]+)"', re.S)
SEARCH_WORDS = ["重点工作", "推进第1", "生成任务12"]


class LoopbackJar(RequestsCookieJar):
    """Behind TLS the session and CSRF cookies are Secure, and a browser on the https address sends them back; this
    client reaches gunicorn over loopback http, so it keeps them without the flag to do the same. (A cookie policy
    would not do: requests copies the cookies into a jar of its own for each request.)"""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


class Staff(HttpUser):
    abstract = True
    role = None
    # Staff read a page before the next: seconds, not a benchmark's back-to-back requests.
    wait_time = between(*THINK)

    def on_start(self):
        self.account = next(_next_account[self.role])
        origin = self.host.replace("http://", "https://", 1)
        self.client.headers.update({"X-Forwarded-Proto": "https", "Origin": origin})
        self.origin = origin
        self.client.cookies = LoopbackJar()
        self.task_ids = []
        self.log_in()

    def log_in(self):
        page = self.page("/login/", "/login/")
        if page is None:
            return
        data = {
            "username": self.account["username"],
            "password": self.account["password"],
            "csrfmiddlewaretoken": _csrf(page),
            "next": "",
        }
        with self.client.post(
            "/login/",
            data=data,
            name="/login/ (POST)",
            headers={"Referer": f"{self.origin}/login/"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302 or "/login/" in response.headers.get("Location", ""):
                response.failure(f"login refused: {response.status_code}")

    def page(self, url, name, *, collect_tasks=False):
        """GET an HTML page; its text, or None when it failed."""
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            problem = _page_problem(response)
            if problem:
                response.failure(problem)
                return None
            if collect_tasks:
                found = TASK_LINK.findall(response.text)
                if found:
                    self.task_ids = sorted(set(found))
            return response.text

    def open_task(self):
        if not self.task_ids:
            return None, None
        pk = random.choice(self.task_ids)
        return pk, self.page(f"/tasks/{pk}/", "/tasks/[id]/")


class UnitStaff(Staff):
    weight = 16
    role = "unit"

    def on_start(self):
        super().on_start()
        self.unit = self.account["unit"]
        self.own_tasks()

    def own_tasks(self):
        # Where a unit's staff start: their own open tasks, whose links the other actions follow.
        self.page(f"/tasks/?unit={self.unit}&open=true", "/tasks/ [unit, open]", collect_tasks=True)

    @task(3)
    def home(self):
        self.page("/", "/")

    @task(2)
    def task_list(self):
        self.page("/tasks/", "/tasks/")

    @task(4)
    def filtered_list(self):
        name, query = random.choice(
            [
                ("light=red", "light=red"),
                ("light=yellow", "light=yellow"),
                ("unit", f"unit={self.unit}"),
                ("status", "status=in_progress"),
                ("q", f"q={random.choice(SEARCH_WORDS)}"),
                ("sort", random.choice(["sort=due", "sort=-due", "sort=-latest_report"])),
                ("page 2", "page=2"),
            ]
        )
        self.page(f"/tasks/?{query}", f"/tasks/ [{name}]")

    @task(2)
    def own_list(self):
        self.own_tasks()

    @task(3)
    def view_task(self):
        self.open_task()

    @task(2)
    def report_progress(self):
        pk, text = self.open_task()
        if text is None:
            return
        if "report-form" not in text:
            # Closing requested or paused: no report form, as for a person; they would pick another task.
            self.task_ids.remove(pk)
            return
        date = REPORT_DATE.search(text)
        report = f"{REPORT_PREFIX} {self.account['username']} {uuid.uuid4().hex}"
        data = {
            "csrfmiddlewaretoken": _csrf(text),
            "date": date.group(1) if date else "",
            "text": report,
            "percent": str(random.randrange(101)),
        }
        # A browser sends the form as multipart, the empty file field included.
        files = {"attachment": ("", b"", "application/octet-stream")}
        record("sent", report)
        with self.client.post(
            f"/tasks/{pk}/report/",
            data=data,
            files=files,
            name="/tasks/[id]/report/ (POST)",
            headers={"Referer": f"{self.origin}/tasks/{pk}/"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302 or not response.headers.get("Location", "").endswith(f"/tasks/{pk}/"):
                response.failure(f"report not accepted: {response.status_code} {_errors(response.text)}")
                record("failed", report)
                return
        record("ok", report)
        # The browser follows the redirect back to the task page.
        self.page(f"/tasks/{pk}/", "/tasks/[id]/")

    @task(1)
    def export_csv(self):
        url = f"/tasks/?unit={self.unit}&_export=csv"
        with self.client.get(url, name="/tasks/?_export=csv [unit]", catch_response=True) as response:
            if response.status_code != 200 or not response.headers.get("Content-Type", "").startswith("text/csv"):
                response.failure(f"export: {response.status_code} {response.headers.get('Content-Type')}")
            elif response.content.count(b"\n") < 1:
                response.failure("export: no header line")


class Supervisor(Staff):
    weight = 3
    role = "supervisor"

    @task(3)
    def dashboard(self):
        self.page(f"/tasks/dashboard/?county={self.account['county']}", "/tasks/dashboard/ [county]")

    @task(2)
    def rollup(self):
        self.page("/rollup/", "/rollup/")

    @task(2)
    def red_tasks(self):
        county = self.account["county"]
        self.page(f"/tasks/?county={county}&light=red", "/tasks/ [county, light=red]", collect_tasks=True)

    @task(1)
    def by_due(self):
        self.page(f"/tasks/?county={self.account['county']}&sort=due", "/tasks/ [county, sort]", collect_tasks=True)

    @task(2)
    def view_task(self):
        self.open_task()

    @task(1)
    def home(self):
        self.page("/", "/")


class DataManager(Staff):
    weight = 1
    role = "manager"

    @task(2)
    def task_list(self):
        self.page("/tasks/", "/tasks/", collect_tasks=True)

    @task(1)
    def reminders(self):
        self.page("/tasks/reminders/", "/tasks/reminders/")

    @task(1)
    def dashboard(self):
        self.page("/tasks/dashboard/", "/tasks/dashboard/")

    @task(1)
    def rollup(self):
        self.page("/rollup/", "/rollup/")

    @task(1)
    def view_task(self):
        self.open_task()


@events.request.add_listener
def log_request(request_type, name, response_time, exception, **_kwargs):
    REQUESTS.write(f"{time.time():.3f}\t{request_type}\t{name}\t{round(response_time)}\t{int(exception is not None)}\n")


@events.spawning_complete.add_listener
def everyone_started(user_count, **_kwargs):
    Path(os.environ["LOADTEST_SPAWNED"]).write_text(f"{time.time():.3f}\n", encoding="utf-8")


@events.quitting.add_listener
def flush_requests(**_kwargs):
    REQUESTS.flush()


def record(outcome, report):
    """A report's text before it is posted ("sent") and once the answer is in ("ok", "failed"): one still "sent" at
    the end was cut off when the run stopped."""
    POSTED.write(f"{outcome}\t{report}\n")
    POSTED.flush()


def _csrf(text):
    found = CSRF.search(text)
    return found.group(1) if found else ""


def _errors(text):
    return "form errors" if 'class="errorlist' in text else ""


def _page_problem(response):
    """Why a page counts as failed, or None."""
    if response.status_code != 200:
        location = response.headers.get("Location", "")
        return f"{response.status_code} {location}".strip()
    if "</html>" not in response.text:
        return "page cut short"
    if 'class="errorlist' in response.text:
        return "page shows form errors"
    return None
