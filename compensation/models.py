"""Expropriation projects, their compensation schemes as versioned rules, and where each rule comes from.

A household register builds on these: a household belongs to an ``ExpropriationProject``, is computed under one
``SchemeVersion`` (kept even after the scheme is adjusted, so a signed agreement stays explainable), and stores its
facts as ``calculator.facts_to_dict(HouseholdFacts)`` in a JSONField; ``SchemeVersion.calculator_scheme()`` gives the
rules the calculator reads.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from org.models import Organisation

from . import calculator


class ExpropriationProject(models.Model):
    """A project that takes land and houses (a shantytown renovation phase, a mine's land take)."""

    name = models.CharField(_("name"), max_length=200)
    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="expropriation_projects",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
    )
    authority = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expropriations_as_authority",
        verbose_name=_("expropriating authority"),
    )
    authority_text = models.CharField(_("authority as written"), max_length=200, blank=True)
    office = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expropriations_as_office",
        verbose_name=_("expropriation office"),
    )
    office_text = models.CharField(_("office as written"), max_length=200, blank=True)
    departments = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="expropriations_as_department",
        verbose_name=_("implementing departments"),
    )
    departments_text = models.CharField(_("implementing departments as written"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(m2m_fields=[departments])

    class Meta:
        verbose_name = _("expropriation project")
        verbose_name_plural = _("expropriation projects")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class CompensationScheme(models.Model):
    """A project's compensation scheme; what it says lives in its versions."""

    project = models.ForeignKey(
        ExpropriationProject, on_delete=models.PROTECT, related_name="schemes", verbose_name=_("project")
    )
    name = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("compensation scheme")
        verbose_name_plural = _("compensation schemes")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("compensation:scheme_detail", args=[self.pk])


class SchemeVersion(models.Model):
    """The scheme as one document states it. An adjusting document makes a new version; earlier ones stay."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_FORCE = "in_force", _("in force")
        SUPERSEDED = "superseded", _("superseded")
        WITHDRAWN = "withdrawn", _("withdrawn")

    scheme = models.ForeignKey(
        CompensationScheme, on_delete=models.CASCADE, related_name="versions", verbose_name=_("scheme")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adjustments",
        verbose_name=_("adjusts version"),
    )
    document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="compensation_versions",
        verbose_name=_("issuing document"),
    )
    document_number = models.CharField(_("document number as written"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=300)
    signed = models.DateField(_("signed"), null=True, blank=True)
    changes = models.TextField(
        _("what this version changed"), blank=True, help_text=_("Required for a version that adjusts another.")
    )
    boundary_east = models.CharField(_("east boundary"), max_length=300, blank=True)
    boundary_west = models.CharField(_("west boundary"), max_length=300, blank=True)
    boundary_south = models.CharField(_("south boundary"), max_length=300, blank=True)
    boundary_north = models.CharField(_("north boundary"), max_length=300, blank=True)
    signing_period = models.CharField(_("signing period as written"), max_length=200, blank=True)
    signing_months = models.PositiveSmallIntegerField(_("signing period in months"), null=True, blank=True)
    signing_start = models.DateField(_("signing period starts"), null=True, blank=True)
    signing_end = models.DateField(_("signing period ends"), null=True, blank=True)
    day_count_from = models.CharField(
        _("signing days counted from"),
        max_length=200,
        blank=True,
        help_text=_("The event the signing-day bonuses count from, as the scheme says."),
    )
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    effective_to = models.DateField(_("effective until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    options = models.JSONField(_("options offered"), default=list, blank=True)
    rounding = models.DecimalField(
        _("total rounded to"), max_digits=6, decimal_places=2, default=1, help_text=_("1 rounds to the yuan.")
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scheme version")
        verbose_name_plural = _("scheme versions")
        ordering = ["scheme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="scheme_version_unique_number"),
            models.CheckConstraint(
                condition=Q(previous__isnull=True) | ~Q(changes=""),
                name="scheme_version_adjustment_states_changes",
                violation_error_message=_("A version that adjusts another must state what it changed."),
            ),
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True)
                | Q(effective_to__isnull=True)
                | Q(effective_to__gte=models.F("effective_from")),
                name="scheme_version_effective_order",
                violation_error_message=_("A version cannot end before it takes effect."),
            ),
        ]

    def __str__(self):
        return f"{self.scheme} · {self.document_number or self.title}"

    def get_absolute_url(self):
        return reverse("compensation:version_detail", args=[self.pk])

    def clean(self):
        unknown = set(self.options) - set(calculator.OPTIONS)
        if unknown or not isinstance(self.options, list):
            raise ValidationError({"options": _("Options are cash, exchange and mixed.")})

    def calculator_scheme(self, rules=None):
        """The version as the calculator reads it; ``rules`` saves a query when they are at hand."""
        rules = self.rules.all() if rules is None else rules
        return calculator.Scheme(
            name=str(self),
            rules=tuple(rule.to_calculator() for rule in rules),
            options=tuple(option for option in calculator.OPTIONS if option in self.options),
            rounding=self.rounding.normalize(),  # 1.00 from the column would round to the fen
            day_count_from=self.day_count_from,
        )


def _choices(values, labels):
    return [(value, labels[value]) for value in values]


KIND_LABELS = {
    calculator.APPRAISED: _("cash at appraised value with uplift"),
    calculator.EXCHANGE_RATIO: _("property exchange by area ratio"),
    calculator.EXTRA_AREA: _("extra resettlement area"),
    calculator.RATE_PER_M2: _("rate per m²"),
    calculator.RATE_PER_MU: _("rate per mu"),
    calculator.RATE_PER_ITEM: _("rate per item"),
    calculator.MONTHLY_PER_M2: _("monthly allowance per m²"),
    calculator.ONE_OFF: _("one-off amount"),
    calculator.PRICE_DIFFERENCE: _("price difference for a larger or smaller flat"),
    calculator.BUSINESS_LOSS: _("business-interruption loss"),
    calculator.CAP: _("cap"),
    calculator.FLOOR: _("floor"),
}
HEADING_LABELS = {
    calculator.HOUSE: _("house value"),
    calculator.ATTACHMENTS: _("attachments and decoration"),
    calculator.LAND: _("land"),
    calculator.RELOCATION: _("relocation allowance"),
    calculator.TRANSITION: _("temporary transition allowance"),
    calculator.BUSINESS: _("business-interruption loss"),
    calculator.BONUS: _("bonuses"),
    calculator.RESETTLEMENT: _("resettlement area and price differences"),
    calculator.PAYMENTS: _("payments by the household"),
}
BASIS_LABELS = {
    "appraised_house": _("appraised value of the main house"),
    "appraised_attachments": _("appraised value of attachments"),
    "appraised_decoration": _("appraised value of decoration"),
    "appraised_basement": _("appraised value of the basement"),
    "appraised_non_residential": _("appraised value of the non-residential premises"),
    calculator.MAIN_AREA: _("main-house floor area"),
    calculator.STOREY_AREA: _("floor area of the storeys named"),
    calculator.GROUND_AREA: _("ground-floor area"),
    calculator.UNOWNED_AREA: _("floor area not yet owned"),
    calculator.CERTIFIED_AREA: _("main-house area on the homestead certificate"),
    calculator.NON_RESIDENTIAL_AREA: _("non-residential floor area"),
    calculator.BASEMENT_AREA: _("basement area"),
    calculator.BALCONY_AREA: _("balcony area"),
    calculator.UNAUTHORISED_AREA: _("area built without approval"),
    calculator.HOMESTEAD_REMAINING: _("homestead not covered by buildings"),
    calculator.HOMESTEAD_NEAR: _("remaining homestead within the depth"),
    calculator.HOMESTEAD_FAR: _("remaining homestead beyond the depth"),
    calculator.LAND_MU: _("collective land of the types named"),
    calculator.ITEM: _("count or area entered for the rule"),
    calculator.HOUSEHOLD_BASIS: _("per household"),
    calculator.WAGES: _("registered staff × monthly wage"),
    calculator.TAX: _("last year's tax"),
    calculator.FLAT_LARGER: _("flat larger than the entitlement"),
    calculator.FLAT_SMALLER: _("flat smaller than the entitlement"),
    calculator.SHOP_LARGER: _("premises larger than the entitlement"),
    calculator.SHOP_SMALLER: _("premises smaller than the entitlement"),
    calculator.MONTHS: _("months of the rules bounded"),
    calculator.AMOUNT: _("total of the rules bounded"),
}
OPTION_LABELS = {
    calculator.CASH: _("cash compensation"),
    calculator.EXCHANGE: _("property exchange"),
    calculator.MIXED: _("cash and exchange combined"),
}
PAYEE_LABELS = {calculator.HOUSEHOLD: _("household"), calculator.VILLAGE: _("village committee")}


class Rule(models.Model):
    """One rule of a scheme version, with the clause it comes from. Conditions are ``calculator.Conditions``."""

    version = models.ForeignKey(
        SchemeVersion, on_delete=models.CASCADE, related_name="rules", verbose_name=_("version")
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    code = models.SlugField(
        _("code"), max_length=60, help_text=_("Stays the same across versions, so versions can be compared.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=_choices(calculator.KINDS, KIND_LABELS))
    label = models.CharField(_("name"), max_length=200)
    heading = models.CharField(_("heading"), max_length=20, choices=_choices(calculator.HEADINGS, HEADING_LABELS))
    basis = models.CharField(_("basis"), max_length=30, choices=_choices(calculator.BASES, BASIS_LABELS), blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Rate, ratio or uplift %; empty when the scheme leaves it to assessment."),
    )
    amount_max = models.DecimalField(
        _("amount up to"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("For a range such as 300–500 yuan/m²."),
    )
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    months = models.DecimalField(_("months"), max_digits=6, decimal_places=2, null=True, blank=True)
    times = models.PositiveSmallIntegerField(_("times paid"), default=1)
    band_from = models.DecimalField(_("from m² of difference"), max_digits=10, decimal_places=2, null=True, blank=True)
    band_to = models.DecimalField(_("up to m² of difference"), max_digits=10, decimal_places=2, null=True, blank=True)
    debit = models.BooleanField(_("paid by the household"), default=False)
    payee = models.CharField(
        _("paid to"),
        max_length=20,
        choices=_choices((calculator.HOUSEHOLD, calculator.VILLAGE), PAYEE_LABELS),
        default=calculator.HOUSEHOLD,
    )
    exclusive_group = models.CharField(
        _("tier group"),
        max_length=40,
        blank=True,
        help_text=_("Of the rules in one tier group only the first applies."),
    )
    targets = models.JSONField(_("rules bounded"), default=list, blank=True)
    conditions = models.JSONField(_("conditions"), default=dict, blank=True)
    source_document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="compensation_rules",
        verbose_name=_("source document"),
    )
    source_number = models.CharField(_("source document number"), max_length=60, blank=True)
    source_section = models.CharField(_("section"), max_length=100, blank=True)
    source_text = models.TextField(_("clause as written"), blank=True)
    note = models.TextField(_("note"), blank=True, help_text=_("The reading chosen where the source is unclear."))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        ordering = ["version", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="rule_unique_code_per_version")]

    def __str__(self):
        return self.label

    def data(self):
        """The rule in the data form ``calculator.rule_from_data`` reads.

        Amounts lose the column's trailing zeros (30.0000 → 30): the same values, and cheaper to multiply.
        """

        def plain(value):
            return None if value is None else value.normalize()

        return {
            "code": self.code,
            "kind": self.kind,
            "label": self.label,
            "heading": self.heading,
            "basis": self.basis,
            "amount": plain(self.amount),
            "amount_max": plain(self.amount_max),
            "unit": self.unit,
            "months": plain(self.months),
            "times": self.times,
            "band_from": plain(self.band_from),
            "band_to": plain(self.band_to),
            "debit": self.debit,
            "payee": self.payee,
            "exclusive_group": self.exclusive_group,
            "targets": self.targets,
            "conditions": self.conditions,
            "document": self.source_number,
            "section": self.source_section,
            "text": self.source_text,
            "note": self.note,
        }

    def to_calculator(self):
        return calculator.rule_from_data(self.data())

    def clean(self):
        try:
            self.to_calculator().check()
        except (calculator.SchemeError, TypeError, ValueError) as error:
            raise ValidationError(_("The rule cannot be computed: %(error)s") % {"error": error}) from error


# Households (被征收户): the register a project's office keeps, from survey to payment.


class Household(models.Model):
    """A household whose house or land the project takes.

    Its facts are ``calculator.facts_to_dict(HouseholdFacts)``. On signing the statement of the chosen option is
    computed once under ``scheme_version`` and frozen here (total, subtotals by heading, lines), so that later rule
    changes never alter a signed household's amounts. The head's name, ID number and phone are personal data: only
    the project's staff and data managers see them (``selectors.can_see_personal_data``).
    """

    class Status(models.TextChoices):
        SURVEYED = "surveyed", _("surveyed")
        PUBLICISED = "publicised", _("publicised")
        APPRAISED = "appraised", _("appraised")
        SIGNED = "signed", _("agreement signed")
        VACATED = "vacated", _("vacated")
        DEMOLISHED = "demolished", _("demolished")
        PAID = "paid", _("paid")

    project = models.ForeignKey(
        ExpropriationProject, on_delete=models.PROTECT, related_name="households", verbose_name=_("project")
    )
    scheme_version = models.ForeignKey(
        SchemeVersion, on_delete=models.PROTECT, related_name="households", verbose_name=_("scheme version")
    )
    number = models.CharField(_("household number"), max_length=40)
    head_name = models.CharField(_("head of household"), max_length=50)
    id_number = models.CharField(_("ID number"), max_length=30, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    plot = models.CharField(_("plot"), max_length=100, blank=True)
    facts = models.JSONField(_("survey results"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SURVEYED)
    surveyed_on = models.DateField(_("surveyed on"), null=True, blank=True)
    publicised_on = models.DateField(_("publicised on"), null=True, blank=True)
    appraised_on = models.DateField(_("appraised on"), null=True, blank=True)
    signed_on = models.DateField(_("agreement signed on"), null=True, blank=True)
    vacated_on = models.DateField(_("vacated on"), null=True, blank=True)
    demolished_on = models.DateField(_("demolished on"), null=True, blank=True)
    paid_on = models.DateField(_("paid in full on"), null=True, blank=True)
    agreement_type = models.CharField(
        _("agreement type"), max_length=10, choices=_choices(calculator.OPTIONS, OPTION_LABELS), blank=True
    )
    signed_total = models.DecimalField(
        _("total at signing (yuan)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    # Exact Decimals as strings, by heading, and the whole statement: what the agreement was signed on.
    signed_subtotals = models.JSONField(_("subtotals at signing"), default=dict, blank=True)
    signed_statement = models.JSONField(_("statement at signing"), default=dict, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["project", "number", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="household_unique_number_per_project"),
            models.CheckConstraint(
                condition=Q(status__in=["surveyed", "publicised", "appraised"])
                | (~Q(agreement_type="") & Q(signed_on__isnull=False) & Q(signed_total__isnull=False)),
                name="household_signed_has_agreement",
                violation_error_message=_("A signed household needs its agreement type, date and frozen total."),
            ),
        ]

    def __str__(self):
        # The number only: labels end up in histories and lists that people without access to personal data see.
        return _("Household %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("compensation:household_detail", args=[self.pk])

    @property
    def is_signed(self):
        return self.status in SIGNED_STATUSES

    @property
    def subtotals(self):
        """The frozen subtotals as Decimals, heading → amount."""
        return {heading: Decimal(value) for heading, value in self.signed_subtotals.items()}

    def household_facts(self):
        return calculator.facts_from_dict(self.facts)


# The lifecycle in order, each status with the field holding its date. It moves one step at a time.
HOUSEHOLD_LIFECYCLE = [
    (Household.Status.SURVEYED, "surveyed_on"),
    (Household.Status.PUBLICISED, "publicised_on"),
    (Household.Status.APPRAISED, "appraised_on"),
    (Household.Status.SIGNED, "signed_on"),
    (Household.Status.VACATED, "vacated_on"),
    (Household.Status.DEMOLISHED, "demolished_on"),
    (Household.Status.PAID, "paid_on"),
]
HOUSEHOLD_STEP = {status: index for index, (status, _field) in enumerate(HOUSEHOLD_LIFECYCLE)}
SIGNED_STATUSES = [
    status
    for status, _field in HOUSEHOLD_LIFECYCLE
    if HOUSEHOLD_STEP[status] >= HOUSEHOLD_STEP[Household.Status.SIGNED]
]


class HouseholdPayment(models.Model):
    """An amount paid to a signed household; several instalments may settle its frozen total."""

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="payments", verbose_name=_("household")
    )
    paid_on = models.DateField(_("paid on"))
    amount = models.DecimalField(_("amount (yuan)"), max_digits=16, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["household", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="household_payment_positive",
                violation_error_message=_("A payment must be a positive amount."),
            )
        ]

    def __str__(self):
        return f"{self.household} {self.paid_on} {self.amount}"


class SchemeDeadline(models.Model):
    """A time limit of a scheme version turned into a task, so the reminder system covers it.

    One row per version, kind and start: scheduling again finds it and creates nothing twice.
    """

    class Kind(models.TextChoices):
        SIGNING_END = "signing_end", _("signing period ends")
        PUBLICITY = "publicity", _("publicity period ends")
        REVIEW = "review", _("review period ends")

    version = models.ForeignKey(
        SchemeVersion, on_delete=models.CASCADE, related_name="deadlines", verbose_name=_("scheme version")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    starts_on = models.DateField(_("period starts"))
    due = models.DateField(_("due"))
    task = models.OneToOneField(
        "projects.Task", on_delete=models.CASCADE, related_name="scheme_deadline", verbose_name=_("task")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scheme deadline")
        verbose_name_plural = _("scheme deadlines")
        ordering = ["due", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "kind", "starts_on"], name="scheme_deadline_unique"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.due}"
