"""Every page's query count is pinned against its rows: asked once over the ownership records, then again after
more of every kind of record were added where the same user sees them, a page makes the same number of queries.

A page whose count grows with its rows does one query per row somewhere (an N+1), which at a province's million
tasks is what makes it slow. The routes and records are the ownership test's (tests/test_ownership.py), so a new
page is pinned as soon as it has its ownership entry.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import ProgressReport
from tests.compensation.factories import HouseholdFactory
from tests.gazette.factories import DocumentFactory
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.land.factories import AllocationFactory, ParcelFactory
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory
from tests.projects.factories import AssignmentFactory, TaskFactory
from tests.test_ownership import DATA_MANAGER, OWNING_UNIT, ROUTES, records  # noqa: F401 (records: a fixture)

pytestmark = pytest.mark.django_db

# How many more records of each kind the second asking finds: enough that a query per row shows, few enough to stay
# on the first page of every list.
MORE = 4


def add_more_of_everything(ledger):
    """More rows of each kind, held by unit A (so its staff and the data manager see them) and linked like A's."""
    for n in range(MORE):
        person = PersonFactory(name=f"甲局干部{n}", phone=f"1390000010{n}")
        PostFactory(person=person, organisation=ledger.unit_a)
        MembershipFactory(group=ledger.group, person=person, organisation=ledger.unit_a)
        group = LeadingGroupFactory(
            name=f"甲局工作专班{n}", county=ledger.county, office_host=ledger.unit_a, source_document=ledger.document
        )
        MembershipFactory(group=group, person=person, organisation=ledger.unit_a)
        task = TaskFactory(title=f"甲局整改任务{n}", due=ledger.task.due, source_document=ledger.document)
        AssignmentFactory(task=task, organisation=ledger.unit_a)
        AssignmentFactory(task=ledger.task, organisation=OrganisationFactory(parent=ledger.county))
        ProgressReport.objects.create(task=ledger.task, date=datetime.date(2025, 1, 3 + n), text=f"进展{n}")
        ProgressReport.objects.create(task=task, date=datetime.date(2025, 1, 3), text=f"进展{n}")
        AllocationFactory(plan=ledger.plan)
        ParcelFactory(number=f"甲局地块{n}", county=ledger.county, responsible_unit=ledger.unit_a)
        HouseholdFactory(project=ledger.project, scheme_version=ledger.version)
        DocumentFactory(issue=ledger.issue, start_line=1, end_line=2)


def pages():
    """The GET routes a user opens as a page, with the user who gets it (the data manager where one is asked)."""
    for name, route in ROUTES.items():
        if route.method != "get":
            continue
        if route.data_manager == 200:
            yield name, DATA_MANAGER
        if route.owner == 200:
            yield name, OWNING_UNIT


def count_queries(clients, ledger):
    counts = {}
    for name, user in sorted(set(pages())):
        route = ROUTES[name]
        url = reverse(name, kwargs=route.kwargs(ledger))
        with CaptureQueriesContext(connection) as captured:
            response = clients[user].get(url, route.data)
        assert response.status_code == 200, url
        counts[name, user] = len(captured)
    return counts


def fill_shared_caches(clients):
    """What the pages keep in the cache (reminder settings, drop-down lists), read once before counting."""
    for client in clients.values():
        client.get(reverse("projects:task_list"))


# One test over every page: the records are built once (building them per page would take minutes).
def test_no_page_makes_more_queries_with_more_rows(records):  # noqa: F811
    clients = {user: Client() for user in (DATA_MANAGER, OWNING_UNIT)}
    for user, client in clients.items():
        client.force_login(records.users[user])
    fill_shared_caches(clients)
    before = count_queries(clients, records)

    add_more_of_everything(records)

    # The new units and groups renew the kept drop-down lists (common.forms.keep_choices_of).
    fill_shared_caches(clients)
    after = count_queries(clients, records)
    grown = {page: (before[page], after[page]) for page in before if after[page] > before[page]}
    assert grown == {}
