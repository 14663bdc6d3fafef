"""Drop-down lists kept in the cache (common.forms): read once per scope, renewed by every write of what they list
or of what decides who sees it, never shown to a scope they were not read for."""

import pytest
from django import forms as django_forms
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common import forms
from org import roles
from org.models import Organisation
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def options(client, field):
    response = client.get("/tasks/")
    return {str(label) for value, label in response.context["filter"].form.fields[field].widget.choices if value}


def drop_down_reads(client):
    """The task list's reads of whole organisation rows: its drop-downs of counties and units."""
    with CaptureQueriesContext(connection) as queries:
        client.get("/tasks/")
    return [query["sql"] for query in queries if '"org_organisation"."reminder_contact_id" FROM' in query["sql"]]


@pytest.fixture
def other_county():
    county = OrganisationFactory(name="白水县人民政府", short_name="白水县", kind="county")
    OrganisationFactory(name="白水县水利局", short_name="白水水利局", parent=county)
    return county


@pytest.fixture
def water(county):
    return OrganisationFactory(name="兴县水利局", short_name="县水利局", parent=county)


def test_a_second_page_lists_the_units_without_reading_them_again(login, county, water):
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert len(drop_down_reads(client)) == 2
    assert drop_down_reads(client) == []
    assert "县水利局" in options(client, "unit")


def test_a_renamed_unit_is_listed_by_its_new_name_on_the_next_page(login, county, water):
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert "县水利局" in options(client, "unit")
    water.short_name = "县水务局"
    water.save()
    listed = options(client, "unit")
    assert "县水务局" in listed and "县水利局" not in listed


def test_a_new_and_a_deleted_unit_show_on_the_next_page(login, county, water):
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert "县水利局" in options(client, "unit")
    OrganisationFactory(name="兴县林业局", short_name="县林业局", parent=county)
    water.delete()
    listed = options(client, "unit")
    assert "县林业局" in listed and "县水利局" not in listed


def test_each_county_gets_its_own_list(login, county, water, other_county):
    ours = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert "县水利局" in options(ours, "unit")
    theirs = login(UserFactory(role=roles.SUPERVISOR, counties=[other_county]))
    listed = options(theirs, "unit")
    assert "白水水利局" in listed and "县水利局" not in listed
    assert options(theirs, "county") == {"白水县"}


def test_a_group_is_listed_to_a_unit_once_its_roster_names_the_unit(login, county, water):
    group = LeadingGroupFactory(county=county, name="兴县河长制工作领导小组")
    client = login(UserFactory(role=roles.UNIT_STAFF, units=[water]))
    assert "兴县河长制工作领导小组" not in options(client, "group")
    MembershipFactory(group=group, person=PersonFactory(name="李明"), organisation=water)
    assert "兴县河长制工作领导小组" in options(client, "group")


def renewals_pending():
    return [func for _sids, func, _robust in connection.run_on_commit if func is forms._renew_choices]


def test_a_write_renews_the_lists_at_once_and_once_more_when_its_transaction_commits(county, water):
    labels(county)  # read in this transaction: the write must not leave them under the old version
    before_the_write = cache.get(forms.CHOICES_VERSION)
    water.short_name = "县水务局"
    water.save()
    assert cache.get(forms.CHOICES_VERSION) != before_the_write
    # A page of another request may read the old rows between the write and its commit, and keep them.
    (renewal,) = renewals_pending()
    before_the_commit = cache.get(forms.CHOICES_VERSION)
    renewal()
    assert cache.get(forms.CHOICES_VERSION) != before_the_commit


def test_many_writes_in_one_transaction_renew_the_lists_once_when_it_commits(county):
    for n in range(5):
        OrganisationFactory(name=f"兴县第{n}办", parent=county)
        MembershipFactory(person=PersonFactory(name=f"干部{n}"))
    assert len(renewals_pending()) == 1


def labels(county, label_from_instance=None):
    """A new drop-down's labels, as a new form gives them."""
    field = django_forms.ModelChoiceField(queryset=Organisation.objects.filter(parent=county))
    if label_from_instance:
        field.label_from_instance = label_from_instance
    return [label for value, label in forms.listed_choices(field).widget.choices if value]


def test_a_field_labelling_rows_its_own_way_is_read_each_time(county, water):
    def own_way(unit):
        return f"单位：{unit.name}"

    assert labels(county, own_way) == ["单位：兴县水利局"]
    Organisation.objects.filter(pk=water.pk).update(name="兴县水务局")  # no signal: only a fresh read sees it
    assert labels(county, own_way) == ["单位：兴县水务局"]


def test_a_bulk_write_is_seen_once_the_lists_are_forgotten(county, water):
    assert labels(county) == ["县水利局"]
    Organisation.objects.filter(pk=water.pk).update(short_name="县水务局")
    assert labels(county) == ["县水利局"]
    forms.forget_choices()
    assert labels(county) == ["县水务局"]


def test_a_query_that_can_match_nothing_lists_nothing(county):
    field = django_forms.ModelChoiceField(queryset=Organisation.objects.filter(pk__in=[]))
    assert forms.listed_choices(field).widget.choices == [("", "---------")]
    field = django_forms.ModelChoiceField(queryset=Organisation.objects.none(), empty_label=None)
    assert forms.bounded_choices(field).widget.choices == []


def test_an_account_given_no_unit_yet_opens_the_task_list(login):
    response = login(UserFactory(role=roles.UNIT_STAFF)).get("/tasks/")
    assert response.status_code == 200
