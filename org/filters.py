import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import access
from .models import Person


class PersonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: access.visible_units(request.user),
        field_name="posts__organisation",
        distinct=True,
        empty_label=_("All"),
    )

    class Meta:
        model = Person
        fields = ["q", "organisation"]

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(note__icontains=value) | Q(posts__title__icontains=value)
        ).distinct()
