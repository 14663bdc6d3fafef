from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import selectors
from .models import CompensationScheme, ExpropriationProject, Rule, SchemeVersion


@admin.register(ExpropriationProject)
class ExpropriationProjectAdmin(SimpleHistoryAdmin):
    list_display = ("name", "authority", "office", "office_text")
    search_fields = ("name", "authority_text", "office_text", "departments_text")
    autocomplete_fields = ("county", "authority", "office", "departments")

    def get_queryset(self, request):
        return selectors.visible_projects(request.user)


class VersionInline(admin.TabularInline):
    model = SchemeVersion
    extra = 0
    fields = ("number", "document_number", "status", "effective_from", "effective_to")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False  # new versions come from adjustments (compensation.services.adjust_scheme)


@admin.register(CompensationScheme)
class CompensationSchemeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "project")
    search_fields = ("name", "project__name")
    autocomplete_fields = ("project",)
    inlines = [VersionInline]

    def get_queryset(self, request):
        return selectors.visible_schemes(request.user)


class RuleInline(admin.StackedInline):
    model = Rule
    extra = 0
    autocomplete_fields = ("source_document",)

    def get_readonly_fields(self, request, obj=None):
        # A version in force changes only through an adjustment, so households computed under it stay explainable.
        if obj is not None and obj.status != SchemeVersion.Status.DRAFT:
            return [field.name for field in Rule._meta.fields]
        return ()

    def has_add_permission(self, request, obj=None):
        return obj is None or obj.status == SchemeVersion.Status.DRAFT

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.status == SchemeVersion.Status.DRAFT


@admin.register(SchemeVersion)
class SchemeVersionAdmin(SimpleHistoryAdmin):
    list_display = ("scheme", "number", "document_number", "status", "effective_from", "effective_to")
    list_filter = ("status",)
    search_fields = ("scheme__name", "document_number", "title")
    autocomplete_fields = ("scheme", "previous", "document")
    list_select_related = ("scheme",)
    inlines = [RuleInline]

    def get_queryset(self, request):
        return selectors.visible_versions(request.user)
