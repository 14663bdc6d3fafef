import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import Document, Issue


def _choices(values, user):
    return [(value, value) for value in values(user) if value]


class _ChoicesForTheUser:
    """Choice lists built from what the user may read: another county's names are not offered."""

    choice_filters = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        for name, values in self.choice_filters.items():
            self.filters[name].extra["choices"] = _choices(values, user)


class DocumentFilter(_ChoicesForTheUser, django_filters.FilterSet):
    choice_filters = {"county": selectors.counties, "series": selectors.series, "kind": selectors.kinds}

    q = django_filters.CharFilter(label=_("Search"), method="search")
    county = django_filters.ChoiceFilter(
        label=_("County"),
        field_name="issue__gazette__county",
        choices=[],
        empty_label=_("All"),
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="issue__year")
    series = django_filters.ChoiceFilter(label=_("Number series"), choices=[], empty_label=_("All"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=[], empty_label=_("All"))
    issuer = django_filters.CharFilter(label=_("Issuer"), lookup_expr="icontains")
    # django-filter's own widget offers 未知 (unknown) where the list means every document.
    is_public = django_filters.BooleanFilter(
        label=_("Public"), widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])
    )

    class Meta:
        model = Document
        fields = ["q", "county", "year", "series", "kind", "issuer", "is_public"]

    def search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return selectors.search_documents(queryset, value)


class IssueFilter(_ChoicesForTheUser, django_filters.FilterSet):
    choice_filters = {"county": selectors.counties}

    county = django_filters.ChoiceFilter(
        label=_("County"), field_name="gazette__county", choices=[], empty_label=_("All")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")

    class Meta:
        model = Issue
        fields = ["county", "year"]
