from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import selectors
from .models import (
    Assignment,
    LeadingGroup,
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    Post,
    ProgressReport,
    Task,
    UnitAccess,
)


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "parent", "is_active", "sort_order")
    list_filter = ("kind", "is_active")
    list_editable = ("sort_order",)
    search_fields = ("name", "short_name", "aliases__alias")
    autocomplete_fields = ("parent",)
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
