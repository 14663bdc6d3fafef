from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.exports import ExportableListView
from intake import selectors as proposal_selectors
from intake.views import accepted
from org import access

from . import selectors, services, units
from .filters import ParcelFilter, PlanFilter
from .forms import (
    AdvanceForm,
    AreaUnitForm,
    ParcelForm,
    PlanForm,
    allocation_formset,
    allocation_initial,
    allocation_lines,
)
from .models import Parcel
from .tables import ParcelTable, PlanTable

# Plans


class PlanListView(ExportableListView):
    table_class = PlanTable
    filterset_class = PlanFilter
    template_name = "land/plan_list.html"
    export_name = "land-supply-plans"

    def get_queryset(self):
        return selectors.plan_list(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_create=selectors.can_create_plan(self.request.user), **kwargs)


def plan_detail(request, pk):
    return render(
        request, "land/plan_detail.html", selectors.plan_detail(request.user, selectors.plan_for_view(request.user, pk))
    )


def plan_create(request):
    if not selectors.can_create_plan(request.user):
        raise PermissionDenied
    prefill = None
    if request.GET.get("proposal"):
        # Opened from the gazette proposals' review (a data manager's work): saving the plan accepts the proposal.
        if not access.is_data_manager(request.user):
            raise PermissionDenied
        proposal = selectors.plan_proposal_for_review(request.user, _integer(request.GET["proposal"]))
        prefill = selectors.plan_prefill(proposal)
    return _edit_plan(request, plan=None, prefill=prefill)


def plan_edit(request, pk):
    return _edit_plan(request, plan=selectors.plan_for_edit(request.user, pk))


def _edit_plan(request, plan, prefill=None):
    data = request.POST if request.method == "POST" else None
    initial = prefill.initial if prefill else None
    form = PlanForm(data, instance=plan, initial=initial, user=request.user)
    rows = allocation_initial(plan) if plan else (prefill.rows if prefill else None)
    formset = allocation_formset(data, initial=rows)
    if data is not None and form.is_valid() and formset.is_valid():
        lines = allocation_lines(formset)
        try:
            if plan is None:
                saved = services.create_plan(
                    allocations=lines,
                    proposal=prefill.proposal if prefill else None,
                    user=request.user,
                    **form.cleaned_data,
                )
            else:
                saved = services.update_plan(plan, data=form.cleaned_data, allocations=lines)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(plan)s”.") % {"plan": saved})
            return accepted(request, prefill.proposal, saved.get_absolute_url()) if prefill else redirect(saved)
    context = {"form": form, "formset": formset, "plan": plan, "prefill": prefill}
    if prefill:
        # Each prefilled row beside the category the document prints for it.
        for row, source in zip(formset.forms, prefill.sources, strict=False):
            row.printed = source
        context["proposal"] = prefill.proposal
        context["source"] = proposal_selectors.source_lines(prefill.proposal)
        context["carried"] = request.GET.get("filter", "")
    return render(request, "land/plan_form.html", context)


@require_POST
def plan_adopt(request, pk):
    plan = selectors.plan_for_edit(request.user, pk)
    _apply(request, lambda: services.adopt_plan(plan), _("The plan is adopted."))
    return redirect(plan)


@require_POST
def plan_revise(request, pk):
    plan = selectors.plan_for_edit(request.user, pk)
    try:
        revision = services.revise_plan(plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(
        request, _("A new draft version was made; the adopted version stays in force until it is adopted.")
    )
    return redirect("land:plan_edit", revision.pk)


def _apply(request, action, success):
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)


# Parcels


class ParcelListView(ExportableListView):
    table_class = ParcelTable
    filterset_class = ParcelFilter
    template_name = "land/parcel_list.html"
    export_name = "parcels"

    def dispatch(self, request, *args, **kwargs):
        self.unit_form = AreaUnitForm(request.GET or None)
        unit = self.unit_form.cleaned_data["unit"] if self.unit_form.is_valid() else ""
        # The export builds tables from table_class too, so the unit travels in the class.
        self.table_class = ParcelTable.for_unit(unit or units.SQUARE_METRE)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.parcel_list(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            unit_form=self.unit_form, can_create=selectors.can_create_parcel(self.request.user), **kwargs
        )


def parcel_detail(request, pk):
    parcel = selectors.parcel_for_view(request.user, pk)
    return _parcel_page(request, parcel, AdvanceForm(parcel=parcel))


def _parcel_page(request, parcel, advance_form):
    context = selectors.parcel_detail(request.user, parcel)
    context["advance_form"] = advance_form
    return render(request, "land/parcel_detail.html", context)


@require_POST
def parcel_advance(request, pk):
    parcel = selectors.parcel_for_edit(request.user, pk)
    form = AdvanceForm(request.POST, parcel=parcel)
    if form.is_valid():
        try:
            services.advance_parcel(parcel, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Now “%(status)s”.") % {"status": parcel.get_status_display()})
            return redirect(parcel)
    parcel.refresh_from_db()
    return _parcel_page(request, parcel, form)


def parcel_create(request):
    if not selectors.can_create_parcel(request.user):
        raise PermissionDenied
    proposal, document = None, None
    if request.GET.get("document"):
        # Prefilling from a 批复 is the data manager's work: it reads every imported approval.
        if not access.is_data_manager(request.user):
            raise PermissionDenied
        document = selectors.approval_document(_integer(request.GET["document"]))
        county = selectors.county_for_document(document)
        proposal = selectors.parcel_proposal(document, _integer(request.GET.get("parcel", "0")), county)
        if proposal is None:
            raise Http404
    # Opened from the gazette proposals' review: saving the parcel accepts that proposal too.
    review = (
        proposal_selectors.proposal_for_review(request.user, _integer(request.GET["proposal"]))
        if (proposal and request.GET.get("proposal"))
        else None
    )
    form = ParcelForm(request.POST or None, initial=proposal.initial if proposal else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        area, area_unit, approved_on = data.pop("area"), data.pop("area_unit"), data.pop("approved_on")
        documents = data.pop("documents")
        try:
            parcel = services.create_parcel(
                area=area,
                area_unit=area_unit,
                documents=documents,
                status=Parcel.Status.APPROVED if approved_on else Parcel.Status.PROPOSED,
                status_date=approved_on,
                proposal=review,
                user=request.user,
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(parcel)s”.") % {"parcel": parcel})
            return accepted(request, review, parcel.get_absolute_url()) if review else redirect(parcel)
    return render(
        request,
        "land/parcel_form.html",
        {"form": form, "parcel": None, "proposal": proposal, "document": document, "review": review},
    )


def parcel_edit(request, pk):
    parcel = selectors.parcel_for_edit(request.user, pk)
    form = ParcelForm(request.POST or None, instance=parcel, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        area, area_unit, documents = data.pop("area"), data.pop("area_unit"), data.pop("documents")
        try:
            services.update_parcel(parcel, data=data, area=area, area_unit=area_unit, documents=documents)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(parcel)s”.") % {"parcel": parcel})
            return redirect(parcel)
    return render(request, "land/parcel_form.html", {"form": form, "parcel": parcel, "proposal": None})


def _integer(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def approval_list(request):
    if not access.is_data_manager(request.user):
        raise PermissionDenied
    return render(request, "land/approval_list.html", {"rows": selectors.candidate_rows(request.user)})


def quality_list(request):
    return render(request, "land/quality_list.html", {"rows": selectors.quality_list(request.user)})
