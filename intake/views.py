from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from groups.forms import LeadingGroupForm
from projects.forms import TaskForm

from . import selectors as proposal_selectors
from . import services as proposal_services
from .forms import (
    PortfolioForm,
    UnitForm,
    assignment_formset,
    proposed_assignments,
    proposed_members,
    roster_formset,
)
from .models import Proposal
from .registry import acceptor_url


def issue_proposals(request, pk):
    context = proposal_selectors.issue_proposals(request.user, pk, request.GET)
    return render(request, "intake/proposal_issue.html", context)


def accepted(request, proposal, record_url):
    """Where an accepting form leads: the next proposal to review with "accept and open the next", else the new
    record's page. The forms of land and compensation that accept proposals use it too."""
    if "accept_next" in request.POST:
        return redirect(proposal_selectors.next_review_url(proposal, request.GET.get("filter", "")))
    return redirect(record_url)


@require_POST
def reject_proposals(request, pk):
    """Reject the ticked pending proposals of the issue, or all pending ones the list's filter matches, with one
    reason; back to the list as it was filtered."""
    issue = proposal_selectors.issue_for_review(request.user, pk)
    carried = request.POST.get("filter", "")
    if request.POST.get("all_matching"):
        chosen = proposal_selectors.filtered_proposals(issue, QueryDict(carried)).filter(status=Proposal.Status.PENDING)
    else:
        ticked = [value for value in request.POST.getlist("proposal") if value.isdigit()]
        chosen = Proposal.objects.filter(pk__in=ticked)
    try:
        count = proposal_services.reject_many(issue, chosen, reason=request.POST.get("reason", ""), user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = ngettext(
            "Rejected %(count)d proposal; nothing was added to the ledger.",
            "Rejected %(count)d proposals; nothing was added to the ledger.",
            count,
        )
        messages.success(request, done % {"count": count})
    return _to_list(issue.pk, carried)


def _to_list(issue_pk, carried):
    """Back to the issue's list as it was filtered."""
    carried = proposal_selectors.filter_query(proposal_selectors.review_filter(QueryDict(carried)))
    list_url = reverse("intake:issue_proposals", args=[issue_pk])
    return redirect(f"{list_url}?{carried}" if carried else list_url)


def proposal_review(request, pk):
    proposal = proposal_selectors.proposal_for_review(request.user, pk)
    context = {
        "proposal": proposal,
        "carried": request.GET.get("filter", ""),
        "source": proposal_selectors.source_lines(proposal),
        "accept_url": acceptor_url(proposal),
    }
    pending = proposal.status == Proposal.Status.PENDING
    if proposal.kind == Proposal.Kind.UNIT:
        return _review_unit(request, proposal, context, pending)
    if pending and proposal.kind in {Proposal.Kind.TASK, Proposal.Kind.ROSTER, Proposal.Kind.PORTFOLIO}:
        context["unresolved_units"] = [
            (name, proposal_selectors.unit_kind(name)) for name in proposal_selectors.unresolved_units(proposal)
        ]
    if pending and proposal.kind == Proposal.Kind.ROSTER:
        return _review_roster(request, proposal, context)
    if pending and proposal.kind in {Proposal.Kind.TASK, Proposal.Kind.PHASE}:
        return _review_task(request, proposal, context)
    if pending and proposal.kind == Proposal.Kind.PORTFOLIO:
        return _review_portfolio(request, proposal, context)
    return render(request, "intake/proposal_review.html", context)


def _review_roster(request, proposal, context):
    initial, rows = proposal_selectors.roster_initial(proposal)
    data = request.POST if request.method == "POST" else None
    form = LeadingGroupForm(data, initial=initial, user=request.user)
    formset = roster_formset(rows, data, user=request.user)
    existing = proposal_selectors.group_to_supersede(proposal)
    if data is not None and form.is_valid() and formset.is_valid():
        supersede = existing if existing and request.POST.get("supersede") else None
        try:
            group = proposal_services.accept_roster(
                proposal,
                data=form.cleaned_data,
                roster=proposed_members(formset),
                user=request.user,
                supersede=supersede,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Accepted: “%(name)s” is in the ledger.") % {"name": group.name})
            return accepted(request, proposal, group.get_absolute_url())
    context.update(form=form, formset=formset, existing=existing)
    if existing:
        context["differences"] = proposal_selectors.roster_differences(existing, rows)
    return render(request, "intake/proposal_review.html", context)


def _review_task(request, proposal, context):
    initial, rows = proposal_selectors.task_initial(proposal)
    data = request.POST if request.method == "POST" else None
    form = TaskForm(data, initial=initial, user=request.user)
    formset = assignment_formset(rows, data, user=request.user)
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            task = proposal_services.accept_task(
                proposal, data=form.cleaned_data, assignments=proposed_assignments(formset), user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Accepted: “%(title)s” is in the ledger.") % {"title": task.title})
            return accepted(request, proposal, task.get_absolute_url())
    context.update(form=form, formset=formset)
    return render(request, "intake/proposal_review.html", context)


def _review_portfolio(request, proposal, context):
    data = request.POST if request.method == "POST" else None
    form = PortfolioForm(data, initial=proposal_selectors.portfolio_initial(proposal), user=request.user)
    if data is not None and form.is_valid():
        try:
            portfolio = proposal_services.accept_portfolio(proposal, data=form.cleaned_data, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Accepted: “%(name)s” is in the ledger.") % {"name": portfolio})
            return accepted(request, proposal, portfolio.get_absolute_url())
    context["form"] = form
    return render(request, "intake/proposal_review.html", context)


def _review_unit(request, proposal, context, pending):
    county = proposal_selectors.county_of(proposal.document)
    context.update(
        county=county,
        new_county_url=proposal_selectors.NEW_COUNTY_URL,
        occurrences=proposal_selectors.unit_occurrences(proposal),
        unit_kind=proposal_selectors.kind_label(proposal.payload.get("kind")),
    )
    if not pending:
        return render(request, "intake/proposal_review.html", context)
    data = request.POST if request.method == "POST" else None
    form = UnitForm(
        data, initial=proposal_selectors.unit_initial(proposal), units=proposal_selectors.county_units(county)
    )
    if data is not None and form.is_valid():
        try:
            organisation = proposal_services.accept_unit(proposal, data=form.cleaned_data, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Accepted: “%(name)s” is in the ledger.") % {"name": organisation.name})
            return accepted(request, proposal, reverse("intake:issue_proposals", args=[proposal.document.issue_id]))
    context["form"] = form
    return render(request, "intake/proposal_review.html", context)


@require_POST
def accept_units(request, pk):
    """Accept every pending unit proposal of the issue as proposed, all or none."""
    issue = proposal_selectors.issue_for_review(request.user, pk)
    try:
        created = proposal_services.accept_units(issue, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Accepted %(count)d units into the county's directory.") % {"count": len(created)})
    return redirect("intake:issue_proposals", issue.pk)


@require_POST
def create_unit(request, pk):
    """Create a unit a proposal names and the county lacks, then return to the proposal."""
    proposal = proposal_selectors.proposal_for_review(request.user, pk)
    try:
        organisation = proposal_services.create_unit_for(proposal, request.POST.get("name", ""), request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Created the unit “%(name)s”.") % {"name": organisation.name})
    return redirect(proposal)


@require_POST
def proposal_reject(request, pk):
    proposal = proposal_selectors.proposal_for_review(request.user, pk)
    try:
        proposal_services.reject(proposal, request.user, request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Rejected; nothing was added to the ledger."))
    return _to_list(proposal.document.issue_id, request.POST.get("filter", ""))


@require_POST
def proposal_reopen(request, pk):
    proposal = proposal_selectors.proposal_for_review(request.user, pk)
    try:
        proposal_services.reopen(proposal, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Reopened: the proposal is waiting for review again."))
    return redirect(proposal)
