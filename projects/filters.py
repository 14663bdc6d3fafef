import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from common.forms import bounded_choices, listed_choices
from groups.models import LeadingGroup
from groups.selectors import visible_groups
from org import access
from org.models import Organisation

from . import selectors
from .models import LIGHT_CHOICES, Assignment, Task
from .reminders import selectors as reminder_selectors

# Why a task gets no reminder (projects.reminders.selectors.reminder_blockers), as the task list filters by it.
REMINDER_BLOCKER_CHOICES = [
    (reminder_selectors.NO_UNIT, _("no unit has a part")),
    (reminder_selectors.NO_DATE, _("no due date")),
    (reminder_selectors.HISTORICAL, _("entered after its deadline")),
    (reminder_selectors.UNRESOLVED, _("unit not resolved")),
    (reminder_selectors.NO_CONTACT, _("no contact with an e-mail address")),
    (reminder_selectors.STATUS, _("status not reminded")),
]


# What the home page's blocks ask of a unit or a supervisor (projects.selectors.filter_by_need).
NEED_CHOICES = [
    (selectors.NEEDS_REPORT, _("progress report owed")),
    (selectors.NEEDS_SENT_BACK, _("closing sent back")),
    (selectors.NEEDS_ESCALATED, _("escalated this week")),
    (selectors.NEEDS_EXTENSION, _("extension request to decide")),
    (selectors.NEEDS_INSTRUCTION, _("instructions not yet answered")),
]


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Task.Status.choices, empty_label=_("All"))
    light = django_filters.ChoiceFilter(
        label=_("Light"), choices=LIGHT_CHOICES, method="by_light", empty_label=_("All")
    )
    county = django_filters.ModelChoiceFilter(
        label=_("County"),
        # Only the user's counties: a drop-down lists names too.
        queryset=lambda request: access.counties(request.user) if request else Organisation.objects.none(),
        empty_label=_("All"),
    )
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Task.Category.choices, empty_label=_("All"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        queryset=lambda request: access.visible_units(request.user),
        method="by_unit",
        empty_label=_("All"),
    )
    role = django_filters.ChoiceFilter(
        label=_("Unit's role"), choices=Assignment.Role.choices, method="by_role", empty_label=_("All")
    )
    document = django_filters.CharFilter(label=_("Source document"), method="by_document")
    group = django_filters.ModelChoiceFilter(
        label=_("Overseeing group"),
        # Only the groups the user may see: a drop-down lists names too.
        queryset=lambda request: visible_groups(request.user) if request else LeadingGroup.objects.none(),
        empty_label=_("All"),
    )
    reminder_blocker = django_filters.ChoiceFilter(
        label=_("Gets no reminder because of"),
        choices=REMINDER_BLOCKER_CHOICES,
        method="by_reminder_blocker",
        empty_label=_("All"),
    )
    needs = django_filters.ChoiceFilter(label=_("Needs"), choices=NEED_CHOICES, method="by_need", empty_label=_("All"))
    mine = django_filters.BooleanFilter(label=_("Of my units only"), method="by_mine")
    open = django_filters.BooleanFilter(label=_("Open only"), method="by_open")
    due_after = django_filters.DateFilter(
        label=_("Due from"), field_name="due", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )
    due_before = django_filters.DateFilter(
        label=_("Due until"), field_name="due", lookup_expr="lte", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Task
        fields = [
            "q",
            "status",
            "light",
            "county",
            "category",
            "unit",
            "role",
            "document",
            "group",
            "reminder_blocker",
            "needs",
            "mine",
            "open",
            "due_after",
            "due_before",
        ]

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            # The units of the chosen county, if one is: a province's 30,000 would not fit one drop-down.
            county = str(form["county"].value() or "")
            if county.isdigit() and len(county) < 19:  # an id, not a number past the database's integers
                unit = form.fields["unit"]
                unit.queryset = unit.queryset.filter(pk__in={int(county), *access.descendant_ids({int(county)})})
            # Cut to the user's counties' units (or fewer): no count needed for a county's few hundred.
            units = access.visible_unit_count(self.request.user) if self.request else None
            bounded_choices(form.fields["unit"], selected=form["unit"].value(), at_most=units)
            # A province's leading groups would not fit one drop-down either.
            bounded_choices(form.fields["group"], selected=form["group"].value())
            listed_choices(form.fields["county"])
        return self._form

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        units = Assignment.objects.filter(task=OuterRef("pk")).filter(
            Q(organisation__name__icontains=value)
            | Q(organisation__short_name__icontains=value)
            | Q(organisation_text__icontains=value)
        )
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(deadline_text__icontains=value)
            | Exists(units)
        )

    def by_light(self, queryset, name, value):
        return selectors.filter_by_light(queryset, value)

    def by_reminder_blocker(self, queryset, name, cause):
        return reminder_selectors.filter_by_blocker(queryset, cause)

    def by_need(self, queryset, name, need):
        return selectors.filter_by_need(queryset, need)

    def by_mine(self, queryset, name, value):
        if not value:
            return queryset
        parts = Assignment.objects.filter(
            task=OuterRef("pk"), organisation_id__in=access.own_unit_ids(self.request.user)
        )
        return queryset.filter(Exists(parts))

    def by_open(self, queryset, name, value):
        return selectors.open_tasks(queryset) if value else queryset

    def by_unit(self, queryset, name, organisation):
        role = self.form.cleaned_data.get("role")
        parts = Assignment.objects.filter(task=OuterRef("pk"), organisation=organisation)
        return queryset.filter(Exists(parts.filter(role=role) if role else parts))

    def by_role(self, queryset, name, role):
        if self.form.cleaned_data.get("unit"):
            return queryset  # applied together with the unit
        return queryset.filter(Exists(Assignment.objects.filter(task=OuterRef("pk"), role=role)))

    def by_document(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(source_document__number__icontains=value) | Q(source_document__title__icontains=value))
