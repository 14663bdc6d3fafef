"""Unit staff see and edit only their own units' groups: elsewhere they get 404, in pages, exports and admin."""

import io

import pytest
import tablib

from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.helpers import response_bytes
from tests.org.factories import OrganisationFactory


@pytest.fixture
def own_group(finance):
    return LeadingGroupFactory(name="财政资金监管领导小组", office_host=finance)


@pytest.fixture
def other_group(water):
    return LeadingGroupFactory(name="河长制工作领导小组", office_host=water)


def test_unit_staff_list_shows_only_own_units_groups(login, finance_staff, own_group, other_group):
    page = login(finance_staff).get("/groups/").content.decode()
    assert own_group.name in page
    assert other_group.name not in page


def test_the_task_lists_group_filter_offers_unit_staff_only_their_groups(login, finance_staff, own_group, other_group):
    choices = login(finance_staff).get("/tasks/").context["filter"].form.fields["group"].queryset
    assert list(choices) == [own_group]


def test_the_task_lists_group_filter_offers_supervisors_every_group(login, supervisor, own_group, other_group):
    choices = login(supervisor).get("/tasks/").context["filter"].form.fields["group"].queryset
    assert set(choices) == {own_group, other_group}


def test_unit_staff_gets_404_for_another_units_group(login, finance_staff, other_group):
    client = login(finance_staff)
    assert client.get(f"/groups/{other_group.pk}/").status_code == 404
    assert client.get(f"/groups/{other_group.pk}/edit/").status_code == 404


def test_group_where_own_unit_is_a_member_is_visible_but_not_editable(login, finance_staff, finance, other_group):
    MembershipFactory(group=other_group, organisation=finance, title="县财政局局长")
    client = login(finance_staff)
    assert client.get(f"/groups/{other_group.pk}/").status_code == 200
    assert client.get(f"/groups/{other_group.pk}/edit/").status_code == 403


def test_sub_units_fall_within_the_scope(login, finance, finance_staff):
    branch = OrganisationFactory(name="兴县财政局国库集中支付中心", parent=finance)
    group = LeadingGroupFactory(office_host=branch)
    assert login(finance_staff).get(f"/groups/{group.pk}/").status_code == 200


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_holds_only_own_units_groups(login, finance_staff, own_group, other_group, export_format):
    response = login(finance_staff).get(f"/groups/?_export={export_format}")
    assert response.status_code == 200
    content = response_bytes(response)
    source = io.BytesIO(content) if export_format == "xlsx" else content.decode("utf-8-sig")
    assert tablib.Dataset().load(source, format=export_format).get_col(0) == [own_group.name]


def test_admin_changelist_and_change_page_are_scoped(client, finance_staff, own_group, other_group):
    finance_staff.is_staff = True
    finance_staff.save()
    client.force_login(finance_staff)
    changelist = client.get("/admin/groups/leadinggroup/").content.decode()
    assert own_group.name in changelist and other_group.name not in changelist
    response = client.get(f"/admin/groups/leadinggroup/{other_group.pk}/change/", follow=True)
    assert other_group.name not in response.content.decode()


def test_supervisor_sees_every_group_but_cannot_edit(login, supervisor, own_group, other_group):
    client = login(supervisor)
    page = client.get("/groups/").content.decode()
    assert own_group.name in page and other_group.name in page
    assert client.get(f"/groups/{other_group.pk}/edit/").status_code == 403


def test_data_manager_edits_any_group(login, data_manager, other_group):
    assert login(data_manager).get(f"/groups/{other_group.pk}/edit/").status_code == 200


def test_unit_staff_cannot_give_a_new_group_to_another_unit(login, finance_staff, water):
    response = login(finance_staff).post(
        "/groups/new/",
        {
            "name": "越权领导小组",
            "kind": "leading_group",
            "status": "active",
            "office_host": water.pk,
            "roster-TOTAL_FORMS": "0",
            "roster-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "office_host" in response.context["form"].errors
