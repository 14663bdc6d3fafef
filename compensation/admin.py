from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from org import access

from . import selectors
from .models import (
    CompensationScheme,
    ExpropriationProject,
    Household,
    HouseholdPayment,
    Rule,
    SchemeDeadline,
    SchemeVersion,
)


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


PERSONAL_FIELDS = ("head_name", "id_number", "phone")


def _personal(request, project):
    """Whether the user may see the project's personal data, asked once per project and request."""
    cache = request.__dict__.setdefault("_household_personal", {})
    if project.pk not in cache:
        cache[project.pk] = selectors.can_see_personal_data(request.user, project)
    return cache[project.pk]


class PaymentInline(admin.TabularInline):
    model = HouseholdPayment
    extra = 0
    fields = ("paid_on", "amount", "note")


@admin.register(Household)
class HouseholdAdmin(SimpleHistoryAdmin):
    """Data managers correct a household here. The amounts frozen at signing stay as signed; the head's name, ID
    number and phone are left out for anyone who may not see them, as on the pages."""

    list_display = ("number", "head", "project", "status", "agreement_type", "signed_on", "signed_total")
    list_filter = ("status", "agreement_type", ("project", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("project",)
    autocomplete_fields = ("project",)
    readonly_fields = ("signed_total", "signed_subtotals", "signed_statement")
    inlines = [PaymentInline]

    def get_queryset(self, request):
        return selectors.households_for_admin(request.user)

    @admin.display(description=_("head of household"), ordering="head_shown")
    def head(self, obj):
        return obj.head_shown

    def get_search_fields(self, request):
        fields = ("number", "address", "plot")
        return (*fields, *PERSONAL_FIELDS) if access.is_data_manager(request.user) else fields

    def get_exclude(self, request, obj=None):
        if obj is not None and not _personal(request, obj.project):
            return PERSONAL_FIELDS
        return super().get_exclude(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_signed:
            return (*self.readonly_fields, "project", "scheme_version", "facts", "agreement_type", "signed_on")
        return self.readonly_fields

    def history_view(self, request, object_id, extra_context=None):
        self._check_personal(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._check_personal(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _check_personal(self, request, object_id):
        # Earlier versions show every field as it was, personal data included.
        household = self.get_object(request, object_id)
        if household is not None and not _personal(request, household.project):
            raise PermissionDenied


@admin.register(SchemeDeadline)
class SchemeDeadlineAdmin(admin.ModelAdmin):
    list_display = ("version", "kind", "starts_on", "due", "task")
    list_filter = ("kind",)
    list_select_related = ("version__scheme", "task")
    raw_id_fields = ("task",)

    def get_queryset(self, request):
        return super().get_queryset(request).filter(version__in=selectors.visible_versions(request.user))
