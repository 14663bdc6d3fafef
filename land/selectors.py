"""Reads of land plans and parcels a user can reach, each within the user's scope (``org.access``): unit staff see
the records of a county, unit or township of theirs."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from common.history import change_history
from gazette.models import Document
from intake import selectors as proposal_selectors
from intake.models import Proposal
from org import access
from org.selectors import OrganisationResolver, county_named

from . import plausibility, prefill, units
from .models import (
    LIFECYCLE,
    METHOD_GROUP,
    STATUS_ORDER,
    SUPPLIED_STATUSES,
    HousingType,
    LandSupplyPlan,
    LandUse,
    MethodGroup,
    Parcel,
    PlanAllocation,
)

# Parcels whose scheme is approved but not yet dealt: the pipeline beside what is supplied.
PIPELINE_STATUSES = [Parcel.Status.APPROVED, Parcel.Status.ANNOUNCED]


# Parcels


def visible_parcels(user):
    """Everything for data managers and supervisors; for unit staff, parcels of a county, unit or township of theirs."""
    return access.visible(user, Parcel.objects.all(), "county", "responsible_unit", "township")


def parcel_list(user):
    return (
        visible_parcels(user)
        .select_related("county", "township", "village", "recipient", "approval_document")
        .order_by("-plan_year", "number", "pk")
    )


def parcel_for_view(user, pk):
    return get_object_or_404(
        visible_parcels(user).select_related(
            "county", "responsible_unit", "township", "village", "recipient", "approval_document__issue"
        ),
        pk=pk,
    )


def can_edit_parcel(user, parcel):
    """Data managers; unit staff with the right, for parcels their unit is responsible for."""
    return access.can_edit(user, parcel.responsible_unit_id, "land.change_parcel")


def parcel_for_edit(user, pk):
    parcel = parcel_for_view(user, pk)
    if not can_edit_parcel(user, parcel):
        raise PermissionDenied
    return parcel


def can_create_parcel(user):
    return access.can_create(user, "land.add_parcel")


def parcel_detail(user, parcel):
    reached = STATUS_ORDER[parcel.status]
    return {
        "parcel": parcel,
        "problems": plausibility.parcel_problems(parcel),
        "timeline": [
            {
                "status": status,
                "label": Parcel.Status(status).label,
                "date": getattr(parcel, field),
                "reached": STATUS_ORDER[status] <= reached,
                "current": status == parcel.status,
                # Passed over without a date (an allocation is not listed); 拟供应 often goes unrecorded too.
                "skipped": 0 < STATUS_ORDER[status] < reached and getattr(parcel, field) is None,
            }
            for status, field in LIFECYCLE
        ],
        "documents": parcel.documents.select_related("issue").order_by("signed", "pk"),
        "can_edit": can_edit_parcel(user, parcel),
        "areas": {unit: parcel.area_in(unit) for unit in units.SQUARE_METRES_PER},
        "history": change_history(parcel.history.all()),
    }


@dataclass
class QualityRow:
    parcel: Parcel
    problems: list


def quality_list(user):
    """Visible parcels with at least one plausibility problem, each with its problems."""
    rows = []
    for parcel in parcel_list(user):
        problems = plausibility.parcel_problems(parcel)
        if problems:
            rows.append(QualityRow(parcel, problems))
    return rows


# Plans


def visible_plans(user):
    return access.visible(user, LandSupplyPlan.objects.all(), "county", "responsible_unit")


def plan_list(user):
    return (
        visible_plans(user)
        .select_related("county", "responsible_unit", "source_document")
        .annotate(allocated_ha=Sum("allocations__area_ha"), allocation_count=Count("allocations"))
        .order_by("-year", "county__name", "-version")
    )


def plan_for_view(user, pk):
    return get_object_or_404(
        visible_plans(user).select_related("county", "responsible_unit", "source_document", "previous"), pk=pk
    )


def can_create_plan(user):
    """A plan is its county's: its figures sum every parcel of the county and year, and there is one per county and
    year. Only the county's data managers enter it, not the unit it names responsible."""
    return access.managed_counties(user).exists()


def can_edit_plan(user, plan):
    return access.manages_county(user, plan.county_id)


def plan_for_edit(user, pk):
    plan = plan_for_view(user, pk)
    if not can_edit_plan(user, plan):
        raise PermissionDenied
    return plan


def _hectares(square_metres):
    return units.shown(square_metres or 0, units.HECTARE)


def _county_year_parcels(plan):
    """The parcels that count against the plan: its county's, of its year. Figures about them are aggregates of
    the plan, shown to whoever may see the plan."""
    return Parcel.objects.filter(county=plan.county_id, plan_year=plan.year)


def _sums(parcels, key):
    rows = parcels.values(key).annotate(area=Sum("area_m2")).order_by()
    return {row[key]: row["area"] for row in rows}


@dataclass
class FigureRow:
    key: str
    label: str
    planned_ha: Decimal | None
    supplied_ha: Decimal
    pipeline_ha: Decimal
    level: int = 0

    @property
    def share(self):
        """Supplied as a percentage of planned, one decimal; None when nothing was planned."""
        if not self.planned_ha:
            return None
        return (100 * self.supplied_ha / self.planned_ha).quantize(Decimal("0.1"))

    @property
    def remaining_ha(self):
        return None if self.planned_ha is None else self.planned_ha - self.supplied_ha

    @property
    def exceeded(self):
        return self.supplied_ha > (self.planned_ha or 0)


def plan_figures(plan):
    """Planned, supplied (dealt or later), in the pipeline (approved, announced) and remaining, in hectares:
    by land-use category (with housing types under residential land), by method, and in total."""
    allocations = list(plan.allocations.all())
    parcels = _county_year_parcels(plan)
    supplied = parcels.filter(status__in=SUPPLIED_STATUSES)
    pipeline = parcels.filter(status__in=PIPELINE_STATUSES)

    def planned(rows):
        return sum((row.area_ha for row in rows), Decimal(0)) if rows else None

    supplied_by_use, pipeline_by_use = _sums(supplied, "land_use"), _sums(pipeline, "land_use")
    by_use = []
    for use in LandUse:
        rows = [row for row in allocations if row.land_use == use]
        if not rows and use not in supplied_by_use and use not in pipeline_by_use:
            continue
        by_use.append(
            FigureRow(
                use.value,
                use.label,
                planned(rows),
                _hectares(supplied_by_use.get(use)),
                _hectares(pipeline_by_use.get(use)),
            )
        )
        if use == LandUse.RESIDENTIAL:
            by_use.extend(_housing_rows(rows, supplied.filter(land_use=use), pipeline.filter(land_use=use)))
    by_method = _method_rows(allocations, supplied, pipeline)
    allocated = sum((row.area_ha for row in allocations), Decimal(0))
    total = FigureRow(
        "total",
        "",
        plan.total_ha,
        _hectares(supplied.aggregate(area=Sum("area_m2"))["area"]),
        _hectares(pipeline.aggregate(area=Sum("area_m2"))["area"]),
    )
    return {
        "by_use": by_use,
        "by_method": by_method,
        "total": total,
        "allocated_ha": allocated,
        "allocation_gap_ha": plan.total_ha - allocated,
        "exceeded": [row for row in by_use + by_method + [total] if row.planned_ha is not None and row.exceeded],
        "unplanned": [row for row in by_use if row.planned_ha is None and row.supplied_ha],
    }


def _housing_rows(allocations, supplied, pipeline):
    supplied_by_type, pipeline_by_type = _sums(supplied, "housing_type"), _sums(pipeline, "housing_type")
    rows = []
    for housing in HousingType:
        planned_rows = [row for row in allocations if row.housing_type == housing]
        if not planned_rows and housing not in supplied_by_type and housing not in pipeline_by_type:
            continue
        rows.append(
            FigureRow(
                f"housing-{housing.value}",
                housing.label,
                sum((row.area_ha for row in planned_rows), Decimal(0)) if planned_rows else None,
                _hectares(supplied_by_type.get(housing)),
                _hectares(pipeline_by_type.get(housing)),
                level=1,
            )
        )
    return rows


def _method_rows(allocations, supplied, pipeline):
    supplied_by_method, pipeline_by_method = _sums(supplied, "method"), _sums(pipeline, "method")
    rows = []
    for group in MethodGroup:
        methods = [method for method, parcel_group in METHOD_GROUP.items() if parcel_group == group]
        planned_rows = [row for row in allocations if row.method_group == group]
        supplied_m2 = sum((supplied_by_method.get(method) or 0 for method in methods), Decimal(0))
        pipeline_m2 = sum((pipeline_by_method.get(method) or 0 for method in methods), Decimal(0))
        if not planned_rows and not supplied_m2 and not pipeline_m2:
            continue
        rows.append(
            FigureRow(
                group.value,
                group.label,
                sum((row.area_ha for row in planned_rows), Decimal(0)) if planned_rows else None,
                _hectares(supplied_m2),
                _hectares(pipeline_m2),
            )
        )
    return rows


def chart_data(figures):
    """The figures by category as numbers for the bar chart (display only: the table holds the exact figures)."""
    rows = [row for row in figures["by_use"] if row.level == 0]
    return {
        "labels": [str(row.label) for row in rows],
        "planned": [float(row.planned_ha or 0) for row in rows],
        "supplied": [float(row.supplied_ha) for row in rows],
        "pipeline": [float(row.pipeline_ha) for row in rows],
    }


def current_plans(county):
    """Per year, the version of the county's plan in force: the adopted one, else the newest draft."""
    chosen = {}
    for plan in (
        LandSupplyPlan.objects.filter(county=county)
        .exclude(status=LandSupplyPlan.Status.REVISED)
        .order_by("year", "version")
    ):
        if chosen.get(plan.year) is None or chosen[plan.year].status != LandSupplyPlan.Status.ADOPTED:
            chosen[plan.year] = plan
    return chosen


def year_on_year(plan):
    """Each year of the plan's county: planned total, approved and supplied hectares, the share supplied."""
    plans = current_plans(plan.county_id)
    parcels = Parcel.objects.filter(county=plan.county_id)
    supplied = _sums(parcels.filter(status__in=SUPPLIED_STATUSES), "plan_year")
    approved = _sums(parcels.exclude(status=Parcel.Status.PROPOSED), "plan_year")
    rows = []
    for year in sorted(set(plans) | set(supplied) | set(approved), reverse=True):
        current = plans.get(year)
        row = FigureRow(
            str(year),
            str(year),
            current.total_ha if current else None,
            _hectares(supplied.get(year)),
            _hectares(approved.get(year)),
        )
        row.plan = current
        row.is_this = year == plan.year
        rows.append(row)
    return rows


def plan_detail(user, plan):
    figures = plan_figures(plan)
    versions = []
    node = plan
    while node.previous_id:
        node = node.previous
        versions.append(node)
    later = LandSupplyPlan.objects.filter(previous=plan).first()
    return {
        "plan": plan,
        "figures": figures,
        "chart": chart_data(figures),
        "allocations": plan.allocations.all(),
        "year_on_year": year_on_year(plan),
        "earlier_versions": versions,
        "revision": later,
        "can_edit": can_edit_plan(user, plan),
        "history": change_history(plan.history.all(), PlanAllocation.history.filter(plan_id=plan.pk)),
    }


# From the gazette: approvals to prefill parcels from


def approval_text(document):
    """A document's body as sentences can be read from it: paragraphs with page breaks rejoined and table rows with
    their cells TAB-separated (prefill.approval_lines), else the raw text."""
    return prefill.approval_lines(document.blocks or []) or document.raw_text


def candidate_approvals():
    """批复 whose text speaks of 划拨 or 出让 (gazette documents are readable by every user)."""
    return (
        Document.objects.filter(Q(kind="批复") | Q(title__endswith="批复"))
        .filter(Q(raw_text__contains="划拨") | Q(raw_text__contains="出让"))
        .select_related("issue__gazette")
        .order_by("-signed", "-pk")
    )


def candidate_rows(user, county=None):
    """Each candidate 批复 with the parcels it approves and, for each, the parcel already in the ledger if any."""
    rows = []
    documents = list(candidate_approvals())
    entered = {}
    for parcel in visible_parcels(user).filter(approval_document__in=documents).order_by("pk"):
        entered.setdefault(parcel.approval_document_id, []).append(parcel)
    for document in documents:
        found = prefill.prefill_approval(approval_text(document), document.title).parcels
        matched = _entered_parcels(found, entered.get(document.pk, []))
        rows.append(
            {
                "document": document,
                "parcels": [
                    {"index": index, "label": (item.number or item.project).value, "parcel": parcel}
                    for index, (item, parcel) in enumerate(zip(found, matched, strict=True))
                ],
            }
        )
    return rows


def _entered_parcels(found, parcels):
    """For each parcel the approval supplies, the one entered from it or None. A printed number matches the number;
    a parcel named by its project (no number printed) matches an entered parcel whose numbers the approval does not
    print: by the use as written the prefill gave it, else in the order entered."""
    printed = {item.number.value for item in found if item.number}
    by_number = {parcel.number: parcel for parcel in parcels}
    others = [parcel for parcel in parcels if parcel.number not in printed]
    matched = [by_number.get(item.number.value) if item.number else None for item in found]
    for position, item in enumerate(found):
        if item.number is None and item.use_text:
            parcel = next((parcel for parcel in others if parcel.use_text == item.use_text.value), None)
            if parcel is not None:
                matched[position] = parcel
                others.remove(parcel)
    for position, item in enumerate(found):
        if item.number is None and matched[position] is None and others:
            matched[position] = others.pop(0)
    return matched


def approval_document(pk):
    return get_object_or_404(candidate_approvals(), pk=pk)


@dataclass
class ParcelProposal:
    """A prefilled parcel ready for a form: initial values, and each field's source sentence."""

    initial: dict
    sources: dict
    unresolved: dict
    expected: set


# The form fields a 批复 states as they are, copied straight from ParcelPrefill.
COPIED_FIELDS = (
    "use_text",
    "land_use",
    "housing_type",
    "method",
    "term_years",
    "plot_ratio_min",
    "plot_ratio_max",
    "density_max",
    "coverage_min",
    "green_min",
    "green_max",
    "height_max",
    "starting_price",
    "deposit",
    "increment",
    "reserve_price_set",
)
# All the form fields a 批复 may state: those copied, and those read into another shape (units, organisations).
PREFILLED_FIELDS = (
    "number",
    "township",
    "village",
    "location_text",
    "area",
    "area_unit",
    "area_written",
    "area_written_unit",
    "recipient",
    "recipient_text",
    *COPIED_FIELDS,
)


def parcel_proposal(document, index, county):
    """The ``index``-th parcel the 批复 approves, with names resolved to the county's organisations where they match."""
    found = prefill.prefill_approval(approval_text(document), document.title).parcels
    if not 0 <= index < len(found):
        return None
    item = found[index]
    values, sources = item.values(), item.sources()
    resolve = OrganisationResolver(county)
    initial = {
        "number": values.get("number", ""),
        "county": county,
        "location_text": values.get("location", ""),
        "area": values.get("area"),
        "area_unit": values.get("area_unit", units.SQUARE_METRE),
        "area_written": values.get("area"),
        "area_written_unit": values.get("area_unit", ""),
        "approval_document": document,
        "approved_on": document.signed,
        "plan_year": document.signed.year if document.signed else None,
    }
    for name in COPIED_FIELDS:
        if name in values:
            initial[name] = values[name]
    unresolved = {}
    for name in ("township", "village", "recipient"):
        if name in values:
            organisation = resolve(values[name])
            if organisation is not None:
                initial[name] = organisation
            else:
                unresolved[name] = values[name]
    if "recipient" in values:
        initial["recipient_text"] = values["recipient"]
    for field, source in (
        ("area_written", "area"),
        ("area_written_unit", "area_unit"),
        ("location_text", "location"),
        ("recipient_text", "recipient"),
    ):
        if source in sources:
            sources[field] = sources[source]
    if document.signed:
        sources["approved_on"] = sources["plan_year"] = document.signed_raw or document.signed.isoformat()
    sources["approval_document"] = str(document)
    # Fields the document could state: beside each, its sentence or that none was found.
    expected = {*PREFILLED_FIELDS, "approval_document", "approved_on", "plan_year"}
    return ParcelProposal(initial=initial, sources=sources, unresolved=unresolved, expected=expected)


def county_for_document(document):
    """The county whose gazette printed the document; None (a county the site does not know) leaves the choice to
    the data manager, and then no name in the document resolves."""
    return county_named(document.issue.gazette.county)


# From the gazette: a land-supply plan proposal to prefill a plan from


@dataclass
class PlanRowSource:
    """What the document prints for one allocation row: the category (and part) as written, and its lines."""

    name: str
    area: str
    unit: str
    area_ha: Decimal
    first: int
    last: int
    remainder_of: str = ""  # the category whose parts were taken out, for the row of the rest


@dataclass
class PlanPrefill:
    """A plan proposal ready for the form: the plan's initial values, the allocation rows with their sources."""

    proposal: object
    initial: dict
    rows: list
    sources: list
    warnings: list


def plan_proposal_for_review(user, pk):
    """A pending plan proposal the user may review; another kind, or one already reviewed, is not found here."""
    proposal = proposal_selectors.proposal_for_review(user, pk)
    if proposal.kind != Proposal.Kind.PLAN or proposal.status != Proposal.Status.PENDING:
        raise Http404
    return proposal


def plan_prefill(proposal):
    """The plan the proposal describes: year, total and document; one allocation row per category, a residential
    category split into its printed housing types and the rest, so that the rows add up as the document's do."""
    payload = proposal.payload
    document = proposal.document
    initial = {
        "county": county_for_document(document),
        "year": payload.get("year"),
        "total_ha": Decimal(payload["total_ha"]),
        "source_document": document,
    }
    rows, sources = [], []
    for category in payload.get("categories", []):
        area_ha = Decimal(category["area_ha"])
        land_use = category.get("land_use") or ""
        housing_parts = [
            part
            for part in category.get("parts", [])
            if land_use == LandUse.RESIDENTIAL and part.get("housing_type") in HousingType.values
        ]
        for part in housing_parts:
            rows.append(_row(land_use, part["housing_type"], Decimal(part["area_ha"])))
            sources.append(_row_source(part))
        rest = area_ha - sum((Decimal(part["area_ha"]) for part in housing_parts), Decimal(0))
        if not housing_parts or rest > 0:
            rows.append(_row(land_use, category.get("housing_type") or "", rest))
            sources.append(_row_source(category, remainder=bool(housing_parts)))
    return PlanPrefill(proposal, initial, rows, sources, plan_warnings(payload))


def _row(land_use, housing_type, area_ha):
    return {"land_use": land_use, "housing_type": housing_type, "area_ha": area_ha}


def _row_source(item, remainder=False):
    return PlanRowSource(
        name=item["name"],
        area=item["area"],
        unit=item["unit"],
        area_ha=Decimal(item["area_ha"]),
        first=item["span"]["start"],
        last=item["span"]["end"],
        remainder_of=item["name"] if remainder else "",
    )


def plan_warnings(payload):
    """What the reviewer should check, in words: the codes the extraction attached, with their figures."""
    messages = {
        "sum_mismatch": _("The categories add up to %(sum)s ha, not the %(total)s ha printed as the total."),
        "no_total": _("The document prints no total; the total is the categories' sum."),
        "parts_exceed": _("The parts printed under a category add up to more than the category."),
        "unit_assumed": _("The document prints no unit; the figures were read as hectares."),
        "totals_differ": _("The document also prints another total, %(other)s ha."),
    }
    figures = {
        "sum": payload.get("categories_ha"),
        "total": payload.get("total_ha"),
        "other": payload.get("other_total_ha"),
    }
    return [messages[code] % figures for code in payload.get("warnings", []) if code in messages]
