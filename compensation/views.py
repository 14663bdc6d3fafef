import datetime
from decimal import Decimal
from operator import attrgetter, itemgetter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common import sheet_jobs
from common.exports import ExportableListView, download
from common.messages import translated
from common.sheets import SheetRow
from intake import selectors as proposal_selectors
from intake.views import accepted

from . import calculator, exports, selectors, services, survey_sheet
from .filters import HouseholdFilter
from .forms import (
    AdvanceForm,
    HouseholdFactsForm,
    HouseholdForm,
    PaymentForm,
    RateRuleForm,
    SurveyedOnForm,
    SurveyImportForm,
    initial_from,
)
from .models import HEADING_LABELS, SchemeVersion
from .tables import HouseholdTable


def scheme_list(request):
    return render(request, "compensation/scheme_list.html", {"schemes": selectors.scheme_list(request.user)})


def scheme_detail(request, pk):
    scheme = selectors.scheme_for_view(request.user, pk)
    return redirect(selectors.current_version(scheme) or "compensation:scheme_list")


def version_detail(request, pk):
    return render(request, "compensation/version_detail.html", selectors.version_detail(request.user, pk))


def _compute(request, pk):
    """The version, the form over the query string and, when it is valid, every option's statement."""
    version, scheme = selectors.calculator_for(request.user, pk)
    form = HouseholdFactsForm(request.GET if "option" in request.GET else None, scheme=scheme)
    compared = statement = None
    if form.is_bound and form.is_valid():
        facts = form.to_facts()
        try:
            compared = calculator.compile_scheme(scheme).compare(facts)
        except calculator.SchemeError as error:
            form.add_error(None, str(error))
        else:
            statement = compared[facts.option]
    return version, form, compared, statement


def calculator_page(request, pk):
    version, form, compared, statement = _compute(request, pk)
    return render(
        request,
        "compensation/calculator.html",
        {
            "version": version,
            "form": form,
            "statement": statement,
            "groups": _grouped(statement) if statement else [],
            "comparison": _comparison(compared) if compared else None,
            "query": request.GET.urlencode(),
            "facts_entered": _entered(form) if statement else [],
        },
    )


def calculator_export(request, pk):
    version, form, compared, statement = _compute(request, pk)
    if statement is None:
        return redirect(f"{version.get_absolute_url()}calculator/?{request.GET.urlencode()}")
    return download(
        exports.statement_workbook(version, statement, compared), f"compensation-{version.pk}-{statement.option}.xlsx"
    )


def _entered(form):
    """The facts entered, as label and value shown (a choice's label, ✓ for a ticked box), for the printout."""
    entered = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", False, 0):
            continue
        field = form.fields[name]
        shown = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
        entered.append((field.label, "✓" if value is True else shown))
    return entered


def _grouped(statement):
    """The statement's lines under their headings, each heading with its subtotal (None for area-only ones)."""
    return _under_headings(statement.lines, statement.subtotals, attrgetter("heading"))


def _under_headings(lines, subtotals, heading_of):
    groups = {}
    for line in lines:
        groups.setdefault(heading_of(line), []).append(line)
    return [
        {"heading": HEADING_LABELS[heading], "lines": groups[heading], "subtotal": subtotals.get(heading)}
        for heading in HEADING_LABELS
        if heading in groups
    ]


def _comparison(compared):
    options = list(compared)
    headings = [heading for heading in HEADING_LABELS if any(heading in s.subtotals for s in compared.values())]
    return {
        "options": options,
        "rows": [
            {"label": HEADING_LABELS[heading], "values": [compared[o].subtotals.get(heading) for o in options]}
            for heading in headings
        ],
        "totals": [compared[o].rounded_total for o in options],
        "entitled": [compared[o].flat_entitlement for o in options],
        "wished": [compared[o].flat_wished for o in options],
        "best": max(options, key=lambda option: compared[option].total),
    }


# Households (被征收户)


def project_dashboard(request, pk):
    project = selectors.project_for_view(request.user, pk)
    return render(request, "compensation/project_dashboard.html", selectors.project_dashboard(request.user, project))


@require_POST
def project_schedule_deadlines(request, pk):
    project = selectors.project_for_edit(request.user, pk)
    created = []
    for version in selectors.project_versions(project).filter(status=SchemeVersion.Status.IN_FORCE):
        created += services.schedule_scheme_deadlines(version, request.user)
    messages.success(request, _("%(count)s deadline tasks created.") % {"count": len(created)})
    return redirect("compensation:project_dashboard", pk=project.pk)


class HouseholdListView(ExportableListView):
    filterset_class = HouseholdFilter
    template_name = "compensation/household_list.html"

    def dispatch(self, request, *args, **kwargs):
        self.project = selectors.project_for_view(request.user, kwargs["pk"])
        self.personal = selectors.can_see_personal_data(request.user, self.project)
        # The export builds its tables from table_class too, so the mask travels in the class.
        self.table_class = HouseholdTable.for_viewer(self.personal)
        self.export_name = f"households-{self.project.pk}"
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.household_list(self.request.user, self.project)

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        filterset.personal = self.personal
        return filterset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            project=self.project, can_edit=selectors.can_edit_households(self.request.user, self.project), **kwargs
        )


def household_create(request, pk):
    project = selectors.project_for_edit(request.user, pk)
    return _edit_household(request, project, None)


def household_edit(request, pk):
    household = selectors.household_for_edit(request.user, pk)
    return _edit_household(request, household.project, household)


def _chosen_version(request, project, household):
    """The version the facts form follows: the one chosen on the page, else the household's, else the current."""
    if household is not None and household.is_signed:
        return household.scheme_version
    chosen = (request.POST if request.method == "POST" else request.GET).get("version")
    versions = selectors.project_versions(project)
    if chosen and chosen.isdigit():
        version = versions.filter(pk=chosen).first()
        if version is not None:
            return version
    return household.scheme_version if household else selectors.default_version(project)


def _edit_household(request, project, household):
    version = _chosen_version(request, project, household)
    if version is None:
        messages.error(request, _("The project has no compensation scheme to compute households under."))
        return redirect("compensation:household_list", pk=project.pk)
    scheme = version.calculator_scheme(list(version.rules.order_by("position", "pk")))
    data = request.POST if request.method == "POST" else None
    initial = {name: getattr(household, name) for name in services.HOUSEHOLD_FIELDS} if household else None
    form = HouseholdForm(data, initial=initial)
    facts_form = None
    if household is None or not household.is_signed:
        facts = household.household_facts() if household else calculator.HouseholdFacts(option=version.options[0])
        facts_form = HouseholdFactsForm(data, scheme=scheme, prefix="facts", initial=initial_from(facts))
    dated = SurveyedOnForm(data, initial={"surveyed_on": timezone.localdate()}) if household is None else None
    forms_valid = all(f.is_valid() for f in (form, facts_form, dated) if f is not None)
    if request.method == "POST" and forms_valid:
        facts = facts_form.to_facts() if facts_form else None
        try:
            if household is None:
                saved = services.create_household(
                    project=project, scheme_version=version, facts=facts, **dated.cleaned_data, **form.cleaned_data
                )
            else:
                saved = services.update_household(
                    household, data=form.cleaned_data, facts=facts, scheme_version=version
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(household)s”.") % {"household": saved})
            return redirect(saved)
    return render(
        request,
        "compensation/household_form.html",
        {
            "project": project,
            "household": household,
            "version": version,
            "versions": selectors.project_versions(project),
            "form": form,
            "facts_form": facts_form,
            "dated": dated,
        },
    )


def household_detail(request, pk):
    household = selectors.household_for_view(request.user, pk)
    return _household_page(request, household, AdvanceForm(household=household, initial={"on": timezone.localdate()}))


def _household_page(request, household, advance_form, payment_form=None):
    context = selectors.household_detail(request.user, household)
    context.update(_statement_context(household))
    context["advance_form"] = advance_form
    context["payment_form"] = payment_form or PaymentForm(initial={"paid_on": timezone.localdate()})
    return render(request, "compensation/household_detail.html", context)


def _statement_context(household):
    """The frozen statement of a signed household; for one not yet signed, every option computed now."""
    if household.is_signed:
        data = household.signed_statement
        return {"statement": _with_decimals(data), "groups": _frozen_groups(data)}
    compared, error = selectors.household_comparison(household)
    if compared is None:
        return {"statement": None, "groups": [], "error": error}
    statement = compared[household.household_facts().option]
    data = services.statement_data(statement, household.scheme_version)
    return {"statement": _with_decimals(data), "groups": _frozen_groups(data), "comparison": _comparison(compared)}


STATEMENT_FIGURES = (
    "total",
    "rounded_total",
    "flat_entitlement",
    "flat_wished",
    "shop_entitlement",
    "shop_wished",
    "basement_exchange",
)


def _with_decimals(data):
    """The statement as kept, its figures (and those of the lines paid to others) as Decimals again for the page."""
    return {
        **data,
        **{name: Decimal(data[name]) for name in STATEMENT_FIGURES},
        "third_party": [_line_with_decimals(line) for line in data["third_party"]],
    }


NUMERIC_LINE_FIELDS = ("quantity", "rate", "months", "amount", "area")


def _line_with_decimals(line):
    return {**line, **{name: None if line[name] is None else Decimal(line[name]) for name in NUMERIC_LINE_FIELDS}}


def _frozen_groups(data):
    """A statement kept as data, its lines under their headings with Decimals back, each heading's subtotal."""
    lines = [_line_with_decimals(line) for line in data["lines"]]
    subtotals = {heading: Decimal(amount) for heading, amount in data["subtotals"].items()}
    return _under_headings(lines, subtotals, itemgetter("heading"))


@require_POST
def household_advance(request, pk):
    household = selectors.household_for_edit(request.user, pk)
    form = AdvanceForm(request.POST, household=household)
    following = selectors.next_status(household)
    if form.is_valid() and following:
        try:
            household = services.advance_household(
                household,
                status=following,
                on=form.cleaned_data["on"],
                agreement_type=form.cleaned_data.get("agreement_type", ""),
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Now “%(status)s”.") % {"status": household.get_status_display()})
            return redirect(household)
    return _household_page(request, household, form)


@require_POST
def household_payment(request, pk):
    household = selectors.household_for_edit(request.user, pk)
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.record_payment(household, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Payment recorded."))
            return redirect(household)
    return _household_page(request, household, AdvanceForm(household=household), form)


def household_statement(request, pk):
    """The statement as a page to print: frozen when signed, else computed now and marked provisional."""
    household = selectors.household_for_view(request.user, pk)
    context = {
        "household": household,
        "personal": selectors.can_see_personal_data(request.user, household.project),
        **_statement_context(household),
    }
    return render(request, "compensation/household_statement.html", context)


def household_statement_export(request, pk):
    household = selectors.household_for_view(request.user, pk)
    context = _statement_context(household)
    if context["statement"] is None:
        return redirect(household)
    personal = selectors.can_see_personal_data(request.user, household.project)
    return download(
        exports.household_statement_workbook(household, context["statement"], personal=personal),
        f"statement-{household.project_id}-{household.number}.xlsx",
    )


def project_statements_export(request, pk):
    project = selectors.project_for_view(request.user, pk)
    personal = selectors.can_see_personal_data(request.user, project)
    households = selectors.project_statements(request.user, project)
    estimates = selectors.estimated_statements(request.user, project)
    return download(
        exports.project_statements_workbook(project, households, estimates, personal=personal),
        f"statements-{project.pk}.xlsx",
    )


# Excel import of survey results

SURVEY_SESSION_KEY = "survey_import"


def survey_import(request, pk):
    project = selectors.project_for_edit(request.user, pk)
    versions = selectors.project_versions(project)
    form = SurveyImportForm(
        request.POST or None,
        request.FILES or None,
        versions=versions,
        initial={"version": selectors.default_version(project), "surveyed_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        version, surveyed_on = form.cleaned_data["version"], form.cleaned_data["surveyed_on"]
        pending = {"project": project.pk, "version": version.pk, "surveyed_on": surveyed_on.isoformat()}
        if len(data) >= sheet_jobs.ASYNC_FROM_BYTES:
            request.session[SURVEY_SESSION_KEY] = {**pending, "token": sheet_jobs.start(data, SURVEY_SHEET_READER)}
            return redirect("compensation:survey_import_progress", pk=project.pk)
        try:
            rows = survey_sheet.read_survey_sheet(data)
        except survey_sheet.SurveySheetError as error:
            form.add_error("file", translated(error.message))
        else:
            request.session[SURVEY_SESSION_KEY] = {**pending, "rows": [[row.number, row.values] for row in rows]}
            return _survey_preview(request, project, rows, version, surveyed_on)
    return render(request, "compensation/household_import.html", {"project": project, "form": form})


SURVEY_SHEET_READER = "compensation.survey_sheet.read_survey_sheet"


def survey_import_progress(request, pk):
    """A large survey sheet being read by the worker: its progress, then the preview."""
    project = selectors.project_for_edit(request.user, pk)
    pending = request.session.get(SURVEY_SESSION_KEY)
    if not pending or pending["project"] != project.pk or "token" not in pending:
        return redirect("compensation:survey_import", pk=project.pk)
    found = sheet_jobs.state(pending["token"])
    if reading := sheet_jobs.while_reading(request, found, _("Import survey results")):
        return reading
    if found["state"] != "done":
        del request.session[SURVEY_SESSION_KEY]
        messages.error(request, sheet_jobs.refusal(found) or _("The sheet could not be read: upload it again."))
        return redirect("compensation:survey_import", pk=project.pk)
    del pending["token"]
    request.session[SURVEY_SESSION_KEY] = {**pending, "rows": found["rows"]}
    version = get_object_or_404(selectors.project_versions(project), pk=pending["version"])
    surveyed_on = datetime.date.fromisoformat(pending["surveyed_on"])
    return _survey_preview(request, project, sheet_jobs.rows(found), version, surveyed_on)


def _survey_preview(request, project, rows, version, surveyed_on):
    previews = services.preview_survey_rows(project, rows, version=version)
    return render(
        request,
        "compensation/household_import_preview.html",
        {
            "project": project,
            "previews": previews,
            "version": version,
            "surveyed_on": surveyed_on,
            "blocked": any(preview.errors for preview in previews),
        },
    )


@require_POST
def survey_import_confirm(request, pk):
    project = selectors.project_for_edit(request.user, pk)
    pending = request.session.get(SURVEY_SESSION_KEY)
    if not pending or pending["project"] != project.pk or "rows" not in pending:
        messages.error(request, _("Nothing to import: upload the sheet again."))
        return redirect("compensation:survey_import", pk=project.pk)
    version = get_object_or_404(selectors.project_versions(project), pk=pending["version"])
    surveyed_on = datetime.date.fromisoformat(pending["surveyed_on"])
    rows = [SheetRow(number, values) for number, values in pending["rows"]]
    previews = services.preview_survey_rows(project, rows, version=version)
    try:
        saved = services.import_survey_rows(project, previews, version=version, surveyed_on=surveyed_on)
    except ValidationError:
        return _survey_preview(request, project, rows, version, surveyed_on)
    del request.session[SURVEY_SESSION_KEY]
    messages.success(request, _("%(count)s households imported.") % {"count": len(saved)})
    return redirect("compensation:household_list", pk=project.pk)


def survey_import_template(request, pk):
    project = selectors.project_for_edit(request.user, pk)
    return download(survey_sheet.template_workbook(), f"survey-template-{project.pk}.xlsx")


def rate_proposal_rule(request, proposal_id):
    """A rate read from an imported scheme, prefilled as a draft rule beside its source; saving accepts it."""
    proposal = selectors.rate_proposal_for_review(request.user, proposal_id)
    lines = proposal_selectors.source_lines(proposal)
    versions = selectors.draft_versions(request.user)
    initial = selectors.rate_rule_initial(proposal, lines)
    drafts = list(versions[:2])
    if len(drafts) == 1:
        initial["version"] = drafts[0]  # the only draft needs no choosing
    # A period in months may belong to monthly rules the draft already has (its rate printed in another clause).
    months = selectors.monthly_rules(versions) if proposal.payload.get("kind") == "months" else None
    form = RateRuleForm(request.POST or None, versions=versions, monthly_rules=months, initial=initial)
    if request.method == "POST" and form.is_valid():
        source = services.RuleSource(
            document=proposal.document,
            section=form.cleaned_data["source_section"],
            text=form.cleaned_data["source_text"],
        )
        try:
            if form.cleaned_data.get("months_of"):
                rule, *_others = services.set_draft_rule_months(
                    form.cleaned_data["months_of"],
                    form.cleaned_data["months"],
                    source=source,
                    user=request.user,
                    proposal=proposal,
                )
            else:
                rule = services.add_draft_rule(
                    form.cleaned_data["version"],
                    data=form.rule_data(),
                    source=source,
                    user=request.user,
                    proposal=proposal,
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            done = (
                _("Set the months of “%(rule)s”.")
                if form.cleaned_data.get("months_of")
                else _("Added the rule “%(rule)s”.")
            )
            messages.success(request, done % {"rule": rule})
            return accepted(request, proposal, rule.version.get_absolute_url())
    context = {"proposal": proposal, "source": lines, "form": form, "has_drafts": bool(drafts)}
    context["carried"] = request.GET.get("filter", "")
    return render(request, "compensation/rate_proposal_rule.html", context)
