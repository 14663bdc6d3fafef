"""Under the Content-Security-Policy the main pages work in Chromium with nothing refused.

Every browser test fails on a refused script, style or source (the ``page`` fixture watches the policy's violations);
here the pages whose behaviour moved out of the HTML into static/js: the language switch, the indented unit tree,
a chart, and django-celery-beat's periodic-task form in the admin.
"""

import pytest
from django_celery_beat.models import CrontabSchedule, PeriodicTask

from tests.e2e.helpers import log_in
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_watch_catches_what_the_policy_refuses(page, csp_violations):
    page.goto("/login/")
    # The test's own script runs (Playwright's evaluate is not the page's); the script element it adds is refused.
    page.evaluate(
        "() => document.body.append(Object.assign(document.createElement('script'), {textContent: 'ran = 1'}))"
    )
    page.wait_for_function("() => window.cspViolations.length > 0")
    assert page.evaluate("() => window.ran") is None
    assert [text for text in csp_violations if text.startswith("script-src")], csp_violations
    csp_violations.clear()


def test_main_pages_work_under_the_policy(page, data_manager, county, finance):
    OrganisationFactory(name="兴县财政局国库支付中心", short_name="国库支付中心", parent=finance)
    AssignmentFactory(task=TaskFactory(title="整改任务"), organisation=finance)
    page.goto("/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/")

    page.goto("/tasks/dashboard/")
    page.wait_for_function("() => window.Chart && window.Chart.getChart('unit-chart')")
    labels = page.evaluate("() => window.Chart.getChart('unit-chart').data.datasets.map((set) => set.label)")
    assert labels == ["办结率（%）", "逾期率（%）"], labels

    page.goto("/organisations/")
    indents = page.locator("ul.tree li").evaluate_all(
        "(rows) => rows.map((row) => [row.dataset.depth, parseFloat(getComputedStyle(row).paddingLeft)])"
    )
    by_depth = dict(indents)
    assert by_depth["2"] > by_depth["1"] > by_depth["0"], indents

    page.select_option("select[name=language]", "en")
    page.wait_for_selector("text=Task dashboard")


def test_the_periodic_task_form_reads_the_chosen_schedule(page, county):
    admin = UserFactory(is_staff=True, is_superuser=True)
    daily = CrontabSchedule.objects.create(minute="0", hour="8")
    hourly = CrontabSchedule.objects.create(minute="0", hour="*")
    entry = PeriodicTask.objects.create(name="sweep", task="projects.tasks.sweep_reminders", crontab=daily)
    page.goto(f"/admin/django_celery_beat/periodictask/{entry.pk}/change/")
    log_in(page, admin.username)
    page.wait_for_selector("#id_crontab")
    assert page.locator(".field-crontab_translation").is_hidden()
    page.select_option("#id_crontab", str(hourly.pk))
    help_text = page.locator(".field-crontab .help").inner_text()
    assert "含义：" in help_text and hourly.human_readable in help_text, help_text
