"""Form pieces every app uses."""

from django import forms


class DateInput(forms.DateInput):
    """The browser's date picker, which only reads ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
