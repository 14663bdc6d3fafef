import datetime
import os
from urllib.parse import urlencode

from django import template
from django.template.base import render_value_in_context
from django.utils import formats
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
        openings = table._td_openings = {
            column.name: (
                format_html('<td {} data-label="{}">', column.attrs["td"].as_html(), column.header),
                column.localize,
            )
            for column in table.columns
        }
    # A table may give a row's cells itself, as django-tables2 would (projects.tables.TaskTable.row_cells).
    own_cells = getattr(table, "row_cells", None)
    pairs = zip(table.columns, own_cells(row.record), strict=True) if own_cells else row.items()
    cells = []
    for column, cell in pairs:
        opening, localize = openings[column.name]
        if localize is not None:
            cell = formats.localize(cell, use_l10n=localize)
        # Joined, not through format_html, whose lazy-text checks cost more than the cell: the opening is made safe
        # above and the value escaped here, as format_html would.
        cells.append(f"{opening}{conditional_escape(render_value_in_context(cell, context))}</td>")
    return mark_safe("".join(cells))  # noqa: S308 - every piece escaped
