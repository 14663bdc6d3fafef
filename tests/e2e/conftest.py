"""Headless Debian Chromium driven by Playwright against the live test server."""

import os
from pathlib import Path

import pytest
from django.db import connections

from demo import compensation as compensation_demo
from org import roles
from tests.org.factories import AliasFactory, OrganisationFactory, UserFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def housing_staff(county):
    """Staff of 县住建局, which implements the third phase's expropriation, with the demo's schemes loaded."""
    housing = OrganisationFactory(name="兴县住房和城乡建设管理局", short_name="县住建局", parent=county)
    AliasFactory(organisation=OrganisationFactory(name="蔚汾镇", parent=county), alias="蔚汾镇人民政府")
    compensation_demo.load_demo()
    return UserFactory(role=roles.UNIT_STAFF, units=[housing])


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = "Debian's chromium is not installed (apt-get install chromium fonts-noto-cjk); .ci/run installs it"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test itself are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # Playwright's sync API runs the tests in a context of its own (a greenlet's), where Django keeps a second
        # connection to the test database beside the one it set the database up with: closed here, while that
        # context is current, or PostgreSQL refuses to drop the database at the end ("accessed by other users").
        connections.close_all()


# Every page reports what its Content-Security-Policy refused (an inline script or style, a handler, a foreign
# source) to the test, which fails on any: behaviour the policy blocks is lost without a visible error.
WATCH_CSP = """window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const text = `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${location.pathname}`;
  window.cspViolations.push(text);
  window.reportCspViolation(text);
});"""


@pytest.fixture
def csp_violations():
    return []


@pytest.fixture
def page(browser, live_server, request, csp_violations):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(10_000)
    context.expose_binding("reportCspViolation", lambda source, text: csp_violations.append(text))
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}-last.png", full_page=True)
    context.close()
    assert not csp_violations, "the Content-Security-Policy refused parts of the pages"


@pytest.fixture
def shoot(page, request):
    """Save a named screenshot, to look at the pages as a user would."""

    def take(name):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}-{name}.png", full_page=True)

    return take
