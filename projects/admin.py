from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import reminder_selectors, reminder_services, roles, selectors
from .models import (
    Assignment,
    LeaderPortfolio,
    LeadingGroup,
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    Post,
    ProgressReport,
    Proposal,
    Reminder,
    ReminderDigest,
    ReminderMute,
    ReminderPolicy,
    ReminderSweep,
    Task,
    UnitAccess,
    WorkdayException,
)


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "parent", "reminder_contact", "is_active", "sort_order")
    list_filter = ("kind", "is_active")
    list_editable = ("sort_order",)
    search_fields = ("name", "short_name", "aliases__alias")
    autocomplete_fields = ("parent", "reminder_contact")
    inlines = [AliasInline]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("name", "note", "phone", "email", "user")
    search_fields = ("name", "note", "posts__title")
    autocomplete_fields = ("user",)
    inlines = [PostInline]


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ("person", "organisation", "title", "start", "end")
    list_filter = ("organisation__kind",)
    search_fields = ("person__name", "title", "organisation__name")
    autocomplete_fields = ("person", "organisation")
    list_select_related = ("person", "organisation")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    fields = ("role", "position", "member_type", "person", "title", "organisation", "organisation_text")
    autocomplete_fields = ("person", "organisation")

    def get_queryset(self, request):
        return super().get_queryset(request).in_roster_order()


@admin.register(LeadingGroup)
class LeadingGroupAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "status", "office_host", "established", "source_document")
    list_filter = ("kind", "status", "county")
    search_fields = ("name", "memberships__person__name", "memberships__title")
    autocomplete_fields = ("county", "office_host", "office_head", "source_document", "superseded_by")
    list_select_related = ("office_host", "source_document")
    date_hierarchy = "established"
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return selectors.visible_groups(request.user)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("group", "role", "position", "person", "title", "organisation")
    list_filter = ("role", "member_type")
    search_fields = ("group__name", "person__name", "title")
    autocomplete_fields = ("group", "person", "organisation")
    list_select_related = ("group", "person", "organisation")

    def get_queryset(self, request):
        return selectors.visible_memberships(request.user)


@admin.register(UnitAccess)
class UnitAccessAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation")
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user", "organisation")


class UnitAccessInline(admin.TabularInline):
    model = UnitAccess
    extra = 1
    autocomplete_fields = ("organisation",)


class LedgerUserAdmin(UserAdmin):
    """The account page also says which units a unit-staff account belongs to."""

    inlines = [*UserAdmin.inlines, UnitAccessInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), LedgerUserAdmin)


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


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(SimpleHistoryAdmin):
    """One row of settings: it cannot be added twice nor deleted."""

    list_display = ("__str__", "warning_days", "reminder_days", "escalation_days", "include_historical", "max_attempts")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ReminderPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        ReminderPolicy.current()
        return super().changelist_view(request, extra_context)


@admin.register(WorkdayException)
class WorkdayExceptionAdmin(SimpleHistoryAdmin):
    list_display = ("date", "is_workday", "note")
    list_filter = ("is_workday",)
    date_hierarchy = "date"


@admin.register(ReminderMute)
class ReminderMuteAdmin(admin.ModelAdmin):
    list_display = ("email", "created")
    search_fields = ("email",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by the sweep and the sender only."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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
        if not roles.is_data_manager(request.user):
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


@admin.register(LeaderPortfolio)
class LeaderPortfolioAdmin(SimpleHistoryAdmin):
    list_display = ("person", "post", "effective", "is_current", "source_document", "superseded_by")
    list_filter = ("is_current",)
    search_fields = ("person__name", "post", "fields_of_work", "supervised__name", "supervised_text")
    autocomplete_fields = ("person", "supervised", "liaised", "source_document", "superseded_by")
    list_select_related = ("person", "source_document", "superseded_by__person")
    date_hierarchy = "effective"

    def get_queryset(self, request):
        return selectors.visible_portfolios(request.user)


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    """Proposals are reviewed on their own pages, which write through the services; here data managers find them."""

    list_display = ("label", "kind", "status", "document", "issue", "reviewed_by", "reviewed_at", "review_link")
    list_filter = ("kind", "status", "document__issue")
    search_fields = ("label", "document__title", "document__number")
    list_select_related = ("document__issue__gazette", "reviewed_by")
    exclude = ("content_type", "object_id")
    ordering = ("document__issue", "document__order", "kind", "position", "pk")

    def _reviewer(self, request):
        return roles.is_data_manager(request.user) and selectors.user_scope(request.user).everything

    def has_module_permission(self, request):
        return self._reviewer(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._reviewer(request) and super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        proposals = super().get_queryset(request)
        return proposals if self._reviewer(request) else proposals.none()

    @admin.display(description=_("issue"), ordering="document__issue")
    def issue(self, proposal):
        return proposal.document.issue

    @admin.display(description=_("review"))
    def review_link(self, proposal):
        return format_html('<a href="{}">{}</a>', proposal.get_absolute_url(), _("Open"))
