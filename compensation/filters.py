import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import calculator
from .models import OPTION_LABELS, Household


class HouseholdFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Household.Status.choices, empty_label=_("All"))
    agreement_type = django_filters.ChoiceFilter(
        label=_("Agreement type"),
        choices=[(option, OPTION_LABELS[option]) for option in calculator.OPTIONS],
        empty_label=_("All"),
    )
    personal = False  # the view says whether the viewer may search personal data

    class Meta:
        model = Household
        fields = ["q", "status", "agreement_type"]

    def search(self, queryset, name, value):
        """Number, address and plot; for those who may see them, the head's name, ID number and phone too."""
        value = value.strip()
        if not value:
            return queryset
        matches = Q(number__icontains=value) | Q(address__icontains=value) | Q(plot__icontains=value)
        if self.personal:
            matches |= Q(head_name__icontains=value) | Q(id_number__icontains=value) | Q(phone__icontains=value)
        return queryset.filter(matches)
