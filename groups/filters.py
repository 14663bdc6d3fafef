import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from org import access

from .models import LEADER_ROLES, LeadingGroup, Membership


class GroupFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LeadingGroup.Kind.choices, empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=LeadingGroup.Status.choices, empty_label=_("All"))
    # A name, not a drop-down: a county has hundreds of leaders.
    leader = django_filters.CharFilter(label=_("Leader"), method="led_by")
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: access.visible_units(request.user),
        method="involving",
        empty_label=_("All"),
    )

    class Meta:
        model = LeadingGroup
        fields = ["q", "kind", "status", "leader", "organisation"]

    def search(self, queryset, name, value):
        """Matches the group's name, or any member's name or title."""
        value = value.strip()
        if not value:
            return queryset
        members = Membership.objects.filter(group=OuterRef("pk")).filter(
            Q(person__name__icontains=value) | Q(title__icontains=value)
        )
        return queryset.filter(Q(name__icontains=value) | Exists(members))

    def led_by(self, queryset, name, value):
        """Groups headed by a person of that name, or by a position written that way (县长)."""
        value = value.strip()
        if not value:
            return queryset
        leads = Membership.objects.filter(group=OuterRef("pk"), role__in=LEADER_ROLES).filter(
            Q(person__name=value) | Q(person__isnull=True, title__icontains=value)
        )
        return queryset.filter(Exists(leads))

    def involving(self, queryset, name, organisation):
        members = Membership.objects.filter(group=OuterRef("pk"), organisation=organisation)
        return queryset.filter(Q(office_host=organisation) | Exists(members))
