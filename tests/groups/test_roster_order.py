import pytest

from groups import services as group_services
from groups.models import Membership, Role
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import PersonFactory


@pytest.mark.django_db
def test_roster_lists_roles_in_printed_order_whatever_the_entry_order():
    group = LeadingGroupFactory()
    for role, position in [
        (Role.MEMBER, 0),
        (Role.OFFICE_DIRECTOR, 0),
        (Role.DEPUTY_LEADER, 1),
        (Role.LEADER, 0),
        (Role.EXECUTIVE_DEPUTY_LEADER, 0),
        (Role.DEPUTY_LEADER, 0),
        (Role.LIAISON, 0),
    ]:
        MembershipFactory(group=group, role=role, position=position, title=f"{role}-{position}")
    order = [(m.role, m.position) for m in group.memberships.in_roster_order()]
    assert order == [
        (Role.LEADER, 0),
        (Role.EXECUTIVE_DEPUTY_LEADER, 0),
        (Role.DEPUTY_LEADER, 0),
        (Role.DEPUTY_LEADER, 1),
        (Role.MEMBER, 0),
        (Role.OFFICE_DIRECTOR, 0),
        (Role.LIAISON, 0),
    ]


@pytest.mark.django_db
def test_committee_and_headquarters_roles_rank_like_group_roles():
    group = LeadingGroupFactory()
    for role in [Role.COMMITTEE_MEMBER, Role.DEPUTY_DIRECTOR, Role.DIRECTOR, Role.EXECUTIVE_DEPUTY_DIRECTOR]:
        MembershipFactory(group=group, role=role)
    assert [m.role for m in group.memberships.in_roster_order()] == [
        Role.DIRECTOR,
        Role.EXECUTIVE_DEPUTY_DIRECTOR,
        Role.DEPUTY_DIRECTOR,
        Role.COMMITTEE_MEMBER,
    ]


@pytest.mark.django_db
def test_saving_a_roster_keeps_the_order_of_lines_within_each_role():
    group = LeadingGroupFactory()
    first, second, third = PersonFactory(name="刘飞"), PersonFactory(name="马兴勇"), PersonFactory(name="李茂")
    group_services.save_group(
        group=group,
        data={},
        roster=[
            group_services.RosterLine(role=Role.DEPUTY_LEADER, person=third, title="县政府副县长"),
            group_services.RosterLine(role=Role.LEADER, person=first, title="县委常委、政府副县长"),
            group_services.RosterLine(role=Role.DEPUTY_LEADER, person=second, title="县政府副县长"),
            group_services.RosterLine(role=Role.MEMBER, member_type="placeholder", title="各乡镇乡镇长"),
        ],
    )
    names = [m.person.name if m.person else m.title for m in group.memberships.in_roster_order()]
    assert names == ["刘飞", "李茂", "马兴勇", "各乡镇乡镇长"]


@pytest.mark.django_db
def test_detail_page_shows_the_roster_in_order(login, data_manager):
    group = LeadingGroupFactory()
    MembershipFactory(group=group, role=Role.MEMBER, person=PersonFactory(name="成员甲"))
    MembershipFactory(group=group, role=Role.LEADER, person=PersonFactory(name="组长乙"))
    page = login(data_manager).get(group.get_absolute_url()).content.decode()
    assert page.index("组长乙") < page.index("成员甲")


@pytest.mark.django_db
def test_a_member_is_a_person_or_a_written_position_never_neither():
    from django.core.exceptions import ValidationError

    group = LeadingGroupFactory()
    with pytest.raises(ValidationError):
        group_services.save_group(group=group, data={}, roster=[group_services.RosterLine(role=Role.MEMBER)])
    assert not Membership.objects.filter(group=group).exists()
