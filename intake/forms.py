"""The staff forms for groups and tasks, prefilled from a proposal: every prefilled row is a real row, so that it is
validated and saved even when the reviewer leaves it as it is."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from common.forms import searchable
from groups.forms import MAX_ROSTER_ROWS, MembershipForm
from groups.models import LeadingGroup, Membership
from org.forms import limit_to_user
from org.models import Organisation, Person
from projects.forms import MAX_UNIT_ROWS, AssignmentForm
from projects.models import Assignment, Task
from projects.services import AssignmentLine

from .services import ProposedMember


class ProposedMemberForm(MembershipForm):
    name = forms.CharField(
        label=_("Name as written"),
        required=False,
        help_text=_("A new person of this name is added when no existing person is chosen."),
    )

    class Meta(MembershipForm.Meta):
        fields = ("role", "member_type", "person", "name", "title", "organisation", "organisation_text")

    def clean(self):
        data = super().clean()
        if data.get("member_type") == Membership.MemberType.PERSON and not data.get("person") and not data.get("name"):
            self.add_error("person", _("Choose a person or write the name of a new one."))
        return data

    def _get_validation_exclusions(self):
        # A named member without a chosen person becomes a new person on accepting; the service validates the line.
        exclude = super()._get_validation_exclusions()
        if self.cleaned_data.get("name") and not self.cleaned_data.get("person"):
            exclude.add("person")
        return exclude


def roster_formset(rows, data=None, *, user):
    formset_class = inlineformset_factory(
        LeadingGroup,
        Membership,
        form=ProposedMemberForm,
        extra=2,
        min_num=len(rows),
        can_delete=True,
        max_num=MAX_ROSTER_ROWS,
        validate_max=True,
    )
    return formset_class(data, instance=LeadingGroup(), initial=rows, prefix="roster", form_kwargs={"user": user})


def proposed_members(formset):
    return [
        ProposedMember(
            role=data["role"],
            member_type=data["member_type"],
            person=data.get("person"),
            name=data.get("name") or "",
            title=data.get("title") or "",
            organisation=data.get("organisation"),
            organisation_text=data.get("organisation_text") or "",
        )
        for data in (form.cleaned_data for form in formset.forms)
        if data and not data.get("DELETE")
    ]


def assignment_formset(rows, data=None, *, user):
    formset_class = inlineformset_factory(
        Task,
        Assignment,
        form=AssignmentForm,
        extra=2,
        min_num=len(rows),
        can_delete=True,
        max_num=MAX_UNIT_ROWS,
        validate_max=True,
    )
    return formset_class(data, instance=Task(), initial=rows, prefix="units", form_kwargs={"user": user})


def proposed_assignments(formset):
    return [
        AssignmentLine(
            role=data["role"],
            organisation=data.get("organisation"),
            organisation_text=data.get("organisation_text") or "",
            contact=data.get("contact"),
        )
        for data in (form.cleaned_data for form in formset.forms)
        if data and not data.get("DELETE")
    ]


class PortfolioForm(forms.Form):
    """A plain form, not a model form: the new portfolio may replace the person's current one, which the service
    decides, so the model's one-current-portfolio rule must not reject it here."""

    person = forms.ModelChoiceField(Person.objects.all(), label=_("Person"), required=False)
    name = forms.CharField(
        label=_("Name as written"),
        max_length=50,
        required=False,
        help_text=_("A new person of this name is added when no existing person is chosen."),
    )
    post = forms.CharField(label=_("Post as written"), max_length=120)
    fields_of_work = forms.CharField(label=_("Fields of work"), required=False, widget=forms.Textarea({"rows": 2}))
    supervised = forms.ModelMultipleChoiceField(
        Organisation.objects.all(),
        label=_("Units supervised"),
        required=False,
        widget=forms.SelectMultiple({"size": 6}),
    )
    supervised_text = forms.CharField(
        label=_("Other units supervised, as written"),
        required=False,
        help_text=_("Separated by 、; a name that matches one organisation is linked to it."),
    )
    liaised = forms.ModelMultipleChoiceField(
        Organisation.objects.all(),
        label=_("Units liaised with"),
        required=False,
        widget=forms.SelectMultiple({"size": 4}),
    )
    liaised_text = forms.CharField(
        label=_("Other units liaised with, as written"),
        required=False,
        help_text=_("Separated by 、; a name that matches one organisation is linked to it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_user(self, user)

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("name") or "").strip():
            self.add_error("person", _("Choose a person or write the name of a new one."))
        return data


class UnitForm(forms.Form):
    """A unit the gazette names, as it will enter the county's directory."""

    name = forms.CharField(label=_("Full name"), max_length=120)
    short_name = forms.CharField(label=_("Short name"), max_length=60, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(value, label) for value, label in Organisation.Kind.choices if value != Organisation.Kind.COUNTY],
    )
    parent = forms.ModelChoiceField(
        Organisation.objects.none(),
        label=_("Parent"),
        required=False,
        help_text=_("The county when left empty."),
    )
    aliases = forms.CharField(
        label=_("Aliases"),
        required=False,
        help_text=_("Other names the documents use for it, separated by 、."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units
        searchable(self.fields["parent"])
