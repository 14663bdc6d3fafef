"""Malformed query strings never make a server error: every page without arguments is walked with them.

Lists show 1 to PER_PAGE_MAX rows a page (PER_PAGE for anything else); the calendar shows months of 1900-2100.
"""

import datetime

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from common import exports
from org import roles
from tests.compensation.factories import HouseholdFactory
from tests.org.factories import UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory
from tests.test_ownership import site_routes

pytestmark = pytest.mark.django_db

HOSTILE = [
    {"per_page": "-1", "page": "-1", "month": "9999-12"},
    {"per_page": "abc", "page": "abc", "month": "0001-01"},
    {"per_page": "100000", "page": "99999999999999999999", "month": "garbage"},
    {"per_page": "0", "page": "0", "month": "99999999999999999999-1", "sort": "-no_such_column"},
    {"county": "99999999999999999999", "year": "-1", "q": "=1+1", "status": "nonsense", "due_after": "2024-99-99"},
]


def pages_without_arguments():
    for name in site_routes():
        try:
            yield reverse(name)
        except NoReverseMatch:
            continue


@pytest.fixture
def households(county):
    """The one list that needs an argument: a project's household register."""
    household = HouseholdFactory(scheme_version__scheme__project__county=county)
    return reverse("compensation:household_list", args=[household.project_id])


@pytest.fixture
def client_with_tasks(login, county, finance):
    for _ in range(5):
        AssignmentFactory(task=TaskFactory(county=county), organisation=finance)
    return login(UserFactory(role=roles.DATA_MANAGER, counties=[county]))


def test_the_walk_reaches_every_list_and_the_calendar():
    pages = set(pages_without_arguments())
    lists = {"/gazette/issues/", "/gazette/documents/", "/gazette/imports/", "/land/plans/", "/land/parcels/"}
    assert lists | {"/people/", "/groups/", "/tasks/", "/tasks/calendar/"} <= pages


@pytest.mark.parametrize("query", HOSTILE, ids=lambda query: "&".join(f"{k}={v}" for k, v in query.items()))
def test_no_page_answers_a_malformed_query_with_a_server_error(client_with_tasks, households, query):
    failures = {}
    for path in [*pages_without_arguments(), households]:
        status = client_with_tasks.get(path, query).status_code
        if status >= 500:
            failures[path] = status
    assert failures == {}


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(exports, "PER_PAGE", 2)
    monkeypatch.setattr(exports, "PER_PAGE_MAX", 3)


@pytest.mark.parametrize(
    ("per_page", "rows"), [("-1", 2), ("0", 2), ("abc", 2), ("", 2), ("1", 1), ("3", 3), ("100000", 3)]
)
def test_a_list_shows_the_rows_asked_for_within_the_bounds(client_with_tasks, small_pages, per_page, rows):
    response = client_with_tasks.get("/tasks/", {"per_page": per_page})
    assert len(response.context["table"].page.object_list) == rows


@pytest.mark.parametrize(("page", "shown"), [("-1", 3), ("abc", 1), ("99999999999999999999", 3), ("2", 2)])
def test_a_page_number_out_of_range_shows_the_first_or_last_page(client_with_tasks, small_pages, page, shown):
    response = client_with_tasks.get("/tasks/", {"page": page})
    assert response.context["table"].page.number == shown


@pytest.mark.parametrize(("year", "month"), [(1900, 1), (2100, 12), (2024, 2)])
def test_the_calendar_shows_any_month_from_1900_to_2100(client_with_tasks, year, month):
    response = client_with_tasks.get("/tasks/calendar/", {"month": f"{year}-{month:02d}"})
    assert response.context["month"] == datetime.date(year, month, 1)


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1899-12", "2101-01", "garbage", "2024-13", "2024"])
def test_the_calendar_shows_this_month_for_a_month_it_does_not_show(client_with_tasks, month):
    response = client_with_tasks.get("/tasks/calendar/", {"month": month})
    assert response.status_code == 200
    assert response.context["month"] == timezone.localdate().replace(day=1)
