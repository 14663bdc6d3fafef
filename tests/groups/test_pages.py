"""The groups list: search, filters, sorting, and exports of exactly the filtered rows."""

import io

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groups.models import LeadingGroup, Role
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.helpers import response_bytes
from tests.org.factories import PersonFactory


@pytest.fixture
def groups(finance, water):
    liang = PersonFactory(name="梁文壮")
    he = PersonFactory(name="贺建强")
    river = LeadingGroupFactory(name="兴县河湖长制工作领导小组", office_host=water)
    MembershipFactory(group=river, role=Role.LEADER, person=liang, title="县委副书记、政府县长")
    assets = LeadingGroupFactory(name="扶贫项目资产管理领导小组", office_host=finance)
    MembershipFactory(group=assets, role=Role.LEADER, person=he, title="县委常委、县政府副县长")
    MembershipFactory(group=assets, role=Role.MEMBER, person=None, member_type="placeholder", title="各乡镇乡镇长")
    safety = LeadingGroupFactory(
        name="安全生产委员会", kind=LeadingGroup.Kind.COMMITTEE, status=LeadingGroup.Status.DISSOLVED, office_host=water
    )
    MembershipFactory(group=safety, role=Role.DIRECTOR, person=liang, title="县长")
    return {"river": river, "assets": assets, "safety": safety, "liang": liang}


def names_in(response):
    return [row.record.name for row in response.context["table"].page.object_list]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=河湖", ["兴县河湖长制工作领导小组"]),
        ("q=贺建强", ["扶贫项目资产管理领导小组"]),
        ("q=各乡镇乡镇长", ["扶贫项目资产管理领导小组"]),
        ("kind=committee", ["安全生产委员会"]),
        ("status=active", ["兴县河湖长制工作领导小组", "扶贫项目资产管理领导小组"]),
    ],
)
def test_list_filters(login, data_manager, groups, query, expected):
    assert names_in(login(data_manager).get(f"/groups/?{query}")) == expected


def test_leader_filter_finds_every_body_a_person_heads(login, data_manager, groups):
    response = login(data_manager).get("/groups/?leader=梁文壮")
    assert names_in(response) == ["兴县河湖长制工作领导小组", "安全生产委员会"]


def test_organisation_filter_matches_office_host(login, data_manager, groups, finance):
    assert names_in(login(data_manager).get(f"/groups/?organisation={finance.pk}")) == ["扶贫项目资产管理领导小组"]


def test_list_sorts_by_member_count(login, data_manager, groups):
    response = login(data_manager).get("/groups/?sort=-member_count")
    assert names_in(response)[0] == "扶贫项目资产管理领导小组"


def test_list_shows_leader_and_member_count(login, data_manager, groups):
    rows = {row.record.name: row.record for row in login(data_manager).get("/groups/").context["table"].rows}
    assert rows["扶贫项目资产管理领导小组"].leader_name == "贺建强"
    assert rows["扶贫项目资产管理领导小组"].member_count == 2


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_holds_exactly_the_filtered_rows(login, data_manager, groups, export_format):
    response = login(data_manager).get(f"/groups/?status=active&sort=name&_export={export_format}")
    assert response.status_code == 200
    assert f"leading-groups.{export_format}" in response["Content-Disposition"]
    body = response_bytes(response)
    source = io.BytesIO(body) if export_format == "xlsx" else body.decode("utf-8-sig")
    data = tablib.Dataset().load(source, format=export_format)
    assert data.get_col(0) == ["兴县河湖长制工作领导小组", "扶贫项目资产管理领导小组"]
    leaders = data.get_col(data.headers.index(data.headers[3]))
    assert leaders == ["梁文壮", "贺建强"]


def test_export_is_not_paginated(login, data_manager, water):
    for number in range(60):
        LeadingGroupFactory(name=f"第{number:02d}号专项小组", office_host=water)
    response = login(data_manager).get("/groups/?_export=csv")
    assert len(tablib.Dataset().load(response_bytes(response).decode("utf-8-sig"), format="csv")) == 60


def test_list_queries_do_not_grow_with_the_rows(login, data_manager, water, django_assert_max_num_queries):
    client = login(data_manager)
    for number in range(3):
        MembershipFactory(group=LeadingGroupFactory(name=f"少量{number}", office_host=water), role=Role.LEADER)
    with CaptureQueriesContext(connection) as few:
        client.get("/groups/")
    for number in range(40):
        MembershipFactory(group=LeadingGroupFactory(name=f"大量{number}", office_host=water), role=Role.LEADER)
    with django_assert_max_num_queries(len(few)):
        client.get("/groups/")
