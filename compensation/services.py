"""Writes to expropriation projects and compensation schemes. Each runs in one transaction and validates first."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from projects.selectors import OrganisationResolver

from .models import CompensationScheme, ExpropriationProject, Rule, SchemeVersion

VERSION_FIELDS = (
    "document",
    "document_number",
    "title",
    "signed",
    "changes",
    "boundary_east",
    "boundary_west",
    "boundary_south",
    "boundary_north",
    "signing_period",
    "signing_months",
    "signing_start",
    "signing_end",
    "day_count_from",
    "effective_from",
    "effective_to",
    "status",
    "options",
    "rounding",
    "notes",
)
INHERITED_FIELDS = (
    "boundary_east",
    "boundary_west",
    "boundary_south",
    "boundary_north",
    "signing_period",
    "signing_months",
    "signing_start",
    "signing_end",
    "day_count_from",
    "options",
    "rounding",
)
RULE_FIELDS = (
    "code",
    "kind",
    "label",
    "heading",
    "basis",
    "amount",
    "amount_max",
    "unit",
    "months",
    "times",
    "band_from",
    "band_to",
    "debit",
    "payee",
    "exclusive_group",
    "targets",
    "conditions",
    "source_document",
    "source_number",
    "source_section",
    "source_text",
    "note",
)


@transaction.atomic
def create_project(*, name, county=None, authority="", office="", departments=(), notes=""):
    """A project; the authority, office and departments are resolved to organisations where the names are known."""
    resolve = OrganisationResolver(county)
    project = ExpropriationProject(
        name=name,
        county=county,
        authority=resolve(authority) if authority else None,
        authority_text=authority,
        office=resolve(office) if office else None,
        office_text=office,
        departments_text="、".join(departments),
        notes=notes,
    )
    project.full_clean()
    project.save()
    project.departments.set([organisation for organisation in map(resolve, departments) if organisation])
    return project


@transaction.atomic
def create_scheme(*, project, name, version, rules=()):
    """A scheme with its first version."""
    scheme = CompensationScheme(project=project, name=name)
    scheme.full_clean()
    scheme.save()
    _save_version(SchemeVersion(scheme=scheme, number=1), version, rules)
    return scheme


@transaction.atomic
def adjust_scheme(scheme, *, version, rules=None, changed=(), removed=()):
    """A new version from an adjusting document; the one it adjusts stays readable, marked superseded.

    The new version starts as a copy of the current one's rules; ``changed`` rules replace those of the same code
    (or are added), codes in ``removed`` are dropped. ``rules`` instead gives the new version's rules whole.
    """
    if not version.get("changes", "").strip():
        raise ValidationError(_("An adjustment must state what it changed."))
    previous = scheme.versions.select_for_update().order_by("-number").first()
    if previous is None:
        raise ValidationError(_("Only a scheme that has a version can be adjusted."))
    if rules is None:
        by_code = {rule.code: _rule_data(rule) for rule in previous.rules.all()}
        missing = set(removed) - set(by_code)
        if missing:
            raise ValidationError(
                _("The version has no rule %(codes)s to remove.") % {"codes": "、".join(sorted(missing))}
            )
        for code in removed:
            del by_code[code]
        for data in changed:
            by_code[data["code"]] = data
        rules = list(by_code.values())
    # What the adjusting document does not restate (boundary, signing period, options…) carries over.
    inherited = {name: getattr(previous, name) for name in INHERITED_FIELDS}
    new = SchemeVersion(scheme=scheme, number=previous.number + 1, previous=previous)
    _save_version(new, {**inherited, "status": SchemeVersion.Status.IN_FORCE, **version}, rules)
    if previous.status in (SchemeVersion.Status.IN_FORCE, SchemeVersion.Status.DRAFT):
        previous.status = SchemeVersion.Status.SUPERSEDED
    if new.effective_from and not previous.effective_to:
        day_before = new.effective_from - datetime.timedelta(days=1)
        previous.effective_to = max(day_before, previous.effective_from or day_before)
    previous.full_clean()
    previous.save()
    return new


@transaction.atomic
def update_rule(rule, data):
    """Change a rule of a draft version; a version in force changes only through an adjustment."""
    if rule.version.status != SchemeVersion.Status.DRAFT:
        raise ValidationError(_("Only the rules of a draft version can be edited; adjust the scheme instead."))
    for name in RULE_FIELDS:
        if name in data:
            setattr(rule, name, data[name])
    rule.full_clean()
    rule.save()
    return rule


def _save_version(version, data, rules):
    for name in VERSION_FIELDS:
        if name in data:
            setattr(version, name, data[name])
    if version.document and not version.document_number:
        version.document_number = version.document.number
    version.full_clean()
    version.save()
    codes = [data["code"] for data in rules]
    repeated = {code for code in codes if codes.count(code) > 1}
    if repeated:
        raise ValidationError(_("Rule codes repeat: %(codes)s") % {"codes": "、".join(sorted(repeated))})
    for position, data in enumerate(rules, start=1):
        rule = Rule(version=version, position=position)
        for name in RULE_FIELDS:
            if name in data:
                setattr(rule, name, data[name])
        rule.full_clean(exclude=["version"])
        rule.save()
    for data in rules:
        unknown = set(data.get("targets", ())) - set(codes)
        if unknown:
            raise ValidationError(
                _("Rule %(code)s bounds rules this version lacks: %(codes)s")
                % {"code": data["code"], "codes": "、".join(sorted(unknown))}
            )
    return version


def _rule_data(rule):
    return {name: getattr(rule, name) for name in RULE_FIELDS}
