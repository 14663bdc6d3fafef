import datetime
import os
from urllib.parse import urlencode

from django import template
from django.utils import formats

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
