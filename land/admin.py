from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import selectors, units
from .models import LandSupplyPlan, Parcel, PlanAllocation


class AllocationInline(admin.TabularInline):
    model = PlanAllocation
    extra = 1
    fields = ("land_use", "housing_type", "land_source", "method_group", "area_ha", "position")


@admin.register(LandSupplyPlan)
class LandSupplyPlanAdmin(SimpleHistoryAdmin):
    list_display = ("year", "county", "version", "status", "total_ha", "responsible_unit", "is_demo")
    list_filter = ("status", "year", ("county", admin.RelatedOnlyFieldListFilter), "is_demo")
    search_fields = ("county__name", "notes", "source_document__number")
    autocomplete_fields = ("county", "responsible_unit", "source_document", "previous")
    list_select_related = ("county", "responsible_unit")
    inlines = [AllocationInline]

    def get_queryset(self, request):
        return selectors.visible_plans(request.user)


@admin.register(Parcel)
class ParcelAdmin(SimpleHistoryAdmin):
    """Data managers correct any field here, including the lifecycle and the soil-contamination flag."""

    list_display = ("number", "county", "plan_year", "land_use", "method", "status", "area_m2", "contamination_risk")
    list_filter = (
        "status",
        "land_use",
        "method",
        "plan_year",
        "contamination_risk",
        ("county", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("number", "location_text", "recipient_text", "approval_document__number")
    autocomplete_fields = (
        "county",
        "responsible_unit",
        "township",
        "village",
        "recipient",
        "approval_document",
        "documents",
    )
    list_select_related = ("county",)
    readonly_fields = ("area_m2",)

    def get_queryset(self, request):
        return selectors.visible_parcels(request.user)

    def save_model(self, request, obj, form, change):
        # The m² figure always follows the figure as entered, as in services.
        obj.area_m2 = units.stored_square_metres(obj.area_entered, obj.area_unit)
        super().save_model(request, obj, form, change)
