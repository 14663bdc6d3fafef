import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from org import access
from org.models import Organisation

from .models import LandSupplyPlan, LandUse, Parcel, SupplyMethod


class ParcelFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    plan_year = django_filters.NumberFilter(label=_("Plan year"))
    township = django_filters.ModelChoiceFilter(
        label=_("Township"),
        queryset=lambda request: access.visible_units(request.user).filter(kind=Organisation.Kind.TOWNSHIP),
        empty_label=_("All"),
    )
    land_use = django_filters.ChoiceFilter(label=_("Land use"), choices=LandUse.choices, empty_label=_("All"))
    method = django_filters.ChoiceFilter(label=_("Supply method"), choices=SupplyMethod.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Parcel.Status.choices, empty_label=_("All"))
    document = django_filters.CharFilter(label=_("Document"), method="by_document")

    class Meta:
        model = Parcel
        fields = ["q", "plan_year", "township", "land_use", "method", "status", "document"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(number__icontains=value)
            | Q(location_text__icontains=value)
            | Q(recipient_text__icontains=value)
            | Q(use_text__icontains=value)
        )

    def by_document(self, queryset, name, value):
        """The approving document or any other document of the parcel, by number or title."""
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(approval_document__number__icontains=value)
            | Q(approval_document__title__icontains=value)
            | Q(documents__number__icontains=value)
            | Q(documents__title__icontains=value)
        ).distinct()


class PlanFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    county = django_filters.ModelChoiceFilter(
        label=_("County"), queryset=lambda request: access.counties(request.user), empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=LandSupplyPlan.Status.choices, empty_label=_("All"))

    class Meta:
        model = LandSupplyPlan
        fields = ["year", "county", "status"]
