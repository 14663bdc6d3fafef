"""A roster line may be a member unit (成员单位): it names a unit, linked or as written, and no person; printed role
labels, variants included, map to roles without dropping a line."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from groups.models import Membership, Role, role_for_label
from groups.services import RosterLine, save_group
from tests.groups.factories import LeadingGroupFactory
from tests.org.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db
UNIT = Membership.MemberType.UNIT


def test_a_member_unit_is_saved_linked_or_as_written_and_shown_by_its_unit_name():
    group = LeadingGroupFactory()
    finance = OrganisationFactory(name="白水县财政局")
    save_group(
        group=group,
        data={},
        roster=[
            RosterLine(role=Role.MEMBER, member_type=UNIT, organisation=finance, organisation_text="县财政局"),
            RosterLine(role=Role.MEMBER, member_type=UNIT, organisation_text="县消防救援大队"),
        ],
    )
    linked, written = group.memberships.in_roster_order()
    assert (linked.who, linked.organisation_text, linked.person, linked.title) == ("白水县财政局", "县财政局", None, "")
    assert written.who == "县消防救援大队" and written.organisation is None


def test_a_member_unit_needs_its_unit_and_has_no_person():
    group = LeadingGroupFactory()
    with pytest.raises(ValidationError):
        save_group(group=group, data={}, roster=[RosterLine(role=Role.MEMBER, member_type=UNIT, title="县财政局")])
    with transaction.atomic(), pytest.raises(IntegrityError):
        Membership.objects.create(
            group=group, role=Role.MEMBER, member_type=UNIT, person=PersonFactory(), organisation_text="县财政局"
        )


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("组长", Role.LEADER),
        ("组 长", Role.LEADER),
        ("第一组长", Role.LEADER),
        ("执行副组长", Role.EXECUTIVE_DEPUTY_LEADER),
        ("总指挥", Role.COMMANDER),
        ("副总指挥", Role.DEPUTY_COMMANDER),
        ("主任委员", Role.DIRECTOR),
        ("副主任委员", Role.DEPUTY_DIRECTOR),
        ("召集人", Role.CONVENER),
        ("办公室主任", Role.OFFICE_DIRECTOR),
        ("办公室常务副主任", Role.OFFICE_EXECUTIVE_DEPUTY_DIRECTOR),
        ("办公室副主任", Role.OFFICE_DEPUTY_DIRECTOR),
        ("办公室成员", Role.OFFICE_MEMBER),
        ("办公室联络员", Role.OFFICE_MEMBER),
        ("秘书长", Role.SECRETARY_GENERAL),
        ("顾问", Role.ADVISER),
        ("特邀成员", Role.MEMBER),
    ],
)
def test_printed_role_labels_map_to_roles(label, role):
    assert role_for_label(label) == role
