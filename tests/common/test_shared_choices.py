"""An edit page's rows read each drop-down list once (common.forms.SharedChoicesFormSet): rows asking the same query
share one list, and a row whose query differs keeps its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def unit_choices(form):
    return [str(value) for value, _label in form.fields["organisation"].widget.choices if value]


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_more_rows_read_no_more_lists(login, finance_staff, finance):
    group = LeadingGroupFactory(office_host=finance)
    MembershipFactory(group=group, organisation=finance)
    client = login(finance_staff)
    url = f"/groups/{group.pk}/edit/"
    queries_of(client, url)  # what the site keeps in the cache
    one_row = queries_of(client, url)
    for _ in range(4):
        MembershipFactory(group=group, organisation=finance)
    assert queries_of(client, url) == one_row


def test_rows_asking_the_same_list_get_the_same_choices(login, finance_staff, finance):
    group = LeadingGroupFactory(office_host=finance)
    MembershipFactory(group=group, organisation=finance)
    MembershipFactory(group=group, organisation=OrganisationFactory(parent=finance))
    formset = login(finance_staff).get(f"/groups/{group.pk}/edit/").context["formset"]
    lists = [unit_choices(form) for form in [*formset.forms, formset.empty_form]]
    assert len(lists) == 2 + 3 + 1  # two rows, three empty ones, the template row
    assert all(choices == lists[0] for choices in lists)
    assert len(lists[0]) == 2  # the unit and the one under it


def test_a_row_holding_a_unit_outside_the_users_list_keeps_it_in_its_own(login, finance_staff, finance, water):
    group = LeadingGroupFactory(office_host=finance)
    MembershipFactory(group=group, organisation=finance)
    MembershipFactory(group=group, organisation=water)  # put there by a data manager
    response = login(finance_staff).get(f"/groups/{group.pk}/edit/")
    rows = {form.instance.organisation_id: form for form in response.context["formset"].forms if form.instance.pk}
    assert unit_choices(rows[finance.pk]) == [str(finance.pk)]
    assert sorted(unit_choices(rows[water.pk])) == sorted([str(finance.pk), str(water.pk)])
    assert f'<option value="{water.pk}" selected>' in response.content.decode()
