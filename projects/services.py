"""Writes to organisations, people and leading groups. Each runs in one transaction and validates first."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import roles
from .models import LeadingGroup, Membership, Organisation, OrganisationAlias, Person, Post, UnitAccess
from .names import normalise_name
from .selectors import OrganisationResolver

# Apps whose models data managers manage in full; "auth" so that they also keep the accounts.
LEDGER_APPS = ("projects", "gazette", "compensation")
DATA_MANAGER_APPS = (*LEDGER_APPS, "auth")
UNIT_STAFF_RIGHTS = (
    "add_leadinggroup",
    "change_leadinggroup",
    "add_membership",
    "change_membership",
    "delete_membership",
)


def ensure_role_groups():
    """Create the three role groups with their permissions; safe to run after every migrate."""
    ledger_permissions = Permission.objects.filter(content_type__app_label__in=LEDGER_APPS)
    view_permissions = ledger_permissions.filter(codename__startswith="view_")
    data_manager, _created = Group.objects.get_or_create(name=roles.DATA_MANAGER)
    data_manager.permissions.set(Permission.objects.filter(content_type__app_label__in=DATA_MANAGER_APPS))
    supervisor, _created = Group.objects.get_or_create(name=roles.SUPERVISOR)
    supervisor.permissions.set(view_permissions)
    unit_staff, _created = Group.objects.get_or_create(name=roles.UNIT_STAFF)
    unit_staff.permissions.set(
        view_permissions | ledger_permissions.filter(content_type__app_label="projects", codename__in=UNIT_STAFF_RIGHTS)
    )


@transaction.atomic
def create_account(*, username, password, role, organisations=(), person=None, email=""):
    """A login for one of the three roles; unit staff are linked to their organisations."""
    if role not in roles.ROLE_LABELS:
        raise ValidationError(_("Unknown role %(role)s.") % {"role": role})
    if role == roles.UNIT_STAFF and not organisations:
        raise ValidationError(_("A unit-staff account must be linked to at least one organisation."))
    user = get_user_model().objects.create_user(
        username=username, password=password, email=email, is_staff=role == roles.DATA_MANAGER
    )
    user.groups.add(Group.objects.get(name=role))
    for organisation in organisations:
        UnitAccess.objects.create(user=user, organisation=organisation)
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return user


# Organisations


@transaction.atomic
def create_organisation(*, name, kind, parent=None, short_name="", aliases=(), sort_order=0):
    organisation = Organisation(name=name, short_name=short_name, kind=kind, parent=parent, sort_order=sort_order)
    organisation.full_clean()
    organisation.save()
    for alias in aliases:
        add_alias(organisation, alias)
    return organisation


def _county_of(organisation):
    node = organisation
    while node is not None and node.kind != Organisation.Kind.COUNTY:
        node = node.parent
    return node


@transaction.atomic
def add_alias(organisation, alias):
    """Add another written form of the organisation's name; refuse one that already names another unit."""
    alias = normalise_name(alias)
    if not alias:
        raise ValidationError(_("An alias cannot be empty."))
    existing = OrganisationResolver(_county_of(organisation))(alias)
    if existing is not None and existing.pk != organisation.pk:
        raise ValidationError(
            _("“%(alias)s” already names %(other)s; an alias must name one organisation only.")
            % {"alias": alias, "other": existing.name}
        )
    obj, _created = OrganisationAlias.objects.get_or_create(organisation=organisation, alias=alias)
    return obj


# People and posts


@transaction.atomic
def create_person(*, name, note="", phone="", email=""):
    person = Person(name=normalise_name(name), note=note, phone=phone, email=email)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def add_post(*, person, organisation, title, start=None, end=None):
    post = Post(person=person, organisation=organisation, title=title, start=start, end=end)
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def end_post(post, end):
    if post.start and end < post.start:
        raise ValidationError(_("A post cannot end before it starts."))
    post.end = end
    post.save(update_fields=["end"])
    return post


# Leading groups


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
