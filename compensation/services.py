"""Writes to expropriation projects and compensation schemes. Each runs in one transaction and validates first."""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from intake import services as proposal_services
from org.selectors import OrganisationResolver
from projects.models import Assignment, Task
from projects.services import AssignmentLine, create_task

from . import calculator, survey_sheet
from .models import (
    HOUSEHOLD_LIFECYCLE,
    HOUSEHOLD_STEP,
    OPTION_LABELS,
    CompensationScheme,
    ExpropriationProject,
    Household,
    HouseholdPayment,
    Rule,
    SchemeDeadline,
    SchemeVersion,
)

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


@dataclass(frozen=True)
class RuleSource:
    """The clause a rule comes from: its document, the section if known and the sentence as written."""

    document: object = None
    section: str = ""
    text: str = ""


@transaction.atomic
def add_draft_rule(version, *, data, source, user=None, proposal=None):
    """Add a rule (``RULE_FIELDS`` in ``data``) at the end of a draft version, citing ``source``.

    A version in force changes only through an adjustment, so drafts alone take new rules. Given the gazette
    ``proposal`` the rule comes from, that proposal is accepted with it, or neither.
    """
    version = SchemeVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != SchemeVersion.Status.DRAFT:
        raise ValidationError(_("Rules can be added only to a draft version; adjust the scheme first."))
    last = version.rules.order_by("-position").values_list("position", flat=True).first() or 0
    rule = Rule(version=version, position=last + 1)
    for name in RULE_FIELDS:
        if name in data:
            setattr(rule, name, data[name])
    rule.source_document = source.document
    rule.source_number = getattr(source.document, "number", "") or ""
    rule.source_section, rule.source_text = source.section, source.text
    rule.full_clean()
    if user is not None:
        rule._history_user = user  # also outside a request (a command), the history names who added it
    rule.save()
    if proposal is not None:
        proposal_services.accept_with_record(proposal, rule, user)
    return rule


@transaction.atomic
def set_draft_rule_months(rules, months, *, source, user=None, proposal=None):
    """Set the months of monthly rules of a draft version from a period the scheme prints apart from their rate
    (一次性支付12个月的临时过渡安置补助费), adding ``source``'s clause to theirs.

    Given the gazette ``proposal`` the period comes from, it is accepted with them, or nothing is changed.
    """
    rules = list(Rule.objects.select_for_update().filter(pk__in=[rule.pk for rule in rules]).select_related("version"))
    if not rules:
        raise ValidationError(_("Choose the rules the months are for."))
    for rule in rules:
        if rule.version.status != SchemeVersion.Status.DRAFT:
            raise ValidationError(_("Rules can be changed only in a draft version; adjust the scheme first."))
        rule.months = months
        if source.text and source.text not in rule.source_text:
            rule.source_text = "\n".join(text for text in (rule.source_text, source.text) if text)
        rule.full_clean()
        if user is not None:
            rule._history_user = user
        rule.save()
    if proposal is not None:
        proposal_services.accept_with_record(proposal, rules[0], user)
    return rules


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


# Households (被征收户)

HOUSEHOLD_FIELDS = ("number", "head_name", "id_number", "phone", "address", "plot", "notes")


def _checked_facts(version, facts):
    """The facts as ``HouseholdFacts``, refused with a message when the version cannot read them."""
    if isinstance(facts, dict):
        try:
            facts = calculator.facts_from_dict(facts)
        except (calculator.SchemeError, TypeError, ValueError, ArithmeticError, KeyError) as error:
            raise ValidationError(_("The survey results cannot be read: %(error)s") % {"error": error}) from error
    if facts.option not in version.options:
        raise ValidationError(
            _("The scheme version offers no option “%(option)s”.") % {"option": OPTION_LABELS[facts.option]}
        )
    return facts


def _clean_household(household):
    if household.scheme_version.scheme.project_id != household.project_id:
        raise ValidationError(_("The scheme version belongs to another project."))
    household.full_clean()


@transaction.atomic
def create_household(*, project, scheme_version, facts, surveyed_on=None, **data):
    """A household at its first step, surveyed (today unless given)."""
    household = Household(project=project, scheme_version=scheme_version)
    for name in HOUSEHOLD_FIELDS:
        if name in data:
            setattr(household, name, data[name].strip())
    household.facts = calculator.facts_to_dict(_checked_facts(scheme_version, facts))
    household.surveyed_on = surveyed_on or timezone.localdate()
    _check_not_future(household.surveyed_on)
    _clean_household(household)
    household.save()
    return household


@transaction.atomic
def update_household(household, *, data, facts=None, scheme_version=None):
    """Change a household's particulars and, until it signs, its facts and scheme version."""
    household = Household.objects.select_for_update().get(pk=household.pk)
    for name in HOUSEHOLD_FIELDS:
        if name in data:
            setattr(household, name, data[name].strip())
    if facts is not None or scheme_version is not None:
        version = scheme_version or household.scheme_version
        checked = calculator.facts_to_dict(_checked_facts(version, household.facts if facts is None else facts))
        if household.is_signed and (version.pk != household.scheme_version_id or checked != household.facts):
            raise ValidationError(_("A signed household's survey results and scheme version can no longer change."))
        household.scheme_version, household.facts = version, checked
    _clean_household(household)
    household.save()
    return household


def _check_not_future(day):
    if not isinstance(day, datetime.date):
        raise ValidationError(_("Give the date."))
    if day > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."))


@transaction.atomic
def advance_household(household, *, status, on, agreement_type="", user=None):
    """Move a household one step forward to ``status`` on the date ``on``.

    Signing needs the agreement type (the option chosen) and freezes the statement computed under the household's
    scheme version; payment in full needs payments that add up to the frozen total. Entering publicity or appraisal
    schedules the periods that follow as deadline tasks.
    """
    household = Household.objects.select_for_update().select_related("scheme_version").get(pk=household.pk)
    step = HOUSEHOLD_STEP[household.status]
    if step + 1 >= len(HOUSEHOLD_LIFECYCLE) or HOUSEHOLD_LIFECYCLE[step + 1][0] != status:
        label = Household.Status(status).label if status in HOUSEHOLD_STEP else status
        raise ValidationError(
            _("A household at “%(current)s” cannot move to “%(status)s”: it moves one step at a time.")
            % {"current": household.get_status_display(), "status": label}
        )
    _check_not_future(on)
    latest = max(
        (getattr(household, name) for _s, name in HOUSEHOLD_LIFECYCLE if getattr(household, name)), default=None
    )
    if latest and on < latest:
        raise ValidationError(
            _("The date cannot be before the household's previous step (%(date)s).") % {"date": latest.isoformat()}
        )
    if status == Household.Status.SIGNED:
        _freeze_statement(household, on=on, agreement_type=agreement_type)
    if status == Household.Status.PAID:
        paid = household.payments.aggregate(total=Sum("amount"))["total"] or Decimal(0)
        if paid < max(household.signed_total, Decimal(0)):
            raise ValidationError(
                _("Payments of %(paid)s yuan do not yet settle the %(total)s yuan signed for.")
                % {"paid": paid, "total": household.signed_total}
            )
    household.status = status
    setattr(household, dict(HOUSEHOLD_LIFECYCLE)[status], on)
    _clean_household(household)
    household.save()
    if status in (Household.Status.PUBLICISED, Household.Status.APPRAISED):
        schedule_scheme_deadlines(household.scheme_version, user)
    return household


def _freeze_statement(household, *, on, agreement_type):
    version = household.scheme_version
    if not agreement_type:
        raise ValidationError(_("Signing needs the agreement type."))
    if agreement_type not in version.options:
        raise ValidationError(_("The scheme version offers no option “%(option)s”.") % {"option": agreement_type})
    facts = household.household_facts()
    facts.option = agreement_type
    if version.signing_end:
        # The date decides whether the agreement came within the signing period, not what was entered before.
        facts.within_signing_period = on <= version.signing_end
    scheme = version.calculator_scheme(list(version.rules.order_by("position", "pk")))
    try:
        statement = calculator.compile_scheme(scheme).statement(facts)
    except calculator.SchemeError as error:
        raise ValidationError(_("The statement cannot be computed: %(error)s") % {"error": error}) from error
    household.facts = calculator.facts_to_dict(facts)
    household.agreement_type = agreement_type
    household.signed_total = statement.rounded_total
    household.signed_subtotals = {heading: _plain(amount) for heading, amount in statement.subtotals.items()}
    household.signed_statement = statement_data(statement, version)


def statement_data(statement, version):
    """A statement as JSON-ready data (Decimals as strings), the way it is frozen on signing."""

    def text(value):
        return None if value is None else _plain(value)

    def line(item):
        return {
            "code": item.code,
            "label": item.label,
            "heading": item.heading,
            "quantity": text(item.quantity),
            "quantity_unit": item.quantity_unit,
            "rate": text(item.rate),
            "months": text(item.months),
            "times": item.times,
            "note": item.note,
            "amount": text(item.amount),
            "area": text(item.area),
            "document": item.source.document,
            "section": item.source.section,
            "text": item.source.text,
        }

    return {
        "version": version.pk,
        "version_label": str(version),
        "option": statement.option,
        "lines": [line(item) for item in statement.lines],
        "third_party": [line(item) for item in statement.third_party],
        "subtotals": {heading: _plain(amount) for heading, amount in statement.subtotals.items()},
        "total": _plain(statement.total),
        "rounded_total": _plain(statement.rounded_total),
        "flat_entitlement": _plain(statement.flat_entitlement),
        "flat_wished": _plain(statement.flat_wished),
        "shop_entitlement": _plain(statement.shop_entitlement),
        "shop_wished": _plain(statement.shop_wished),
        "basement_exchange": _plain(statement.basement_exchange),
        "warnings": list(statement.warnings),
    }


def _plain(number):
    """A Decimal as exact digits, never in exponent form (30, not 3E+1)."""
    return f"{number:f}"


@transaction.atomic
def record_payment(household, *, paid_on, amount, note=""):
    """An amount paid to a signed household; the payments may not exceed what was signed for."""
    household = Household.objects.select_for_update().get(pk=household.pk)
    if not household.is_signed:
        raise ValidationError(_("Payments are recorded once the agreement is signed."))
    _check_not_future(paid_on)
    if paid_on < household.signed_on:
        raise ValidationError(_("A payment cannot be dated before the agreement."))
    paid = household.payments.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if amount is None or paid + amount > household.signed_total:
        raise ValidationError(
            _("Payments would exceed the %(total)s yuan signed for (%(paid)s yuan paid so far).")
            % {"total": household.signed_total, "paid": paid}
        )
    payment = HouseholdPayment(household=household, paid_on=paid_on, amount=amount, note=note.strip())
    payment.full_clean()
    payment.save()
    return payment


# Deadlines of a scheme as tasks

NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
DAYS = r"(\d+|[一二两三四五六七八九十]+)[日天]"
PUBLICITY_DAYS = re.compile(r"(?:公示|公布)(?:不少于|不得少于)?" + DAYS)
REVIEW_DAYS = re.compile(r"(?:复核[^；。，]*?各?|异议)" + DAYS)


def _days(text):
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    tens, _ten, units = text.rpartition("十")
    return (NUMERALS.get(tens, 1) * 10 if _ten else 0) + NUMERALS.get(units, 0)


def scheme_periods(notes):
    """The publicity and review days a version's notes state, e.g. “评估结果公示5日；复核、鉴定各10日”."""
    periods = {}
    for kind, pattern in ((SchemeDeadline.Kind.PUBLICITY, PUBLICITY_DAYS), (SchemeDeadline.Kind.REVIEW, REVIEW_DAYS)):
        match = pattern.search(notes or "")
        if match:
            periods[kind] = _days(match.group(1))
    return periods


def _add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return min(day.replace(year=year, month=month, day=1) + datetime.timedelta(days=day.day - 1),
               following - datetime.timedelta(days=1))  # fmt: skip


def scheme_deadlines(version):
    """(kind, start, due) of every period of the version that can be dated now.

    The signing period ends on ``signing_end`` (or ``signing_months`` after ``signing_start``). Publicity and
    review run from the days households were publicised or appraised, as many days as the notes state; as the law
    counts periods, the first day is not counted (民法典 第二百零一条), so a 5-day period from the 1st ends on the 6th.
    """
    deadlines = []
    end = version.signing_end
    if end is None and version.signing_start and version.signing_months:
        end = _add_months(version.signing_start, version.signing_months)
    if end is not None:
        deadlines.append((SchemeDeadline.Kind.SIGNING_END, version.signing_start or end, end))
    periods = scheme_periods(version.notes)
    households = Household.objects.filter(scheme_version=version)
    for kind, field in ((SchemeDeadline.Kind.PUBLICITY, "publicised_on"), (SchemeDeadline.Kind.REVIEW, "appraised_on")):
        if kind not in periods:
            continue
        starts = households.filter(**{f"{field}__isnull": False}).values_list(field, flat=True).distinct()
        for start in sorted(set(starts)):
            deadlines.append((kind, start, start + datetime.timedelta(days=periods[kind])))
    return deadlines


DEADLINE_TITLES = {
    SchemeDeadline.Kind.SIGNING_END: gettext_lazy("%(project)s: the signing period ends"),
    SchemeDeadline.Kind.PUBLICITY: gettext_lazy("%(project)s: publicity of %(start)s ends"),
    SchemeDeadline.Kind.REVIEW: gettext_lazy("%(project)s: review period for the appraisals of %(start)s ends"),
}


@transaction.atomic
def schedule_scheme_deadlines(version, user=None):
    """Make a supervision task for every datable period of the version that has none yet; returns the new ones.

    The task's lead is the project's office (else the expropriating authority), its implementing departments take
    part, so their contacts get the reminders. Running it again creates nothing twice.
    """
    project = version.scheme.project
    known = set(version.deadlines.values_list("kind", "starts_on"))
    assignments = _deadline_assignments(project)
    today = timezone.localdate()
    created = []
    for kind, start, due in scheme_deadlines(version):
        if (kind, start) in known:
            continue
        # What the deadline rests on: the signing period as written, or the notes stating the days.
        basis = version.signing_period if kind == SchemeDeadline.Kind.SIGNING_END else version.notes
        # A task's title is data, read by everyone in the county's language whatever the language of who scheduled it.
        with override(settings.LANGUAGE_CODE):
            title = str(DEADLINE_TITLES[kind]) % {"project": project.name, "start": _cn_date(start)}
        task = create_task(
            title=title,
            description=f"{version}\n{basis}",
            deadline_text=f"{_cn_date(due)}前",
            category=Task.Category.SUPERVISION,
            county=project.county,
            source_document=version.document,
            assignments=assignments,
            # The period was known from its start: one that has run out since is overdue, not late before entry.
            as_of=min(start, today),
        )
        created.append(SchemeDeadline.objects.create(version=version, kind=kind, starts_on=start, due=due, task=task))
    return created


def _deadline_assignments(project):
    lead = project.office or project.authority
    lines = [
        AssignmentLine(
            role=Assignment.Role.LEAD,
            organisation=lead,
            organisation_text="" if lead else (project.office_text or project.authority_text or project.name),
        )
    ]
    lines += [
        AssignmentLine(role=Assignment.Role.IMPLEMENTING, organisation=department)
        for department in project.departments.order_by("sort_order", "name")
    ]
    return lines


def _cn_date(day):
    return f"{day.year}年{day.month}月{day.day}日"


# Excel import of survey results


@dataclass
class SurveyRowPreview:
    """What one sheet row would do: create or update which household, with what is wrong (blocking) or doubtful."""

    number: int
    particulars: dict
    facts: dict  # the household's whole facts after the row, as stored
    household: Household | None
    errors: list
    warnings: list

    @property
    def main_area(self):
        return sum((Decimal(storey["area"]) for storey in self.facts.get("storeys", ())), Decimal(0))


SURVEY_PROBLEMS = {
    survey_sheet.MISSING: gettext_lazy("%(column)s is empty."),
    survey_sheet.NOT_A_NUMBER: gettext_lazy("%(column)s: “%(value)s” is not a number."),
    survey_sheet.NEGATIVE: gettext_lazy("%(column)s: “%(value)s” is negative."),
    survey_sheet.UNKNOWN_CHOICE: gettext_lazy("%(column)s: “%(value)s” is not one of the words the template lists."),
    survey_sheet.BAD_ID_NUMBER: gettext_lazy(
        "%(column)s: “%(value)s” is not an ID number (18 characters); format the column as text in Excel."
    ),
}


def preview_survey_rows(project, rows, *, version):
    """Check every row without writing anything: the preview the office confirms.

    A row whose 户号 the project has updates that household (only while unsigned); otherwise it adds one under
    ``version``. Filled-in cells replace the facts entered before; empty ones leave them.
    """
    existing = {household.number: household for household in project.households.select_related("scheme_version")}
    seen, structures_of = {}, {}
    previews = []
    for row in rows:
        parsed = survey_sheet.parse_row(row.values)
        errors = [str(SURVEY_PROBLEMS[problem] % {"column": column, "value": value})
                  for column, problem, value in parsed.problems]  # fmt: skip
        warnings = []
        number = parsed.particulars.get("number", "")
        household = existing.get(number)
        if number and number in seen:
            errors.append(_("Household %(number)s is also on row %(row)s.") % {"number": number, "row": seen[number]})
        seen.setdefault(number, row.number)
        target = household.scheme_version if household else version
        facts = {**(household.facts if household else {}), **parsed.facts}
        if household is not None and household.is_signed:
            errors.append(_("Household %(number)s has signed; its survey results can no longer change.") % {
                "number": number})  # fmt: skip
        if target.pk not in structures_of:
            structures_of[target.pk] = {s for rule in target.rules.all() for s in rule.conditions.get("structures", ())}
        structures = structures_of[target.pk]
        for column, structure in parsed.structures:
            if structure not in structures:
                errors.append(
                    _("%(column)s: “%(value)s” is not a structure the scheme names (%(known)s).")
                    % {"column": column, "value": structure, "known": "、".join(sorted(structures)) or "—"}
                )
        if not errors:
            try:
                facts = calculator.facts_to_dict(_checked_facts(target, facts))
            except ValidationError as error:
                errors.extend(error.messages)
        if household is None and not parsed.facts.get("storeys"):
            warnings.append(_("No floor area entered."))
        previews.append(SurveyRowPreview(row.number, parsed.particulars, facts, household, errors, warnings))
    return previews


@transaction.atomic
def import_survey_rows(project, previews, *, version, surveyed_on=None):
    """Create or update a household per row, all or nothing; refuses when any row has an error."""
    if any(preview.errors for preview in previews):
        raise ValidationError(_("Some rows have errors; nothing was imported."))
    if version.scheme.project_id != project.pk:
        raise ValidationError(_("The scheme version belongs to another project."))
    saved = []
    for preview in previews:
        data = {name: value for name, value in preview.particulars.items() if value or preview.household is None}
        if preview.household is None:
            saved.append(
                create_household(
                    project=project, scheme_version=version, facts=preview.facts, surveyed_on=surveyed_on, **data
                )
            )
        else:
            saved.append(update_household(preview.household, data=data, facts=preview.facts))
    return saved
