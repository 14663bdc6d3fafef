from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from common.forms import DateInput
from org import access
from org.forms import limit_to_user
from org.models import Organisation

from . import units
from .models import STATUS_ORDER, AreaUnit, LandSupplyPlan, Parcel, PlanAllocation
from .services import PARCEL_FIELDS, PLAN_FIELDS, AllocationLine


class PlanForm(forms.ModelForm):
    class Meta:
        model = LandSupplyPlan
        fields = PLAN_FIELDS
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_user(self, user)
        # Only a county's data managers enter its plan (land.selectors.can_create_plan).
        self.fields["county"].queryset = access.managed_counties(user)
        self.fields["source_document"].queryset = self.fields["source_document"].queryset.select_related("issue")
        if self.instance.pk:
            # A plan's county and year are what it is; a plan for another year is another plan.
            for name in ("county", "year"):
                self.fields[name].disabled = True


class AllocationForm(forms.ModelForm):
    class Meta:
        model = PlanAllocation
        fields = ("land_use", "housing_type", "land_source", "method_group", "area_ha")


# Blank rows offered with a new plan typed by hand; the page's "Add a row" button adds more, up to MAX_ROWS (a plan
# prints a few dozen categories at most).
BLANK_ROWS = 3
MAX_ROWS = 100


def allocation_formset(data=None, initial=None):
    """The allocation rows: one per row of ``initial`` (a plan's, or a proposal's categories) and one blank, or
    ``BLANK_ROWS`` blank ones; when posted, as many as the page sent."""
    extra = 1 if initial else BLANK_ROWS
    formset_class = formset_factory(AllocationForm, extra=extra, can_delete=True, max_num=MAX_ROWS, validate_max=True)
    return formset_class(data, initial=initial, prefix="allocations")


def allocation_lines(formset):
    return [
        AllocationLine(
            land_use=form.cleaned_data["land_use"],
            area_ha=form.cleaned_data["area_ha"],
            housing_type=form.cleaned_data.get("housing_type") or "",
            land_source=form.cleaned_data.get("land_source") or "",
            method_group=form.cleaned_data.get("method_group") or "",
        )
        for form in formset.forms
        # Unchanged rows of an edited plan count too; empty extra rows have no land use.
        if form.cleaned_data.get("land_use") and not form.cleaned_data.get("DELETE")
    ]


def allocation_initial(plan):
    return [
        {
            "land_use": row.land_use,
            "housing_type": row.housing_type,
            "land_source": row.land_source,
            "method_group": row.method_group,
            "area_ha": row.area_ha,
        }
        for row in plan.allocations.all()
    ]


# The parcel form's fields, grouped as the page shows them.
PARCEL_FORM_GROUPS = [
    (_("Parcel"), ("number", "county", "responsible_unit", "plan_year", "approval_document", "documents")),
    (_("Location"), ("township", "village", "location_text")),
    (_("Area"), ("area", "area_unit", "area_written", "area_written_unit")),
    (
        _("Use and supply"),
        ("land_use", "housing_type", "use_text", "land_source", "method", "term_years", "recipient", "recipient_text"),
    ),
    (
        _("Planning conditions"),
        ("plot_ratio_min", "plot_ratio_max", "density_max", "coverage_min", "green_min", "green_max", "height_max"),
    ),
    (_("Listing terms (10k yuan)"), ("starting_price", "deposit", "increment", "reserve_price_set")),
    (_("Lifecycle and notes"), ("approved_on", "contamination_risk", "notes")),
]


class ParcelForm(forms.ModelForm):
    area = forms.DecimalField(label=_("Area"), max_digits=18, decimal_places=6, min_value=0)
    area_unit = forms.ChoiceField(label=_("Unit"), choices=AreaUnit.choices)
    approved_on = forms.DateField(
        label=_("Scheme approved on"),
        required=False,
        widget=DateInput,
        help_text=_("Leave empty for a parcel only proposed for supply."),
    )

    class Meta:
        model = Parcel
        fields = (*PARCEL_FIELDS, "documents")
        widgets = {"notes": forms.Textarea(attrs={"rows": 2}), "documents": forms.SelectMultiple(attrs={"size": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_user(self, user)
        self.fields["county"].queryset = access.counties(user)
        self.fields["responsible_unit"].queryset = access.editable_units(user)
        self.fields["responsible_unit"].required = not access.is_data_manager(user)
        places = access.visible_units(user)
        # Naming a township lets its staff see the parcel: unit staff name only their own (or keep the one there).
        townships = access.nameable_units(user, keep=self.instance.township_id)
        self.fields["township"].queryset = townships.filter(kind=Organisation.Kind.TOWNSHIP)
        self.fields["village"].queryset = places.filter(kind=Organisation.Kind.VILLAGE)
        self.fields["plan_year"].required = False
        for name in ("approval_document", "documents"):
            self.fields[name].queryset = self.fields[name].queryset.select_related("issue")
        if not access.is_data_manager(user):
            # The risk list is a data manager's to set.
            self.fields["contamination_risk"].disabled = True
        if self.instance.pk:
            self.fields["county"].disabled = True
            self.fields["area"].initial = units.tidy(self.instance.area_entered)
            self.fields["area_unit"].initial = self.instance.area_unit
            del self.fields["approved_on"]  # the lifecycle moves on the parcel page

    def groups(self):
        return [(label, [self[name] for name in names if name in self.fields]) for label, names in PARCEL_FORM_GROUPS]


class AdvanceForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=())
    on = forms.DateField(label=_("Date"), widget=DateInput)
    deal_price = forms.DecimalField(label=_("Deal price (10k yuan)"), max_digits=14, decimal_places=4, required=False)

    def __init__(self, *args, parcel, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status, label)
            for status, label in Parcel.Status.choices
            if STATUS_ORDER[status] > STATUS_ORDER[parcel.status]
        ]


class AreaUnitForm(forms.Form):
    """The unit the parcel list shows areas in."""

    unit = forms.ChoiceField(label=_("Show areas in"), choices=AreaUnit.choices, required=False)
