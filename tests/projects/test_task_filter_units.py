"""The task list's unit drop-down stays short where a site holds a province's units (common.forms.bounded_choices):
narrowed to the chosen county, and past CHOICES_MAX listing only the chosen unit, while any unit in scope still
filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common import forms
from org import roles
from tests.groups.factories import LeadingGroupFactory
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


def unit_options(response):
    return {str(label) for value, label in response.context["filter"].form.fields["unit"].widget.choices if value}


@pytest.fixture
def two_counties(county):
    other = OrganisationFactory(name="白水县人民政府", short_name="白水县", kind="county")
    ours = [OrganisationFactory(name=f"兴县第{n}办", short_name=f"兴县{n}办", parent=county) for n in range(3)]
    theirs = [OrganisationFactory(name=f"白水县第{n}办", short_name=f"白水{n}办", parent=other) for n in range(3)]
    return county, other, ours, theirs


def test_a_chosen_county_lists_only_its_units(login, two_counties):
    county, other, ours, theirs = two_counties
    province = UserFactory(role=roles.SUPERVISOR)
    response = login(province).get("/tasks/", {"county": other.pk})
    # The county government itself can hold a part in a task too.
    assert unit_options(response) == {"白水县", "白水0办", "白水1办", "白水2办"}


def test_too_many_units_list_only_the_chosen_one_which_still_filters(login, two_counties, monkeypatch):
    county, other, ours, theirs = two_counties
    monkeypatch.setattr(forms, "CHOICES_MAX", 4)
    task = TaskFactory(county=other, title="白水县的任务")
    AssignmentFactory(task=task, organisation=theirs[1])
    TaskFactory(county=county, title="兴县的任务")
    client = login(UserFactory(role=roles.SUPERVISOR))
    assert unit_options(client.get("/tasks/")) == set()
    response = client.get("/tasks/", {"unit": theirs[1].pk})
    assert unit_options(response) == {"白水1办"}
    assert [row.record.title for row in response.context["table"].page.object_list] == ["白水县的任务"]
    assert "太多无法列出" in client.get("/tasks/").text


def test_a_county_supervisor_lists_the_units_of_their_county_only(login, two_counties):
    county, other, ours, theirs = two_counties
    response = login(UserFactory(role=roles.SUPERVISOR, counties=[county])).get("/tasks/")
    assert unit_options(response) >= {"兴县0办", "兴县1办", "兴县2办"}
    assert not unit_options(response) & {"白水0办", "白水1办", "白水2办"}


def test_a_countys_units_are_listed_without_counting_them_first(login, two_counties):
    county, other, ours, theirs = two_counties
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tasks/")
    assert unit_options(response) >= {"兴县0办", "兴县1办", "兴县2办"}
    organisation_counts = [q["sql"] for q in queries if "COUNT(" in q["sql"] and "org_organisation" in q["sql"]]
    assert organisation_counts == []


def test_a_county_with_more_units_than_a_drop_down_holds_still_lists_only_the_chosen_one(
    login, two_counties, monkeypatch
):
    county, other, ours, theirs = two_counties
    monkeypatch.setattr(forms, "CHOICES_MAX", 2)
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert unit_options(client.get("/tasks/")) == set()
    assert unit_options(client.get("/tasks/", {"unit": ours[2].pk})) == {"兴县2办"}


def group_options(response):
    return {str(label) for value, label in response.context["filter"].form.fields["group"].widget.choices if value}


def test_too_many_groups_list_only_the_chosen_one_which_still_filters(login, county, monkeypatch):
    groups = [LeadingGroupFactory(county=county, name=f"兴县第{n}领导小组") for n in range(3)]
    TaskFactory(county=county, title="有小组的任务", group=groups[1])
    TaskFactory(county=county, title="别的任务")
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert group_options(client.get("/tasks/")) == {"兴县第0领导小组", "兴县第1领导小组", "兴县第2领导小组"}
    monkeypatch.setattr(forms, "CHOICES_MAX", 2)
    assert group_options(client.get("/tasks/")) == set()
    response = client.get("/tasks/", {"group": groups[1].pk})
    assert group_options(response) == {"兴县第1领导小组"}
    assert [row.record.title for row in response.context["table"].page.object_list] == ["有小组的任务"]
