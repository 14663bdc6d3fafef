from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from common.admin import ReadOnlyAdmin
from org import access

from . import selectors
from .models import (
    Assignment,
    ClosingRound,
    ExtensionRequest,
    Instruction,
    ProgressReport,
    Reminder,
    ReminderDigest,
    ReminderMute,
    ReminderPolicy,
    ReminderSweep,
    ScorecardRules,
    Task,
    WorkdayException,
)
from .reminders import selectors as reminder_selectors
from .reminders import services as reminder_services


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 1
    fields = ("role", "organisation", "organisation_text", "contact", "position")
    autocomplete_fields = ("organisation", "contact")


class ProgressReportInline(admin.TabularInline):
    """Reports are filed on the task page, whose service keeps the task's latest figures; here they are read."""

    model = ProgressReport
    extra = 0
    fields = ("date", "text", "percent", "reporter", "attachment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ("title", "category", "status", "due", "deadline_text", "origin", "source_document")
    list_filter = ("status", "category", "origin", "precision", "ongoing")
    search_fields = ("title", "deadline_text", "assignments__organisation__name", "assignments__organisation_text")
    autocomplete_fields = ("source_document", "parent", "group", "responsible_person", "closed_by")
    list_select_related = ("source_document",)
    date_hierarchy = "due"
    inlines = [AssignmentInline, ProgressReportInline]

    def get_queryset(self, request):
        return selectors.visible_tasks(request.user)


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    """Where a data manager maps units written in tasks to organisations (filter: organisation empty)."""

    list_display = ("organisation_text", "organisation", "role", "task")
    list_filter = (("organisation", admin.EmptyFieldListFilter), "role")
    search_fields = ("organisation_text", "task__title")
    autocomplete_fields = ("organisation", "contact", "task")
    list_select_related = ("organisation", "task")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(task__in=selectors.visible_tasks(request.user))


class CountySettingsAdmin(SimpleHistoryAdmin):
    """Settings of the user's counties; those without a county (the defaults, a day off of every county) only for
    those who work on every county."""

    list_select_related = ("county",)

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if access.sees_everything(request.user):
            return rows
        return rows.filter(county__in=access.managed_counties(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "county":
            kwargs["queryset"] = access.managed_counties(request.user)
            kwargs["required"] = not access.sees_everything(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(CountySettingsAdmin):
    """The defaults' row, which cannot be deleted, and the counties' own settings."""

    list_display = (
        "__str__",
        "county",
        "warning_days",
        "reminder_days",
        "escalation_days",
        "include_historical",
        "max_attempts",
    )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.county_id is not None)

    def changelist_view(self, request, extra_context=None):
        ReminderPolicy.current()
        return super().changelist_view(request, extra_context)


@admin.register(ScorecardRules)
class ScorecardRulesAdmin(CountySettingsAdmin):
    """The 考核 rules: the defaults' row, which cannot be deleted, and the counties' own."""

    list_display = ("__str__", "county", "grace_days", "against_original_due")

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.county_id is not None)

    def changelist_view(self, request, extra_context=None):
        ScorecardRules.objects.get_or_create(county=None)
        return super().changelist_view(request, extra_context)


@admin.register(WorkdayException)
class WorkdayExceptionAdmin(CountySettingsAdmin):
    list_display = ("date", "is_workday", "county", "note")
    list_filter = ("is_workday", "county")
    date_hierarchy = "date"


@admin.register(ReminderMute)
class ReminderMuteAdmin(admin.ModelAdmin):
    list_display = ("email", "created")
    search_fields = ("email",)


@admin.register(ReminderSweep)
class ReminderSweepAdmin(ReadOnlyAdmin):
    list_display = ("day", "started", "finished", "trigger", "day_off", "reminders", "digests", "without_email")
    date_hierarchy = "day"


@admin.register(ReminderDigest)
class ReminderDigestAdmin(ReadOnlyAdmin):
    list_display = ("day", "name", "email", "status", "attempts", "sent", "next_attempt", "subject")
    list_filter = ("status", "day")
    search_fields = ("email", "name", "subject")
    actions = ["send_again"]

    def get_queryset(self, request):
        return reminder_selectors.visible_digests(request.user)

    @admin.action(description=_("Send the failed e-mails again"), permissions=["view"])
    def send_again(self, request, queryset):
        if not access.is_data_manager(request.user):
            raise PermissionDenied
        count = reminder_services.requeue(queryset)
        self.message_user(request, _("%(count)s reminder e-mails will be sent again.") % {"count": count})


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ("day", "tier", "task", "name", "email", "unit", "overdue_days", "escalated", "status", "attempts")
    list_filter = ("tier", "status", "escalated", "day")
    search_fields = ("task__title", "email", "name", "unit")
    list_select_related = ("task",)
    date_hierarchy = "day"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(task__in=selectors.visible_tasks(request.user))


# The supervision cycle is written on the task page, whose services lock the task and keep the due dates; the admin
# reads it.


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ReadOnlyAdmin):
    list_display = ("task", "unit", "requested_at", "previous_due", "requested_due", "status", "granted_due")
    list_filter = ("status",)
    search_fields = ("task__title", "reason")
    list_select_related = ("task", "unit")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(task__in=selectors.visible_tasks(request.user))


@admin.register(ClosingRound)
class ClosingRoundAdmin(ReadOnlyAdmin):
    list_display = ("task", "requested_at", "decision", "decided_at", "reason")
    list_filter = ("decision",)
    search_fields = ("task__title", "note", "reason")
    list_select_related = ("task",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(task__in=selectors.visible_tasks(request.user))


@admin.register(Instruction)
class InstructionAdmin(ReadOnlyAdmin):
    list_display = ("leader_name", "given_on", "task", "document", "answered_at")
    list_filter = (("answered_at", admin.EmptyFieldListFilter),)
    search_fields = ("leader_name", "text", "answer")
    list_select_related = ("task", "document")

    def get_queryset(self, request):
        return selectors.visible_instructions(request.user, super().get_queryset(request))
