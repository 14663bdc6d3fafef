"""Every list, detail and form page at a phone's width (390 px) and a desktop's (1366 px), with the demo counties
loaded: nothing is wider than the screen (the page never scrolls sideways), the menu folds behind a button on the
phone and shows in full on the desktop, and a unit clerk's task titles keep a readable line.

The demo takes half a minute to load, so it is loaded once for the module, with one server and one browser; each
page is its own case, so a failure names the page. Screenshots go to test-artifacts/phone-layout/."""

import dataclasses
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import override_settings
from django.urls import reverse
from pytest_django.live_server_helper import LiveServer

from compensation.models import CompensationScheme, Household
from demo import compensation as compensation_demo
from demo import land as land_demo
from demo import qinglan, xingxian
from gazette.models import Document, Issue
from groups.models import LeadingGroup
from intake.models import Proposal
from land.models import LandSupplyPlan, Parcel
from org import roles
from org.models import Organisation, Person
from org.selectors import county_named
from projects.models import Task
from tests.e2e.conftest import ARTIFACTS, WATCH_CSP
from tests.e2e.helpers import log_in
from tests.org.factories import UserFactory

# The mark makes pytest-django set up the test database, which the module's records are loaded into; each test's
# own transaction is rolled back, and the records stay for the next page.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = {"phone": (390, 844), "desktop": (1366, 768)}
MANAGER, SUPERVISOR, UNIT = "data manager", "supervisor", "unit staff"
# The unit the demo's unit account belongs to; it leads several of the demo's tasks.
DEMO_UNIT = "县人社局"
# A task title on a phone holds at least this many characters a line (a two-character column is unreadable).
TITLE_CHARACTERS = 8


@dataclasses.dataclass(frozen=True)
class Page:
    name: str
    role: str
    # The page's address, built from the loaded demo records.
    url: Callable[[], str]


def first(queryset):
    record = queryset.order_by("pk").first()
    assert record is not None, f"the demo has no {queryset.model.__name__}"
    return record


def task_with_most_units():
    return first(Task.objects.filter(assignments__organisation__short_name=DEMO_UNIT))


def smallest_group():
    """A group with a short roster: each roster row of the form lists the county's people."""
    groups = LeadingGroup.objects.annotate(lines=Count("memberships")).filter(lines__gt=0)
    return groups.order_by("lines", "pk").first()


def proposal_issue():
    return first(Proposal.objects).document.issue


def version():
    return first(Household.objects).scheme_version


PAGES = [
    Page("home-manager", MANAGER, lambda: reverse("home")),
    Page("home-supervisor", SUPERVISOR, lambda: reverse("home")),
    Page("home-unit", UNIT, lambda: reverse("home")),
    Page("my-tasks", UNIT, lambda: reverse("projects:task_list")),
    Page("tasks", MANAGER, lambda: reverse("projects:task_list")),
    Page("task", UNIT, lambda: task_with_most_units().get_absolute_url()),
    Page("task-manager", MANAGER, lambda: task_with_most_units().get_absolute_url()),
    Page("task-form", MANAGER, lambda: reverse("projects:task_edit", args=[task_with_most_units().pk])),
    Page("dashboard", SUPERVISOR, lambda: reverse("projects:task_dashboard")),
    Page("calendar", UNIT, lambda: reverse("projects:task_calendar")),
    Page("reminders", MANAGER, lambda: reverse("projects:reminder_overview")),
    Page("county-reminders", MANAGER, lambda: reverse("projects:county_reminders", args=[county_named("兴县").pk])),
    Page("groups", MANAGER, lambda: reverse("groups:group_list")),
    Page("group", MANAGER, lambda: first(LeadingGroup.objects.filter(memberships__isnull=False)).get_absolute_url()),
    Page("group-form", MANAGER, lambda: reverse("groups:group_edit", args=[smallest_group().pk])),
    Page("people", MANAGER, lambda: reverse("org:person_list")),
    Page("person", MANAGER, lambda: first(Person.objects.filter(memberships__isnull=False)).get_absolute_url()),
    Page("organisations", MANAGER, lambda: reverse("org:organisation_tree")),
    Page("organisation", MANAGER, lambda: first(Organisation.objects.filter(short_name=DEMO_UNIT)).get_absolute_url()),
    Page("counties", MANAGER, lambda: reverse("org:county_list")),
    Page("county-units", MANAGER, lambda: reverse("org:county_units", args=[county_named("兴县").pk])),
    Page("audit", MANAGER, lambda: reverse("org:audit")),
    Page("issues", UNIT, lambda: reverse("gazette:issue_list")),
    Page("issue", MANAGER, lambda: first(Issue.objects).get_absolute_url()),
    Page("documents", UNIT, lambda: reverse("gazette:document_list")),
    Page("search", UNIT, lambda: reverse("gazette:document_list") + "?q=领导小组"),
    Page("document", MANAGER, lambda: first(Document.objects.filter(leading_groups__isnull=False)).get_absolute_url()),
    Page("imports", MANAGER, lambda: reverse("gazette:import_list")),
    Page("review-desk", MANAGER, lambda: reverse("intake:issue_proposals", args=[proposal_issue().pk])),
    Page("proposal", MANAGER, lambda: reverse("intake:proposal_review", args=[first(Proposal.objects).pk])),
    Page(
        "task-proposal",
        MANAGER,
        lambda: reverse("intake:proposal_review", args=[first(Proposal.objects.filter(kind="task")).pk]),
    ),
    Page("plans", MANAGER, lambda: reverse("land:plan_list")),
    Page("plan", MANAGER, lambda: first(LandSupplyPlan.objects).get_absolute_url()),
    Page("plan-form", MANAGER, lambda: reverse("land:plan_edit", args=[first(LandSupplyPlan.objects).pk])),
    Page("parcels", MANAGER, lambda: reverse("land:parcel_list")),
    Page("parcel", MANAGER, lambda: first(Parcel.objects).get_absolute_url()),
    Page("parcel-form", MANAGER, lambda: reverse("land:parcel_edit", args=[first(Parcel.objects).pk])),
    Page("approvals", MANAGER, lambda: reverse("land:approval_list")),
    Page("quality", MANAGER, lambda: reverse("land:quality_list")),
    Page("schemes", MANAGER, lambda: reverse("compensation:scheme_list")),
    Page("scheme", MANAGER, lambda: reverse("compensation:scheme_detail", args=[first(CompensationScheme.objects).pk])),
    Page("version", MANAGER, lambda: reverse("compensation:version_detail", args=[version().pk])),
    Page("calculator", MANAGER, lambda: reverse("compensation:calculator", args=[version().pk])),
    Page("project", MANAGER, lambda: reverse("compensation:project_dashboard", args=[version().scheme.project_id])),
    Page("households", MANAGER, lambda: reverse("compensation:household_list", args=[version().scheme.project_id])),
    Page("household", MANAGER, lambda: reverse("compensation:household_detail", args=[first(Household.objects).pk])),
    Page("household-form", MANAGER, lambda: reverse("compensation:household_edit", args=[first(Household.objects).pk])),
    Page("rollup", SUPERVISOR, lambda: reverse("rollup:rollup")),
]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, browser):
    """The demo counties, a user of each role signed in (one browser page each), and the pages' addresses."""
    caches = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": __name__}}
    with django_db_blocker.unblock(), override_settings(CACHES=caches):
        # The flush below must only ever empty a test database.
        in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()  # only SQLite's has the method
        assert in_memory or str(connection.settings_dict["NAME"]).startswith("test")
        xingxian.load_demo()
        qinglan.load_demo()
        land_demo.load_demo()
        compensation_demo.load_demo()
        compensation_demo.load_demo_households()
        xingxian.send_demo_reminders()
        unit = Organisation.objects.get(short_name=DEMO_UNIT, parent=county_named("兴县"))
        users = {
            MANAGER: UserFactory(role=roles.DATA_MANAGER),
            SUPERVISOR: UserFactory(role=roles.SUPERVISOR),
            UNIT: UserFactory(role=roles.UNIT_STAFF, units=[unit]),
        }
        urls = {page.name: page.url() for page in PAGES}
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        tabs, violations = {}, []
        try:
            for role, user in users.items():
                context = browser.new_context(base_url=server.url, locale="zh-CN")
                # Generous: the roster form renders every person for every row, slow on a busy machine.
                context.set_default_timeout(60_000)
                context.expose_binding("reportCspViolation", lambda source, text: violations.append(text))
                context.add_init_script(WATCH_CSP)
                tab = context.new_page()
                tab.goto("/login/")
                log_in(tab, user.username)
                tab.wait_for_url("**/")
                tabs[role] = tab
            yield dataclasses.make_dataclass("Site", ["tabs", "urls", "violations"])(tabs, urls, violations)
        finally:
            for tab in tabs.values():
                tab.context.close()
            server._live_server_modified_settings.disable()
            server.stop()
            # The records were committed outside any test's transaction: leave the database as the next test expects.
            call_command("flush", interactive=False, verbosity=0)


def open_page(site, page, size):
    tab = site.tabs[page.role]
    tab.set_viewport_size({"width": size[0], "height": size[1]})
    site.violations.clear()
    response = tab.goto(site.urls[page.name])
    assert response.ok, f"{page.name}: {response.status}"
    return tab


def shoot(tab, name):
    folder = ARTIFACTS / "phone-layout"
    folder.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=folder / f"{name}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_page_is_no_wider_than_the_screen(site, page, width):
    tab = open_page(site, page, WIDTHS[width])
    shoot(tab, f"{page.name}-{WIDTHS[width][0]}")
    overflow = tab.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("main *, header *")]
            .filter((element) => element.getBoundingClientRect().right > width + 1)
            .filter((element) => !element.closest("[hidden]"))
            .slice(0, 5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
        return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide};
    }""")
    assert overflow["scroll"] <= overflow["inner"] + 1, f"{page.name} at {width} scrolls sideways: {overflow}"
    assert not site.violations, site.violations


@pytest.mark.parametrize("role", [MANAGER, SUPERVISOR, UNIT])
def test_menu_folds_behind_a_button_on_a_phone(site, role):
    tab = site.tabs[role]
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(reverse("projects:task_dashboard"))
    button, links = tab.locator("button.menu-button"), tab.locator("nav.mainnav a")
    assert button.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()
    header = tab.locator("header.topbar").bounding_box()
    assert header["height"] < 80, "the folded top bar is one line"

    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert all(links.nth(index).is_visible() for index in range(links.count()))
    shoot(tab, f"menu-open-{role.replace(' ', '-')}-390")
    button.click()
    assert not links.first.is_visible()

    tab.set_viewport_size({"width": 1366, "height": 768})
    assert not button.is_visible()
    assert all(links.nth(index).is_visible() for index in range(links.count()))


def test_task_titles_keep_a_readable_line_on_a_phone(site):
    tab = site.tabs[UNIT]
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto(reverse("projects:task_list"))
    titles = tab.locator("table.tasks tbody td.card-title a")
    assert titles.count() >= 1
    for index in range(titles.count()):
        # The width of the title's first line, in characters of its font (a CJK character is one em wide).
        line = titles.nth(index).evaluate("""(link) => {
            const range = document.createRange();
            range.selectNodeContents(link);
            const first = range.getClientRects()[0];
            const size = parseFloat(getComputedStyle(link).fontSize);
            return {characters: first.width / size, text: link.textContent.trim()};
        }""")
        assert line["characters"] >= min(TITLE_CHARACTERS, len(line["text"])) - 0.5, line
