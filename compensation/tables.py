import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Household
from .selectors import mask_name
from .templatetags.compensation import amount

PERSONAL_COLUMNS = ("id_number", "phone")


class HouseholdTable(tables.Table):
    """The register. ``for_viewer(False)`` gives the table for those who may not see personal data: the head's
    name masked, no ID number or phone, on the page and in the export alike."""

    number = tables.Column(verbose_name=_("Household number"), linkify=True)
    head_name = tables.Column(verbose_name=_("Head of household"))
    id_number = tables.Column(verbose_name=_("ID number"), orderable=False)
    phone = tables.Column(verbose_name=_("Phone"), orderable=False)
    address = tables.Column(verbose_name=_("Address"))
    plot = tables.Column(verbose_name=_("Plot"))
    main_area = tables.Column(verbose_name=_("Main-house area (m²)"), empty_values=(), orderable=False)
    status = tables.Column(verbose_name=_("Status"))
    agreement_type = tables.Column(verbose_name=_("Agreement type"))
    signed_on = tables.DateColumn(verbose_name=_("Signed on"), format="Y年n月j日")
    signed_total = tables.Column(verbose_name=_("Total at signing (yuan)"), attrs={"td": {"class": "num"}})
    paid = tables.Column(verbose_name=_("Paid (yuan)"), attrs={"td": {"class": "num"}})
    personal = True

    class Meta:
        model = Household
        default = ""
        fields = (
            "number",
            "head_name",
            "id_number",
            "phone",
            "address",
            "plot",
            "main_area",
            "status",
            "agreement_type",
            "signed_on",
            "signed_total",
            "paid",
        )
        attrs = {"class": "data-table households"}

    @classmethod
    def for_viewer(cls, personal):
        if personal:
            return cls
        return type("MaskedHouseholdTable", (cls,), {"personal": False, "Meta": type("Meta", (cls.Meta,), {
            "exclude": PERSONAL_COLUMNS})})  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.personal:
            self.columns["head_name"].column.orderable = False

    def value_head_name(self, record, value):
        return value if self.personal else mask_name(value)

    def render_head_name(self, record, value):
        return self.value_head_name(record, value)

    def value_main_area(self, record):
        return record.household_facts().main_area

    def render_main_area(self, record):
        return f"{self.value_main_area(record).normalize():f}"

    def render_signed_total(self, value):
        return amount(value)

    def render_paid(self, value):
        return amount(value)
