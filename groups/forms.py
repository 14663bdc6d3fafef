from django import forms
from django.forms import inlineformset_factory

from common.forms import DateInput, SharedChoicesFormSet
from org import access
from org.forms import ask_county, limit_to_user

from .models import LeadingGroup, Membership
from .services import GROUP_FIELDS, RosterLine


class LeadingGroupForm(forms.ModelForm):
    class Meta:
        model = LeadingGroup
        fields = GROUP_FIELDS
        widgets = {
            "established": DateInput,
            "member_change_rule": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_user(self, user)
        self.fields["office_host"].queryset = access.editable_units(user)
        ask_county(self, access.counties(user))
        self.fields["source_document"].queryset = self.fields["source_document"].queryset.select_related("issue")
        if not self.instance.pk:
            self.fields["office_host"].required = not access.is_data_manager(user)


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ("role", "member_type", "person", "title", "organisation", "organisation_text")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_user(self, user)
        # A roster line's unit sees the group: unit staff name only their own units (another member unit is written
        # as text), and keep the unit a data manager put there.
        self.fields["organisation"].queryset = access.nameable_units(user, keep=self.instance.organisation_id)


# The page adds rows as the roster needs; the largest county committees list about a hundred members.
MAX_ROSTER_ROWS = 300

RosterFormSet = inlineformset_factory(
    LeadingGroup,
    Membership,
    form=MembershipForm,
    formset=SharedChoicesFormSet,
    extra=3,
    can_delete=True,
    validate_min=False,
    max_num=MAX_ROSTER_ROWS,
    validate_max=True,
)


def roster_lines(formset):
    """The formset's rows, in page order, as the service's roster lines."""
    lines = []
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue
        data = form.cleaned_data
        lines.append(
            RosterLine(
                pk=form.instance.pk,
                delete=bool(data.get("DELETE")),
                role=data.get("role") or form.instance.role,
                member_type=data.get("member_type") or form.instance.member_type,
                person=data.get("person"),
                title=data.get("title") or "",
                organisation=data.get("organisation"),
                organisation_text=data.get("organisation_text") or "",
            )
        )
    return lines
