"""The second demo county, the invented 青岚县: loaded beside 兴县, everything of it belongs to it."""

import pytest

from demo import qinglan, xingxian
from demo import qinglan_data as demo_data
from gazette.models import Document
from groups.models import LeadingGroup, Membership
from intake.models import Proposal
from intake.selectors import task_initial
from org.models import Organisation, OrganisationAlias, Person, Post
from org.selectors import county_of, county_unit_ids, resolve_organisation
from projects.models import Assignment, Task, WorkdayException
from projects.reminders.selectors import reminder_settings
from tests.shared import loaded_once_per_module

pytestmark = pytest.mark.django_db


def _load_both():
    return xingxian.load_demo(), qinglan.load_demo()


loaded = loaded_once_per_module(_load_both)


def _counties():
    counties = Organisation.objects.filter(kind=Organisation.Kind.COUNTY)
    return counties.get(short_name="兴县"), counties.get(short_name="青岚县")


def _counts():
    return tuple(
        model.objects.count()
        for model in (Organisation, OrganisationAlias, Person, Post, LeadingGroup, Membership, Task, Assignment)
    ) + (Document.objects.count(), Proposal.objects.count())


def test_the_demo_loads_both_counties(loaded):
    first, second = loaded
    assert first["loaded"] and second["loaded"]
    xing, qing = _counties()
    assert (qing.name, qing.parent) == ("青岚县人民政府", None)
    assert qing.children.count() == len(demo_data.ORGANISATIONS) == 22
    assert qing.children.filter(kind=Organisation.Kind.TOWNSHIP).count() == 6
    assert second["documents"] == 10


def test_every_unit_person_group_and_task_of_the_second_county_is_its_own(loaded):
    xing, qing = _counties()
    below = county_unit_ids(qing)
    assert Organisation.objects.filter(parent=qing).count() == len(below) - 1
    assert not below & county_unit_ids(xing)
    people = Person.objects.filter(county=qing)
    assert people.count() == len(demo_data.PEOPLE) + sum(1 for unit in demo_data.ORGANISATIONS if unit["contact"])
    assert set(Post.objects.filter(person__in=people).values_list("organisation", flat=True)) <= below
    groups = LeadingGroup.objects.filter(county=qing)
    assert sorted(groups.values_list("name", flat=True)) == sorted(roster["name"] for roster in demo_data.ROSTERS)
    members = Membership.objects.filter(group__in=groups)
    assert not members.exclude(person__isnull=True).exclude(person__county=qing).exists()
    assert set(members.exclude(organisation=None).values_list("organisation", flat=True)) <= below
    tasks = Task.objects.filter(county=qing)
    assert tasks.count() == len(demo_data.LIVE_TASKS)
    assert set(Assignment.objects.filter(task__in=tasks).values_list("organisation", flat=True)) <= below
    # and nothing of 兴县 points into 青岚县
    assert not Task.objects.filter(county=xing, assignments__organisation__in=below).exists()
    assert not Membership.objects.filter(group__county=xing, person__county=qing).exists()


def test_aliases_resolve_inside_each_county(loaded):
    xing, qing = _counties()
    housing = resolve_organisation("县住建局", qing)
    assert housing.name == "青岚县住房和城乡建设局"
    assert resolve_organisation("县住房和城乡建设局", qing) == resolve_organisation("县城乡建设局", qing) == housing
    assert resolve_organisation("县住建局", xing) not in (None, housing)


def test_people_sharing_names_with_xingxian_are_distinct(loaded):
    xing, qing = _counties()
    for name in ("刘伟", "张超", "张欣", "李茂"):
        here, there = Person.objects.get(county=qing, name=name), Person.objects.get(county=xing, name=name)
        assert here.pk != there.pk
    zhang = Person.objects.get(county=qing, name="张超")
    assert Membership.objects.filter(person=zhang).count() == 2
    assert not Membership.objects.filter(person__name="张超", group__county=qing).exclude(person=zhang).exists()


def test_the_roster_by_post_is_entered_as_positions(loaded):
    committee = LeadingGroup.objects.get(name="青岚县安全生产委员会")
    assert not committee.memberships.filter(member_type=Membership.MemberType.PERSON).exists()
    assert committee.memberships.filter(member_type=Membership.MemberType.POSITION).count() == 11
    assert committee.office_host.short_name == "县应急局"


def test_most_units_have_a_reminder_contact_and_two_do_not(loaded):
    _xing, qing = _counties()
    without = qing.children.filter(reminder_contact__isnull=True)
    assert sorted(without.values_list("short_name", flat=True)) == ["县林业局", "松坪乡"]
    for unit in qing.children.exclude(reminder_contact__isnull=True):
        assert unit.reminder_contact.county == qing
        assert unit.reminder_contact.email.endswith("@xingxian.example")


def test_live_tasks_are_overdue_due_soon_and_far_off(loaded):
    _xing, qing = _counties()
    today = xingxian.reminder_day()
    dues = list(Task.objects.filter(county=qing).values_list("due", flat=True))
    assert any(due < today for due in dues)
    assert any(due == today for due in dues)
    assert any(0 < (due - today).days <= 7 for due in dues)
    assert any((due - today).days > 20 for due in dues)


def test_the_invented_gazette_imports_its_ten_documents(loaded):
    _xing, qing = _counties()
    documents = Document.objects.filter(issue__gazette__county="青岚县", parent__isnull=True)
    assert documents.count() == 10
    issue = documents.first().issue
    assert (issue.year, issue.number, issue.gazette.name) == (2024, 1, "青岚县人民政府公报")
    numbers = set(documents.values_list("number", flat=True))
    assert {
        "青政发〔2024〕2号",
        "青政发〔2024〕7号",
        "青政函〔2024〕6号",
        "青政办发〔2024〕11号",
        "青政办函〔2024〕7号",
    } <= numbers
    assert documents.get(number="青政办函〔2024〕3号").title == "关于成立青岚县安全生产委员会的通知"
    assert documents.get(number="青政办发〔2024〕8号").title == "关于印发青岚县城乡环境整治百日攻坚行动方案的通知"
    assert documents.get(number="青政函〔2024〕6号").kind == "批复"
    assert not issue.warnings


def test_the_gazettes_proposals_resolve_only_into_the_second_county(loaded):
    xing, qing = _counties()
    proposals = Proposal.objects.filter(document__issue__gazette__county="青岚县")
    tasks = proposals.filter(kind=Proposal.Kind.TASK)
    assert tasks.count() == 19
    assert not tasks.exclude(status=Proposal.Status.PENDING).exists()
    resolved = 0
    for proposal in tasks:
        initial, units = task_initial(proposal)
        assert initial["county"] == qing
        for unit in units:
            assert unit["organisation"] is None or county_of(unit["organisation"]) == qing
            resolved += unit["organisation"] is not None
    assert resolved >= 25


def test_only_the_entered_rosters_are_accepted(loaded):
    proposals = Proposal.objects.filter(document__issue__gazette__county="青岚县")
    rosters = proposals.filter(kind=Proposal.Kind.ROSTER)
    assert rosters.count() == rosters.filter(status=Proposal.Status.ACCEPTED).count() == 3
    assert {proposal.accepted_object.county.short_name for proposal in rosters} == {"青岚县"}
    assert not proposals.exclude(kind=Proposal.Kind.ROSTER).exclude(status=Proposal.Status.PENDING).exists()


def test_loading_twice_changes_nothing(loaded):
    before = _counts()
    assert qinglan.load_demo() == {"loaded": False}
    assert xingxian.load_demo() == {"loaded": False}
    assert _counts() == before


def test_the_second_county_reminds_by_settings_and_a_day_off_of_its_own(loaded):
    qinglan = Organisation.objects.get(short_name="青岚县", kind=Organisation.Kind.COUNTY)
    settings = reminder_settings(fresh=True)
    assert settings.for_county(qinglan.pk).policy.warning_days == 5
    assert settings.default.policy.warning_days == 3
    holiday = WorkdayException.objects.get(county=qinglan)
    assert not settings.for_county(qinglan.pk).calendar.is_workday(holiday.date)
