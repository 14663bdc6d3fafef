"""Form pieces for choosing among a user's counties and units, and the forms that set up a county and its units."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from common.forms import DateInput, searchable
from gazette.selectors import document_list

from . import access, audit
from .models import Organisation, Person
from .selectors import county_people, county_unit_ids
from .unit_sheet import MAX_BYTES


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
    drop-down lists names, and another county's are not the user's to see. Unit and person drop-downs, hundreds of
    names long, are searchable."""
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        if queryset.model is Organisation:
            field.queryset = queryset.filter(pk__in=access.visible_units(user).values("pk"))
            searchable(field)
        elif queryset.model is Person:
            field.queryset = access.in_counties(user, queryset)
            searchable(field)
        elif queryset.model._meta.label == "gazette.Document":
            field.queryset = queryset.filter(pk__in=document_list(user).values("pk"))


# Setting up a county: its settings and its units


class CountyForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120, help_text=_("As its documents sign: 交城县人民政府"))
    short_name = forms.CharField(label=_("Short name"), max_length=60, help_text=_("As gazettes write it: 交城县"))
    number_prefixes = forms.CharField(
        label=_("Document number prefixes"),
        max_length=300,
        required=False,
        help_text=_("The series its documents are numbered in, separated by spaces or 、: 交政发 交政办发 交政函"),
    )
    notice_prefix = forms.CharField(
        label=_("Notice number prefix"),
        max_length=20,
        required=False,
        help_text=_("Opens the numbers of its 督办 and 催办 letters: 兴 gives 兴督办〔2026〕1号. Empty: short name."),
    )
    notice_office = forms.CharField(
        label=_("Office issuing notices"),
        max_length=120,
        required=False,
        help_text=_("Signs its 督办 and 催办 letters. Empty: the county government's 督查室."),
    )
    aliases = forms.CharField(
        label=_("Also written as"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Other ways documents write its name, separated by 、 or new lines."),
    )

    @staticmethod
    def initial_for(county):
        profile = getattr(county, "profile", None)
        return {
            "name": county.name,
            "short_name": county.short_name,
            "number_prefixes": profile.number_prefixes if profile else "",
            "notice_prefix": profile.notice_prefix if profile else "",
            "notice_office": profile.notice_office if profile else "",
            "aliases": "、".join(county.aliases.values_list("alias", flat=True)),
        }


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120)
    short_name = forms.CharField(label=_("Short name"), max_length=60, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[choice for choice in Organisation.Kind.choices if choice[0] != Organisation.Kind.COUNTY],
        initial=Organisation.Kind.DEPARTMENT,
    )
    parent = forms.ModelChoiceField(label=_("Parent"), queryset=Organisation.objects.none(), empty_label=None)
    sort_order = forms.IntegerField(label=_("Sort order"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    aliases = forms.CharField(
        label=_("Also written as"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Other ways documents write its name (县卫体局), separated by 、 or new lines."),
    )
    contact = forms.ModelChoiceField(
        label=_("Reminder contact"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Gets the reminders of this unit's tasks when an assignment names no contact person."),
    )
    contact_name = forms.CharField(label=_("or a new contact: name"), max_length=50, required=False)
    contact_email = forms.EmailField(label=_("New contact's e-mail"), required=False)
    contact_phone = forms.CharField(label=_("New contact's phone"), max_length=40, required=False)

    def __init__(self, *args, county, unit=None, **kwargs):
        if unit is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": unit.name,
                    "short_name": unit.short_name,
                    "kind": unit.kind,
                    "parent": unit.parent_id,
                    "sort_order": unit.sort_order,
                    "is_active": unit.is_active,
                    "aliases": "、".join(alias.alias for alias in unit.aliases.all()),
                    "contact": unit.reminder_contact_id,
                },
            )
        super().__init__(*args, **kwargs)
        ids = county_unit_ids(county)
        if unit is not None:
            ids -= {unit.pk} | access.descendant_ids({unit.pk})
        self.fields["parent"].queryset = Organisation.objects.filter(pk__in=ids)
        self.fields["parent"].initial = self.initial.get("parent") or county.pk
        self.fields["contact"].queryset = county_people(county)
        searchable(self.fields["parent"])
        searchable(self.fields["contact"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact") and cleaned.get("contact_name"):
            raise forms.ValidationError(_("Choose a person or type a new contact, not both."))
        if (cleaned.get("contact_email") or cleaned.get("contact_phone")) and not cleaned.get("contact_name"):
            self.add_error("contact_name", _("Type the new contact's name with their e-mail or phone."))
        return cleaned


class UnitImportForm(forms.Form):
    file = forms.FileField(
        label=_("Unit directory (.xlsx)"),
        validators=[FileExtensionValidator(["xlsx"])],
        help_text=_("Use the template. At most 2 MB and 2,000 rows."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; import the directory in parts."))
        return upload


# The audit page


class AuditForm(forms.Form):
    """Whose actions, and between which days."""

    account = forms.ModelChoiceField(label=_("Account"), queryset=None)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput)
    until = forms.DateField(label=_("Until"), required=False, widget=DateInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = audit.accounts(user)
