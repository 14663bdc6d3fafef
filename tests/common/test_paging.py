"""Lists page without counting every matching row: the count stops at COUNT_CAP (common/paging.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common import exports, paging
from tests.projects.factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(monkeypatch):
    monkeypatch.setattr(exports, "PER_PAGE", 2)
    monkeypatch.setattr(paging, "COUNT_CAP", 4)


def listed(client, **query):
    response = client.get("/tasks/", query)
    assert response.status_code == 200
    return response


def test_below_the_cap_the_count_is_exact_and_the_last_page_is_known(login, supervisor, county, small):
    TaskFactory.create_batch(3, county=county)
    response = listed(login(supervisor))
    paginator = response.context["table"].paginator
    assert (paginator.count, paginator.more, paginator.num_pages) == (3, False, 2)
    assert "共 3 条" in response.text


def test_above_the_cap_the_list_says_more_than_the_cap_and_still_pages_on(login, supervisor, county, small):
    TaskFactory.create_batch(7, county=county)
    client = login(supervisor)
    response = listed(client)
    assert response.context["table"].paginator.more
    assert "超过 4 条" in response.text
    # Page 4 holds the seventh row alone, and is known to be the last once read.
    last = listed(client, page=4).context["table"]
    assert [len(last.page.object_list), last.page.has_next()] == [1, False]


def test_a_page_past_the_end_shows_the_first_when_the_end_is_not_known(login, supervisor, county, small):
    TaskFactory.create_batch(7, county=county)
    assert listed(login(supervisor), page=50).context["table"].page.number == 1


def test_a_page_past_the_end_shows_the_last_when_the_count_knows_it(login, supervisor, county, small):
    TaskFactory.create_batch(3, county=county)
    assert listed(login(supervisor), page=50).context["table"].page.number == 2


def test_the_count_reads_no_more_than_the_cap_and_sorts_nothing(login, supervisor, county, small):
    TaskFactory.create_batch(7, county=county)
    client = login(supervisor)
    with CaptureQueriesContext(connection) as queries:
        listed(client)
    # Of the tasks: the unit drop-down counts its choices too (common.forms.bounded_choices).
    counts = [query["sql"] for query in queries if "COUNT(" in query["sql"].upper() and "projects_task" in query["sql"]]
    assert len(counts) == 1
    assert "LIMIT 5" in counts[0] and "ORDER BY" not in counts[0].upper()
