import datetime
import os
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.base import render_value_in_context
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import formats, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def cn_date(value):
    """A date (or an ISO date string, as in JSON reports) the Chinese way, 2023年12月28日, in any language."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return formats.date_format(value, "Y年n月j日")


# Rendered fragments by template, flags, language and address prefix: a site has a few dozen combinations.
_fragments = {}
FRAGMENTS_KEPT = 256


@register.simple_tag
def fragment(template_name, **flags):
    """A template that depends on nothing but a few yes-or-no ``flags``, the language and the address prefix (the main
    menu: twenty links, each a reverse and a translation), rendered once per process and combination rather than on
    every page. The flags are made booleans, so nothing else of the page can reach the fragment or its key. Not kept
    in DEBUG, where templates are read anew on each request."""
    flags = {name: bool(value) for name, value in flags.items()}
    key = (template_name, translation.get_language(), get_script_prefix(), tuple(sorted(flags.items())))
    html = _fragments.get(key)
    if html is None:
        html = render_to_string(template_name, flags)
        if not settings.DEBUG and len(_fragments) < FRAGMENTS_KEPT:
            _fragments[key] = html
    return html


@register.filter
def urlencode_dict(values):
    """A dict as a query string, for links to filtered lists."""
    return urlencode(values)


@register.filter
def file_name(path):
    """A stored file's name without its folder, as its uploader named it."""
    return os.path.basename(str(path))


@register.simple_tag(takes_context=True)
def table_cells(context, row):
    """A django-tables2 row's cells as ``<td>``s, each carrying its column's name for a phone's card layout
    (templates/includes/table.html). The same as looping over ``row.items`` in the template, with each column's
    opening tag made once per table rather than once per cell: that template loop was half of rendering a page of
    tasks."""
    table = row.table
    openings = getattr(table, "_td_openings", None)
    if openings is None:
        # Also the columns shown, in order: django-tables2 walks every column's visibility on each iteration.
        openings = table._td_openings = [
            (
                format_html('<td {} data-label="{}">', column.attrs["td"].as_html(), column.header),
                column.localize,
            )
            for column in table.columns
        ]
    # A table may give a row's cells itself, as django-tables2 would (projects.tables.TaskTable.row_cells).
    own_cells = getattr(table, "row_cells", None)
    values = own_cells(row.record) if own_cells else (cell for _column, cell in row.items())
    cells = []
    for (opening, localize), cell in zip(openings, values, strict=True):
        if localize is not None:
            cell = formats.localize(cell, use_l10n=localize)
        # Joined, not through format_html, whose lazy-text checks cost more than the cell: the opening is made safe
        # above and the value escaped here, as format_html would.
        cells.append(f"{opening}{conditional_escape(render_value_in_context(cell, context))}</td>")
    return mark_safe("".join(cells))  # noqa: S308 - every piece escaped
