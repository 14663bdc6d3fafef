"""Reads a user can reach. Every one applies the user's scope through ``org.access``.

Unit staff see the projects their units run: as expropriating authority, as its office or as an implementing
department. Data managers and supervisors see all. Whoever sees a scheme may use its calculator.
"""

import re
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Case, CharField, Count, DecimalField, F, OuterRef, Prefetch, Sum, Value, When
from django.db.models.functions import Coalesce, Concat, Left
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from common.history import change_history
from intake import selectors as proposal_selectors
from intake.models import Proposal
from org import access
from projects.lights import RED
from projects.selectors import task_lights, visible_tasks

from . import calculator, rate_units
from .models import (
    HOUSEHOLD_LIFECYCLE,
    HOUSEHOLD_STEP,
    SIGNED_STATUSES,
    CompensationScheme,
    ExpropriationProject,
    Household,
    HouseholdPayment,
    Rule,
    SchemeDeadline,
    SchemeVersion,
)

# The units that run a project: its expropriating authority, that authority's office, its implementing departments.
RUNNING_UNITS = ("authority", "office", "departments")


def visible_projects(user):
    return access.visible(user, ExpropriationProject.objects.all(), *RUNNING_UNITS)


def visible_schemes(user):
    return CompensationScheme.objects.filter(project__in=visible_projects(user))


def visible_versions(user):
    return SchemeVersion.objects.filter(scheme__in=visible_schemes(user))


def scheme_list(user):
    """Visible schemes with their project and versions, newest version first, in three queries."""
    return (
        visible_schemes(user)
        .select_related("project")
        .prefetch_related(
            Prefetch("versions", queryset=SchemeVersion.objects.select_related("document").order_by("-number"))
        )
        .order_by("project__name", "name", "pk")
    )


def current_version(scheme):
    """The version in force, else the newest."""
    versions = scheme.versions.order_by("-number")
    return versions.filter(status=SchemeVersion.Status.IN_FORCE).first() or versions.first()


def scheme_for_view(user, pk):
    return get_object_or_404(visible_schemes(user).select_related("project"), pk=pk)


def version_for_view(user, pk):
    return get_object_or_404(
        visible_versions(user).select_related(
            "scheme__project__authority", "scheme__project__office", "document__issue", "previous"
        ),
        pk=pk,
    )


def version_rules(version):
    return version.rules.select_related("source_document").order_by("position", "pk")


def version_detail(user, pk):
    version = version_for_view(user, pk)
    rules = list(version_rules(version))
    return {
        "version": version,
        "scheme": version.scheme,
        "project": version.scheme.project,
        "departments": version.scheme.project.departments.all(),
        "versions": version.scheme.versions.select_related("document").order_by("number"),
        "rules": rules,
        "changed_codes": changed_codes(version, rules),
        "history": change_history(version.history.all(), Rule.history.filter(version_id=version.pk)),
    }


def changed_codes(version, rules):
    """Codes of the rules this version added or changed against the version it adjusts."""
    if version.previous_id is None:
        return set()
    before = {rule.code: rule.data() for rule in version.previous.rules.all()}
    return {rule.code for rule in rules if before.get(rule.code) != rule.data()}


def calculator_for(user, pk):
    """A visible version and the scheme the calculator reads from it, in two queries."""
    version = version_for_view(user, pk)
    return version, version.calculator_scheme(list(version.rules.order_by("position", "pk")))


# Households. Whoever sees a project sees its households' steps and amounts; the head's name, ID number and phone
# only its staff (units running it as authority, office or implementing department) and data managers see.


def staff_projects(user):
    """The projects one of the user's units runs; none for supervisors, who see every project without running one."""
    return access.own(user, ExpropriationProject.objects.all(), *RUNNING_UNITS)


def is_project_staff(user, project):
    return staff_projects(user).filter(pk=project.pk).exists()


def can_see_personal_data(user, project):
    return access.is_data_manager(user) or is_project_staff(user, project)


def can_edit_households(user, project):
    """The same people: those who keep the register are those who may read it whole."""
    return can_see_personal_data(user, project)


def mask_name(name):
    """The surname and two stars whatever the length, so the mask tells nothing more: 王小明 → 王**."""
    return f"{name[:1]}**" if name else ""


def project_for_view(user, pk):
    return get_object_or_404(visible_projects(user).select_related("authority", "office"), pk=pk)


def project_for_edit(user, pk):
    project = project_for_view(user, pk)
    if not can_edit_households(user, project):
        raise PermissionDenied
    return project


def project_versions(project):
    """The versions a household of the project can be computed under: those in force first, then the newest."""
    return (
        SchemeVersion.objects.filter(scheme__project=project)
        .exclude(status=SchemeVersion.Status.WITHDRAWN)
        .select_related("scheme")
        .order_by("status", "scheme__name", "-number")
    )


def default_version(project):
    versions = project_versions(project)
    return versions.filter(status=SchemeVersion.Status.IN_FORCE).first() or versions.first()


def visible_households(user):
    return Household.objects.filter(project__in=visible_projects(user))


def households_for_admin(user):
    """Visible households, each with ``head_shown``: the head's name, or its mask where the user may not see it."""
    households = visible_households(user)
    if access.is_data_manager(user):
        return households.annotate(head_shown=F("head_name"))
    return households.annotate(
        head_shown=Case(
            When(project__in=staff_projects(user), then=F("head_name")),
            default=Concat(Left("head_name", 1), Value("**")),
            output_field=CharField(),
        )
    )


def household_list(user, project):
    """The project's households with what a register row shows, and how much each has been paid."""
    paid = HouseholdPayment.objects.filter(household=OuterRef("pk")).values("household")
    paid = paid.annotate(total=Sum("amount")).values("total")
    return (
        visible_households(user)
        .filter(project=project)
        .select_related("scheme_version")
        .annotate(paid=Coalesce(paid, Value(Decimal(0)), output_field=DecimalField(max_digits=16, decimal_places=2)))
        .order_by("number", "pk")
    )


def household_for_view(user, pk):
    return get_object_or_404(
        visible_households(user).select_related("project__authority", "project__office", "scheme_version__scheme"),
        pk=pk,
    )


def household_for_edit(user, pk):
    household = household_for_view(user, pk)
    if not can_edit_households(user, household.project):
        raise PermissionDenied
    return household


def _compiled(version):
    return calculator.compile_scheme(version.calculator_scheme(list(version.rules.order_by("position", "pk"))))


def household_comparison(household):
    """Every option's statement under the household's version, computed now; (statements, error)."""
    try:
        return _compiled(household.scheme_version).compare(household.household_facts()), None
    except calculator.SchemeError as error:
        return None, str(error)


def next_status(household):
    """The step after the household's current one; None once paid."""
    step = HOUSEHOLD_STEP[household.status] + 1
    return HOUSEHOLD_LIFECYCLE[step][0] if step < len(HOUSEHOLD_LIFECYCLE) else None


def household_detail(user, household):
    reached = HOUSEHOLD_STEP[household.status]
    payments = household.payments.order_by("paid_on", "pk")
    paid = sum((payment.amount for payment in payments), Decimal(0))
    return {
        "household": household,
        "project": household.project,
        "personal": can_see_personal_data(user, household.project),
        "can_edit": can_edit_households(user, household.project),
        "timeline": [
            {
                "status": status,
                "label": Household.Status(status).label,
                "date": getattr(household, field),
                "reached": HOUSEHOLD_STEP[status] <= reached,
                "current": status == household.status,
            }
            for status, field in HOUSEHOLD_LIFECYCLE
        ],
        "next_status": next_status(household),
        "payments": payments,
        "paid": paid,
        "outstanding": household.signed_total - paid if household.is_signed else None,
        "history": change_history(household.history.all(), HouseholdPayment.history.filter(household_id=household.pk)),
    }


def project_dashboard(user, project, today=None):
    """A project's figures: households by step, signing over time, money committed and paid, what is overdue."""
    today = today or timezone.localdate()
    households = visible_households(user).filter(project=project)
    by_status = dict(households.order_by().values_list("status").annotate(n=Count("pk")))
    total = sum(by_status.values())
    signed = households.filter(status__in=SIGNED_STATUSES)
    signed_count = sum(by_status.get(status, 0) for status in SIGNED_STATUSES)
    committed = signed.aggregate(total=Sum("signed_total"))["total"] or Decimal(0)
    paid = HouseholdPayment.objects.filter(household__in=households).aggregate(total=Sum("amount"))["total"]
    cumulative, curve = 0, []
    for day, count in signed.order_by("signed_on").values_list("signed_on").annotate(n=Count("pk")):
        cumulative += count
        curve.append({"date": day.isoformat(), "signed": cumulative, "rate": round(100 * cumulative / total, 1)})
    deadlines = list(
        SchemeDeadline.objects.filter(version__scheme__project=project, task__in=visible_tasks(user))
        .select_related("task", "version")
        .order_by("due", "pk")
    )
    light = task_lights(today)
    for deadline in deadlines:
        deadline.light = light(deadline.task, percent=deadline.task.latest_percent)
    ended = SchemeVersion.objects.filter(scheme__project=project, signing_end__lt=today)
    unsigned_late = households.filter(scheme_version__in=ended).exclude(status__in=SIGNED_STATUSES)
    return {
        "project": project,
        "today": today,
        "steps": [
            {"status": status, "label": Household.Status(status).label, "count": by_status.get(status, 0)}
            for status, _field in HOUSEHOLD_LIFECYCLE
        ],
        "total": total,
        "signed": signed_count,
        "signing_rate": round(100 * signed_count / total, 1) if total else 0,
        "committed": committed,
        "paid": paid or Decimal(0),
        "curve": curve,
        "deadlines": deadlines,
        "overdue": [deadline for deadline in deadlines if deadline.light == RED],
        "unsigned_late": unsigned_late.order_by("number", "pk"),
        "can_edit": can_edit_households(user, project),
    }


def project_statements(user, project):
    """The signed households of the project, for the export of their frozen statements."""
    return household_list(user, project).filter(status__in=SIGNED_STATUSES)


def estimated_statements(user, project):
    """The households not yet signed, each as (household, statement, error): its statement under its chosen
    option computed now, or why it cannot be. What the project is still to commit, for the office's budget."""
    compiled, rows = {}, []
    with calculator.batch():
        for household in household_list(user, project).exclude(status__in=SIGNED_STATUSES):
            version = household.scheme_version
            try:
                if version.pk not in compiled:
                    compiled[version.pk] = _compiled(version)
                rows.append((household, compiled[version.pk].statement(household.household_facts()), ""))
            except calculator.SchemeError as error:
                rows.append((household, None, str(error)))
    return rows


# Rate proposals read from imported schemes, accepted as draft rules. Reviewing is the data manager's work, so
# the checks are those of projects' proposal review.

_TOP_SECTION = re.compile(r"^\s*(?P<no>[一二三四五六七八九十]+、|第[一二三四五六七八九十百]+条)")
_SUB_SECTION = re.compile(r"^\s*(?P<no>[（(][一二三四五六七八九十]+[）)])")


def rate_proposal_for_review(user, pk):
    """A pending rate proposal; another kind, or one already reviewed, is not found here."""
    proposal = proposal_selectors.proposal_for_review(user, pk)
    if proposal.kind != Proposal.Kind.RATE or proposal.status != Proposal.Status.PENDING:
        raise Http404
    return proposal


def draft_versions(user):
    """The draft versions a rule can be added to."""
    return (
        visible_versions(user)
        .filter(status=SchemeVersion.Status.DRAFT)
        .select_related("scheme__project")
        .order_by("scheme__project__name", "scheme__name", "number")
    )


def monthly_rules(versions):
    """The rules of ``versions`` a period in months belongs to: monthly allowances and business-interruption losses."""
    return (
        Rule.objects.filter(version__in=versions, kind__in=(calculator.MONTHLY_PER_M2, calculator.BUSINESS_LOSS))
        .select_related("version__scheme")
        .order_by("version", "position", "pk")
    )


def section_of(lines):
    """The section the last of ``lines`` stands in, from the headings above it (六、（一）); "" when none."""
    top = sub = ""
    for line in reversed(lines):
        if not sub and not top and (match := _SUB_SECTION.match(line.text)):
            sub = match["no"]
        elif match := _TOP_SECTION.match(line.text):
            top = match["no"]
            break
    return top + sub


def rate_rule_initial(proposal, lines):
    """The rule form's initial values from the figure as read, in the calculator's kind, unit and 元.

    Money keeps its printed unit's kind; a ratio, area, percent or months becomes the rule ``rate_units.read_figure``
    says (an exchange ratio, extra area, an uplift on an appraised value, a monthly allowance's months).
    """
    payload = proposal.payload
    item, condition = payload.get("item") or "", payload.get("condition") or ""
    figure = payload.get("kind") or rate_units.MONEY
    conditions = rate_units.guess_conditions(condition)
    if figure == rate_units.MONEY:
        read = rate_units.read_unit(payload.get("unit"))
        rule = {
            "kind": read.kind,
            "heading": rate_units.guess_heading(f"{item} {condition}", read.kind),
            "basis": read.basis,
            "amount": rate_units.in_yuan(payload.get("amount"), read.factor),
            "amount_max": rate_units.in_yuan(payload.get("amount_max"), read.factor),
            "unit": read.unit,
        }
        notes = []
    else:
        read = rate_units.read_figure(figure, payload.get("amount"), f"{item} {condition} {payload.get('raw') or ''}")
        rule = {
            "kind": read.kind,
            "heading": read.heading,
            "basis": read.basis,
            "amount": read.amount,
            "unit": read.unit,
            "months": read.months,
        }
        conditions.setdefault("options", list(read.options))
        printed = f"{payload.get('amount')}{payload.get('unit') or ''}"
        notes = [_("As printed: %(figure)s") % {"figure": printed}]
        if not read.kind:
            notes.append(_("A multiple of another rate: choose the rule it scales and enter the rate it gives."))
    if condition:
        notes.append(_("Condition as written: %(condition)s") % {"condition": condition})
    return {
        "code": f"gazette-rate-{proposal.pk}",
        "label": item[:200],
        **rule,
        "options": conditions.get("options", []),
        "land_ownership": conditions.get("land_ownership", ""),
        "stoppage": conditions.get("stoppage", ""),
        "note": "\n".join(notes),
        "source_section": section_of([line for line in lines if line.number <= proposal.span_start]),
        "source_text": payload.get("raw") or "",
    }
