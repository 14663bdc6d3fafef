"""The household's facts as a form: the fields follow what the chosen scheme version reads.

A household register can reuse ``HouseholdFactsForm`` to edit the facts it stores (``to_facts``/``initial_from``).
"""

from decimal import Decimal

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from common.forms import DateInput

from . import calculator as c
from . import survey_sheet
from .models import OPTION_LABELS, Rule, SchemeVersion
from .survey_sheet import STOREYS  # the form takes the storeys the survey sheet has

LAND_TYPE_LABELS = {
    "grain": _("grain land (口粮地)"),
    "contracted": _("contracted land (承包地)"),
    "farmland": _("cultivated land"),
    "forest": _("forest land (退耕还林/造林地)"),
    "unused": _("unused land"),
    "other": _("other collective land"),
    "remaining_farmland": _("remaining farmland not taken (paid to the village)"),
}
TITLE_LABELS = {
    c.LEGAL: _("legal title"),
    c.INCOMPLETE: _("incomplete title (housing reform)"),
    c.NO_CERTIFICATE: _("no homestead certificate"),
    c.APPROVED_UNBUILT: _("homestead approved, not built"),
}
USE_LABELS = {
    c.RESIDENTIAL: _("residential"),
    c.NON_RESIDENTIAL: _("non-residential"),
    c.CONVERTED: _("dwelling converted to business use (住改非)"),
}


def _area(label, **options):
    return forms.DecimalField(label=label, required=False, min_value=0, max_digits=12, decimal_places=4, **options)


def _money(label, **options):
    return forms.DecimalField(label=label, required=False, min_value=0, max_digits=14, decimal_places=2, **options)


class HouseholdFactsForm(forms.Form):
    option = forms.ChoiceField(label=_("Option chosen"))
    land_ownership = forms.ChoiceField(
        label=_("Land ownership"), choices=[(c.COLLECTIVE, _("collective")), (c.STATE, _("state-owned"))]
    )
    use = forms.ChoiceField(label=_("Use"), choices=list(USE_LABELS.items()))
    title_status = forms.ChoiceField(label=_("Title status"), choices=list(TITLE_LABELS.items()))
    title_share = forms.DecimalField(
        label=_("Share of the title owned"), required=False, min_value=0, max_value=1, decimal_places=4
    )
    reform_year = forms.IntegerField(label=_("Year bought under the housing reform"), required=False)
    certified_area = _area(_("Main-house area on the homestead certificate (m²)"))
    buy_upper_floor = forms.BooleanField(label=_("Buys the unbuilt second floor to exchange it"), required=False)
    unauthorised_area = _area(_("Floors built without approval (m²)"))
    homestead_area = _area(_("Homestead area (m²)"))
    homestead_built_area = _area(_("Homestead covered by buildings (m²)"), help_text=_("The ground floor when empty."))
    homestead_far_area = _area(_("Remaining homestead beyond 8 m in front of the house (m²)"))
    basement_area = _area(_("Basement area (m²)"))
    basement_height = forms.DecimalField(
        label=_("Basement clear height (m)"), required=False, min_value=0, decimal_places=2
    )
    balcony_area = _area(_("Balcony area (m², included in the floors above)"))
    balcony_open = forms.BooleanField(label=_("Balcony not enclosed"), required=False)
    appraised_house = _money(_("Appraised value of the main house (yuan)"))
    appraised_attachments = _money(_("Appraised value of attachments (yuan)"))
    appraised_decoration = _money(_("Appraised value of decoration (yuan)"))
    appraised_basement = _money(_("Appraised value of the basement (yuan)"))
    non_residential_area = _area(_("Non-residential floor area (m²)"))
    appraised_non_residential = _money(_("Appraised value of the non-residential premises (yuan)"))
    licence_before_notice = forms.BooleanField(label=_("Business licence obtained before the notice"), required=False)
    street_shop = forms.BooleanField(label=_("Street-front shop"), required=False)
    registered_staff = forms.IntegerField(label=_("Registered staff"), required=False, min_value=0)
    monthly_wage = _money(_("Last year's average monthly wage (yuan)"))
    annual_tax = _money(_("Last year's tax paid (yuan)"))
    stoppage = forms.ChoiceField(
        label=_("Business stoppage"),
        required=False,
        choices=[("", _("none")), (c.FULL, _("full")), (c.PARTIAL, _("partial"))],
    )
    interruption_months = forms.DecimalField(
        label=_("Months of stoppage agreed"), required=False, min_value=0, decimal_places=1
    )
    wished_area = _area(_("Resettlement flat wished (m²)"), help_text=_("The entitlement when empty."))
    wished_shop_area = _area(_("Business premises wished (m²)"))
    mixed_exchange_area = _area(
        _("Mixed option: main-house area exchanged (m²)"),
        help_text=_("Ground floor first; the ground floor when empty."),
    )
    agreed_transition_months = forms.DecimalField(
        label=_("Transition months agreed (exchange)"), required=False, min_value=0, decimal_places=1
    )
    signing_day = forms.IntegerField(label=_("Signed on day"), required=False, min_value=0)
    after_signing_period = forms.BooleanField(label=_("Signed after the signing period"), required=False)
    group_households = forms.IntegerField(label=_("Households signing together"), required=False, min_value=0)
    group_days = forms.IntegerField(label=_("Days from their joint application"), required=False, min_value=0)
    group_whole_compound = forms.BooleanField(label=_("A whole courtyard or row signing together"), required=False)

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        self.fields["option"].choices = [(option, OPTION_LABELS[option]) for option in scheme.options]
        self.fields["signing_day"].help_text = _("Days after: %(event)s (that day not counted).") % {
            "event": scheme.day_count_from or _("the notice")
        }
        structures = sorted({s for rule in scheme.rules for s in rule.conditions.structures})
        self.storey_fields = []
        for number in range(1, STOREYS + 1):
            area = f"storey_{number}_area"
            self.fields[area] = _area(_("Storey %(number)s floor area (m²)") % {"number": number})
            row = [self[area]]
            if structures:
                structure = f"storey_{number}_structure"
                self.fields[structure] = forms.ChoiceField(
                    label=_("Storey %(number)s structure") % {"number": number},
                    required=False,
                    choices=[("", "—"), *[(s, s) for s in structures]],
                )
                row.append(self[structure])
            self.storey_fields.append(row)
        land_types = [t for t in LAND_TYPE_LABELS if any(t in rule.conditions.land_types for rule in scheme.rules)]
        self.land_fields = []
        for land_type in land_types:
            self.fields[f"mu_{land_type}"] = _area(LAND_TYPE_LABELS[land_type] + " (亩)")
            self.land_fields.append(self[f"mu_{land_type}"])
        self.item_fields, self.rate_fields = [], []
        for rule in scheme.rules:
            if rule.basis == c.ITEM:
                name = f"item_{rule.code}"
                self.fields[name] = _area(f"{rule.label}（{c.item_unit(rule.unit)}）")
                self.item_fields.append(self[name])
            if rule.kind not in (c.CAP, c.FLOOR, c.EXCHANGE_RATIO, c.EXTRA_AREA, c.BUSINESS_LOSS) and (
                rule.amount is None or rule.amount_max is not None
            ):
                name = f"rate_{rule.code}"
                if rule.amount is None:
                    help_text = _("As assessed.")
                else:
                    help_text = _("Between %(low)s and %(high)s.") % {
                        "low": rule.amount.normalize(),
                        "high": rule.amount_max.normalize(),
                    }
                self.fields[name] = forms.DecimalField(
                    label=f"{rule.label}（{rule.unit}）",
                    required=False,
                    min_value=rule.amount,
                    max_value=rule.amount_max,
                    decimal_places=4,
                    help_text=help_text,
                )
                self.rate_fields.append(self[name])

    def to_facts(self):
        data = self.cleaned_data

        def decimal(name, default=Decimal(0)):
            value = data.get(name)
            return default if value is None else value

        storeys = tuple(
            c.Storey(number, data[f"storey_{number}_area"], data.get(f"storey_{number}_structure") or "")
            for number in range(1, STOREYS + 1)
            if data.get(f"storey_{number}_area")
        )
        land_mu = {name[3:]: value for name, value in data.items() if name.startswith("mu_") and value}
        items = {name[5:]: value for name, value in data.items() if name.startswith("item_") and value}
        rates = {name[5:]: value for name, value in data.items() if name.startswith("rate_") and value is not None}
        return c.HouseholdFacts(
            option=data["option"],
            storeys=storeys,
            land_ownership=data["land_ownership"],
            use=data["use"],
            title_status=data["title_status"],
            title_share=decimal("title_share", Decimal(1)),
            reform_year=data.get("reform_year"),
            certified_area=decimal("certified_area"),
            buy_upper_floor=data.get("buy_upper_floor", False),
            unauthorised_area=decimal("unauthorised_area"),
            homestead_area=decimal("homestead_area"),
            homestead_built_area=data.get("homestead_built_area"),
            homestead_far_area=decimal("homestead_far_area"),
            basement_area=decimal("basement_area"),
            basement_height=data.get("basement_height"),
            balcony_area=decimal("balcony_area"),
            balcony_enclosed=not data.get("balcony_open"),
            appraised_house=decimal("appraised_house"),
            appraised_attachments=decimal("appraised_attachments"),
            appraised_decoration=decimal("appraised_decoration"),
            appraised_basement=decimal("appraised_basement"),
            non_residential_area=decimal("non_residential_area"),
            appraised_non_residential=decimal("appraised_non_residential"),
            licence_before_notice=data.get("licence_before_notice", False),
            street_shop=data.get("street_shop", False),
            registered_staff=data.get("registered_staff") or 0,
            monthly_wage=decimal("monthly_wage"),
            annual_tax=decimal("annual_tax"),
            stoppage=data.get("stoppage") or "",
            interruption_months=data.get("interruption_months"),
            land_mu=land_mu,
            items=items,
            rates=rates,
            wished_area=data.get("wished_area"),
            wished_shop_area=data.get("wished_shop_area"),
            mixed_exchange_area=data.get("mixed_exchange_area"),
            agreed_transition_months=decimal("agreed_transition_months"),
            signing_day=data.get("signing_day"),
            within_signing_period=not data.get("after_signing_period"),
            group_households=data.get("group_households") or 0,
            group_days=data.get("group_days"),
            group_whole_compound=data.get("group_whole_compound", False),
        )


# Facts that the form shows under another name or inverted, and those shown blank at their default.
_SAME_NAME_FACTS = (
    "option",
    "land_ownership",
    "use",
    "title_status",
    "reform_year",
    "certified_area",
    "buy_upper_floor",
    "unauthorised_area",
    "homestead_area",
    "homestead_built_area",
    "homestead_far_area",
    "basement_area",
    "basement_height",
    "balcony_area",
    "appraised_house",
    "appraised_attachments",
    "appraised_decoration",
    "appraised_basement",
    "non_residential_area",
    "appraised_non_residential",
    "licence_before_notice",
    "street_shop",
    "registered_staff",
    "monthly_wage",
    "annual_tax",
    "stoppage",
    "interruption_months",
    "wished_area",
    "wished_shop_area",
    "mixed_exchange_area",
    "agreed_transition_months",
    "signing_day",
    "group_households",
    "group_days",
    "group_whole_compound",
)


def initial_from(facts):
    """``HouseholdFactsForm`` initial data from stored facts: the reverse of ``to_facts`` (defaults left blank)."""
    initial = {name: getattr(facts, name) for name in _SAME_NAME_FACTS}
    initial = {name: value for name, value in initial.items() if value not in (None, "", 0, False)}
    if facts.title_share != 1:
        initial["title_share"] = facts.title_share
    initial["balcony_open"] = not facts.balcony_enclosed
    initial["after_signing_period"] = not facts.within_signing_period
    for storey in facts.storeys:
        if storey.storey <= STOREYS:
            initial[f"storey_{storey.storey}_area"] = storey.area
            initial[f"storey_{storey.storey}_structure"] = storey.structure
    for prefix, values in (("mu", facts.land_mu), ("item", facts.items), ("rate", facts.rates)):
        for key, value in values.items():
            initial[f"{prefix}_{key}"] = value
    return initial


class HouseholdForm(forms.Form):
    """A household's particulars; its facts come in a ``HouseholdFactsForm`` beside it."""

    number = forms.CharField(label=_("Household number"), max_length=40)
    head_name = forms.CharField(label=_("Head of household"), max_length=50)
    id_number = forms.CharField(label=_("ID number"), max_length=30, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    plot = forms.CharField(label=_("Plot"), max_length=100, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class SurveyedOnForm(forms.Form):
    surveyed_on = forms.DateField(label=_("Surveyed on"), widget=DateInput)


class AdvanceForm(forms.Form):
    """The household's next step, its date and, for signing, the agreement type."""

    on = forms.DateField(label=_("Date"), widget=DateInput)
    agreement_type = forms.ChoiceField(label=_("Agreement type"), required=False)

    def __init__(self, *args, household, **kwargs):
        super().__init__(*args, **kwargs)
        self.signing = household.status == "appraised"
        if self.signing:
            options = household.scheme_version.options
            self.fields["agreement_type"].choices = [("", "—"), *[(o, OPTION_LABELS[o]) for o in options]]
            self.fields["agreement_type"].initial = household.facts.get("option")
        else:
            del self.fields["agreement_type"]


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Paid on"), widget=DateInput)
    amount = forms.DecimalField(label=_("Amount (yuan)"), min_value=Decimal("0.01"), max_digits=16, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class SurveyImportForm(forms.Form):
    file = forms.FileField(
        label=_("Survey sheet (.xlsx)"), validators=[FileExtensionValidator(["xlsx"])], help_text=_("At most 5 MB.")
    )
    version = forms.ModelChoiceField(label=_("New households are computed under"), queryset=None, empty_label=None)
    surveyed_on = forms.DateField(label=_("Surveyed on"), widget=DateInput)

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = versions

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > survey_sheet.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class RateRuleForm(forms.Form):
    """A rate read from a scheme, as a draft rule: what the data manager checks against the source and corrects.

    Of the conditions, the options, the land ownership and the stoppage are set here; the rest stays in the note as
    written. A period in months may instead go to the monthly rules it belongs to (``months_of``), already in the
    draft: their months are set and no rule is added.
    """

    version = forms.ModelChoiceField(label=_("Add to the draft version"), queryset=SchemeVersion.objects.none())
    code = forms.SlugField(
        label=_("Code"), max_length=60, help_text=_("Stays the same across versions, so versions can be compared.")
    )
    label = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", "---------"), *Rule._meta.get_field("kind").choices])
    heading = forms.ChoiceField(label=_("Heading"), choices=Rule._meta.get_field("heading").choices)
    basis = forms.ChoiceField(
        label=_("Basis"), required=False, choices=[("", "---------"), *Rule._meta.get_field("basis").choices]
    )
    amount = forms.DecimalField(label=_("Amount"), required=False, max_digits=14, decimal_places=4)
    amount_max = forms.DecimalField(
        label=_("Amount up to"), required=False, max_digits=14, decimal_places=4, help_text=_("For a range.")
    )
    unit = forms.CharField(label=_("Unit"), max_length=20, required=False)
    months = forms.DecimalField(
        label=_("Months"), required=False, max_digits=6, decimal_places=2, help_text=_("Monthly allowances only.")
    )
    options = forms.MultipleChoiceField(
        label=_("Only for the options"),
        required=False,
        choices=list(OPTION_LABELS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every option."),
    )
    land_ownership = forms.ChoiceField(
        label=_("Only on land"),
        required=False,
        choices=[("", _("any")), (c.COLLECTIVE, _("collective")), (c.STATE, _("state-owned"))],
    )
    stoppage = forms.ChoiceField(
        label=_("Only for a business stoppage"),
        required=False,
        choices=[("", _("any")), (c.FULL, _("full stoppage")), (c.PARTIAL, _("partial stoppage"))],
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    source_section = forms.CharField(label=_("Section"), max_length=100, required=False)
    source_text = forms.CharField(label=_("Clause as written"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, versions, monthly_rules=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = versions
        if monthly_rules is not None:
            self.fields["months_of"] = forms.ModelMultipleChoiceField(
                label=_("Set the months of these rules instead of adding one"),
                queryset=monthly_rules,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Monthly allowances and business-interruption losses of the draft versions."),
            )
            self.fields["months_of"].label_from_instance = lambda rule: f"{rule.version} · {rule.label}"

    def clean(self):
        data = super().clean()
        chosen = data.get("months_of")
        if chosen:
            if data.get("months") is None:
                self.add_error("months", _("Enter the months the rules are paid for."))
            if any(rule.version_id != getattr(data.get("version"), "pk", None) for rule in chosen):
                self.add_error("months_of", _("Choose rules of the version the figure is added to."))
        return data

    def rule_data(self):
        """The rule's fields as ``services.add_draft_rule`` takes them (the source apart)."""
        data = dict(self.cleaned_data)
        conditions = {}
        for name in ("options", "land_ownership", "stoppage"):
            if data.pop(name):
                conditions[name] = self.cleaned_data[name]
        for name in ("version", "source_section", "source_text", "months_of"):
            data.pop(name, None)
        return {**data, "conditions": conditions}
