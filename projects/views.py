import datetime
import os
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common import sheet_jobs, uploads
from common.exports import ExportableListView, content_disposition, download, xlsx_response
from common.messages import translated
from common.sheets import SheetRow
from gazette import selectors as gazette_selectors
from org import access
from org.selectors import county_named, managed_county

from . import calendars, selectors, services
from . import scorecard as scoring
from .filters import TaskFilter
from .forms import (
    AssignmentFormSet,
    ClosingRequestForm,
    CountyReminderForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    InstructionAnswerForm,
    InstructionForm,
    NoticeForm,
    ProgressReportForm,
    TaskForm,
    TaskImportForm,
    VerifyClosingForm,
    WorkdayExceptionForm,
    assignment_lines,
)
from .models import Notice, ReminderPolicy, Task
from .reminders import selectors as reminder_selectors
from .reminders import services as reminder_services
from .reminders.services import COUNTY_POLICY_FIELDS
from .tables import TaskTable
from .task_sheet import TaskSheetError, read_task_sheet, template_workbook


def home(request):
    """Each role's own work: a unit's overdue and owed tasks, what awaits a supervisor, what awaits a data manager."""
    return render(request, "projects/home.html", selectors.home_page(request.user, county=_county_param(request)))


def _county_param(request):
    """The county a page is narrowed to (``?county=``), as an id; 404 for one that is not a number."""
    try:
        return int(request.GET["county"]) if request.GET.get("county") else None
    except ValueError:
        raise Http404 from None


class TaskListView(ExportableListView):
    table_class = TaskTable
    filterset_class = TaskFilter
    template_name = "projects/task_list.html"
    export_name = "tasks"

    def get_queryset(self):
        return selectors.task_list(self.request.user).only(*TaskTable.fields_read)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, can_create_task=selectors.can_create_task(self.request.user))


def task_create(request):
    if not selectors.can_create_task(request.user):
        raise PermissionDenied
    return _edit_task(request, task=None)


def task_edit(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_create_task(request.user):
        raise PermissionDenied
    return _edit_task(request, task=task)


def _edit_task(request, task):
    form = TaskForm(request.POST or None, instance=task, user=request.user)
    formset = AssignmentFormSet(request.POST or None, instance=task, prefix="units", form_kwargs={"user": request.user})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_task(task=task, data=form.cleaned_data, assignments=assignment_lines(formset))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(title)s”.") % {"title": saved.title})
            return redirect(saved)
    return render(request, "projects/task_form.html", {"form": form, "formset": formset, "task": task})


def task_detail(request, pk):
    task = selectors.task_for_view(request.user, pk)
    return _task_page(request, task)


def _task_page(request, task, form=None, **forms):
    """The task page; ``forms`` replace the empty forms of the page with one that came back with errors."""
    context = selectors.task_detail(request.user, task)
    context.update(
        form=form or ProgressReportForm(initial={"date": timezone.localdate()}),
        closing_form=ClosingRequestForm(),
        verify_form=VerifyClosingForm(),
        extension_form=ExtensionRequestForm(),
        decision_form=ExtensionDecisionForm(),
        instruction_form=InstructionForm(initial={"given_on": timezone.localdate()}, county_id=task.county_id),
        answer_form=InstructionAnswerForm(),
        is_open=task.status in services.OPEN_STATUSES,
    )
    context["notices"] = selectors.visible_notices(request.user).filter(items__task=task).distinct()
    if selectors.can_issue_notices(request.user):
        context["notice_form"] = NoticeForm(
            units=selectors.notice_units(task), initial={"reply_by": selectors.default_reply_by(task.county)}
        )
        context["overdue"] = selectors.is_overdue(task)
    context.update(forms)
    status = 400 if forms else 200
    return render(request, "projects/task_detail.html", context, status=status)


@require_POST
def task_report(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_report_on(request.user, task):
        raise PermissionDenied
    form = ProgressReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_progress(task, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Progress reported."))
            return redirect(task)
    return _task_page(request, task, form)


def task_evidence(request, pk, kind, item):
    """An evidence file, as a download: never shown inline, nor sniffed into a type that runs."""
    attachment = selectors.evidence(request.user, pk, kind, item)
    try:
        file = attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(file, content_type=uploads.content_type(attachment.name))
    response["Content-Disposition"] = content_disposition(os.path.basename(attachment.name))
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def task_request_closing(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_report_on(request.user, task):
        raise PermissionDenied
    form = ClosingRequestForm(request.POST, request.FILES)
    if not form.is_valid():
        return _task_page(request, task, closing_form=form)
    action = partial(services.request_closing, **form.cleaned_data)
    _apply(request, action, task, _("Closing requested; a supervisor will verify it."))
    return redirect(task)


@require_POST
def task_verify_closing(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_verify_closing(request.user):
        raise PermissionDenied
    form = VerifyClosingForm(request.POST)
    if not form.is_valid():
        return _task_page(request, task, verify_form=form)
    approve = form.cleaned_data["decision"] == "approve"
    done = _("Closed.") if approve else _("Sent back for more work.")
    _apply(request, partial(services.verify_closing, approve=approve, reason=form.cleaned_data["reason"]), task, done)
    return redirect(task)


@require_POST
def task_request_extension(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_request_extension(request.user, task):
        raise PermissionDenied
    form = ExtensionRequestForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.request_extension(task, user=request.user, unit=_own_unit(request.user, task), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Extension requested; a supervisor will decide on it."))
            return redirect(task)
    return _task_page(request, task, extension_form=form)


def _own_unit(user, task):
    """The requesting unit: the first of the user's units with a part in the task (none for a data manager)."""
    part = access.own(user, task.assignments.select_related("organisation"), "organisation").first()
    return part.organisation if part else None


@require_POST
def task_decide_extension(request, pk, extension_pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_decide_extension(request.user):
        raise PermissionDenied
    extension = get_object_or_404(task.extension_requests.all(), pk=extension_pk)
    form = ExtensionDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide_extension(extension, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Extension request decided."))
            return redirect(task)
    return _task_page(request, task, decision_form=form)


@require_POST
def task_add_instruction(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_enter_instruction(request.user):
        raise PermissionDenied
    form = InstructionForm(request.POST, county_id=task.county_id)
    if form.is_valid():
        try:
            services.add_instruction(user=request.user, task=task, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Instruction recorded; the task's units are notified by e-mail."))
            return redirect(task)
    return _task_page(request, task, instruction_form=form)


def document_instruction(request, pk):
    """A leader's instruction on a gazette document, entered from the document's page."""
    if not selectors.can_enter_instruction(request.user):
        raise PermissionDenied
    document = gazette_selectors.document_detail(request.user, pk)["document"]
    county = county_named(document.issue.gazette.county)
    form = InstructionForm(
        request.POST or None, initial={"given_on": timezone.localdate()}, county_id=county.pk if county else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_instruction(user=request.user, document=document, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Instruction recorded."))
            return redirect(document)
    return render(request, "projects/document_instruction.html", {"form": form, "document": document})


@require_POST
def task_answer_instruction(request, pk, instruction_pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_answer_instruction(request.user, task):
        raise PermissionDenied
    instruction = get_object_or_404(task.instructions.all(), pk=instruction_pk)
    form = InstructionAnswerForm(request.POST)
    if form.is_valid():
        services.answer_instruction(instruction, user=request.user, answer=form.cleaned_data["answer"])
        messages.success(request, _("Answer saved."))
        return redirect(task)
    return _task_page(request, task, answer_form=form)


@require_POST
def task_set_status(request, pk):
    """Supervisors and data managers pause, stop or resume a task."""
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_verify_closing(request.user):
        raise PermissionDenied
    status = request.POST.get("status")
    if status not in {Task.Status.PAUSED, Task.Status.STOPPED, Task.Status.IN_PROGRESS}:
        raise PermissionDenied
    _apply(request, lambda task, user: services.set_task_status(task, status), task, _("Status changed."))
    return redirect(task)


def _apply(request, action, task, success):
    try:
        action(task, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)


def task_dashboard(request):
    context = selectors.task_dashboard(request.user, county=_county_param(request))
    return render(request, "projects/task_dashboard.html", context)


def _scorecard(request):
    """The scorecard of the county and period the address names (``?county=``, ``?period=2025-Q2``): the user's
    first county and the current quarter by default; 404 for a county not the user's."""
    if not selectors.can_see_scorecard(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    period = scoring.parse_period(request.GET.get("period"), today)
    counties = selectors.scorecard_counties(request.user)
    county_id = _county_param(request)
    county = get_object_or_404(counties, pk=county_id) if county_id else counties.first()
    context = {"period": period, "county": county, "counties": counties, "periods": _recent_periods(today)}
    context.update(selectors.scorecard(county, period, today) if county else {"rows": [], "totals": {}})
    return context


def _recent_periods(today):
    """The periods the page offers: this and the last 11 months, 7 quarters, 2 years."""
    this_month, quarter = today.year * 12 + today.month - 1, scoring.quarter_of(today)
    this_quarter = quarter.year * 4 + quarter.number - 1
    months = [scoring.month((this_month - back) // 12, (this_month - back) % 12 + 1) for back in range(12)]
    quarters = [scoring.quarter((this_quarter - back) // 4, (this_quarter - back) % 4 + 1) for back in range(8)]
    return quarters + months + [scoring.year(today.year - back) for back in range(3)]


def scorecard(request):
    context = _scorecard(request)
    context["chart"] = [
        {"name": row.name, "score": float(row.score) if row.score is not None else None} for row in context["rows"]
    ]
    return render(request, "projects/scorecard.html", context)


def scorecard_print(request):
    """The period's 督查通报, laid out for paper."""
    return render(request, "projects/scorecard_print.html", _scorecard(request))


def scorecard_xlsx(request):
    context = _scorecard(request)
    header = [
        _("Rank"),
        _("Unit"),
        _("Tasks due"),
        _("Closed on time"),
        _("Closed late"),
        _("Still overdue"),
        _("On-time rate (%)"),
        _("Average days late"),
        _("Extensions asked"),
        _("Extensions granted"),
        _("Sent back"),
        _("Score"),
    ]
    rows = [header] + [
        [
            row.rank,
            row.name,
            row.due,
            row.on_time,
            row.late,
            row.overdue,
            row.on_time_rate,
            row.average_days_late,
            row.extensions_asked,
            row.extensions_granted,
            row.sent_back,
            row.score,
        ]
        for row in context["rows"]
    ]
    county = context["county"]
    name = f"{county.short_name or county.name if county else ''}{context['period'].label}{_('scorecard')}"
    return xlsx_response(rows, _("scorecard"), f"{name}.xlsx")


CALENDAR_YEARS = (1900, 2100)


def task_calendar(request):
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        datetime.date(year, month, 1)
    except (ValueError, OverflowError):
        year, month = today.year, today.month
    if not CALENDAR_YEARS[0] <= year <= CALENDAR_YEARS[1]:
        # 9999-12 has no following month to link to, and no deadline is that far off: show this month.
        year, month = today.year, today.month
    context = selectors.task_month(request.user, year, month)
    context["today"] = today
    context["feed_url"] = request.build_absolute_uri(
        reverse("projects:task_feed", args=[services.calendar_token(request.user)])
    )
    return render(request, "projects/task_calendar.html", context)


@require_POST
def task_calendar_reset(request):
    services.reset_calendar_token(request.user)
    messages.success(request, _("A new calendar address was made; the old one no longer works."))
    return redirect("projects:task_calendar")


@login_not_required
def task_feed(request, token):
    user = selectors.calendar_user(token)
    body = calendars.task_feed(
        selectors.dated_tasks(user),
        url_for=lambda task: request.build_absolute_uri(task.get_absolute_url()),
        name=_("County Ledger: deadlines of %(user)s") % {"user": user.get_username()},
        now=timezone.now(),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


IMPORT_SESSION_KEY = "task_import"


@permission_required("projects.add_task", raise_exception=True)
def task_import(request):
    form = TaskImportForm(
        request.POST or None, request.FILES or None, initial={"reference": timezone.localdate()}, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        reference, county = form.cleaned_data["reference"], form.cleaned_data["county"]
        pending = {"reference": reference.isoformat(), "county": county.pk}
        if len(data) >= sheet_jobs.ASYNC_FROM_BYTES:
            request.session[IMPORT_SESSION_KEY] = {**pending, "token": sheet_jobs.start(data, TASK_SHEET_READER)}
            return redirect("projects:task_import_progress")
        try:
            rows = read_task_sheet(data)
        except TaskSheetError as error:
            form.add_error("file", translated(error.message))
        else:
            request.session[IMPORT_SESSION_KEY] = {**pending, "rows": [[row.number, row.values] for row in rows]}
            return _import_preview(request, rows, reference, county)
    return render(request, "projects/task_import.html", {"form": form})


TASK_SHEET_READER = "projects.task_sheet.read_task_sheet"


@permission_required("projects.add_task", raise_exception=True)
def task_import_progress(request):
    """A large list being read by the worker: its progress (as JSON to the page's script), then the preview."""
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or "token" not in pending:
        return redirect("projects:task_import")
    found = sheet_jobs.state(pending["token"])
    if reading := sheet_jobs.while_reading(request, found, _("Import a task list")):
        return reading
    if found["state"] != "done":
        del request.session[IMPORT_SESSION_KEY]
        messages.error(request, sheet_jobs.refusal(found) or _("The sheet could not be read: upload it again."))
        return redirect("projects:task_import")
    rows = sheet_jobs.rows(found)
    request.session[IMPORT_SESSION_KEY] = {"reference": pending["reference"], "county": pending["county"],
                                           "rows": found["rows"]}  # fmt: skip
    county = get_object_or_404(access.counties(request.user), pk=pending["county"])
    return _import_preview(request, rows, datetime.date.fromisoformat(pending["reference"]), county)


def _import_preview(request, rows, reference, county):
    previews = services.preview_task_rows(rows, reference=reference, county=county)
    return render(
        request,
        "projects/task_import_preview.html",
        {"previews": previews, "reference": reference, "blocked": any(preview.errors for preview in previews)},
    )


@require_POST
@permission_required("projects.add_task", raise_exception=True)
def task_import_confirm(request):
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or "rows" not in pending:
        messages.error(request, _("Nothing to import: upload the list again."))
        return redirect("projects:task_import")
    reference = datetime.date.fromisoformat(pending["reference"])
    county = get_object_or_404(access.counties(request.user), pk=pending["county"])
    rows = [SheetRow(number, values) for number, values in pending["rows"]]
    previews = services.preview_task_rows(rows, reference=reference, county=county)
    try:
        created = services.import_task_rows(previews, reference=reference, county=county)
    except ValidationError:
        return _import_preview(request, rows, reference, county)
    del request.session[IMPORT_SESSION_KEY]
    messages.success(request, _("%(count)s tasks imported.") % {"count": len(created)})
    return redirect("projects:task_list")


@permission_required("projects.add_task", raise_exception=True)
def task_import_template(request):
    return download(template_workbook(), "task-list-template.xlsx")


FAILED_PER_PAGE = 100


def reminder_overview(request):
    user = request.user
    if not (access.supervises(user)):
        raise PermissionDenied
    return render(
        request,
        "projects/reminder_overview.html",
        {
            "failed": Paginator(reminder_selectors.failed_digests(user), FAILED_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "without_email": reminder_selectors.contacts_without_email(user),
            "sweeps": reminder_selectors.recent_sweeps(),
            "can_requeue": access.is_data_manager(user),
            "managed_counties": access.managed_counties(user).order_by("name"),
        },
    )


def county_reminders(request, pk):
    """A county's 提醒设置 and 本地工作日调整, for the data managers of the county."""
    if not access.is_data_manager(request.user):
        raise PermissionDenied
    county = managed_county(request.user, pk)
    settings = reminder_selectors.reminder_settings(fresh=True)
    policy = settings.for_county(county.pk).policy
    own = policy.county_id == county.pk
    if not own:  # the defaults, shown as the county's starting point: the form must not touch their row
        policy = ReminderPolicy(county=county, **{name: getattr(policy, name) for name in COUNTY_POLICY_FIELDS})
    policy_form = CountyReminderForm(instance=policy, initial={"own": own}, prefix="policy")
    day_form = WorkdayExceptionForm(prefix="day")
    if request.method == "POST" and "policy-warning_days" in request.POST:
        policy_form = CountyReminderForm(request.POST, instance=policy, prefix="policy")
        if policy_form.is_valid():
            data = policy_form.cleaned_data
            try:
                reminder_services.save_county_policy(county, own=data["own"], values=data)
            except ValidationError as error:
                policy_form.add_error(None, error)
            else:
                messages.success(request, _("Saved the reminder settings of %(county)s.") % {"county": county})
                return redirect("projects:county_reminders", pk=county.pk)
    elif request.method == "POST":
        day_form = WorkdayExceptionForm(request.POST, prefix="day")
        if day_form.is_valid():
            try:
                reminder_services.add_workday_exception(county, **day_form.cleaned_data)
            except ValidationError as error:
                day_form.add_error(None, error)
            else:
                messages.success(request, _("Added %(date)s.") % {"date": day_form.cleaned_data["date"]})
                return redirect("projects:county_reminders", pk=county.pk)
    return render(
        request,
        "projects/county_reminders.html",
        {
            "county": county,
            "own": own,
            "policy_form": policy_form,
            "day_form": day_form,
            "days": reminder_selectors.county_workday_exceptions(county),
        },
    )


@require_POST
def county_workday_remove(request, pk, day_pk):
    if not access.is_data_manager(request.user):
        raise PermissionDenied
    county = managed_county(request.user, pk)
    # Only the county's own: a day of every county is the site's, changed in the admin.
    exception = get_object_or_404(county.workday_exceptions.all(), pk=day_pk)
    reminder_services.remove_workday_exception(exception)
    messages.success(request, _("Removed %(date)s.") % {"date": exception.date})
    return redirect("projects:county_reminders", pk=county.pk)


@require_POST
def reminder_requeue(request):
    if not access.is_data_manager(request.user):
        raise PermissionDenied
    digests = reminder_selectors.failed_digests(request.user).filter(pk__in=request.POST.getlist("digest"))
    count = reminder_services.requeue(digests)
    messages.success(request, _("%(count)s reminder e-mails will be sent again.") % {"count": count})
    return redirect("projects:reminder_overview")


@login_not_required
def reminder_mute(request, token):
    """The link at the foot of an early-warning e-mail: its recipient may have no login."""
    email = reminder_selectors.email_from_mute_token(token)
    if email is None:
        raise Http404
    if request.method == "POST":
        if request.POST.get("mute") == "1":
            reminder_services.mute_warnings(email)
            messages.success(request, _("Early warnings are turned off for %(email)s.") % {"email": email})
        else:
            reminder_services.unmute_warnings(email)
            messages.success(request, _("Early warnings are turned on for %(email)s.") % {"email": email})
        return redirect("projects:reminder_mute", token=token)
    return render(request, "projects/reminder_mute.html", {"email": email, "muted": reminder_selectors.is_muted(email)})


# Notices (督办通知单, 催办函)


@require_POST
def task_notice(request, pk):
    """Issue a numbered notice about one task to one of its units, then show it for printing."""
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_issue_notices(request.user):
        raise PermissionDenied
    form = NoticeForm(request.POST, units=selectors.notice_units(task))
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(task)
    kind = form.cleaned_data["kind"]
    if kind == Notice.Kind.URGING and not selectors.is_overdue(task):
        messages.error(request, _("An urging letter is for an overdue task; this one is not overdue."))
        return redirect(task)
    return _issue(request, task, kind, form.cleaned_data["recipient"], [task], form.cleaned_data["reply_by"])


@require_POST
def unit_notice(request, pk):
    """Issue a notice to a unit for all its open tasks (督办通知单) or all its overdue ones (催办函)."""
    unit = get_object_or_404(access.visible_units(request.user), pk=pk)
    if not selectors.can_issue_notices(request.user):
        raise PermissionDenied
    form = NoticeForm(request.POST, units=[unit])
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(unit)
    kind = form.cleaned_data["kind"]
    tasks = selectors.unit_notice_tasks(request.user, unit, kind)
    return _issue(request, unit, kind, unit, tasks, form.cleaned_data["reply_by"])


def _issue(request, back, kind, recipient, tasks, reply_by):
    try:
        notice = services.issue_notice(
            kind=kind, recipient=recipient, tasks=tasks, user=request.user, reply_by=reply_by
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(request, _("Issued %(number)s.") % {"number": notice.number})
    return redirect(notice)


def notice_list(request):
    notices = selectors.notice_list(request.user)
    return render(
        request,
        "projects/notice_list.html",
        {"notices": Paginator(notices, NOTICES_PER_PAGE).get_page(request.GET.get("page"))},
    )


NOTICES_PER_PAGE = 50


def notice_detail(request, pk):
    """The notice as printed: the same number and items however often it is opened again."""
    notice = selectors.notice_for_view(request.user, pk)
    day = timezone.localdate(notice.issued_at)
    items = list(notice.items.all())
    for item in items:
        item.days_overdue = (day - item.due).days if item.due and item.due < day else None
    return render(request, "projects/notice_detail.html", {"notice": notice, "items": items, "issued_on": day})
