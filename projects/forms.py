from django import forms
from django.core.validators import FileExtensionValidator
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from common.forms import DateInput
from groups.selectors import visible_groups
from org import access
from org.forms import CountyChoiceField, ask_county, limit_to_user

from .models import Assignment, ReminderPolicy, Task, WorkdayException
from .services import TASK_FIELDS, AssignmentLine

REPORT_ATTACHMENT_TYPES = ("pdf", "doc", "docx", "xls", "xlsx", "jpg", "jpeg", "png", "txt")
REPORT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 3}))
    percent = forms.IntegerField(label=_("Percent done"), min_value=0, max_value=100, required=False)
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        validators=[FileExtensionValidator(REPORT_ATTACHMENT_TYPES)],
        help_text=_("PDF, Word, Excel, image or text; at most 10 MB."),
    )

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment and attachment.size > REPORT_ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(_("The attachment is larger than 10 MB."))
        return attachment


class TaskImportForm(forms.Form):
    file = forms.FileField(
        label=_("Task list (.xlsx)"), validators=[FileExtensionValidator(["xlsx"])], help_text=_("Use the template.")
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


AssignmentFormSet = inlineformset_factory(
    Task, Assignment, form=AssignmentForm, extra=3, can_delete=True, min_num=1, validate_min=True
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
