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
