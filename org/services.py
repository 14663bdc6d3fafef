"""Writes to accounts, organisations, people and posts. Each runs in one transaction and validates first."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import roles
from .models import CountyAccess, CountyProfile, Organisation, OrganisationAlias, Person, Post, UnitAccess
from .names import normalise_name
from .selectors import OrganisationResolver, county_of


@transaction.atomic
def create_account(*, username, password, role, organisations=(), counties=None, person=None, email=""):
    """A login for one of the three roles: unit staff are linked to their organisations; data managers and
    supervisors to their ``counties``, or to every county when None (a prefecture or province office)."""
    if role not in roles.ROLE_LABELS:
        raise ValidationError(_("Unknown role %(role)s.") % {"role": role})
    if role == roles.UNIT_STAFF and not organisations:
        raise ValidationError(_("A unit-staff account must be linked to at least one organisation."))
    user = get_user_model().objects.create_user(
        username=username, password=password, email=email, is_staff=role == roles.DATA_MANAGER
    )
    user.groups.add(Group.objects.get(name=role))
    if role != roles.UNIT_STAFF:
        if counties is None:
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label="org", codename="see_all_counties")
            )
        for county in counties or ():
            CountyAccess.objects.create(user=user, county=county)
    for organisation in organisations:
        UnitAccess.objects.create(user=user, organisation=organisation)
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return user


# Counties and organisations


@transaction.atomic
def create_county(*, name, short_name, number_prefixes="", aliases=()):
    """A county: the organisation of its government (the root of its units) and its settings."""
    county = create_organisation(name=name, short_name=short_name, kind=Organisation.Kind.COUNTY, aliases=aliases)
    profile = CountyProfile(county=county, number_prefixes=number_prefixes.strip())
    profile.full_clean()
    profile.save()
    return county


@transaction.atomic
def create_organisation(*, name, kind, parent=None, short_name="", aliases=(), sort_order=0):
    organisation = Organisation(name=name, short_name=short_name, kind=kind, parent=parent, sort_order=sort_order)
    organisation.full_clean()
    organisation.save()
    for alias in aliases:
        add_alias(organisation, alias)
    return organisation


@transaction.atomic
def add_alias(organisation, alias):
    """Add another written form of the organisation's name; refuse one that already names another unit."""
    alias = normalise_name(alias)
    if not alias:
        raise ValidationError(_("An alias cannot be empty."))
    existing = OrganisationResolver(county_of(organisation))(alias)
    if existing is not None and existing.pk != organisation.pk:
        raise ValidationError(
            _("“%(alias)s” already names %(other)s; an alias must name one organisation only.")
            % {"alias": alias, "other": existing.name}
        )
    obj, _created = OrganisationAlias.objects.get_or_create(organisation=organisation, alias=alias)
    return obj


# People and posts


@transaction.atomic
def create_person(*, county, name, note="", phone="", email=""):
    person = Person(county=county, name=normalise_name(name), note=note, phone=phone, email=email)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def update_person(person, **fields):
    for name, value in fields.items():
        setattr(person, name, value)
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
