import django_filters
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Document, Issue


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    county = django_filters.CharFilter(label=_("County"), field_name="issue__gazette__county")
    year = django_filters.NumberFilter(label=_("Year"), field_name="issue__year")
    series = django_filters.CharFilter(label=_("Number series"), field_name="series")
    kind = django_filters.CharFilter(label=_("Kind"), field_name="kind")
    issuer = django_filters.CharFilter(label=_("Issuer"), field_name="issuer", lookup_expr="icontains")
    is_public = django_filters.BooleanFilter(label=_("Public"), field_name="is_public")

    class Meta:
        model = Document
        fields = ["q", "county", "year", "series", "kind", "issuer", "is_public"]

    def search(self, queryset, name, value):
        return selectors.search_documents(queryset, value)


class IssueFilter(django_filters.FilterSet):
    county = django_filters.CharFilter(label=_("County"), field_name="gazette__county")
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")

    class Meta:
        model = Issue
        fields = ["county", "year"]
