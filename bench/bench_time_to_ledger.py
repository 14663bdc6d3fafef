"""Time to ledger (issue 17): the largest shared gazette, from upload until every proposal is reviewed, in the browser.

Drives headless Chromium (Playwright, as the browser tests do) against a live server on a throwaway database. A data
manager of 兴县 (the county exists, its units do not) uploads the largest file of ../shared/gazettes/, opens the
review desk, accepts the proposed unit directory in one go, then takes every other proposal with the fastest path
the desk offers: "accept and open the next" (on the review page, or on land's and compensation's prefilled forms),
from one proposal straight to the next. A proposal that cannot be accepted as proposed (a form error, or a rate
with no draft scheme version to take it) is left, and all those left are rejected at the end with one reason in one
bulk rejection. Prints the scripted minutes (median of the runs), clicks, forms submitted, addresses typed and
fields typed, and what became of each kind of proposal.

``--flow before`` walks the desk as it was before the rework (commit 261ad39): one long page, each accept lands
on the new record, back to the desk for the next, and one rejection per proposal. It runs only in a checkout of that
commit (see docs/benchmarks.md).

    .venv/bin/python bench/bench_time_to_ledger.py [--runs 3] [--flow after|before] [--gazette FILE]
"""

import argparse
import os
import re
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from harness import throwaway_database  # first: it sets Django up

# isort: split
from django.conf import settings

REASON = "需人工核对后补录"
PREFILLED = "div.review > div > p > a.button[href]"  # the review page's link to land's or compensation's form
PENDING_LINK = "table.proposals tbody tr:has(.proposal-status.pending) a[href*='/proposals/']"


class Steps:
    """The page, with what the user does counted: clicks (a choice in a drop-down is one), forms submitted,
    addresses typed (or the browser's Back), fields typed into."""

    def __init__(self, page):
        self.page = page
        self.clicks = self.submits = self.addresses = self.fields = self.accepted = 0
        self.why = Counter()

    def goto(self, url):
        self.addresses += 1
        self.page.goto(url)

    def click(self, locator):
        self.clicks += 1
        with self.page.expect_navigation():
            locator.click()

    def submit(self, locator):
        self.submits += 1
        self.click(locator)

    def fill(self, locator, text):
        self.fields += 1
        locator.fill(text)

    def choose(self, selector, value):
        self.clicks += 1
        self.page.select_option(selector, value)


def largest_gazette():
    files = sorted(Path(settings.SHARED_GAZETTES_DIR).glob("*.txt"), key=lambda path: path.stat().st_size)
    return files[-1] if files else None


def upload(steps, gazette):
    page = steps.page
    steps.goto("/gazette/imports/new/")
    page.set_input_files("input[name=files]", str(gazette))
    steps.clicks += 1  # choosing the file
    steps.submit(page.locator("form.editform button[type=submit]"))
    page.wait_for_selector(".progress.done", timeout=300_000)
    steps.click(page.locator("a.review-proposals"))
    return page.url.split("?")[0]


def acceptable(page, button):
    locator = page.locator(f"button[name={button}]")
    return locator.count() and locator.first.is_enabled()


def note_why(page, steps):
    """Why a proposal could not be accepted as proposed: the page's first error, or its disabled accept button."""
    errors = page.locator(".errorlist li, .message.error").all_inner_texts()
    kind = page.locator("h1").first.inner_text().split(":")[0].split("：")[0][:12]
    steps.why[f"{kind}: {(errors[0] if errors else 'no enabled accept button')[:70]}"] += 1


def review_after(steps, list_url, limit=0):
    """The reworked desk: units in one go, then "accept and open the next" from the first pending proposal to the
    last; what cannot be accepted as proposed is passed over and rejected at the end in one bulk rejection."""
    page = steps.page
    if page.locator("button[name=accept_units]").count():
        steps.submit(page.locator("button[name=accept_units]"))
    steps.choose("select[name=status]", "pending")
    steps.submit(page.locator("form.proposal-filters button[type=submit]"))
    passed = set()
    while True:
        if page.url.split("?")[0] == list_url:
            links = [link for link in page.locator(PENDING_LINK).all() if link.get_attribute("href") not in passed]
            if links:
                steps.click(links[0])
            elif page.locator("ul.pagination li.next a").count():  # the passed-over ones fill this page
                steps.click(page.locator("ul.pagination li.next a"))
            else:
                break
            continue
        if not acceptable(page, "accept_next") and page.locator(PREFILLED).count():
            steps.click(page.locator(PREFILLED).first)  # the prefilled form of land or compensation
            continue
        here = page.url
        if acceptable(page, "accept_next"):
            steps.submit(page.locator("button[name=accept_next]").first)
            if page.url != here or not page.locator(".errorlist, .message.error").count():
                steps.accepted += 1
                if limit and len(passed) + steps.accepted >= limit:
                    break
                continue
        # Left for later: back to the pending list, passing over this one.
        note_why(page, steps)
        passed.add(re.sub(r"^https?://[^/]+", "", here))
        if limit and len(passed) + steps.accepted >= limit:
            break
        steps.goto(f"{list_url}?status=pending")
    if page.locator("button[name=all_matching]").count():
        steps.fill(page.locator("#bulk-reject input[name=reason]"), REASON)
        steps.submit(page.locator("button[name=all_matching]"))


def review_before(steps, list_url, limit=0):
    """The desk before the rework: one long page; each accept lands on the new record and the user goes back to the
    desk for the next; what cannot be accepted as proposed is rejected one by one (no bulk rejection)."""
    page = steps.page
    if page.locator("button[name=accept_units]").count():
        steps.submit(page.locator("button[name=accept_units]"))
    passed = []
    while True:
        steps.goto(list_url)  # back to the desk (the browser's Back, or the address)
        links = [link for link in page.locator(PENDING_LINK).all() if link.get_attribute("href") not in passed]
        if not links:
            break
        href = links[0].get_attribute("href")
        steps.click(links[0])
        if not acceptable(page, "accept") and page.locator(PREFILLED).count():
            steps.click(page.locator(PREFILLED).first)
        here = page.url
        if acceptable(page, "accept"):
            steps.submit(page.locator("button[name=accept]").first)
            if page.url != here or not page.locator(".errorlist, .message.error").count():
                steps.accepted += 1
                if limit and len(passed) + steps.accepted >= limit:
                    break
                continue
        note_why(page, steps)
        passed.append(href)
        if limit and len(passed) + steps.accepted >= limit:
            break
    for href in passed:
        steps.goto(href)
        reason = page.locator("form[action*='/reject/'] input[name=reason]")
        if reason.count():
            steps.fill(reason, REASON)
        steps.submit(page.locator("button[name=reject]"))


def run(gazette, flow, limit):
    from playwright.sync_api import sync_playwright
    from pytest_django.live_server_helper import LiveServer

    from config.celery import app
    from intake.models import Proposal
    from org import roles
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS
    from tests.e2e.helpers import log_in
    from tests.org.factories import HomeCountyFactory, UserFactory

    app.conf.task_always_eager = True  # the import job runs in the server's thread, as a worker would right after
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    county = HomeCountyFactory()
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    server = LiveServer("127.0.0.1")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context(base_url=server.url, locale="zh-CN")
            context.set_default_timeout(300_000)  # the machine is shared: accepting 97 units took over a minute
            steps = Steps(context.new_page())
            started = time.perf_counter()
            steps.goto("/gazette/imports/new/")
            log_in(steps.page, manager.username)
            steps.fields += 2
            steps.submits += 1
            steps.clicks += 1
            steps.page.wait_for_url("**/gazette/imports/new/")
            list_url = upload(steps, gazette)
            (review_after if flow == "after" else review_before)(steps, list_url, limit)
            seconds = time.perf_counter() - started
            browser.close()
    finally:
        server.stop()
    outcomes = Counter(Proposal.objects.values_list("kind", "status"))
    return seconds, steps, outcomes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gazette", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--flow", choices=["after", "before"], default="after")
    parser.add_argument("--limit", type=int, default=0, help="stop after this many proposals (a sample of the flow)")
    args = parser.parse_args()
    gazette = args.gazette or largest_gazette()
    if gazette is None:
        print(f"No gazettes in {settings.SHARED_GAZETTES_DIR}: this benchmark needs the shared files; skipped.")
        return
    results = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as media, throwaway_database():
            settings.MEDIA_ROOT = media
            results.append(run(gazette, args.flow, args.limit))
        print(f"run {len(results)}: {results[-1][0] / 60:.2f} minutes", flush=True)
    seconds = statistics.median(result[0] for result in results)
    _, steps, outcomes = results[-1]
    total = sum(outcomes.values())
    print(f"gazette: {gazette.name} ({gazette.stat().st_size // 1024} KB), flow: {args.flow}, {total} proposals")
    each = seconds / max(total, 1)
    print(f"scripted time, median of {len(results)}: {seconds / 60:.2f} minutes ({each:.1f} s a proposal)")
    print(
        f"clicks: {steps.clicks}, forms submitted: {steps.submits}, addresses typed or Back: {steps.addresses}, "
        f"fields typed: {steps.fields}"
    )
    print(f"accepted through the pages: {steps.accepted}; passed over (then rejected): {sum(steps.why.values())}")
    for why, count in steps.why.most_common(8):
        print(f"  {count} × {why}")
    for kind in sorted({kind for kind, _ in outcomes}):
        counts = ", ".join(f"{status} {outcomes[kind, status]}" for status in ("accepted", "rejected", "pending"))
        print(f"  {kind}: {counts}")
    print(f"load average at the end: {' '.join(f'{value:.1f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
