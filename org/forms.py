"""Form pieces for choosing among a user's counties and units."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gazette.selectors import document_list

from . import access
from .models import Organisation, Person


class CountyChoiceField(forms.ModelChoiceField):
    """The county a record belongs to, among ``queryset`` (the counties the user works in). Where there is only one,
    nobody is asked: the field is hidden and stands for that county."""

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("label", _("County"))
        super().__init__(queryset, **kwargs)
        only = list(queryset[:2])
        self.only = only[0] if len(only) == 1 else None
        if self.only is not None:
            self.initial = self.only
            self.required = False
            self.widget = forms.HiddenInput()

    def clean(self, value):
        return super().clean(value) or self.only


def ask_county(form, queryset, name="county"):
    """Make ``form``'s county field choose among ``queryset``, as CountyChoiceField does."""
    field = form.fields[name]
    form.fields[name] = CountyChoiceField(
        queryset, label=field.label, help_text=field.help_text, required=field.required
    )


def limit_to_user(form, user):
    """Every choice of a unit, a person, a document or a county in ``form`` among those of the user's counties: a
    drop-down lists names, and another county's are not the user's to see."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        if queryset.model is Organisation:
            field.queryset = queryset.filter(pk__in=access.visible_units(user).values("pk"))
        elif queryset.model is Person:
            field.queryset = access.in_counties(user, queryset)
        elif queryset.model._meta.label == "gazette.Document":
            field.queryset = queryset.filter(pk__in=document_list(user).values("pk"))
