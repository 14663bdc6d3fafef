import django_filters
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Document, Issue


def _choices(values):
    return lambda: [(value, value) for value in values() if value]


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    county = django_filters.ChoiceFilter(
        label=_("County"),
        field_name="issue__gazette__county",
        choices=_choices(selectors.counties),
        empty_label=_("All"),
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="issue__year")
    series = django_filters.ChoiceFilter(
        label=_("Number series"), choices=_choices(selectors.series), empty_label=_("All")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=_choices(selectors.kinds), empty_label=_("All"))
    issuer = django_filters.CharFilter(label=_("Issuer"), lookup_expr="icontains")
    is_public = django_filters.BooleanFilter(label=_("Public"))

    class Meta:
        model = Document
        fields = ["q", "county", "year", "series", "kind", "issuer", "is_public"]

    def search(self, queryset, name, value):
        return selectors.search_documents(queryset, value)


class IssueFilter(django_filters.FilterSet):
    county = django_filters.ChoiceFilter(
        label=_("County"), field_name="gazette__county", choices=_choices(selectors.counties), empty_label=_("All")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")

    class Meta:
        model = Issue
        fields = ["county", "year"]
