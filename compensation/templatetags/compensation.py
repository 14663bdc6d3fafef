from decimal import Decimal

from django import template

from compensation.models import OPTION_LABELS

register = template.Library()


@register.filter
def amount(value):
    """A Decimal as written in a statement: thousands separated, exact up to two places, no trailing zeros."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{value:,.0f}"
    shown = f"{value:,.2f}"
    return shown if value == value.quantize(Decimal("0.01")) else f"≈{shown}"


@register.filter
def number(value):
    """An area, count or rate without trailing zeros."""
    if value is None or value == "":
        return ""
    if not isinstance(value, (Decimal, int)):
        return value  # a label or a tick, shown as it is
    value = Decimal(value).normalize()
    return f"{value:f}" if value == value.to_integral_value() or value.as_tuple().exponent >= -6 else f"≈{value:.4f}"


@register.filter
def option_label(option):
    return OPTION_LABELS.get(option, option)


@register.filter
def conditions(rule):
    """A rule's conditions in words, e.g. “property exchange · storey 2 and above · signed within 15 days”."""
    from django.utils.translation import gettext as _

    from compensation.forms import LAND_TYPE_LABELS, TITLE_LABELS, USE_LABELS

    data = rule.conditions or {}
    words = []
    if data.get("options"):
        words.append("／".join(str(OPTION_LABELS[option]) for option in data["options"]))
    if data.get("land_ownership"):
        words.append(_("state-owned land") if data["land_ownership"] == "state" else _("collective land"))
    if data.get("uses"):
        words.append("／".join(str(USE_LABELS[use]) for use in data["uses"]))
    if data.get("title_statuses"):
        words.append("／".join(str(TITLE_LABELS[title]) for title in data["title_statuses"]))
    low, high = data.get("storey_from"), data.get("storey_to")
    if low and high == low:
        words.append(_("storey %(n)s") % {"n": low})
    elif low:
        words.append(_("storey %(n)s and above") % {"n": low})
    if data.get("structures"):
        words.append("／".join(data["structures"]))
    if data.get("house_storeys_max"):
        words.append(_("house of at most %(n)s storeys") % {"n": data["house_storeys_max"]})
    if data.get("basement_height_min"):
        words.append(_("basement clear height ≥ %(h)s m") % {"h": data["basement_height_min"]})
    if data.get("basement_height_below"):
        words.append(_("basement clear height < %(h)s m") % {"h": data["basement_height_below"]})
    if data.get("signing_day_max") is not None:
        words.append(_("signed within %(n)s days") % {"n": data["signing_day_max"]})
    if data.get("group_min"):
        words.append(_("%(n)s or more households together") % {"n": data["group_min"]})
    if data.get("group_within_days"):
        words.append(_("within %(n)s days of their application") % {"n": data["group_within_days"]})
    if data.get("land_types"):
        words.append("／".join(str(LAND_TYPE_LABELS[kind]) for kind in data["land_types"]))
    if data.get("reform_year"):
        words.append(_("housing reform of %(year)s") % {"year": data["reform_year"]})
    if data.get("stoppage"):
        words.append(_("full stoppage") if data["stoppage"] == "full" else _("partial stoppage"))
    flag_words = {
        "balcony_enclosed": (_("balcony enclosed"), _("balcony not enclosed")),
        "licence_before_notice": (_("licence before the notice"), _("no licence before the notice")),
        "street_shop": (_("street-front shop"), _("not a street-front shop")),
        "buy_upper_floor": (_("buys the second floor"), _("does not buy the second floor")),
        "within_signing_period": (_("within the signing period"), _("after the signing period")),
        "group_whole_compound": (_("whole courtyard or row"), _("not a whole courtyard or row")),
    }
    for name, required in (data.get("flags") or {}).items():
        words.append(flag_words[name][0 if required else 1])
    return " · ".join(str(word) for word in words)


@register.filter
def rate(rule):
    """A rule's amount as the scheme states it: 300–500 元/m², 1:1.3, 20%, or “as assessed”."""
    from django.utils.translation import gettext as _

    if rule.amount is None:
        return _("as assessed")
    low = number(rule.amount)
    if rule.kind in ("exchange_ratio",):
        return f"1:{low}"
    shown = f"{low}–{number(rule.amount_max)}" if rule.amount_max is not None else low
    return f"{shown} {rule.unit}".strip()


@register.filter
def split_words(value):
    return value.split()


@register.filter
def field(form, name):
    """A bound field by name, for laying a form out in the template."""
    return form[name]


@register.filter
def masked(name):
    """A head of household's name as those without access to personal data see it: 王**."""
    from compensation.selectors import mask_name

    return mask_name(name)


@register.filter
def household_step(status):
    from compensation.models import Household

    return Household.Status(status).label


@register.filter
def light_label(light):
    from projects.models import LIGHT_CHOICES

    return dict(LIGHT_CHOICES).get(light, light)
