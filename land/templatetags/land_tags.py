from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def plain(value):
    """A Decimal as written, without trailing zeros or exponent (4400, not 4.4E+3); empty for None."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        return value
    return f"{value.normalize():f}"


@register.filter
def hectares(value):
    """Hectares with their four decimal places, as plans state them."""
    if value is None:
        return "—"
    return f"{Decimal(value).quantize(Decimal('0.0001')):f}"


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
