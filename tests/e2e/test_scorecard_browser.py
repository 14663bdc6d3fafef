"""The 考核 scorecard in the browser: a county supervisor's ranking with its chart, its printable bulletin, at a
desktop and a phone width, with nothing refused by the Content-Security-Policy (the page fixture fails on any)."""

import datetime

import pytest
from django.utils import timezone

from org import roles
from projects.scorecard import quarter_of
from tests.e2e.helpers import log_in
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


@pytest.fixture
def scored(county, settings):
    # A fast hasher: signing in is not what is tested, and on a busy machine PBKDF2 made the login outlast its timeout.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    start = quarter_of(TODAY).start
    for number, name in enumerate(["县人力资源和社会保障局", "县水利局", "县交通运输局", "县自然资源局"]):
        unit = OrganisationFactory(name=f"兴县{name}", short_name=name, parent=county)
        for offset in range(number + 2):
            due = start + datetime.timedelta(days=offset)
            closed = due + datetime.timedelta(days=number) if due + datetime.timedelta(days=number) <= TODAY else None
            task = TaskFactory(
                county=county,
                title=f"{name}任务{offset}",
                due=due,
                as_of=start - datetime.timedelta(days=30),
                status="closed" if closed else "in_progress",
                closed_on=closed,
            )
            AssignmentFactory(task=task, organisation=unit)
    return UserFactory(role=roles.SUPERVISOR, counties=[county])


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_supervisor_sees_the_ranking_with_its_chart_and_the_bulletin(page, scored, shoot):
    page.set_default_timeout(30_000)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/tasks/scorecard/")
    log_in(page, scored.username)
    page.goto("/tasks/scorecard/")
    assert page.locator("h1").inner_text().startswith("单位考核")
    page.wait_for_function("Chart.getChart(document.getElementById('scorecard-chart')) !== undefined")
    assert page.locator("canvas#scorecard-chart").is_visible()
    assert page.locator("table.scorecard tbody tr").count() == 4
    shoot("desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.wait_for_function("Chart.getChart(document.getElementById('scorecard-chart')) !== undefined")
    shoot("phone")
    assert no_horizontal_scroll(page)
    page.click("text=打印督查通报")
    assert "督查通报" in page.locator("h1").inner_text()
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert page.locator("table.scorecard tbody tr").count() == 4
