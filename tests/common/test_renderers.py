"""The form renderer's drop-downs (common/renderers.py) write what Django's templates write, character for
character, whatever the widget, its attributes, choices and value."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from common.renderers import Renderer
from org.models import Organisation
from tests.org.factories import OrganisationFactory

CHOICES = [("", "全部"), (1, "县住建局"), ("a&b", '名称<"引号">'), (0, gettext_lazy("All"))]
CHOICES += [(None, mark_safe("<b>粗</b>"))]
GROUPED = [("", "——"), ("乡镇", [(10, "蔚汾镇"), (11, "魏家滩镇")]), ("部门", [(20, "县财政局")]), (30, "其他")]
ATTRS = {"id": "id_unit", "data-searchable": gettext_lazy("No name matches"), "required": True, "disabled": False}
# A custom option template: left to Django's templates.
CUSTOM = type("Custom", (forms.Select,), {"option_template_name": "django/forms/widgets/input_option.html"})

CASES = [
    (forms.Select(choices=CHOICES), "1", ATTRS),
    (forms.Select(choices=CHOICES), "a&b", {"class": 'x" onload="y'}),
    (forms.Select(choices=CHOICES), None, None),
    (forms.Select(choices=CHOICES), 0, {}),
    (forms.Select(choices=GROUPED), "11", ATTRS),
    (forms.Select(choices=[]), "", ATTRS),
    (forms.SelectMultiple(choices=GROUPED), ["10", "30"], {"id": "id_many"}),
    (forms.NullBooleanSelect(), True, {"id": "id_open"}),
    (forms.NullBooleanSelect(), None, {}),
    (CUSTOM(choices=CHOICES), "1", {}),
]


@pytest.mark.parametrize(("widget", "value", "attrs"), CASES)
def test_a_select_is_written_as_the_templates_write_it(widget, value, attrs):
    ours = widget.render("unit", value, attrs, renderer=Renderer())
    assert ours == widget.render("unit", value, attrs, renderer=DjangoTemplates())
    assert 'name="unit"' in ours


@pytest.mark.django_db
def test_a_model_choice_drop_down_is_written_as_the_templates_write_it():
    OrganisationFactory(name="县住建局"), OrganisationFactory(name="A&B <局>")
    field = forms.ModelChoiceField(queryset=Organisation.objects.order_by("pk"), empty_label="全部")
    bound = forms.Form(data={"unit": str(Organisation.objects.order_by("pk").last().pk)})
    bound.fields["unit"] = field
    value = bound["unit"].value()
    ours = field.widget.render("unit", value, {"id": "id_unit"}, renderer=Renderer())
    assert ours == field.widget.render("unit", value, {"id": "id_unit"}, renderer=DjangoTemplates())
    assert "A&amp;B &lt;局&gt;</option>" in ours and " selected>" in ours


def test_the_site_renders_forms_with_it(settings):
    assert settings.FORM_RENDERER == "common.renderers.Renderer"
