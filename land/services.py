"""Writes to land supply plans and parcels. Each runs in one transaction and validates first."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intake import services as proposal_services
from org.models import Organisation

from . import units
from .models import LIFECYCLE, STATUS_ORDER, LandSupplyPlan, Parcel, PlanAllocation

# Plans


@dataclass
class AllocationLine:
    land_use: str
    area_ha: Decimal
    housing_type: str = ""
    land_source: str = ""
    method_group: str = ""


PLAN_FIELDS = ("county", "responsible_unit", "year", "total_ha", "source_document", "notes")


def _check_county(county):
    if county is None or county.kind != Organisation.Kind.COUNTY:
        raise ValidationError(_("Choose a county."))


@transaction.atomic
def create_plan(*, allocations=(), is_demo=False, proposal=None, user=None, **data):
    """A new plan for a county and year; a later change to an adopted plan is a revision (``revise_plan``).

    Given the gazette ``proposal`` it was entered from, that proposal is accepted by ``user`` with it, or neither.
    """
    _check_county(data.get("county"))
    if LandSupplyPlan.objects.filter(county=data["county"], year=data["year"]).exists():
        raise ValidationError(
            _("%(county)s already has a plan for %(year)s; revise that plan instead.")
            % {"county": data["county"], "year": data["year"]}
        )
    plan = LandSupplyPlan(is_demo=is_demo, **{name: data[name] for name in PLAN_FIELDS if name in data})
    plan.full_clean()
    plan.save()
    _save_allocations(plan, allocations)
    if proposal is not None:
        proposal_services.accept_with_record(proposal, plan, user)
    return plan


@transaction.atomic
def update_plan(plan, *, data, allocations=None):
    """Change a draft; an adopted plan stays as it was adopted and is changed by a revision."""
    if plan.status != LandSupplyPlan.Status.DRAFT:
        raise ValidationError(_("Only a draft can be changed; revise an adopted plan instead."))
    for name in PLAN_FIELDS:
        if name in data and name not in {"county", "year"}:
            setattr(plan, name, data[name])
    plan.full_clean()
    plan.save()
    if allocations is not None:
        plan.allocations.all().delete()
        _save_allocations(plan, allocations)
    return plan


def _save_allocations(plan, allocations):
    for position, line in enumerate(allocations):
        allocation = PlanAllocation(
            plan=plan,
            land_use=line.land_use,
            housing_type=line.housing_type or "",
            land_source=line.land_source or "",
            method_group=line.method_group or "",
            area_ha=line.area_ha,
            position=position,
        )
        allocation.full_clean()
        allocation.save()


@transaction.atomic
def adopt_plan(plan):
    """Adopt a draft; the version it revises is kept, marked revised."""
    if plan.status != LandSupplyPlan.Status.DRAFT:
        raise ValidationError(_("Only a draft can be adopted."))
    plan.status = LandSupplyPlan.Status.ADOPTED
    plan.save()
    if plan.previous_id:
        previous = plan.previous
        previous.status = LandSupplyPlan.Status.REVISED
        previous.save()
    return plan


@transaction.atomic
def revise_plan(plan):
    """A new draft version of an adopted plan, with its figures copied; the adopted version stays in force until
    the revision is adopted."""
    if plan.status != LandSupplyPlan.Status.ADOPTED:
        raise ValidationError(_("Only the adopted version of a plan can be revised."))
    if LandSupplyPlan.objects.filter(previous=plan).exists():
        raise ValidationError(_("This plan already has a revision."))
    revision = LandSupplyPlan(
        county=plan.county,
        responsible_unit=plan.responsible_unit,
        year=plan.year,
        version=plan.version + 1,
        previous=plan,
        total_ha=plan.total_ha,
        source_document=plan.source_document,
        is_demo=plan.is_demo,
        notes=plan.notes,
    )
    revision.full_clean()
    revision.save()
    _save_allocations(
        revision,
        [
            AllocationLine(
                land_use=row.land_use,
                area_ha=row.area_ha,
                housing_type=row.housing_type,
                land_source=row.land_source,
                method_group=row.method_group,
            )
            for row in plan.allocations.all()
        ],
    )
    return revision


# Parcels

PARCEL_FIELDS = (
    "number",
    "county",
    "responsible_unit",
    "township",
    "village",
    "location_text",
    "area_written",
    "area_written_unit",
    "land_use",
    "housing_type",
    "use_text",
    "land_source",
    "method",
    "term_years",
    "recipient",
    "recipient_text",
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
    "approval_document",
    "plan_year",
    "contamination_risk",
    "notes",
)


@transaction.atomic
def create_parcel(
    *, area, area_unit, documents=(), status=Parcel.Status.PROPOSED, status_date=None, proposal=None, user=None, **data
):
    """A new parcel with its area entered in ``area_unit``; from a 批复 it starts as approved on its signing date.

    Given the gazette ``proposal`` it was entered from, that proposal is accepted by ``user`` with it, or neither.
    """
    _check_county(data.get("county"))
    parcel = Parcel(**{name: data[name] for name in PARCEL_FIELDS if name in data})
    _set_area(parcel, area, area_unit)
    parcel.status = status
    field = dict(LIFECYCLE)[status]
    setattr(parcel, field, status_date or (timezone.localdate() if status != Parcel.Status.PROPOSED else None))
    if parcel.plan_year is None:
        parcel.plan_year = (getattr(parcel, field) or timezone.localdate()).year
    _clean_parcel(parcel)
    parcel.save()
    _link_documents(parcel, documents)
    if proposal is not None:
        proposal_services.accept_with_record(proposal, parcel, user)
    return parcel


@transaction.atomic
def update_parcel(parcel, *, data, area=None, area_unit=None, documents=None):
    for name in PARCEL_FIELDS:
        if name in data and name != "county":
            setattr(parcel, name, data[name])
    if area is not None:
        _set_area(parcel, area, area_unit or parcel.area_unit)
    _clean_parcel(parcel)
    parcel.save()
    if documents is not None:
        parcel.documents.set([document for document in documents if document.pk != parcel.approval_document_id])
    return parcel


def _set_area(parcel, area, unit):
    if area is None or area <= 0:
        raise ValidationError(_("A parcel's area must be positive."))
    parcel.area_unit = unit
    parcel.area_entered = area
    parcel.area_m2 = units.stored_square_metres(area, unit)


def _clean_parcel(parcel):
    if parcel.housing_type and parcel.land_use != "residential":
        parcel.housing_type = ""  # a housing type left over from a changed use means nothing
    if Parcel.objects.filter(county=parcel.county, number=parcel.number).exclude(pk=parcel.pk).exists():
        raise ValidationError(
            _("%(county)s already has a parcel numbered %(number)s.")
            % {"county": parcel.county, "number": parcel.number}
        )
    parcel.full_clean()


def _link_documents(parcel, documents):
    parcel.documents.add(*[document for document in documents if document.pk != parcel.approval_document_id])


@transaction.atomic
def advance_parcel(parcel, *, status, on, deal_price=None, recipient=None, recipient_text=None):
    """Move a parcel forward in its lifecycle to ``status`` on the date ``on``.

    Stages may be skipped (an allocated parcel has no listing), never gone back to; dates do not run backwards.
    A deal records its price for transfers.
    """
    if STATUS_ORDER[status] <= STATUS_ORDER[parcel.status]:
        raise ValidationError(
            _("A parcel at “%(current)s” cannot move to “%(status)s”.")
            % {"current": parcel.get_status_display(), "status": Parcel.Status(status).label}
        )
    if not isinstance(on, datetime.date):
        raise ValidationError(_("Give the date."))
    latest = max((getattr(parcel, field) for _status, field in LIFECYCLE if getattr(parcel, field)), default=None)
    if latest and on < latest:
        raise ValidationError(
            _("The date cannot be before the parcel's previous stage (%(date)s).") % {"date": latest.isoformat()}
        )
    if status == Parcel.Status.DEALT:
        if parcel.method_group == "transfer" and deal_price is None:
            raise ValidationError(_("A transfer's deal needs its price."))
        parcel.deal_price = deal_price
    if recipient is not None:
        parcel.recipient = recipient
    if recipient_text is not None:
        parcel.recipient_text = recipient_text
    parcel.status = status
    setattr(parcel, dict(LIFECYCLE)[status], on)
    parcel.full_clean()
    parcel.save()
    return parcel
