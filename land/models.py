from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from org.models import Organisation

from . import units


class LandUse(models.TextChoices):
    """The national classification's top categories of state-owned construction land."""

    COMMERCIAL = "commercial", _("commercial and service land")
    INDUSTRIAL = "industrial", _("industrial, mining and storage land")
    RESIDENTIAL = "residential", _("residential land")
    PUBLIC = "public", _("public administration and public service land")
    TRANSPORT = "transport", _("transport land")
    WATER = "water", _("water and water-conservancy facility land")
    SPECIAL = "special", _("special land")


class HousingType(models.TextChoices):
    AFFORDABLE = "affordable", _("affordable housing projects")
    SMALL_COMMODITY = "small_commodity", _("small and medium-sized ordinary commodity housing")
    COMMODITY = "commodity", _("ordinary commodity housing")
    OTHER = "other", _("other housing")


class SupplyMethod(models.TextChoices):
    ALLOCATION = "allocation", _("allocation (划拨)")
    TENDER = "tender", _("transfer by tender")
    AUCTION = "auction", _("transfer by auction")
    LISTING = "listing", _("transfer by listing")
    AGREEMENT = "agreement", _("transfer by agreement")
    LEASE = "lease", _("lease")
    CAPITAL = "capital", _("capital contribution")


class MethodGroup(models.TextChoices):
    """How plans split supply: 划拨, 出让 (any of its four ways), 租赁, 作价出资."""

    ALLOCATION = "allocation", _("allocation")
    TRANSFER = "transfer", _("transfer (出让)")
    LEASE = "lease", _("lease")
    CAPITAL = "capital", _("capital contribution")


METHOD_GROUP = {
    SupplyMethod.ALLOCATION: MethodGroup.ALLOCATION,
    SupplyMethod.TENDER: MethodGroup.TRANSFER,
    SupplyMethod.AUCTION: MethodGroup.TRANSFER,
    SupplyMethod.LISTING: MethodGroup.TRANSFER,
    SupplyMethod.AGREEMENT: MethodGroup.TRANSFER,
    SupplyMethod.LEASE: MethodGroup.LEASE,
    SupplyMethod.CAPITAL: MethodGroup.CAPITAL,
}


class LandSource(models.TextChoices):
    NEW = "new", _("newly added (新增)")
    EXISTING = "existing", _("existing stock (存量)")


class AreaUnit(models.TextChoices):
    SQUARE_METRE = units.SQUARE_METRE, _("square metres")
    HECTARE = units.HECTARE, _("hectares")
    MU = units.MU, _("mu")


def _county_choice():
    return {"kind": Organisation.Kind.COUNTY}


class LandSupplyPlan(models.Model):
    """A county's annual state-owned construction land supply plan (国有建设用地供应计划), one version of it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        ADOPTED = "adopted", _("adopted")
        REVISED = "revised", _("revised (superseded by a later version)")

    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="land_plans",
        limit_choices_to=_county_choice,
        verbose_name=_("county"),
    )
    responsible_unit = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_land_plans",
        verbose_name=_("responsible unit"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revision",
        verbose_name=_("earlier version"),
    )
    total_ha = models.DecimalField(_("total area (ha)"), max_digits=12, decimal_places=4)
    source_document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="land_plans",
        verbose_name=_("source document"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    is_demo = models.BooleanField(_("demo data"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("land supply plan")
        verbose_name_plural = _("land supply plans")
        ordering = ["-year", "county", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["county", "year", "version"], name="land_plan_unique_version"),
            models.CheckConstraint(
                condition=Q(total_ha__gte=0),
                name="land_plan_total_not_negative",
                violation_error_message=_("The total area cannot be negative."),
            ),
        ]

    def __str__(self):
        return _("%(county)s land supply plan %(year)s (version %(version)s)") % {
            "county": self.county,
            "year": self.year,
            "version": self.version,
        }

    def get_absolute_url(self):
        return reverse("land:plan_detail", args=[self.pk])


class PlanAllocation(models.Model):
    """One row of a plan: hectares for a land-use category, optionally narrowed by housing type, source, method."""

    plan = models.ForeignKey(
        LandSupplyPlan, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("plan")
    )
    land_use = models.CharField(_("land use"), max_length=20, choices=LandUse.choices)
    housing_type = models.CharField(_("housing type"), max_length=20, choices=HousingType.choices, blank=True)
    land_source = models.CharField(_("new or existing"), max_length=10, choices=LandSource.choices, blank=True)
    method_group = models.CharField(_("supply method"), max_length=12, choices=MethodGroup.choices, blank=True)
    area_ha = models.DecimalField(_("area (ha)"), max_digits=12, decimal_places=4)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan allocation")
        verbose_name_plural = _("plan allocations")
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(housing_type="") | Q(land_use="residential"),
                name="land_allocation_housing_type_only_for_housing",
                violation_error_message=_("Only residential land has housing types."),
            ),
            models.CheckConstraint(
                condition=Q(area_ha__gte=0),
                name="land_allocation_area_not_negative",
                violation_error_message=_("An allocated area cannot be negative."),
            ),
        ]

    def __str__(self):
        parts = [self.get_land_use_display()]
        if self.housing_type:
            parts.append(self.get_housing_type_display())
        if self.land_source:
            parts.append(self.get_land_source_display())
        if self.method_group:
            parts.append(self.get_method_group_display())
        return f"{' · '.join(str(part) for part in parts)}：{self.area_ha.normalize():f} 公顷"


class Parcel(models.Model):
    """A parcel (宗地) from the plan to approve it to the handover of the land."""

    class Status(models.TextChoices):
        # In lifecycle order; a parcel moves forward only (a data manager corrects mistakes in the admin).
        PROPOSED = "proposed", _("proposed for supply")
        APPROVED = "approved", _("scheme approved")
        ANNOUNCED = "announced", _("announced")
        DEALT = "dealt", _("deal concluded")
        CONTRACTED = "contracted", _("contract signed")
        DELIVERED = "delivered", _("land handed over")

    number = models.CharField(_("parcel number"), max_length=40)
    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="land_parcels",
        limit_choices_to=_county_choice,
        verbose_name=_("county"),
    )
    responsible_unit = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_parcels",
        verbose_name=_("responsible unit"),
    )
    township = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="township_parcels",
        verbose_name=_("township"),
    )
    village = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="village_parcels",
        verbose_name=_("village"),
    )
    location_text = models.CharField(_("location as written"), max_length=200, blank=True)
    area_m2 = models.DecimalField(_("area (m²)"), max_digits=16, decimal_places=4)
    area_unit = models.CharField(
        _("unit entered"), max_length=4, choices=AreaUnit.choices, default=AreaUnit.SQUARE_METRE
    )
    area_entered = models.DecimalField(
        _("area as entered"),
        max_digits=18,
        decimal_places=6,
        help_text=_("The figure in the unit it was entered in; the m² figure is derived from it."),
    )
    area_written = models.DecimalField(
        _("area as written in the document"), max_digits=18, decimal_places=6, null=True, blank=True
    )
    area_written_unit = models.CharField(
        _("unit written in the document"), max_length=4, choices=AreaUnit.choices, blank=True
    )
    land_use = models.CharField(_("land use"), max_length=20, choices=LandUse.choices)
    housing_type = models.CharField(_("housing type"), max_length=20, choices=HousingType.choices, blank=True)
    use_text = models.CharField(_("use as written"), max_length=100, blank=True)
    land_source = models.CharField(_("new or existing"), max_length=10, choices=LandSource.choices, blank=True)
    method = models.CharField(_("supply method"), max_length=12, choices=SupplyMethod.choices)
    term_years = models.PositiveSmallIntegerField(_("term (years)"), null=True, blank=True)
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_parcels",
        verbose_name=_("recipient"),
    )
    recipient_text = models.CharField(_("recipient as written"), max_length=200, blank=True)
    plot_ratio_min = models.DecimalField(_("plot ratio min"), max_digits=6, decimal_places=2, null=True, blank=True)
    plot_ratio_max = models.DecimalField(_("plot ratio max"), max_digits=6, decimal_places=2, null=True, blank=True)
    density_max = models.DecimalField(
        _("building density max (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    coverage_min = models.DecimalField(
        _("building coverage min (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    green_min = models.DecimalField(_("green ratio min (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    green_max = models.DecimalField(_("green ratio max (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    height_max = models.DecimalField(_("height limit (m)"), max_digits=6, decimal_places=2, null=True, blank=True)
    starting_price = models.DecimalField(
        _("starting price (10k yuan)"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    deposit = models.DecimalField(_("bid deposit (10k yuan)"), max_digits=14, decimal_places=4, null=True, blank=True)
    increment = models.DecimalField(
        _("bid increment (10k yuan)"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    reserve_price_set = models.BooleanField(_("reserve price set"), null=True, blank=True)
    deal_price = models.DecimalField(_("deal price (10k yuan)"), max_digits=14, decimal_places=4, null=True, blank=True)
    approval_document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_parcels",
        verbose_name=_("approving document (批复)"),
    )
    documents = models.ManyToManyField(
        "gazette.Document", blank=True, related_name="land_parcels", verbose_name=_("other documents")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED)
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    deal_date = models.DateField(_("deal date"), null=True, blank=True)
    contracted_on = models.DateField(_("contract signed on"), null=True, blank=True)
    delivered_on = models.DateField(_("handed over on"), null=True, blank=True)
    plan_year = models.PositiveSmallIntegerField(_("plan year"), db_index=True)
    contamination_risk = models.BooleanField(
        _("on a soil-contamination risk list"),
        default=False,
        help_text=_("Set by a data manager from the environment bureau's risk list."),
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(m2m_fields=[documents])

    class Meta:
        verbose_name = _("parcel")
        verbose_name_plural = _("parcels")
        ordering = ["-plan_year", "number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["county", "number"], name="parcel_unique_number_per_county"),
            models.CheckConstraint(
                condition=Q(area_m2__gt=0),
                name="parcel_area_positive",
                violation_error_message=_("A parcel's area must be positive."),
            ),
            models.CheckConstraint(
                condition=Q(housing_type="") | Q(land_use="residential"),
                name="parcel_housing_type_only_for_housing",
                violation_error_message=_("Only residential land has housing types."),
            ),
        ]

    def __str__(self):
        return _("Parcel %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("land:parcel_detail", args=[self.pk])

    @property
    def area_ha(self):
        return units.shown(self.area_m2, units.HECTARE)

    def area_in(self, unit):
        """The area in ``unit``: the figure as entered when that is the unit, else converted from m²."""
        if unit == self.area_unit:
            return units.tidy(self.area_entered)
        return units.shown(self.area_m2, unit)

    @property
    def method_group(self):
        return METHOD_GROUP[self.method]

    @property
    def location(self):
        """Township and village: the organisations where known, else from the text as written (less the county)."""
        if self.township_id and self.village_id:
            return f"{self.township}{self.village}"
        if self.township_id:
            written = self.location_text
            start = written.find(self.township.name)
            return written[start:] if start >= 0 else str(self.township)
        return self.location_text


# The lifecycle in order, each status with the field holding its date.
LIFECYCLE = [
    (Parcel.Status.PROPOSED, "proposed_on"),
    (Parcel.Status.APPROVED, "approved_on"),
    (Parcel.Status.ANNOUNCED, "announced_on"),
    (Parcel.Status.DEALT, "deal_date"),
    (Parcel.Status.CONTRACTED, "contracted_on"),
    (Parcel.Status.DELIVERED, "delivered_on"),
]
STATUS_ORDER = {status: index for index, (status, _field) in enumerate(LIFECYCLE)}
# A parcel counts as supplied against its plan from the deal on.
SUPPLIED_STATUSES = [status for status, _field in LIFECYCLE if STATUS_ORDER[status] >= STATUS_ORDER["dealt"]]
