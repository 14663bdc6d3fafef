from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .selectors import county_names


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("Gazette text files"),
        help_text=_("Extracted text (.txt: UTF-8, GB18030, or UTF-16 with its byte-order mark), one issue per file."),
    )
    county = forms.CharField(
        label=_("County"), max_length=50, required=False, help_text=_("Needed when the file has no masthead.")
    )
    year = forms.IntegerField(label=_("Year"), min_value=1949, max_value=2100, required=False)
    number = forms.IntegerField(
        label=_("Issue number"),
        min_value=1,
        max_value=99,
        required=False,
        help_text=_("Needed when the file has none."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        names = county_names(user)
        if names is not None:
            # A county's data manager imports their own counties' gazettes: the county is chosen, not typed, and
            # overrides a masthead naming another.
            self.fields["county"] = forms.ChoiceField(
                label=_("County"), choices=[(name, name) for name in sorted(names)]
            )

    def clean_files(self):
        files = self.cleaned_data["files"]
        limit = settings.GAZETTE_MAX_BYTES
        for upload in files:
            if upload.size == 0:
                raise forms.ValidationError(_("“%(name)s” is empty.") % {"name": upload.name})
            if upload.size > limit:
                raise forms.ValidationError(
                    _("“%(name)s” is larger than %(limit)s MB.") % {"name": upload.name, "limit": limit // 1024 // 1024}
                )
        return files
