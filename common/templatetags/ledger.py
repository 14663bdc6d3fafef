from django import template
from django.utils import formats

register = template.Library()


@register.filter
def cn_date(value):
    """A date the Chinese way, 2023年12月28日, whatever the interface language."""
    if not value:
        return ""
    return formats.date_format(value, "Y年n月j日")
