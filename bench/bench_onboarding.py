"""Time to ledger (issue 14): a county the site has never seen, from its first gazette to reminders, in the browser.

Drives headless Chromium (Playwright, as the browser tests do) against a live server on a throwaway database:
a data manager of every county creates 白水县, uploads its 15-document gazette without masthead (county, year and
number typed in), accepts the proposed unit directory, gives each unit the tasks name a reminder contact with an
e-mail, accepts every roster and task as proposed. The flow is the browser test's
(tests/e2e/onboarding.py, ``onboard``). Prints the scripted minutes, the clicks and form
submissions, and checks the result: every task in 白水县, its units 白水县's, and the contacts in the reminder
preview. 兴县 exists beforehand with a 县住建局 and a 王伟 that nothing may land on.

    .venv/bin/python bench/bench_onboarding.py [--gazette bench/samples/onboarding-15.txt]
"""

import argparse
import datetime
import os
import tempfile
import time
from pathlib import Path

from harness import throwaway_database  # first: it sets Django up

# isort: split
from django.conf import settings

SAMPLE = Path(__file__).resolve().parent / "samples" / "onboarding-15.txt"
CONTACTS = {
    unit: (f"白水{unit[1:-1]}联络员", f"contact{number}@baishui.example")
    for number, unit in enumerate(
        ["县住建局", "县应急局", "县市场监管局", "县财政局", "县交通局", "县水利局", "县自然资源局", "县农业农村局"]
        + ["县教育局", "县卫健局"]
    )
}
DAY = datetime.date(2026, 12, 18)  # a Friday: half the tasks overdue, the rest due within days
GOAL_MINUTES, GOAL_SUBMITS = 10, 40


def run(gazette, year, number):
    from playwright.sync_api import sync_playwright
    from pytest_django.live_server_helper import LiveServer

    from config.celery import app
    from groups.models import LeadingGroup
    from intake.models import Proposal
    from org import roles
    from org.models import Organisation
    from projects.models import Assignment, Task
    from projects.reminders import selectors as reminder_selectors
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.e2e.onboarding import Counted, onboard
    from tests.org.factories import HomeCountyFactory, OrganisationFactory, PersonFactory, UserFactory

    app.conf.task_always_eager = True  # the import job runs in the server's thread, as a worker would right after
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    xingxian = HomeCountyFactory()
    housing = OrganisationFactory(name="兴县住房和城乡建设管理局", short_name="县住建局", parent=xingxian)
    PersonFactory(county=xingxian, name="王伟")
    manager = UserFactory(role=roles.DATA_MANAGER)

    server = LiveServer("127.0.0.1")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context(base_url=server.url, locale="zh-CN")
            context.set_default_timeout(30_000)
            steps = Counted(context.new_page())
            started = time.perf_counter()
            onboard(manager, steps, gazette, year=year, number=number, contacts=CONTACTS)
            seconds = time.perf_counter() - started
            browser.close()
    finally:
        server.stop()

    baishui = Organisation.objects.get(short_name="白水县", kind=Organisation.Kind.COUNTY)
    tasks = Task.objects.filter(county=baishui)
    assignments = Assignment.objects.filter(task__county=baishui)
    foreign = assignments.exclude(organisation__parent=baishui).count()
    pending = Proposal.objects.filter(status=Proposal.Status.PENDING, kind__in=["unit", "roster", "task"]).count()
    _, digests = reminder_selectors.preview(DAY)
    recipients = {digest["recipient"] for digest in digests}
    missing = sorted({email for _, email in CONTACTS.values()} - recipients)
    assert not Assignment.objects.filter(organisation=housing).exists()
    return {
        "seconds": seconds,
        "steps": steps,
        "tasks": tasks.count(),
        "assignments": assignments.count(),
        "foreign": foreign,
        "pending": pending,
        "units": Organisation.objects.filter(parent=baishui).count(),
        "groups": LeadingGroup.objects.filter(county=baishui).count(),
        "digests": len(digests),
        "missing": missing,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gazette", type=Path, default=SAMPLE)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--number", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as media, throwaway_database():
        settings.MEDIA_ROOT = media
        result = run(args.gazette, args.year, args.number)
    steps = result["steps"]
    minutes = result["seconds"] / 60
    print(f"gazette: {args.gazette.name}")
    print(f"scripted time: {result['seconds']:.1f} s = {minutes:.2f} minutes (goal: under {GOAL_MINUTES})")
    print(
        f"clicks: {steps.clicks}, form submissions: {steps.submits} (goal: under {GOAL_SUBMITS}), "
        f"typed addresses: {steps.addresses}"
    )
    print(
        f"result: {result['tasks']} tasks, {result['assignments']} assignments "
        f"({result['foreign']} outside 白水县), {result['groups']} groups, {result['units']} units of 白水县, "
        f"{result['pending']} rosters/tasks/units still pending"
    )
    print(f"reminder preview {DAY}: {result['digests']} digests; contacts missing: {result['missing'] or 'none'}")
    ok = minutes < GOAL_MINUTES and steps.submits < GOAL_SUBMITS and not result["missing"] and not result["foreign"]
    print("goal met" if ok else "goal NOT met")


if __name__ == "__main__":
    main()
