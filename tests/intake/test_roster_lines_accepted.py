"""Accepting a roster proposal keeps every line of the roster: members by post stay posts, member units become unit
lines linked to the county's unit where it has one (kept as written beside it), office roles keep their role, and a
roster that read fewer lines than its text prints warns on its review page."""

import re
from pathlib import Path

import pytest

from gazette import services as gazette_services
from groups.models import LeadingGroup, Membership, Role
from intake.models import Proposal
from tests.intake.test_proposals import form_data
from tests.org.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[1] / "gazette" / "samples"


@pytest.fixture
def dongping(db):
    county = OrganisationFactory(name="东平县人民政府", short_name="东平县", kind="county")
    OrganisationFactory(name="东平县财政局", short_name="县财政局", parent=county)
    OrganisationFactory(name="东平县公安局", short_name="县公安局", parent=county)
    return county


@pytest.fixture
def issue(dongping):
    data = (SAMPLES / "extract-rosters-by-post-and-unit.txt").read_bytes()
    return gazette_services.import_gazette(data, name="dongping.txt").issue


def proposal_of(issue, number):
    return Proposal.objects.get(document__issue=issue, document__number=number, kind=Proposal.Kind.ROSTER)


def accept(client, proposal):
    page = client.get(f"/proposals/{proposal.pk}/")
    assert page.status_code == 200
    response = client.post(f"/proposals/{proposal.pk}/", form_data(page))
    assert response.status_code == 302, response.context and (
        response.context["form"].errors,
        response.context["formset"].errors,
    )
    return LeadingGroup.objects.get(source_document=proposal.document)


def lines_of(group):
    return [
        (m.role, m.member_type, m.person.name if m.person else "", m.title, m.organisation_text)
        for m in group.memberships.select_related("person").in_roster_order()
    ]


def test_accepting_a_roster_by_post_stores_every_post_as_a_line(issue, login, data_manager):
    group = accept(login(data_manager), proposal_of(issue, "东政办发〔2024〕11号"))
    posts = ["县政府办公室主任", "县发展和改革局局长", "县财政局局长", "县自然资源局局长", "县住房和城乡建设局局长"]
    posts += ["县交通运输局局长", "县水务局局长", "县市场监督管理局局长", "县城市管理局局长", "县国网供电公司经理"]
    assert lines_of(group) == [
        (Role.LEADER, "position", "", "县长", ""),
        (Role.DEPUTY_LEADER, "position", "", "常务副县长", ""),
        (Role.DEPUTY_LEADER, "position", "", "分管住建工作的副县长", ""),
        *[(Role.MEMBER, "position", "", post, "") for post in posts],
        (Role.MEMBER, "placeholder", "", "各镇镇长", ""),
    ]
    finance = group.memberships.get(title="县财政局局长")
    assert finance.organisation.name == "东平县财政局"  # the unit its post names


def test_accepting_a_roster_by_unit_stores_every_unit_linked_where_the_county_has_it(issue, login, data_manager):
    group = accept(login(data_manager), proposal_of(issue, "东政办发〔2024〕14号"))
    units = group.memberships.filter(member_type=Membership.MemberType.UNIT).select_related("organisation")
    assert units.count() == 20
    assert group.memberships.count() == 24  # 主任, 常务副主任, two 副主任 and 20 member units
    by_text = {m.organisation_text: m for m in units}
    assert by_text["县财政局"].organisation.name == "东平县财政局"
    assert by_text["县公安局"].organisation.name == "东平县公安局"
    assert by_text["国网东平县供电公司"].organisation is None
    assert {m.role for m in units} == {Role.MEMBER} and {m.title for m in units} == {""}
    assert [m.who for m in units.in_roster_order()][:2] == ["县委宣传部", "县发展和改革局"]
    assert str(by_text["县公安局"]).endswith("东平县公安局")


def test_a_roster_mixing_people_posts_and_units_keeps_each_kind(issue, login, data_manager):
    group = accept(login(data_manager), proposal_of(issue, "东政办函〔2024〕6号"))
    assert [(m.role, m.member_type, m.who) for m in group.memberships.select_related("person").in_roster_order()] == [
        (Role.LEADER, "person", "吴建华"),
        (Role.DEPUTY_LEADER, "person", "刘洋"),
        (Role.DEPUTY_LEADER, "position", "县乡村振兴服务中心主任"),
        (Role.MEMBER, "position", "县财政局分管副局长"),
        (Role.MEMBER, "position", "县自然资源局分管副局长"),
        (Role.MEMBER, "person", "王伟"),
        (Role.MEMBER, "position", "县水务局分管副局长"),
        (Role.MEMBER, "position", "县农业农村局产业发展股股长"),
        (Role.MEMBER, "unit", "县文化和旅游局"),
        (Role.MEMBER, "unit", "县商务局"),
        (Role.MEMBER, "placeholder", "各镇人民政府"),
    ]


def test_office_roles_are_kept_when_a_roster_is_accepted(login, data_manager):
    county = OrganisationFactory(name="桐溪县人民政府", short_name="桐溪县", kind="county")
    data = (SAMPLES / "extract-rosters-and-portfolios.txt").read_bytes()
    issue = gazette_services.import_gazette(data, name="tongxi.txt").issue
    assert issue.gazette.county.startswith("桐溪县") and county
    proposal = Proposal.objects.get(
        document__issue=issue, kind=Proposal.Kind.ROSTER, label="桐溪县耕地保护监测调度工作领导小组"
    )
    group = accept(login(data_manager), proposal)
    roles = [(m.role, m.person.name) for m in group.memberships.select_related("person").in_roster_order() if m.person]
    assert roles[-4:] == [
        (Role.OFFICE_DIRECTOR, "邱明辉"),
        (Role.OFFICE_EXECUTIVE_DEPUTY_DIRECTOR, "马蕾"),
        (Role.OFFICE_DEPUTY_DIRECTOR, "胡晓光"),
        (Role.OFFICE_DEPUTY_DIRECTOR, "祁东"),
    ]


def test_the_review_page_warns_when_the_roster_read_fewer_lines_than_its_text_prints(issue, login, data_manager):
    proposal = proposal_of(issue, "东政办发〔2024〕11号")
    client = login(data_manager)
    assert "roster-warning" not in client.get(f"/proposals/{proposal.pk}/").content.decode()
    proposal.payload = {**proposal.payload, "warning": {"read": 4, "in_text": 29}}
    proposal.save()
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    (warning,) = re.findall(r'<p class="message warning roster-warning">(.*?)</p>', page)
    assert re.findall(r"\d+", warning) == ["4", "29"]
