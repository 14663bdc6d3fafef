"""The form renderer: Django's, with drop-downs written in Python.

Django renders a <select> through a template and every one of its options through another: on the task list,
whose filter has a dozen drop-downs, that was a fifth of the page's time. ``render`` writes the same HTML, character
for character (tests/common/test_renderers.py compares the two), for the built-in select and option templates, and
leaves every other template, or a select whose options use another template, to Django.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


class Renderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if widget is None or not _plain_options(widget["optgroups"]):
            return super().render(template_name, context, request=request)
        return render_select(widget)


def _plain_options(optgroups):
    return all(option["template_name"] == OPTION for _name, options, _index in optgroups for option in options)


def render_select(widget):
    """What select.html and select_option.html make of ``widget`` (a widget's context), after the renderer's strip."""
    parts = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        # Joined, not through format_html, whose checks for lazy text cost more than an option (a county's units
        # are hundreds of them): each piece is escaped as format_html would.
        parts.extend(
            f'\n  <option value="{conditional_escape(_text(option["value"]))}"{_attrs(option["attrs"])}>'
            f"{conditional_escape(option['label'])}</option>\n"
            for option in options
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def _attrs(attrs):
    """attrs.html: `` name="value"``, a bare `` name`` for True, nothing for False."""
    if not attrs:
        return ""
    return mark_safe(  # noqa: S308 - names and values escaped
        "".join(
            ""
            if value is False
            else format_html(" {}", name)
            if value is True
            else format_html(' {}="{}"', name, _text(value))
            for name, value in attrs.items()
        )
    )


def _text(value):
    """As ``|stringformat:'s'`` leaves it: a string, still safe if it was."""
    return value if hasattr(value, "__html__") else str(value)
