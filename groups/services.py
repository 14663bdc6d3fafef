"""Writes to leading groups and their rosters, each in one transaction."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from org.models import Organisation, Person

from .models import LeadingGroup, Membership


@dataclass
class RosterLine:
    """One line of a roster to save. ``pk`` names an existing membership to update."""

    role: str
    member_type: str = Membership.MemberType.PERSON
    person: Person | None = None
    title: str = ""
    organisation: Organisation | None = None
    organisation_text: str = ""
    pk: int | None = None
    delete: bool = False


GROUP_FIELDS = (
    "name",
    "kind",
    "county",
    "source_document",
    "established",
    "status",
    "superseded_by",
    "member_change_rule",
    "office_host",
    "office_host_text",
    "office_head",
    "office_head_text",
    "notes",
)


@transaction.atomic
def save_group(*, group=None, data, roster=None):
    """Create or update a group and, when given, its whole roster, in one transaction.

    Roster lines keep their given order within each role. Lines not mentioned are left alone;
    lines marked ``delete`` are removed. History records who did it through the request middleware.
    """
    group = group or LeadingGroup()
    for name in GROUP_FIELDS:
        if name in data:
            setattr(group, name, data[name])
    group.full_clean()
    group.save()
    if roster is not None:
        _save_roster(group, roster)
    return group


def _save_roster(group, lines):
    existing = {membership.pk: membership for membership in group.memberships.all()}
    positions = {}
    for line in lines:
        membership = existing.get(line.pk) if line.pk else Membership(group=group)
        if membership is None:
            raise ValidationError(_("A roster line belongs to another group."))
        if line.delete:
            if membership.pk:
                membership.delete()
            continue
        if line.member_type != Membership.MemberType.PERSON:
            line.person = None
        values = {
            "role": line.role,
            "member_type": line.member_type,
            "person": line.person,
            "title": line.title.strip(),
            "organisation": line.organisation,
            "organisation_text": line.organisation_text.strip(),
            "position": positions.get(line.role, 0),
        }
        positions[line.role] = values["position"] + 1
        if membership.pk and all(getattr(membership, name) == value for name, value in values.items()):
            continue  # unchanged: saving would only add an empty entry to the history
        for name, value in values.items():
            setattr(membership, name, value)
        membership.full_clean(exclude=["group"])
        membership.save()
