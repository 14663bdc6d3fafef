import functools
from decimal import Decimal

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import units
from .models import AreaUnit, LandSupplyPlan, Parcel


class ParcelTable(tables.Table):
    number = tables.Column(verbose_name=_("Parcel number"), linkify=True)
    plan_year = tables.Column(verbose_name=_("Plan year"))
    location = tables.Column(verbose_name=_("Location"), empty_values=(), order_by=("township__name", "location_text"))
    area = tables.Column(verbose_name=_("Area"), empty_values=(), order_by=("area_m2",), attrs={"td": {"class": "num"}})
    land_use = tables.Column(verbose_name=_("Land use"))
    method = tables.Column(verbose_name=_("Supply method"))
    status = tables.Column(verbose_name=_("Status"))
    recipient = tables.Column(verbose_name=_("Recipient"), empty_values=(), order_by=("recipient_text",))
    starting_price = tables.Column(verbose_name=_("Starting price (10k yuan)"))
    deal_price = tables.Column(verbose_name=_("Deal price (10k yuan)"))
    approval_document = tables.Column(
        verbose_name=_("Approving document"),
        accessor="approval_document__number",
        linkify=lambda record: record.approval_document.get_absolute_url() if record.approval_document_id else None,
    )

    # The unit areas are shown in; ``for_unit`` makes a table class for another one.
    unit = units.SQUARE_METRE

    class Meta:
        model = Parcel
        default = ""
        fields = (
            "number",
            "plan_year",
            "location",
            "area",
            "land_use",
            "method",
            "status",
            "recipient",
            "starting_price",
            "deal_price",
            "approval_document",
        )
        order_by = ("-plan_year", "number")
        attrs = {"class": "data-table parcels"}

    def value_location(self, record):
        return record.location

    def render_location(self, record):
        return record.location or "—"

    def value_area(self, record):
        return f"{units.shown(record.area_m2, self.unit):f}"

    def render_area(self, record):
        return self.value_area(record)

    def value_recipient(self, record):
        return str(record.recipient or record.recipient_text)

    def render_recipient(self, record):
        return self.value_recipient(record) or "—"

    def render_starting_price(self, value):
        return f"{value.normalize():f}"

    def render_deal_price(self, value):
        return f"{value.normalize():f}"

    def render_status(self, record):
        return format_html('<span class="status status-{}">{}</span>', record.status, record.get_status_display())

    def value_status(self, record):
        return record.get_status_display()

    @classmethod
    @functools.cache
    def for_unit(cls, unit):
        label = _("Area (%(unit)s)") % {"unit": AreaUnit(unit).label}
        return type(
            f"ParcelTable_{unit}",
            (cls,),
            {
                "Meta": type("Meta", (cls.Meta,), {}),
                "unit": unit,
                "area": tables.Column(
                    verbose_name=label, empty_values=(), order_by=("area_m2",), attrs={"td": {"class": "num"}}
                ),
            },
        )


class PlanTable(tables.Table):
    year = tables.Column(verbose_name=_("Year"), linkify=True)
    county = tables.Column(verbose_name=_("County"), order_by=("county__name",))
    version = tables.Column(verbose_name=_("Version"))
    status = tables.Column(verbose_name=_("Status"))
    total_ha = tables.Column(verbose_name=_("Total (ha)"), attrs={"td": {"class": "num"}})
    allocated_ha = tables.Column(verbose_name=_("Sum of allocations (ha)"), attrs={"td": {"class": "num"}})
    responsible_unit = tables.Column(verbose_name=_("Responsible unit"), order_by=("responsible_unit__name",))
    source_document = tables.Column(verbose_name=_("Source document"), accessor="source_document__number")
    is_demo = tables.BooleanColumn(verbose_name=_("Demo data"), yesno=("✔", ""))

    class Meta:
        model = LandSupplyPlan
        default = ""
        fields = (
            "year",
            "county",
            "version",
            "status",
            "total_ha",
            "allocated_ha",
            "responsible_unit",
            "source_document",
            "is_demo",
        )
        order_by = ("-year",)

    def render_total_ha(self, value):
        return f"{value:f}"

    def render_allocated_ha(self, record, value):
        # The database's sum may come back without the four places the plan states.
        shown = f"{Decimal(value).quantize(Decimal('0.0001')):f}"
        if value != record.total_ha:
            return format_html('{} <span class="tag warning">{}</span>', shown, _("does not add up"))
        return shown
