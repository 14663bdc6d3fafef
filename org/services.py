"""Writes to accounts, organisations, people and posts. Each runs in one transaction and validates first."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from . import roles
from .access import descendant_ids
from .models import CountyAccess, CountyProfile, Organisation, OrganisationAlias, Person, Post, UnitAccess
from .names import county_variants, normalise_name, split_names
from .selectors import OrganisationResolver, county_of, county_unit_ids
from .unit_sheet import kind_of


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
def create_county(*, name, short_name, number_prefixes="", aliases=(), notice_prefix="", notice_office=""):
    """A county: the organisation of its government (the root of its units) and its settings."""
    county = create_organisation(name=name, short_name=short_name, kind=Organisation.Kind.COUNTY, aliases=aliases)
    profile = CountyProfile(
        county=county,
        number_prefixes=number_prefixes.strip(),
        notice_prefix=notice_prefix.strip(),
        notice_office=notice_office.strip(),
    )
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


# Onboarding a county in the browser: its settings, its units and their reminder contacts, its unit directory


@transaction.atomic
def save_county(*, county=None, name, short_name, number_prefixes="", aliases=None, notice_prefix="", notice_office=""):
    """Create a county (``county`` None) or change its names, 文号 prefixes and how its notices are numbered and
    signed; ``aliases`` (a list of names, or None to leave them) become exactly its aliases."""
    name, short_name = name.strip(), short_name.strip()
    names = [written for written in (name, short_name) if written]
    clash = Organisation.objects.filter(kind=Organisation.Kind.COUNTY).filter(
        Q(name__in=names) | Q(short_name__in=names)
    )
    if county is not None:
        clash = clash.exclude(pk=county.pk)
    other = clash.first()
    if other is not None:
        raise ValidationError(_("There already is a county named %(name)s.") % {"name": other.name})
    if county is None:
        return create_county(
            name=name,
            short_name=short_name,
            number_prefixes=number_prefixes,
            aliases=aliases or (),
            notice_prefix=notice_prefix,
            notice_office=notice_office,
        )
    county.name, county.short_name = name, short_name
    county.full_clean()
    county.save()
    profile, _created = CountyProfile.objects.get_or_create(county=county)
    profile.number_prefixes = number_prefixes.strip()
    profile.notice_prefix, profile.notice_office = notice_prefix.strip(), notice_office.strip()
    profile.full_clean()
    profile.save()
    if aliases is not None:
        _set_aliases(county, aliases)
    return county


@transaction.atomic
def save_unit(*, county, unit=None, name, kind, parent=None, short_name="", sort_order=0, is_active=True, aliases=None):
    """Create a unit of ``county`` (``unit`` None) or change one. Its parent is a unit of the same county (the county
    itself by default) and not the unit or one below it; its names must not name another unit of the county;
    ``aliases`` (a list of names, or None to leave them) become exactly its aliases."""
    parent = parent or county
    ids = county_unit_ids(county)
    if unit is not None and (unit.pk == county.pk or unit.pk not in ids):
        raise ValidationError(_("%(unit)s is not a unit of %(county)s.") % {"unit": unit.name, "county": county})
    _check_unit(county, unit, kind=kind, parent=parent, unit_ids=ids)
    name, short_name = name.strip(), short_name.strip()
    own = _own_names(unit)
    changed = [written for written in (name, short_name) if written and normalise_name(written) not in own]
    _check_names_free(county, unit, changed)
    unit = _write_unit(
        unit, name=name, short_name=short_name, kind=kind, parent=parent, sort_order=sort_order, is_active=is_active
    )
    if aliases is not None:
        _set_aliases(unit, aliases)
    return unit


@transaction.atomic
def set_reminder_contact(unit, *, person=None, name="", email="", phone=""):
    """Make ``person`` (one of the unit's county's people), or a new person of that county named ``name``, the
    unit's reminder contact; neither clears it."""
    county = county_of(unit)
    if person is not None and name:
        raise ValidationError(_("Choose a person or type a new contact, not both."))
    if person is not None and person.county_id != county.pk:
        raise ValidationError(_("%(person)s is not one of %(county)s's people.") % {"person": person, "county": county})
    if person is None and (email or phone) and not name:
        raise ValidationError(_("Type the new contact's name with their e-mail or phone."))
    if person is None and name:
        person = create_person(county=county, name=name, email=email.strip(), phone=phone.strip())
    unit.reminder_contact = person
    unit.save(update_fields=["reminder_contact"])
    return person


def _check_unit(county, unit, *, kind, parent, unit_ids):
    if kind == Organisation.Kind.COUNTY:
        raise ValidationError(_("A unit below a county cannot itself be a county."))
    if parent.pk not in unit_ids:
        raise ValidationError(
            _("The parent unit %(parent)s is not a unit of %(county)s.") % {"parent": parent.name, "county": county}
        )
    if unit is not None and (parent.pk == unit.pk or parent.pk in descendant_ids({unit.pk})):
        raise ValidationError(_("A unit cannot hang below itself or one of its own sub-units."))


def _own_names(unit):
    if unit is None:
        return set()
    names = {unit.name, unit.short_name, *unit.aliases.values_list("alias", flat=True)}
    return {normalise_name(name) for name in names}


def _check_names_free(county, unit, names):
    """Refuse a name (or its form with or without the county's name) that already names another unit."""
    if not names:
        return
    resolver = OrganisationResolver(county)
    for written in names:
        for variant in county_variants(normalise_name(written), resolver.county_short_name):
            others = resolver.by_name.get(variant, set()) - {unit.pk if unit else None}
            if others:
                other = resolver.organisations[min(others)]
                raise ValidationError(
                    _("“%(name)s” already names %(other)s; a name must name one organisation only.")
                    % {"name": written, "other": other.name}
                )


def _write_unit(unit, *, name, short_name, kind, parent, sort_order, is_active):
    unit = unit or Organisation()
    unit.name, unit.short_name, unit.kind, unit.parent = name, short_name, kind, parent
    unit.sort_order, unit.is_active = sort_order, is_active
    unit.full_clean()
    unit.save()
    return unit


def _set_aliases(organisation, aliases):
    wanted = {normalise_name(alias) for alias in aliases} - {"", organisation.name, organisation.short_name}
    organisation.aliases.exclude(alias__in=wanted).delete()
    for alias in sorted(wanted):
        add_alias(organisation, alias)


# The unit directory from Excel: preview every row, then write all rows or none.


@dataclass
class UnitRowPreview:
    """What one row of the sheet will do. ``unit``: the unit it updates (None: it creates one); its parent is the
    county (``parent`` None and ``parent_row`` empty), an existing unit (``parent``) or a row of the sheet
    (``parent_row``, that row's unit name)."""

    number: int
    name: str
    unit: object = None
    short_name: str = ""
    aliases: list = field(default_factory=list)
    kind: str | None = None
    kind_text: str = ""
    parent_text: str = ""
    parent: object = None
    parent_row: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    contact: object = None  # the person of the county the contact names, when found
    depth: int = 0  # below the county, once written: rows are written parents first
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def key(self):
        """The name as the sheet's other rows and the county's units are matched by."""
        return normalise_name(self.name)

    @property
    def creates(self):
        return self.unit is None

    @property
    def kind_label(self):
        kind = self.kind or (self.unit.kind if self.unit else Organisation.Kind.DEPARTMENT)
        return Organisation.Kind(kind).label


def preview_unit_rows(rows, *, county):
    """Check every row of a unit directory against ``county``'s units and the sheet's other rows, writing nothing:
    the preview a data manager confirms."""
    resolver = OrganisationResolver(county)
    units = [unit for unit in resolver.organisations.values() if unit.pk != county.pk]
    by_name = {}
    for unit in units:
        by_name.setdefault(normalise_name(unit.name), []).append(unit)
    people = {}
    for person in Person.objects.filter(county=county):
        people.setdefault(person.name, []).append(person)

    previews, sheet_rows, sheet_names = [], {}, {}
    for row in rows:
        preview = _preview_row(row, county, resolver, by_name, people)
        previews.append(preview)
        if preview.key:
            if preview.key in sheet_rows:
                preview.errors.append(
                    _("The unit is already in row %(row)s.") % {"row": sheet_rows[preview.key].number}
                )
            else:
                sheet_rows[preview.key] = preview
        # Two rows must not write the same name, in any form.
        for written in {preview.key, preview.short_name, *preview.aliases} - {""}:
            for variant in county_variants(written, resolver.county_short_name):
                other = sheet_names.setdefault(variant, preview)
                if other is not preview and other.key != preview.key:
                    preview.errors.append(
                        _("“%(name)s” is also written in row %(row)s.") % {"name": written, "row": other.number}
                    )
                    break
    for preview in previews:
        _preview_parent(preview, county, resolver, sheet_rows)
    _place_in_tree(previews, county, units, sheet_rows)
    return previews


def _preview_row(row, county, resolver, by_name, people):
    values = row.values
    preview = UnitRowPreview(number=row.number, name=values.get("单位名称", "").strip())
    errors = preview.errors
    if not preview.name:
        errors.append(_("The unit name is empty."))
    elif preview.key in (normalise_name(county.name), normalise_name(county.short_name)):
        errors.append(_("“%(name)s” is the county itself.") % {"name": preview.name})
    else:
        matches = by_name.get(preview.key, [])
        if len(matches) > 1:
            errors.append(
                _("%(count)s units of the county are named “%(name)s”; change them one by one.")
                % {"count": len(matches), "name": preview.name}
            )
        elif matches:
            preview.unit = matches[0]
    names = split_names(values.get("简称/别名", ""))
    if names:
        preview.short_name, preview.aliases = names[0], [alias for alias in names[1:] if alias != preview.key]
    if preview.name and not errors:
        own = {preview.unit.pk} if preview.unit else set()
        for written in (preview.key, preview.short_name, *preview.aliases):
            other = _named_elsewhere(resolver, written, own)
            if other is not None:
                errors.append(
                    _("“%(name)s” already names %(other)s; a name must name one organisation only.")
                    % {"name": written, "other": other.name}
                )
    preview.kind_text = values.get("类型", "")
    preview.kind = kind_of(preview.kind_text)
    if preview.kind == "":
        errors.append(
            _("Unknown type “%(kind)s”: write 县直部门, 乡镇, 村或社区, 企业 or 其他.") % {"kind": preview.kind_text}
        )
    preview.parent_text = normalise_name(values.get("上级单位", ""))
    _preview_contact(preview, values, people)
    return preview


def _named_elsewhere(resolver, written, own):
    for variant in county_variants(written, resolver.county_short_name):
        others = resolver.by_name.get(variant, set()) - own
        if others:
            return resolver.organisations[min(others)]
    return None


def _preview_contact(preview, values, people):
    name = normalise_name(values.get("提醒联系人", ""))
    email, phone = values.get("邮箱", "").strip(), values.get("电话", "").strip()
    preview.contact_name, preview.contact_email, preview.contact_phone = name, email, phone
    if email:
        try:
            validate_email(email)
        except ValidationError:
            preview.errors.append(_("“%(email)s” is not a valid e-mail address.") % {"email": email})
    if not name:
        if email or phone:
            preview.errors.append(_("An e-mail or phone without the contact's name."))
        return
    namesakes = people.get(name, [])
    same = [person for person in namesakes if person.email.lower() == email.lower()] if email else namesakes
    if not same and email:
        same = [person for person in namesakes if not person.email]
    if len(same) > 1:
        preview.errors.append(
            _("%(count)s people of the county are named %(name)s; give the contact's e-mail to tell them apart.")
            % {"count": len(same), "name": name}
        )
    elif same:
        preview.contact = same[0]
    if not email and not (preview.contact and preview.contact.email):
        preview.warnings.append(_("The contact has no e-mail address: reminders cannot reach them."))


def _preview_parent(preview, county, resolver, sheet_rows):
    written = preview.parent_text
    if not written or written in (normalise_name(county.name), normalise_name(county.short_name)):
        return
    if written == preview.key:
        preview.errors.append(_("A unit cannot be its own parent."))
    elif written in sheet_rows:
        preview.parent_row = written
    else:
        parent = resolver(written)
        if parent is None:
            preview.errors.append(
                _("Parent unit “%(parent)s” is not found in %(county)s or in the sheet.")
                % {"parent": written, "county": county}
            )
        elif parent.pk == county.pk:
            return
        elif preview.unit is not None and parent.pk == preview.unit.pk:
            preview.errors.append(_("A unit cannot be its own parent."))
        else:
            preview.parent = parent


def _place_in_tree(previews, county, units, sheet_rows):
    """Each row's depth below the county once the sheet is written; a row whose parents lead round in a circle gets
    an error instead."""
    updated = {preview.unit.pk: preview for preview in sheet_rows.values() if preview.unit is not None}
    parent_of_unit = {unit.pk: unit.parent_id for unit in units}

    def parent_node(node):
        """A node is a row of the sheet (a preview) or an existing unit's pk; None is the county."""
        if isinstance(node, UnitRowPreview):
            if node.parent_row:
                return sheet_rows[node.parent_row]
            target = node.parent.pk if node.parent is not None else None
        else:
            target = parent_of_unit.get(node)
        if target is None or target == county.pk:
            return None
        return updated.get(target, target)

    for preview in previews:
        if preview.errors:
            continue
        seen, node, depth = {id(preview)}, parent_node(preview), 1
        while node is not None:
            key = id(node) if isinstance(node, UnitRowPreview) else node
            if key in seen:
                preview.errors.append(_("The parent units lead round in a circle."))
                break
            seen.add(key)
            node, depth = parent_node(node), depth + 1
        preview.depth = depth


@transaction.atomic
def import_unit_rows(previews, *, county):
    """Create or update a unit of ``county`` per row, parents first, with its aliases and reminder contact: all rows
    or none. Refuses when any row has an error. Returns the numbers of units created and updated."""
    if any(preview.errors for preview in previews):
        raise ValidationError(_("Some rows have errors; nothing was imported."))
    written, contacts, created, updated = {}, {}, 0, 0
    for preview in sorted(previews, key=lambda preview: (preview.depth, preview.number)):
        unit = preview.unit
        if preview.parent_row:
            parent = written[preview.parent_row]
        else:
            parent = preview.parent or county
        unit = _write_unit(
            unit,
            name=preview.name,
            short_name=preview.short_name or (unit.short_name if unit else ""),
            kind=preview.kind or (unit.kind if unit else Organisation.Kind.DEPARTMENT),
            parent=parent,
            sort_order=unit.sort_order if unit else preview.number,
            is_active=unit.is_active if unit else True,
        )
        created, updated = created + (preview.unit is None), updated + (preview.unit is not None)
        written[preview.key] = unit
        for alias in preview.aliases:
            OrganisationAlias.objects.get_or_create(organisation=unit, alias=alias)
        if preview.contact_name:
            unit.reminder_contact = _contact(preview, county, contacts)
            unit.save(update_fields=["reminder_contact"])
    return created, updated


def _contact(preview, county, contacts):
    """The row's contact: the person of the county it names, or a new one (once however many rows name them)."""
    key = (preview.contact_name, preview.contact_email.lower())
    person = contacts.get(key) or preview.contact
    if person is None:
        person = create_person(
            county=county, name=preview.contact_name, email=preview.contact_email, phone=preview.contact_phone
        )
    else:
        changes = {}
        if preview.contact_email and not person.email:
            changes["email"] = preview.contact_email
        if preview.contact_phone and preview.contact_phone != person.phone:
            changes["phone"] = preview.contact_phone
        if changes:
            person = update_person(person, **changes)
    contacts[key] = person
    return person
