"""The demo county: real organisations and rosters from the shared gazettes, loaded through the services."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from demo import data as demo_data
from demo import xingxian as demo
from groups.models import LEADER_ROLES, LeadingGroup, Membership
from intake.models import Proposal
from org import roles
from org.models import Organisation, Person
from org.selectors import resolve_organisation
from projects.models import Reminder, ReminderDigest, ReminderSweep, Task
from tests.shared import gazette_text, loaded_once_per_module, without_spaces

pytestmark = pytest.mark.django_db


loaded = loaded_once_per_module(demo.load_demo)


def test_demo_county_has_its_fifteen_townships(loaded):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    assert county.children.filter(kind=Organisation.Kind.TOWNSHIP).count() == 15


def test_demo_aliases_resolve_as_the_documents_write_them(loaded):
    county = Organisation.objects.get(kind=Organisation.Kind.COUNTY)
    health = resolve_organisation("县卫体局", county)
    assert health is not None
    assert resolve_organisation("县卫生健康和体育局", county) == health
    assert (
        resolve_organisation("县住房和城乡建设管理局", county) == resolve_organisation("县住建局", county) is not None
    )


def test_every_roster_is_loaded_with_every_member_in_printed_order(loaded):
    assert len(demo_data.ROSTERS) >= 3
    for roster in demo_data.ROSTERS:
        group = LeadingGroup.objects.get(
            name=roster["name"], source_document__number=roster["document"]["number"] or ""
        )
        loaded_lines = [(m.person.name if m.person else None, m.title) for m in group.memberships.in_roster_order()]
        printed_lines = [(member["name"], member["title"]) for member in roster["members"]]
        assert sorted(loaded_lines, key=str) == sorted(printed_lines, key=str), roster["name"]
        assert len(loaded_lines) == len(roster["members"])


def test_rosters_are_faithful_to_the_printed_gazettes():
    texts = {issue: without_spaces(gazette_text(f"xingxian-{issue}.txt")) for issue in ("2021-2", "2022-2", "2023-4")}
    for roster in demo_data.ROSTERS:
        text = texts[roster["document"]["issue"]]
        assert without_spaces(roster["document"]["title"]) in text, roster["document"]["title"]
        for member in roster["members"]:
            printed = without_spaces((member["name"] or "") + member["title"])
            assert printed in text, (roster["name"], member)


def test_the_county_head_leads_many_bodies(loaded):
    liang = Person.objects.get(name="梁文壮")
    assert Membership.objects.filter(person=liang, role__in=LEADER_ROLES).count() >= 8


def test_an_adjusted_roster_supersedes_the_earlier_version(loaded):
    earlier = LeadingGroup.objects.get(source_document__number="兴政办函〔2022〕9号")
    later = LeadingGroup.objects.get(source_document__number="兴政办函〔2023〕21号")
    assert earlier.name == later.name
    assert (earlier.status, earlier.superseded_by) == (LeadingGroup.Status.SUPERSEDED, later)
    assert earlier.memberships.count() > 0


def test_namesakes_stay_two_people(loaded):
    assert Person.objects.filter(name="王亚东").count() == 2


def test_loading_twice_changes_nothing(loaded):
    before = (Organisation.objects.count(), Person.objects.count(), Membership.objects.count())
    assert demo.load_demo() == {"loaded": False}
    assert (Organisation.objects.count(), Person.objects.count(), Membership.objects.count()) == before


def test_demo_accounts_have_their_roles(loaded):
    demo.ensure_demo_accounts()
    demo.ensure_demo_accounts()
    users = get_user_model().objects
    assert users.get(username="manager").groups.get().name == roles.DATA_MANAGER
    assert users.get(username="manager").is_staff
    unit = users.get(username="unit")
    assert unit.groups.get().name == roles.UNIT_STAFF
    assert unit.unit_access.count() == 1


def test_with_the_shared_gazettes_every_roster_points_at_an_imported_document(loaded):
    gazette_text("xingxian-2023-4.txt")
    assert not LeadingGroup.objects.filter(source_document__raw_text="").exists()


def test_the_gazettes_rosters_the_demo_entered_are_not_proposed_again(loaded):
    gazette_text("xingxian-2023-4.txt")
    rosters = Proposal.objects.filter(kind=Proposal.Kind.ROSTER)
    entered = rosters.filter(status=Proposal.Status.ACCEPTED)
    assert entered.count() == LeadingGroup.objects.count()
    for proposal in entered:
        assert proposal.accepted_object.source_document in (proposal.document, proposal.document.parent)
    for proposal in rosters.filter(status=Proposal.Status.PENDING):  # rosters the demo does not enter
        documents = (proposal.document, proposal.document.parent)
        assert not LeadingGroup.objects.filter(source_document__in=documents, name=proposal.label).exists()


def test_demo_tasks_come_from_the_rectification_list(loaded):
    assert Task.objects.filter(source_document__isnull=False).count() == len(demo_data.TASKS)
    task = Task.objects.get(title="奥家湾乡基本农田“非粮化”问题整改")
    assert (task.due.isoformat(), task.quantity, task.quantity_unit) == ("2024-06-30", Decimal("650.2405"), "亩")
    assert task.assignments.get().organisation.name == "奥家湾乡"
    assert task.source_document.number == "兴政办发〔2023〕46号"
    assert not task.historically_late


def test_demo_reminders_cover_every_tier_and_reach_var_mail(loaded, mailoutbox):
    from projects.reminders import rules as reminder_rules

    day, sent = demo.send_demo_reminders()
    tiers = set(Reminder.objects.filter(day=day).values_list("tier", flat=True))
    assert tiers == set(reminder_rules.TIERS)
    # Every contact of a demo task has an address: nobody is missed.
    assert sent == len(mailoutbox) == ReminderDigest.objects.filter(day=day).count() > 0
    assert not ReminderSweep.objects.filter(day=day, without_email__gt=0).exists()
