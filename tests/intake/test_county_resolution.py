"""Names resolve only inside the document's county: every county has a 县住建局 and a 王伟.

The gazette is an invented one of 青岚县 with no masthead, imported with the county entered; the site already holds
兴县 with units, people and a group of the same names.
"""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from gazette import services as gazette_services
from groups.models import LeadingGroup, Membership
from intake import selectors, services
from intake.models import Proposal
from org.models import Organisation, Person
from org.selectors import county_of
from projects.models import Assignment
from projects.services import AssignmentLine
from tests.groups.factories import LeadingGroupFactory
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory

pytestmark = pytest.mark.django_db

GAZETTE = Path(__file__).parent / "samples" / "qinglan-no-masthead.txt"


def county_with_namesakes(short_name):
    """A county with a 县住建局, a 县应急局, a 王伟 who heads it and a 安全生产委员会, as any county has."""
    county = OrganisationFactory(name=f"{short_name}人民政府", short_name=short_name, kind="county")
    housing = OrganisationFactory(name=f"{short_name}住房和城乡建设局", short_name="县住建局", parent=county)
    emergency = OrganisationFactory(name=f"{short_name}应急管理局", short_name="县应急局", parent=county)
    wang = PersonFactory(name="王伟", county=county)
    PostFactory(person=wang, organisation=county, title="县长")
    LeadingGroupFactory(name=f"{short_name}安全生产委员会", county=county)
    return {"county": county, "housing": housing, "emergency": emergency, "wang": wang}


@pytest.fixture
def xingxian():
    return county_with_namesakes("兴县")


def import_qinglan():
    result = gazette_services.import_gazette(
        GAZETTE.read_bytes(), name=GAZETTE.name, county="青岚县", year=2024, number=2
    )
    return result.issue


def proposals(issue, kind):
    return list(Proposal.objects.filter(document__issue=issue, kind=kind).order_by("document__order", "position"))


def test_a_county_the_site_does_not_know_resolves_nothing_into_another_county(xingxian):
    issue = import_qinglan()
    (roster,) = proposals(issue, Proposal.Kind.ROSTER)
    group, rows = selectors.roster_initial(roster)
    assert group["county"] is None and group["office_host"] is None
    assert [row["person"] for row in rows if row["member_type"] == "person"] == [None, None, None, None]
    assert not any(row.get("organisation") for row in rows)
    assert selectors.group_to_supersede(roster) is None
    for task in proposals(issue, Proposal.Kind.TASK):
        _initial, units = selectors.task_initial(task)
        assert [unit["organisation"] for unit in units] == [None, None]
        assert units[0]["organisation_text"] == "县住建局"


def test_each_county_resolves_into_its_own_units_people_and_groups(xingxian):
    qinglan = county_with_namesakes("青岚县")
    issue = import_qinglan()
    (roster,) = proposals(issue, Proposal.Kind.ROSTER)
    group, rows = selectors.roster_initial(roster)
    assert (group["county"], group["office_host"]) == (qinglan["county"], qinglan["emergency"])
    assert rows[0]["person"] == qinglan["wang"] != xingxian["wang"]
    # A member's title names the unit they represent: 县住建局局长, 县应急局局长.
    assert [row.get("organisation") for row in rows] == [None, None, qinglan["housing"], qinglan["emergency"]]
    assert selectors.group_to_supersede(roster) == LeadingGroup.objects.get(name="青岚县安全生产委员会")
    first, second = proposals(issue, Proposal.Kind.TASK)
    assert [unit["organisation"] for unit in selectors.task_initial(first)[1]] == [
        qinglan["housing"],
        qinglan["emergency"],
    ]
    assert [unit["organisation"] for unit in selectors.task_initial(second)[1]] == [qinglan["housing"], None]


def accept_everything(issue, user):
    """Accept the roster and the tasks as a reviewer who changes nothing would."""
    (roster,) = proposals(issue, Proposal.Kind.ROSTER)
    group, rows = selectors.roster_initial(roster)
    members = [
        services.ProposedMember(
            role=row["role"],
            member_type=row["member_type"],
            person=row.get("person"),
            name=row.get("name", ""),
            title=row["title"],
        )
        for row in rows
    ]
    services.accept_roster(roster, data=group, roster=members, user=user)
    for proposal in proposals(issue, Proposal.Kind.TASK):
        task, units = selectors.task_initial(proposal)
        lines = [AssignmentLine(**unit) for unit in units]
        services.accept_task(proposal, data=task, assignments=lines, user=user)


def test_a_gazette_of_a_county_the_site_does_not_know_cannot_be_accepted_into_another(xingxian, data_manager):
    issue = import_qinglan()
    with pytest.raises(ValidationError):
        accept_everything(issue, data_manager)
    assert not LeadingGroup.objects.filter(source_document__issue=issue).exists()


def test_no_accepted_record_of_a_county_links_to_another_countys_unit_or_person(xingxian, data_manager):
    county_with_namesakes("青岚县")
    issue = import_qinglan()
    accept_everything(issue, data_manager)
    xingxian_units = {xingxian["county"].pk, xingxian["housing"].pk, xingxian["emergency"].pk}
    created = [
        *LeadingGroup.objects.filter(source_document__issue=issue),
        *Membership.objects.filter(group__source_document__issue=issue),
        *Assignment.objects.filter(task__source_document__issue=issue),
    ]
    assert len(created) == 1 + 4 + 4
    for record in created:
        # Every foreign key of every record the gazette created, whatever it is called.
        for field in record._meta.concrete_fields:
            if not field.is_relation:
                continue
            target = getattr(record, field.name)
            if isinstance(target, Organisation):
                assert target.pk not in xingxian_units, (record, field.name)
                assert county_of(target).short_name == "青岚县", (record, field.name)
            elif isinstance(target, Person):
                assert target != xingxian["wang"], (record, field.name)
    # 青岚县's 王伟 is the one it knows, never 兴县's.
    assert Person.objects.filter(name="王伟").count() == 2
