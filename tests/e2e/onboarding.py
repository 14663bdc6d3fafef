"""The onboarding flow of a new county through the pages, with its clicks and forms counted: shared by the browser
test and bench/bench_onboarding.py."""

import re

from tests.e2e.helpers import log_in


class Counted:
    """The page, with every click and form submission the user makes counted."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.submits = 0
        self.addresses = 0

    def goto(self, url):
        """An address typed or bookmarked: neither a click nor a form."""
        self.addresses += 1
        self.page.goto(url)

    def click(self, selector):
        self.clicks += 1
        self.page.click(selector)

    def submit(self, selector):
        """Click a submit button: one click and one form submission."""
        self.clicks += 1
        self.submits += 1
        self.page.click(selector)

    def report(self):
        return f"{self.clicks} clicks, {self.submits} form submissions, {self.addresses} typed addresses"


def onboard(user, steps, gazette, *, year, number, contacts, shoot=None):
    """The whole flow through the pages, for 白水县; returns the issue's proposals URL."""
    page = steps.page
    take = shoot or (lambda name: None)
    steps.goto("/counties/new/")
    log_in(page, user.username)
    steps.clicks += 1
    steps.submits += 1
    page.wait_for_url("**/counties/new/")
    page.fill("input[name=name]", "白水县人民政府")
    page.fill("input[name=short_name]", "白水县")
    page.fill("input[name=number_prefixes]", "白政发 白政办发 白政办函")
    take("county")
    steps.submit("form.editform button[type=submit]")
    page.wait_for_url("**/counties/*/units/")
    units_url = page.url

    # The county's own reminder settings and a local day off.
    steps.click("a:text-is('提醒与工作日')")
    page.wait_for_url("**/counties/*/reminders/")
    page.check("input[name=policy-own]")
    page.fill("input[name=policy-warning_days]", "4")
    steps.submit("form:has(input[name=policy-warning_days]) button[type=submit]")
    page.wait_for_selector(".message.success")
    page.fill("input[name=day-date]", "2027-01-05")
    page.check("input[name=day-is_workday][value='0']")
    page.fill("input[name=day-note]", "县庆放假")
    take("reminder-settings")
    steps.submit("form:has(input[name=day-date]) button[type=submit]")
    page.wait_for_selector("td:text-is('县庆放假')")

    steps.goto("/gazette/imports/new/")
    page.set_input_files("input[name=files]", str(gazette))
    page.fill("input[name=county]", "白水县")
    page.fill("input[name=year]", str(year))
    page.fill("input[name=number]", str(number))
    take("upload")
    steps.submit("form.editform button[type=submit]")
    page.wait_for_url("**/gazette/imports/*/")
    page.wait_for_selector(".progress.done", timeout=60_000)
    take("imported")
    steps.click("a.review-proposals")
    page.wait_for_url("**/proposals/issue/*/")
    proposals_url = page.url
    take("proposals")

    steps.submit("button[name=accept_units]")
    page.wait_for_selector(".message.success")
    take("units-accepted")

    # The proposals page links each accepted unit to its page, not to the county's unit list where the contact is set.
    steps.goto(units_url)
    for unit_name, (name, email) in contacts.items():
        row = page.locator("table.data-table tbody tr", has=page.locator(f"td:first-child a:text-is('{unit_name}')"))
        steps.clicks += 1
        row.locator("a", has_text="编辑").click()
        page.wait_for_url("**/units/*/edit/")
        page.fill("input[name=contact_name]", name)
        page.fill("input[name=contact_email]", email)
        steps.submit("form.editform button[type=submit]")
        page.wait_for_url("**/units/")
    take("contacts")

    # Every roster and task, accepted as proposed; each acceptance leads to the new group or task, and the user
    # comes back to the proposals for the next one.
    pending = "tr:is([data-kind=roster], [data-kind=task]):has(.proposal-status.pending) a"
    shot = set()
    while True:
        steps.goto(proposals_url)
        link = page.locator(pending).first
        if not link.count():
            break
        kind = link.locator("xpath=ancestor::tr").get_attribute("data-kind")
        steps.clicks += 1
        link.click()
        page.wait_for_url(re.compile(r"/proposals/\d+/$"))
        if kind not in shot:
            take(kind)
            shot.add(kind)
        steps.submit("button[name=accept]")
        page.wait_for_load_state()
        errors = page.locator(".errorlist, .message.error").all_inner_texts()
        assert not re.search(r"/proposals/\d+/$", page.url), errors
    take("done")
    return proposals_url
