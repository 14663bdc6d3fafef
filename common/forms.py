"""Form pieces every app uses."""

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """The browser's date picker, which only reads ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def searchable(field):
    """Let the user type into ``field``'s drop-down to narrow its names (static/js/searchable_select.js): a county
    lists hundreds of people and units. Its choices stay the field's own, already limited to what the user may see."""
    if isinstance(field.widget, forms.Select):
        field.widget.attrs["data-searchable"] = _("No name matches")
    return field


# A drop-down longer than this is slower to render than the rows of the page it filters (a province lists 30,000
# units), and no reader scrolls it.
CHOICES_MAX = 1000


def bounded_choices(field, selected=None, at_most=None):
    """Let ``field``'s drop-down list its choices only while there are at most CHOICES_MAX of them (counted up to
    that). Past that it lists only ``selected`` (the value the form came with) and says to narrow first; every
    choice of the queryset is still accepted, so a link that names one keeps working. ``at_most``, where the caller
    knows it (the ids the queryset is cut to), spares the count when it is within CHOICES_MAX."""
    # Counted before read: making 1,001 model instances only to throw them away cost a province's list 30 ms.
    known_short = at_most is not None and at_most <= CHOICES_MAX
    if known_short or field.queryset.order_by()[: CHOICES_MAX + 1].count() <= CHOICES_MAX:
        return listed_choices(field)
    rows = field.queryset.filter(pk=selected) if _is_id(selected) else []
    # Said where the reader looks for the choices: in the drop-down itself.
    field.widget.choices = [("", _("All (too many to list: narrow the list first, e.g. by county)"))] + _labelled(
        field, rows
    )
    return field


def listed_choices(field):
    """Give ``field``'s drop-down its choices from one plain query, for a list short by nature (a user's counties).
    Django's own reading goes through ``iterator()``, which on PostgreSQL is a server-side cursor: three round trips
    where one does."""
    empty = [("", field.empty_label)] if field.empty_label is not None else []
    field.widget.choices = empty + _labelled(field, field.queryset)
    return field


def _labelled(field, rows):
    return [(row.pk, field.label_from_instance(row)) for row in rows]


def _is_id(value):
    """Whether ``value`` as typed can be a primary key: digits, within the database's integers."""
    return str(value or "").isdigit() and len(str(value)) < 19
