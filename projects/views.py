import datetime
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.exports import ExportableListView
from common.sheets import SheetRow
from gazette import selectors as gazette_selectors
from groups.selectors import visible_groups
from org import access
from org.selectors import managed_county, organisation_tree, people_list

from . import calendars, selectors, services
from .filters import TaskFilter
from .forms import (
    AssignmentFormSet,
    CountyReminderForm,
    ProgressReportForm,
    TaskForm,
    TaskImportForm,
    WorkdayExceptionForm,
    assignment_lines,
)
from .models import ReminderPolicy, Task
from .reminders import selectors as reminder_selectors
from .reminders import services as reminder_services
from .reminders.services import COUNTY_POLICY_FIELDS
from .tables import TaskTable
from .task_sheet import TaskSheetError, read_task_sheet, template_workbook


def home(request):
    user = request.user
    return render(
        request,
        "projects/home.html",
        {
            "group_count": visible_groups(user).count(),
            "person_count": people_list(user).count(),
            "organisation_count": len(organisation_tree(user)),
            "recent_documents": gazette_selectors.recent_documents(user)[:8],
        },
    )


class TaskListView(ExportableListView):
    table_class = TaskTable
    filterset_class = TaskFilter
    template_name = "projects/task_list.html"
    export_name = "tasks"

    def get_queryset(self):
        return selectors.task_list(self.request.user)

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
    form = ProgressReportForm(initial={"date": timezone.localdate()})
    return _task_page(request, task, form)


def _task_page(request, task, form):
    context = selectors.task_detail(request.user, task)
    context.update(form=form, is_open=task.status in services.OPEN_STATUSES)
    return render(request, "projects/task_detail.html", context)


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


@require_POST
def task_request_closing(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_report_on(request.user, task):
        raise PermissionDenied
    _apply(request, services.request_closing, task, _("Closing requested; a supervisor will verify it."))
    return redirect(task)


@require_POST
def task_verify_closing(request, pk):
    task = selectors.task_for_view(request.user, pk)
    if not selectors.can_verify_closing(request.user):
        raise PermissionDenied
    approve = request.POST.get("decision") == "approve"
    done = _("Closed.") if approve else _("Sent back for more work.")
    _apply(request, partial(services.verify_closing, approve=approve), task, done)
    return redirect(task)


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
    try:
        county = int(request.GET["county"]) if request.GET.get("county") else None
    except ValueError:
        raise Http404 from None
    return render(request, "projects/task_dashboard.html", selectors.task_dashboard(request.user, county=county))


def task_calendar(request):
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        datetime.date(year, month, 1)
    except ValueError:
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
        try:
            rows = read_task_sheet(form.cleaned_data["file"].read())
        except TaskSheetError as error:
            form.add_error("file", error.message)
        else:
            reference, county = form.cleaned_data["reference"], form.cleaned_data["county"]
            request.session[IMPORT_SESSION_KEY] = {
                "reference": reference.isoformat(),
                "county": county.pk,
                "rows": [[row.number, row.values] for row in rows],
            }
            return _import_preview(request, rows, reference, county)
    return render(request, "projects/task_import.html", {"form": form})


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
    if not pending:
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
    response = HttpResponse(
        template_workbook(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="task-list-template.xlsx"'
    return response


def reminder_overview(request):
    user = request.user
    if not (access.supervises(user)):
        raise PermissionDenied
    return render(
        request,
        "projects/reminder_overview.html",
        {
            "failed": reminder_selectors.failed_digests(user)[:100],
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
