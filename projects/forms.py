from django import forms
from django.core.validators import FileExtensionValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from common.forms import DateInput, SharedChoicesFormSet
from common.uploads import EvidenceField
from groups.selectors import visible_groups
from org import access
from org.forms import CountyChoiceField, ask_county, limit_to_user
from org.models import Person

from .models import Assignment, Notice, ReminderPolicy, Task, WorkdayException
from .services import TASK_FIELDS, AssignmentLine
from .task_sheet import MAX_BYTES as TASK_SHEET_MAX_BYTES


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100, required=False)
    attachment = EvidenceField()


class WithAttachment(forms.Form):
    """An evidence file (type and size checked by EvidenceField), for the forms that carry one besides reports."""

    attachment = EvidenceField()


class ExtensionRequestForm(WithAttachment):
    requested_due = forms.DateField(label=_("New due date asked for"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    field_order = ["requested_due", "reason", "attachment"]


class ExtensionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("approve")), ("shorten", _("grant an earlier date")), ("refuse", _("refuse"))],
        widget=forms.RadioSelect,
    )
    granted_due = forms.DateField(
        label=_("Date granted"), required=False, widget=DateInput, help_text=_("Only when granting an earlier date.")
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when granting an earlier date or refusing."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("shorten", "refuse") and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for shortening or refusing the extension."))
        if data.get("decision") == "shorten" and not data.get("granted_due"):
            self.add_error("granted_due", _("Enter the date granted."))
        return data


class ClosingRequestForm(WithAttachment):
    note = forms.CharField(label=_("What was done"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    field_order = ["note", "attachment"]


class VerifyClosingForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("close")), ("reject", _("send back"))])
    reason = forms.CharField(
        label=_("Reason for sending back"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when sending back."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for sending the closing back."))
        return data


class InstructionForm(forms.Form):
    leader_name = forms.CharField(label=_("Leader"), max_length=100, help_text=_("As written, e.g. 县长 王某某."))
    leader = forms.ModelChoiceField(label=_("Leader in the directory"), queryset=Person.objects.none(), required=False)
    given_on = forms.DateField(label=_("Given on"), widget=DateInput)
    text = forms.CharField(label=_("Instruction"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, county_id, **kwargs):
        super().__init__(*args, **kwargs)
        # The leader is a person of the record's county.
        self.fields["leader"].queryset = Person.objects.filter(county_id=county_id).order_by("name")


class InstructionAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 2}))


class TaskImportForm(forms.Form):
    file = forms.FileField(
        label=_("Task list (.xlsx)"),
        validators=[FileExtensionValidator(["xlsx"])],
        help_text=_("Use the template. At most 5 MB and 5,000 rows."),
    )
    reference = forms.DateField(
        label=_("Date the deadlines count from"),
        widget=DateInput,
        help_text=_("Usually the signing date of the document the list comes with; dates without a year use it."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"] = CountyChoiceField(
            access.counties(user), help_text=_("Unit names in the list are looked up among this county's units only.")
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > TASK_SHEET_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; import the list in parts."))
        return upload


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        # Parent tasks are picked in the admin, whose autocomplete copes with 100,000 tasks; a select would not.
        fields = [name for name in TASK_FIELDS if name != "parent"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "deadline_text": _("As the document writes it, e.g. 2024年6月底前, 每月20日前, 长期坚持."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline_text"].required = False
        ask_county(self, access.counties(user))
        limit_to_user(self, user)
        self.fields["group"].queryset = visible_groups(user)
        self.fields["source_document"].queryset = self.fields["source_document"].queryset.select_related("issue")


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ("role", "organisation", "organisation_text", "contact")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_user(self, user)


# The page adds rows as a task needs; a task naming every unit of a county names about a hundred.
MAX_UNIT_ROWS = 200

AssignmentFormSet = inlineformset_factory(
    Task,
    Assignment,
    form=AssignmentForm,
    formset=SharedChoicesFormSet,
    extra=3,
    can_delete=True,
    min_num=1,
    validate_min=True,
    max_num=MAX_UNIT_ROWS,
    validate_max=True,
)


def assignment_lines(formset):
    """The formset's rows, in page order and without deleted or empty ones, as the service's lines."""
    return [
        AssignmentLine(
            role=form.cleaned_data["role"],
            organisation=form.cleaned_data.get("organisation"),
            organisation_text=form.cleaned_data.get("organisation_text") or "",
            contact=form.cleaned_data.get("contact"),
        )
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class CountyReminderForm(forms.ModelForm):
    """A county's 提醒设置: its own, or the defaults (shown, not stored, while it has none)."""

    own = forms.BooleanField(
        label=_("This county has its own reminder settings"),
        required=False,
        help_text=_("Off: the county follows the site's default settings shown here."),
    )

    field_order = ["own"]

    class Meta:
        model = ReminderPolicy
        fields = ["warning_days", "reminder_days", "escalation_days", "include_historical"]


class WorkdayExceptionForm(forms.ModelForm):
    is_workday = forms.TypedChoiceField(
        label=_("The day is"),
        choices=[("0", _("a day off")), ("1", _("a working day"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = WorkdayException
        fields = ["date", "is_workday", "note"]
        widgets = {"date": DateInput}


class NoticeForm(forms.Form):
    """What the issuer chooses when issuing a notice: its kind, the unit (of a task's units) and the reply deadline."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Notice.Kind.choices)
    # Choices from the task's units already loaded: the select costs no query.
    recipient = forms.TypedChoiceField(label=_("Recipient unit"), coerce=int, empty_value=None, required=False)
    reply_by = forms.DateField(label=_("Reply by"), widget=DateInput, required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.units = list(units)
        self.fields["recipient"].choices = [(unit.pk, str(unit)) for unit in self.units]

    def clean_recipient(self):
        # A task with one unit needs no choice: its notices go to that unit.
        recipient = self.cleaned_data.get("recipient")
        if recipient is None and len(self.units) == 1:
            return self.units[0]
        if recipient is None:
            raise forms.ValidationError(_("Choose the unit the notice goes to."))
        return next(unit for unit in self.units if unit.pk == recipient)
