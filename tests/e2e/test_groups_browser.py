"""A data manager logs in, filters the groups, opens a roster and exports the filtered list."""

import csv
import io

import pytest

from groups.models import Role
from tests.e2e.helpers import log_in
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rosters(finance, water):
    river = LeadingGroupFactory(name="兴县河湖长制工作领导小组", office_host=water)
    MembershipFactory(group=river, role=Role.MEMBER, person=PersonFactory(name="贾广田"), title="县自然资源局局长")
    MembershipFactory(group=river, role=Role.LEADER, person=PersonFactory(name="梁文壮"), title="县委副书记、政府县长")
    MembershipFactory(group=river, role=Role.DEPUTY_LEADER, person=PersonFactory(name="马兴勇"), title="县政府副县长")
    LeadingGroupFactory(name="扶贫项目资产管理领导小组", office_host=finance)
    return river


def test_log_in_filter_open_roster_and_export(page, shoot, data_manager, rosters):
    page.goto("/groups/")
    assert "/login/" in page.url
    shoot("login")
    log_in(page, data_manager.username)
    page.wait_for_url("**/groups/")
    assert page.locator("h1").inner_text() == "领导小组"

    page.fill("input[name=q]", "河湖")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=*")
    rows = page.locator("table.data-table tbody tr")
    assert rows.count() == 1
    assert "扶贫项目资产管理领导小组" not in page.content()
    shoot("filtered")

    with page.expect_download() as download_info:
        page.click("a.export:text('CSV')")
    exported = download_info.value.path().read_text(encoding="utf-8-sig")
    names = [row[0] for row in csv.reader(io.StringIO(exported))][1:]
    assert names == ["兴县河湖长制工作领导小组"]

    page.click("text=兴县河湖长制工作领导小组")
    page.wait_for_url(f"**/groups/{rosters.pk}/")
    names_in_order = page.locator("table.roster tbody tr td:nth-child(2)").all_inner_texts()
    assert names_in_order == ["梁文壮", "马兴勇", "贾广田"]
    roles_column = page.locator("table.roster tbody tr td:nth-child(1)").all_inner_texts()
    assert roles_column == ["组长", "副组长", "成员"]
    shoot("roster")
