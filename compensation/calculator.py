"""The compensation calculator: a household's facts and a scheme's rules in, an itemised statement out.

Plain Python with no Django in it, so the same code serves the calculator page, the household register, exports
and the benchmark. Money and areas are ``Decimal`` throughout; nothing is rounded until the statement's total,
which is rounded half up to the scheme's unit (the 元 unless the scheme says otherwise).

How a scheme is read:

- Every rule has a *kind* (how it computes), a *basis* (which fact gives its quantity), an amount (a rate, a
  ratio or a percentage uplift, depending on the kind), and *conditions* (when it applies). A rule whose amount
  is a range (``amount``–``amount_max``) or was left open by the scheme (``amount`` None: "as assessed") takes
  the household's figure from ``HouseholdFacts.rates[rule.code]``.
- Rules that share an ``exclusive_group`` are tiers: of those whose conditions hold, only the first (in the
  scheme's order) applies, e.g. the 15/25/30-day signing bonuses, or 10 before 5 households signing together.
- Exchange rules yield resettlement area rather than money; price-difference rules then settle the flat the
  household wishes against the area it is entitled to.
- Lines paid to someone else (a village committee) are listed apart and left out of the household's total.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import gc
from dataclasses import dataclass, field, fields, replace
from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
TWELVE = Decimal(12)
# 1 亩 = 10000/15 m², so 1 m² = 0.0015 亩 exactly.
MU_PER_M2 = Decimal("0.0015")

# Options
CASH = "cash"
EXCHANGE = "exchange"
MIXED = "mixed"
OPTIONS = (CASH, EXCHANGE, MIXED)

# Land ownership
STATE = "state"
COLLECTIVE = "collective"

# Use of the house
RESIDENTIAL = "residential"
NON_RESIDENTIAL = "non_residential"
CONVERTED = "converted"  # 住改非: a dwelling turned to business use without approval

# Title status
LEGAL = "legal"
INCOMPLETE = "incomplete"  # 不完全产权 (bought under the housing reform for part of the title)
NO_CERTIFICATE = "no_certificate"  # 无宅基地有效证明手续
APPROVED_UNBUILT = "approved_unbuilt"  # homestead approved but nothing built yet
TITLE_STATUSES = (LEGAL, INCOMPLETE, NO_CERTIFICATE, APPROVED_UNBUILT)

# Business stoppage
FULL = "full"
PARTIAL = "partial"

# Who is paid
HOUSEHOLD = "household"
VILLAGE = "village"

# Rule kinds
APPRAISED = "appraised"  # cash at an appraised value plus a percentage uplift
EXCHANGE_RATIO = "exchange_ratio"  # resettlement area = floor area × ratio
EXTRA_AREA = "extra_area"  # a one-off grant of resettlement area
RATE_PER_M2 = "rate_per_m2"
RATE_PER_MU = "rate_per_mu"
RATE_PER_ITEM = "rate_per_item"  # per tree, grave, gate, cave dwelling…
MONTHLY_PER_M2 = "monthly_per_m2"  # allowance per m² per month, for a number of months
ONE_OFF = "one_off"  # an amount per household
PRICE_DIFFERENCE = "price_difference"  # a larger or smaller flat than the entitlement, within a band of m²
BUSINESS_LOSS = "business_loss"  # wages or tax per month, for a number of months
CAP = "cap"  # an upper bound on the months or the total of other rules
FLOOR = "floor"  # a lower bound on the total of other rules
KINDS = (
    APPRAISED,
    EXCHANGE_RATIO,
    EXTRA_AREA,
    RATE_PER_M2,
    RATE_PER_MU,
    RATE_PER_ITEM,
    MONTHLY_PER_M2,
    ONE_OFF,
    PRICE_DIFFERENCE,
    BUSINESS_LOSS,
    CAP,
    FLOOR,
)

# Headings: what a statement subtotals.
HOUSE = "house"
ATTACHMENTS = "attachments"
LAND = "land"
RELOCATION = "relocation"
TRANSITION = "transition"
BUSINESS = "business"
BONUS = "bonus"
RESETTLEMENT = "resettlement"  # area entitlements and the price differences that settle them
PAYMENTS = "payments"  # what the household pays in (title top-ups, unbuilt floors, enclosing a balcony)
HEADINGS = (HOUSE, ATTACHMENTS, LAND, RELOCATION, TRANSITION, BUSINESS, BONUS, RESETTLEMENT, PAYMENTS)

# Bases: which fact gives a rule its quantity.
# Appraised values (元)
APPRAISED_BASES = {
    "appraised_house": "appraised_house",
    "appraised_attachments": "appraised_attachments",
    "appraised_decoration": "appraised_decoration",
    "appraised_basement": "appraised_basement",
    "appraised_non_residential": "appraised_non_residential",
}
# Areas (m²)
MAIN_AREA = "main_area"  # all storeys of the main house
STOREY_AREA = "storey_area"  # the storeys (and structures) the conditions name
GROUND_AREA = "ground_area"
UNOWNED_AREA = "unowned_area"  # the part of the main house the household does not own (incomplete title)
CERTIFIED_AREA = "certified_area"  # main-house area on an approved homestead certificate, nothing built
NON_RESIDENTIAL_AREA = "non_residential_area"
BASEMENT_AREA = "basement_area"
BALCONY_AREA = "balcony_area"
UNAUTHORISED_AREA = "unauthorised_area"
HOMESTEAD_REMAINING = "homestead_remaining"  # homestead not covered by the buildings
HOMESTEAD_NEAR = "homestead_near"  # the remaining homestead less its far part
HOMESTEAD_FAR = "homestead_far"  # remaining homestead beyond a depth the scheme pays differently
LAND_MU = "land_mu"  # collective land of the types the conditions name (亩)
ITEM = "item"  # a count or area entered for this very rule (facts.items[rule.code])
HOUSEHOLD_BASIS = "household"
WAGES = "wages"  # registered staff × last year's average monthly wage
TAX = "tax"  # last year's tax / 12
FLAT_LARGER = "flat_larger"  # wished flat beyond the entitlement
FLAT_SMALLER = "flat_smaller"  # entitlement beyond the wished flat
SHOP_LARGER = "shop_larger"
SHOP_SMALLER = "shop_smaller"
MONTHS = "months"  # for caps: the months of the target rules
AMOUNT = "amount"  # for caps and floors: the total of the target rules
AREA_BASES = (
    MAIN_AREA,
    STOREY_AREA,
    GROUND_AREA,
    UNOWNED_AREA,
    CERTIFIED_AREA,
    NON_RESIDENTIAL_AREA,
    BASEMENT_AREA,
    BALCONY_AREA,
    UNAUTHORISED_AREA,
    HOMESTEAD_REMAINING,
    HOMESTEAD_NEAR,
    HOMESTEAD_FAR,
)
BASES = (
    *APPRAISED_BASES,
    *AREA_BASES,
    LAND_MU,
    ITEM,
    HOUSEHOLD_BASIS,
    WAGES,
    TAX,
    FLAT_LARGER,
    FLAT_SMALLER,
    SHOP_LARGER,
    SHOP_SMALLER,
    MONTHS,
    AMOUNT,
)
# Which resettlement pool an exchange rule's area goes to, by its basis (the flat is the default).
FLAT_POOL = "flat"
SHOP_POOL = "shop"
BASEMENT_POOL = "basement"

# Boolean facts a rule may require (True) or exclude (False).
FLAG_FACTS = (
    "balcony_enclosed",
    "licence_before_notice",
    "street_shop",
    "buy_upper_floor",
    "within_signing_period",
    "group_whole_compound",
)


class SchemeError(ValueError):
    """A rule or a household's facts that the calculator cannot read."""


# Scheme side


@dataclass(frozen=True, slots=True)
class Source:
    """Where a rule comes from: the document, the section and the sentence as written."""

    document: str = ""
    section: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Conditions:
    """When a rule applies. An empty condition holds for every household."""

    options: frozenset = frozenset()
    land_ownership: str = ""
    uses: frozenset = frozenset()
    title_statuses: frozenset = frozenset()
    storey_from: int | None = None
    storey_to: int | None = None
    structures: frozenset = frozenset()
    house_storeys_max: int | None = None  # the house has at most this many storeys
    basement_height_min: Decimal | None = None  # clear height at least this (2.2 m includes 2.2)
    basement_height_below: Decimal | None = None
    signing_day_max: int | None = None  # signed within this many days of the notice (the day itself included)
    group_min: int | None = None  # at least this many households signing together
    group_within_days: int | None = None  # …within this many days of their joint application
    land_types: frozenset = frozenset()
    reform_year: int | None = None
    stoppage: str = ""
    flags: tuple = ()  # (fact name, required value) pairs

    @classmethod
    def from_dict(cls, data):
        """From the JSON form kept in the database; unknown names are refused, so a typo cannot loosen a rule."""
        data = dict(data or {})
        unknown = set(data) - {item.name for item in fields(cls)}
        if unknown:
            raise SchemeError(f"unknown condition {', '.join(sorted(unknown))}")
        values = {}
        for name in ("options", "uses", "title_statuses", "structures", "land_types"):
            if name in data:
                values[name] = frozenset(data[name])
        for name in ("land_ownership", "stoppage"):
            if name in data:
                values[name] = str(data[name])
        for name in (
            "storey_from",
            "storey_to",
            "house_storeys_max",
            "signing_day_max",
            "group_min",
            "group_within_days",
            "reform_year",
        ):
            if data.get(name) is not None:
                values[name] = int(data[name])
        for name in ("basement_height_min", "basement_height_below"):
            if data.get(name) is not None:
                values[name] = Decimal(str(data[name]))
        if "flags" in data:
            flags = dict(data["flags"])
            bad = set(flags) - set(FLAG_FACTS)
            if bad:
                raise SchemeError(f"unknown flag {', '.join(sorted(bad))}")
            values["flags"] = tuple(sorted((name, bool(value)) for name, value in flags.items()))
        conditions = cls(**values)
        conditions.check()
        return conditions

    def to_dict(self):
        data = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value in (None, "", frozenset(), ()):
                continue
            if isinstance(value, frozenset):
                value = sorted(value)
            elif isinstance(value, Decimal):
                value = str(value)
            elif item.name == "flags":
                value = dict(value)
            data[item.name] = value
        return data

    def check(self):
        if not self.options <= set(OPTIONS):
            raise SchemeError(f"unknown option in {sorted(self.options)}")
        if self.land_ownership not in ("", STATE, COLLECTIVE):
            raise SchemeError(f"unknown land ownership {self.land_ownership}")
        if not self.uses <= {RESIDENTIAL, NON_RESIDENTIAL, CONVERTED}:
            raise SchemeError(f"unknown use in {sorted(self.uses)}")
        if not self.title_statuses <= set(TITLE_STATUSES):
            raise SchemeError(f"unknown title status in {sorted(self.title_statuses)}")
        if self.stoppage not in ("", FULL, PARTIAL):
            raise SchemeError(f"unknown stoppage {self.stoppage}")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    kind: str
    label: str
    heading: str
    basis: str = ""
    amount: Decimal | None = None
    amount_max: Decimal | None = None
    unit: str = ""  # how the amount is printed, e.g. 元/m², 元/棵, %
    months: Decimal | None = None  # None for monthly allowances: the months agreed with the household
    times: int = 1  # paid once or twice (relocation when a flat is awaited)
    band_from: Decimal | None = None  # price differences: the m² of difference this rate covers
    band_to: Decimal | None = None
    debit: bool = False  # the household pays this
    payee: str = HOUSEHOLD
    exclusive_group: str = ""
    targets: tuple = ()  # caps and floors: the codes of the rules they bound
    conditions: Conditions = field(default_factory=Conditions)
    source: Source = field(default_factory=Source)
    note: str = ""

    def check(self):
        if self.kind not in KINDS:
            raise SchemeError(f"{self.code}: unknown kind {self.kind}")
        if self.heading not in HEADINGS:
            raise SchemeError(f"{self.code}: unknown heading {self.heading}")
        if self.basis not in ("", *BASES):
            raise SchemeError(f"{self.code}: unknown basis {self.basis}")
        if self.kind in (CAP, FLOOR) and (not self.targets or self.amount is None):
            raise SchemeError(f"{self.code}: a cap or floor needs targets and an amount")
        if self.kind == CAP and self.basis not in (MONTHS, AMOUNT):
            raise SchemeError(f"{self.code}: a cap bounds the months or the amount of its targets")
        if self.kind == FLOOR and self.basis != AMOUNT:
            raise SchemeError(f"{self.code}: a floor bounds the amount of its targets")
        if self.amount_max is not None and self.amount is not None and self.amount_max < self.amount:
            raise SchemeError(f"{self.code}: the range ends below its start")
        self.conditions.check()


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    rules: tuple
    options: tuple = OPTIONS
    rounding: Decimal = ONE  # the unit the total is rounded to
    day_count_from: str = ""  # the event signing days are counted from, as the scheme says


def rule_from_data(data, document=""):
    """A rule from its data form (amounts as strings or Decimals), as kept in ``scheme_data`` and the database."""

    def number(name):
        value = data.get(name)
        return None if value is None or value == "" else Decimal(str(value))

    return Rule(
        code=data["code"],
        kind=data["kind"],
        label=data["label"],
        heading=data["heading"],
        basis=data.get("basis", ""),
        amount=number("amount"),
        amount_max=number("amount_max"),
        unit=data.get("unit", ""),
        months=number("months"),
        times=int(data.get("times", 1)),
        band_from=number("band_from"),
        band_to=number("band_to"),
        debit=bool(data.get("debit", False)),
        payee=data.get("payee", HOUSEHOLD),
        exclusive_group=data.get("exclusive_group", ""),
        targets=tuple(data.get("targets", ())),
        conditions=Conditions.from_dict(data.get("conditions")),
        source=Source(data.get("document") or document, data.get("section", ""), data.get("text", "")),
        note=data.get("note", ""),
    )


# Household side


@dataclass(frozen=True, slots=True)
class Storey:
    """One storey of the main house: its number (1 = ground floor), floor area and, where rates differ, structure."""

    storey: int
    area: Decimal
    structure: str = ""


@dataclass(slots=True)
class HouseholdFacts:
    """Everything the calculator reads about a household: the single definition of a household's facts."""

    option: str = CASH
    storeys: tuple = ()  # Storey, main house only; a balcony counts in its storey's area
    land_ownership: str = COLLECTIVE
    use: str = RESIDENTIAL
    title_status: str = LEGAL
    title_share: Decimal = ONE  # incomplete title: the share already owned
    reform_year: int | None = None  # incomplete title: the year the house was bought under the housing reform
    certified_area: Decimal = ZERO  # approved but unbuilt homestead: main-house area on the certificate
    unauthorised_area: Decimal = ZERO  # floors added without approval (not part of ``storeys``)
    homestead_area: Decimal = ZERO
    homestead_built_area: Decimal | None = None  # covered by buildings; the ground floor when not given
    homestead_far_area: Decimal = ZERO  # remaining homestead beyond the depth a scheme pays at a lower rate
    non_residential_area: Decimal = ZERO
    licence_before_notice: bool = False  # 住改非: business licence obtained before the expropriation notice
    street_shop: bool = False
    registered_staff: int = 0
    monthly_wage: Decimal = ZERO  # last year's average monthly wage per registered employee
    annual_tax: Decimal = ZERO  # last year's tax paid
    stoppage: str = ""  # full or partial business stoppage
    interruption_months: Decimal | None = None  # the scheme's maximum when not given
    basement_area: Decimal = ZERO
    basement_height: Decimal | None = None
    balcony_area: Decimal = ZERO
    balcony_enclosed: bool = True
    appraised_house: Decimal = ZERO
    appraised_attachments: Decimal = ZERO
    appraised_decoration: Decimal = ZERO
    appraised_basement: Decimal = ZERO
    appraised_non_residential: Decimal = ZERO
    land_mu: dict = field(default_factory=dict)  # land type → 亩
    items: dict = field(default_factory=dict)  # rule code → count or area
    rates: dict = field(default_factory=dict)  # rule code → the rate within a range, or as assessed
    wished_area: Decimal | None = None  # resettlement flat wished; the entitlement when not given
    wished_shop_area: Decimal | None = None
    mixed_exchange_area: Decimal | None = None  # mixed option: main-house m² exchanged (ground floor first)
    agreed_transition_months: Decimal = ZERO  # exchange for a flat still to be built: months agreed
    buy_upper_floor: bool = False  # one storey built on an approved homestead: buys the second to exchange it
    signing_day: int | None = None  # days from the scheme's reference event to signing (that day not counted)
    within_signing_period: bool = True
    group_households: int = 0  # households signing together, this one included
    group_days: int | None = None  # days from the group's application to signing
    group_whole_compound: bool = False  # a whole courtyard or row signing together

    def __post_init__(self):
        if self.option not in OPTIONS:
            raise SchemeError(f"unknown option {self.option}")
        if self.title_status not in TITLE_STATUSES:
            raise SchemeError(f"unknown title status {self.title_status}")
        if self.use not in (RESIDENTIAL, NON_RESIDENTIAL, CONVERTED):
            raise SchemeError(f"unknown use {self.use}")
        if self.land_ownership not in (STATE, COLLECTIVE):
            raise SchemeError(f"unknown land ownership {self.land_ownership}")
        if self.stoppage not in ("", FULL, PARTIAL):
            raise SchemeError(f"unknown stoppage {self.stoppage}")
        if not ZERO <= self.title_share <= ONE:
            raise SchemeError("the title share is between 0 and 1")

    @property
    def main_area(self):
        return sum((storey.area for storey in self.storeys), ZERO)

    @property
    def ground_area(self):
        return sum((storey.area for storey in self.storeys if storey.storey == 1), ZERO)

    @property
    def storey_count(self):
        return max((storey.storey for storey in self.storeys), default=0)


_DECIMAL_FACTS = {
    item.name
    for item in fields(HouseholdFacts)
    if "Decimal" in str(item.type) and item.name not in ("land_mu", "items", "rates")
}
_INT_FACTS = {item.name for item in fields(HouseholdFacts) if str(item.type).startswith("int")}


def facts_to_dict(facts):
    """The facts as JSON-ready data (Decimals as strings), e.g. for a household's JSONField."""
    data = {}
    for item in fields(facts):
        value = getattr(facts, item.name)
        if item.name == "storeys":
            value = [{"storey": s.storey, "area": str(s.area), "structure": s.structure} for s in value]
        elif isinstance(value, dict):
            value = {key: str(number) for key, number in value.items()}
        elif isinstance(value, Decimal):
            value = str(value)
        data[item.name] = value
    return data


def facts_from_dict(data):
    """The facts back from ``facts_to_dict`` data; missing names take their defaults."""
    values = {}
    known = {item.name for item in fields(HouseholdFacts)}
    for name, value in data.items():
        if name not in known:
            raise SchemeError(f"unknown fact {name}")
        if name == "storeys":
            value = tuple(
                Storey(int(row["storey"]), Decimal(str(row["area"])), row.get("structure", "")) for row in value
            )
        elif name in ("land_mu", "items", "rates"):
            value = {key: Decimal(str(number)) for key, number in value.items()}
        elif value is not None and name in _DECIMAL_FACTS:
            value = Decimal(str(value))
        elif value is not None and name in _INT_FACTS:
            value = int(value)
        values[name] = value
    return HouseholdFacts(**values)


# Statement


class Line:
    """One line of a statement: the rule and its clause, quantity × rate (× months × times) = amount."""

    __slots__ = ("rule", "code", "heading", "quantity", "quantity_unit", "rate", "amount", "area", "months")

    def __init__(self, rule, quantity, quantity_unit, rate, amount=None, area=None, months=None):
        self.rule = rule
        self.code = rule.code
        self.heading = rule.heading
        self.quantity = quantity
        self.quantity_unit = quantity_unit
        self.rate = rate  # for appraised values, the multiplier (1.2 for a 20% uplift)
        self.amount = amount  # signed: negative when the household pays; None for area lines
        self.area = area  # resettlement area granted, for exchange lines
        self.months = months

    def __repr__(self):
        return f"Line({self.code}: {self.quantity} × {self.rate} = {self.amount if self.area is None else self.area})"

    @property
    def label(self):
        return self.rule.label

    @property
    def source(self):
        return self.rule.source

    # The clause as a statement kept as data names it, so that one template shows either.
    @property
    def document(self):
        return self.rule.source.document

    @property
    def section(self):
        return self.rule.source.section

    @property
    def text(self):
        return self.rule.source.text

    @property
    def times(self):
        return self.rule.times

    @property
    def factor(self):
        """Months × times paid."""
        return (self.months if self.months is not None else ONE) * self.rule.times

    @property
    def note(self):
        parts = [f"{self.months}个月"] if self.months is not None else []
        if self.rule.times != 1:
            parts.append(f"支付{self.rule.times}次")
        return "，".join(parts)


@dataclass(slots=True)
class Statement:
    scheme: str
    option: str
    lines: list
    third_party: list  # lines paid to someone else, left out of the total
    subtotals: dict  # heading → Decimal, in HEADINGS order, only headings with money
    total: Decimal  # exact
    rounded_total: Decimal
    flat_entitlement: Decimal
    flat_wished: Decimal
    shop_entitlement: Decimal
    shop_wished: Decimal
    basement_exchange: Decimal
    warnings: list


# Computing


class _Plan:
    """How one option treats the main house: which m² of each storey are exchanged, and the share paid in cash.

    Also keeps the main-house and ground-floor areas and the homestead the buildings leave, which many rules read.
    """

    # exchanged: storey index → m²
    __slots__ = ("exchanged", "cash_share", "main_area", "ground_area", "homestead_remaining")

    def __init__(self, facts, option):
        self.main_area = area = facts.main_area
        self.ground_area = facts.ground_area
        built = facts.homestead_built_area if facts.homestead_built_area is not None else self.ground_area
        self.homestead_remaining = max(facts.homestead_area - built, ZERO)
        if option == CASH:
            self.exchanged = {}
            self.cash_share = ONE
            return
        if option == EXCHANGE:
            self.exchanged = {index: storey.area for index, storey in enumerate(facts.storeys)}
            self.cash_share = ZERO
            return
        wanted = facts.mixed_exchange_area if facts.mixed_exchange_area is not None else self.ground_area
        wanted = min(max(wanted, ZERO), area)
        self.exchanged = {}
        for index, storey in sorted(enumerate(facts.storeys), key=lambda pair: pair[1].storey):
            take = min(storey.area, wanted)
            self.exchanged[index] = take
            wanted -= take
        exchanged = sum(self.exchanged.values(), ZERO)
        self.cash_share = (area - exchanged) / area if area else ZERO


def _tests(conditions):
    """The conditions (other than the option, which the index settles) as (key, test) pairs on the facts.

    The key names the test by what it compares, so that rules setting the same condition share one test, which a
    household then meets once.
    """
    c = conditions
    tests = []
    if c.land_ownership:
        tests.append((("land_ownership", c.land_ownership), lambda facts: facts.land_ownership == c.land_ownership))
    if c.uses:
        tests.append((("uses", c.uses), lambda facts: facts.use in c.uses))
    if c.title_statuses:
        tests.append((("title_statuses", c.title_statuses), lambda facts: facts.title_status in c.title_statuses))
    if c.house_storeys_max is not None:
        # A household with no main house has no storeys to count.
        tests.append(
            (("house_storeys_max", c.house_storeys_max), lambda facts: 0 < facts.storey_count <= c.house_storeys_max)
        )
    if c.basement_height_min is not None:
        tests.append(
            (
                ("basement_height_min", c.basement_height_min),
                lambda facts: facts.basement_height is not None and facts.basement_height >= c.basement_height_min,
            )
        )
    if c.basement_height_below is not None:
        tests.append(
            (
                ("basement_height_below", c.basement_height_below),
                lambda facts: facts.basement_height is not None and facts.basement_height < c.basement_height_below,
            )
        )
    if c.signing_day_max is not None:
        tests.append(
            (
                ("signing_day_max", c.signing_day_max),
                lambda facts: facts.signing_day is not None and facts.signing_day <= c.signing_day_max,
            )
        )
    if c.group_min is not None:
        tests.append((("group_min", c.group_min), lambda facts: facts.group_households >= c.group_min))
    if c.group_within_days is not None:
        tests.append(
            (
                ("group_within_days", c.group_within_days),
                lambda facts: facts.group_days is not None and facts.group_days <= c.group_within_days,
            )
        )
    if c.reform_year is not None:
        tests.append((("reform_year", c.reform_year), lambda facts: facts.reform_year == c.reform_year))
    if c.stoppage:
        tests.append((("stoppage", c.stoppage), lambda facts: facts.stoppage == c.stoppage))
    for name, required in c.flags:
        tests.append(((name, required), lambda facts, name=name, required=required: getattr(facts, name) == required))
    return tests


def _measure(rule):
    """How the rule reads its quantity and unit from a household's facts and plan: a function chosen once per rule,
    so that each household's line does no more than read and add."""
    basis, kind = rule.basis, rule.kind
    if basis == MAIN_AREA:
        return lambda facts, plan: (plan.main_area, "m²")
    if basis == ITEM:
        code, unit = rule.code, item_unit(rule.unit)
        return lambda facts, plan: (facts.items.get(code, ZERO), unit)
    if basis == "appraised_house":  # only the share of the house paid in cash
        return lambda facts, plan: (facts.appraised_house * plan.cash_share, "元")
    if basis in APPRAISED_BASES:
        name = APPRAISED_BASES[basis]
        return lambda facts, plan: (getattr(facts, name), "元")
    if basis == STOREY_AREA:
        conditions = rule.conditions
        low, high, structures = conditions.storey_from, conditions.storey_to, conditions.structures
        exchanged = kind == EXCHANGE_RATIO

        def storey_area(facts, plan):
            total = ZERO
            for index, storey in enumerate(facts.storeys):
                if (
                    (low is None or storey.storey >= low)
                    and (high is None or storey.storey <= high)
                    and (not structures or storey.structure in structures)
                ):
                    total += plan.exchanged.get(index, ZERO) if exchanged else storey.area
            return total, "m²"

        return storey_area
    if basis == GROUND_AREA:
        return lambda facts, plan: (plan.ground_area, "m²")
    if basis == UNOWNED_AREA:
        return lambda facts, plan: (plan.main_area * (ONE - facts.title_share), "m²")
    if basis in (HOMESTEAD_REMAINING, HOMESTEAD_NEAR, HOMESTEAD_FAR):

        def homestead(facts, plan):
            area = plan.homestead_remaining
            if basis != HOMESTEAD_REMAINING:
                far = min(facts.homestead_far_area, area)
                area = far if basis == HOMESTEAD_FAR else area - far
            return (area * MU_PER_M2, "亩") if kind == RATE_PER_MU else (area, "m²")

        return homestead
    if basis in AREA_BASES:
        return lambda facts, plan: (getattr(facts, basis), "m²")
    if basis == LAND_MU:
        types = rule.conditions.land_types

        def land(facts, plan):
            total = ZERO
            for land_type, mu in facts.land_mu.items():
                if not types or land_type in types:
                    total += mu
            return total, "亩"

        return land
    if basis == WAGES:
        return lambda facts, plan: (facts.registered_staff * facts.monthly_wage, "元/月")
    if basis == TAX:
        return lambda facts, plan: (facts.annual_tax, "元/年")
    return lambda facts, plan: (ONE, "户")


@functools.cache
def _multiplier(uplift):
    """A percentage uplift as a multiplier: 20 → 1.2."""
    return (HUNDRED + uplift) / HUNDRED


@functools.cache
def item_unit(unit):
    return unit.split("/", 1)[1] if "/" in unit else unit


def _rate(rule, facts, warnings):
    """The rule's rate: fixed, chosen within its range, or as assessed for this household."""
    chosen = facts.rates.get(rule.code)
    if rule.amount is None:
        if chosen is None:
            warnings.append(f"{rule.label}: 标准待评估确定，未计入")
            return None
        return chosen
    if rule.amount_max is None:
        return rule.amount
    if chosen is None:
        warnings.append(f"{rule.label}: 标准为{rule.amount}–{rule.amount_max}{rule.unit}，暂按下限计")
        return rule.amount
    if not rule.amount <= chosen <= rule.amount_max:
        raise SchemeError(f"{rule.label}: {chosen} is outside {rule.amount}–{rule.amount_max}")
    return chosen


class CompiledScheme:
    """A scheme prepared once for many households.

    Rules are sorted by option. Those that only a household's own entries can trigger (an item, a structure, a land
    type) are indexed by that entry; which of the others apply depends on a handful of tests shared between rules,
    so it is settled once for every combination of their outcomes and households alike in them share the answer.
    """

    def __init__(self, scheme):
        for rule in scheme.rules:
            rule.check()
        self.scheme = scheme
        self.measures = tuple(_measure(rule) for rule in scheme.rules)  # by the rule's position
        bounds = [rule for rule in scheme.rules if rule.kind in (CAP, FLOOR)]
        self.by_option = {
            option: _RuleIndex(self._offered(scheme.rules, option), self._offered(bounds, option))
            for option in scheme.options
        }

    @staticmethod
    def _offered(rules, option):
        """(position in the scheme, rule) of the rules the option offers."""
        return [
            (position, rule)
            for position, rule in enumerate(rules)
            if not rule.conditions.options or option in rule.conditions.options
        ]

    def statement(self, facts, option=None):
        option = option or facts.option
        if option not in self.scheme.options:
            raise SchemeError(f"{self.scheme.name} offers no {option} option")
        return _Computation(self, facts, option).run()

    def compare(self, facts):
        """A statement for every option the scheme offers, in the scheme's order."""
        return {option: self.statement(facts, option) for option in self.scheme.options}


class _Settled:
    """What applies to households alike in an option's shared tests."""

    __slots__ = ("rules", "positions", "groups", "amount_bounds", "month_caps")

    def __init__(self, rules, positions, groups, bounds):
        self.rules = rules
        self.positions = positions  # of the rules in the scheme, to put triggered ones among them
        self.groups = groups  # the tier groups these rules took
        self.amount_bounds = tuple(bound for bound in bounds if bound.basis == AMOUNT)
        self.month_caps = {}
        for bound in bounds:
            if bound.basis == MONTHS:
                for code in bound.targets:
                    self.month_caps[code] = min(self.month_caps.get(code, bound.amount), bound.amount)


class _RuleIndex:
    """One option's rules: the general ones by the positions of their tests, the others by the entry that
    triggers them, with their own tests."""

    __slots__ = ("tests", "general", "bounds", "items", "structures", "lands", "settled")

    def __init__(self, rules, bounds):
        tests, positions = [], {}

        def places(conditions):
            for key, test in _tests(conditions):
                if key not in positions:
                    positions[key] = len(tests)
                    tests.append(test)
            return tuple(positions[key] for key, _test in _tests(conditions))

        general, self.items, self.structures, self.lands = [], {}, {}, {}
        for position, rule in rules:
            conditions = rule.conditions
            if rule.kind in (CAP, FLOOR):
                continue
            pair = (position, rule, tuple(test for _key, test in _tests(conditions)))
            if rule.basis == ITEM:
                self.items[rule.code] = pair
            elif rule.basis == STOREY_AREA and conditions.structures:
                for structure in conditions.structures:
                    self.structures.setdefault(structure, []).append(pair)
            elif rule.basis == LAND_MU and conditions.land_types:
                for kind in conditions.land_types:
                    self.lands.setdefault(kind, []).append(pair)
            else:
                general.append((position, rule, places(conditions)))
        self.general = tuple(general)
        self.bounds = tuple((bound, places(bound.conditions)) for _position, bound in bounds)
        self.tests = tuple(tests)
        self.settled = {}  # the tests' outcomes → _Settled; at most one entry per combination met

    def settle(self, facts):
        outcome = tuple([test(facts) for test in self.tests])
        settled = self.settled.get(outcome)
        if settled is None:
            settled = self.settled[outcome] = self._settle(outcome)
        return settled

    def _settle(self, outcome):
        """The general rules that hold, in the scheme's order; of a tier group only the first that holds."""
        rules, positions, groups = [], [], set()
        for position, rule, places in self.general:
            group = rule.exclusive_group
            if (not group or group not in groups) and all(outcome[place] for place in places):
                if group:
                    groups.add(group)
                rules.append(rule)
                positions.append(position)
        bounds = [bound for bound, places in self.bounds if all(outcome[place] for place in places)]
        return _Settled(tuple(rules), tuple(positions), frozenset(groups), bounds)

    def triggered(self, facts):
        """(position, rule, tests) that the household's items, structures and land types could trigger."""
        extra = []
        if facts.items and self.items:
            extra += [self.items[code] for code in facts.items if code in self.items]
        if self.structures:
            for structure in {storey.structure for storey in facts.storeys}:
                extra += self.structures.get(structure, ())
        if facts.land_mu and self.lands:
            extra += {entry[0]: entry for kind in facts.land_mu for entry in self.lands.get(kind, ())}.values()
        return extra


def compile_scheme(scheme):
    return CompiledScheme(scheme)


@contextlib.contextmanager
def batch():
    """Many statements in a row, with Python's cyclic garbage collector paused meanwhile.

    Each statement leaves a dozen small objects that the caller keeps, and as they pile up the collector walks all
    of them again and again: that was more than half the time of 10,000 statements. Statements make no reference
    cycles (a test checks), so reference counting frees them without the collector. It is paused for the whole
    process, so keep a batch to seconds; it comes back on at the end unless it was off before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def calculate(scheme, facts, option=None):
    return CompiledScheme(scheme).statement(facts, option)


class _Computation:
    __slots__ = ("compiled", "scheme", "facts", "option", "warnings", "plan")

    def __init__(self, compiled, facts, option):
        self.compiled = compiled
        self.scheme = compiled.scheme
        self.facts = facts
        self.option = option
        self.warnings = []
        self.plan = _Plan(facts, option)

    def _applicable(self):
        """The rules that apply and their positions, in the scheme's order, and what the settled tests say of
        caps and floors."""
        index = self.compiled.by_option[self.option]
        facts = self.facts
        settled = index.settle(facts)
        extra = index.triggered(facts)
        if not extra:
            return settled.rules, settled.positions, settled
        applicable, positions, groups = list(settled.rules), list(settled.positions), set(settled.groups)
        for position, rule, tests in extra:
            group = rule.exclusive_group
            if group and group in groups:
                continue
            if all(test(facts) for test in tests):
                if group:
                    groups.add(group)
                place = bisect.bisect(positions, position)
                positions.insert(place, position)
                applicable.insert(place, rule)
        return applicable, positions, settled

    def run(self):
        applicable, positions, settled = self._applicable()
        if (
            self.facts.use == CONVERTED
            and self.facts.non_residential_area
            and not any(rule.kind in VALUE_KINDS and rule.basis in NON_RESIDENTIAL_BASES for rule in applicable)
        ):
            # A converted dwelling that does not meet the scheme's terms for business use is still a dwelling.
            self.warnings.append("住改非部分不符合按非住宅补偿的条件，按住宅一层计")
            self.facts = _as_dwelling(self.facts)
            self.plan = _Plan(self.facts, self.option)
            applicable, positions, settled = self._applicable()
        facts, option = self.facts, self.option
        month_caps = settled.month_caps

        lines, third_party, pending = [], [], []
        pools = {FLAT_POOL: ZERO, SHOP_POOL: ZERO, BASEMENT_POOL: ZERO}
        measures = self.compiled.measures
        for rule, position in zip(applicable, positions, strict=True):
            if rule.kind == PRICE_DIFFERENCE:
                pending.append(rule)  # needs the whole entitlement first
                continue
            line = self._line(rule, measures[position], month_caps)
            if line is None:
                continue
            if line.area is not None:
                pools[_pool(rule)] += line.area
            (lines if rule.payee == HOUSEHOLD else third_party).append(line)

        flat_wished = facts.wished_area if facts.wished_area is not None else pools[FLAT_POOL]
        shop_wished = facts.wished_shop_area if facts.wished_shop_area is not None else pools[SHOP_POOL]
        if option == CASH:
            flat_wished = shop_wished = ZERO
        differences = {
            FLAT_LARGER: flat_wished - pools[FLAT_POOL],
            FLAT_SMALLER: pools[FLAT_POOL] - flat_wished,
            SHOP_LARGER: shop_wished - pools[SHOP_POOL],
            SHOP_SMALLER: pools[SHOP_POOL] - shop_wished,
        }
        for rule in pending:
            line = self._difference_line(rule, differences[rule.basis])
            if line is not None:
                lines.append(line)

        for bound in settled.amount_bounds:
            line = self._bound_line(bound, lines)
            if line is not None:
                lines.append(line)

        subtotals = {}
        for line in lines:
            if line.amount is not None:
                subtotals[line.heading] = subtotals.get(line.heading, ZERO) + line.amount
        subtotals = {heading: subtotals[heading] for heading in HEADINGS if heading in subtotals}
        total = sum(subtotals.values(), ZERO)
        return Statement(
            scheme=self.scheme.name,
            option=option,
            lines=lines,
            third_party=third_party,
            subtotals=subtotals,
            total=total,
            rounded_total=total.quantize(self.scheme.rounding, rounding=ROUND_HALF_UP),
            flat_entitlement=pools[FLAT_POOL],
            flat_wished=flat_wished,
            shop_entitlement=pools[SHOP_POOL],
            shop_wished=shop_wished,
            basement_exchange=pools[BASEMENT_POOL],
            warnings=self.warnings,
        )

    def _line(self, rule, measure, month_caps):
        kind = rule.kind
        quantity, unit = measure(self.facts, self.plan)
        if not quantity:
            return None
        if kind == EXCHANGE_RATIO:
            return Line(rule, quantity, unit, rule.amount, area=quantity * rule.amount)
        if kind == EXTRA_AREA:
            return Line(rule, quantity, unit, rule.amount, area=rule.amount)
        months = None
        if kind == BUSINESS_LOSS:
            # The household's own wages and tax: no rate. Tax is a year's, so twelfths (divided last, to stay exact).
            months = self._months(rule, month_caps)
            if not months:
                self.warnings.append(f"{rule.label}: 月数未定，未计入")
                return None
            amount = quantity * months / TWELVE if rule.basis == TAX else quantity * months
            rate = None
        else:
            if rule.amount is not None and rule.amount_max is None:
                rate = rule.amount
            else:
                rate = _rate(rule, self.facts, self.warnings)
                if rate is None:
                    return None
            if kind == APPRAISED:
                rate = _multiplier(rate)
            amount = quantity * rate
            if kind == MONTHLY_PER_M2:
                months = self._months(rule, month_caps)
                if not months:
                    self.warnings.append(f"{rule.label}: 月数未定，未计入")
                    return None
                amount *= months
        if rule.times != 1:
            amount *= rule.times
        return Line(rule, quantity, unit, rate, amount=-amount if rule.debit else amount, months=months)

    def _months(self, rule, month_caps):
        cap = month_caps.get(rule.code)
        if rule.kind == BUSINESS_LOSS:
            months = self.facts.interruption_months
            if months is None:
                return cap if cap is not None else rule.months
        else:
            months = rule.months if rule.months is not None else self.facts.agreed_transition_months
        if cap is not None and months is not None:
            months = min(months, cap)
        return months

    def _difference_line(self, rule, difference):
        low = rule.band_from or ZERO
        high = rule.band_to
        quantity = max(difference, ZERO) - low
        if high is not None:
            quantity = min(quantity, high - low)
        if quantity <= 0:
            return None
        rate = _rate(rule, self.facts, self.warnings)
        if rate is None:
            return None
        amount = quantity * rate
        return Line(rule, quantity, "m²", rate, amount=-amount if rule.debit else amount)

    def _bound_line(self, bound, lines):
        targets = set(bound.targets)
        total = sum((line.amount for line in lines if line.code in targets and line.amount is not None), ZERO)
        if bound.kind == CAP and total > bound.amount:
            adjustment = bound.amount - total
        elif bound.kind == FLOOR and total < bound.amount:
            adjustment = bound.amount - total
        else:
            return None
        return Line(bound, total, "元", bound.amount, amount=adjustment)


# Rules that value premises (not allowances on their area): whether any applies says the use was recognised.
VALUE_KINDS = (APPRAISED, EXCHANGE_RATIO)
NON_RESIDENTIAL_BASES = (NON_RESIDENTIAL_AREA, "appraised_non_residential")


def _as_dwelling(facts):
    return replace(
        facts,
        use=RESIDENTIAL,
        storeys=(*facts.storeys, Storey(1, facts.non_residential_area)),
        appraised_house=facts.appraised_house + facts.appraised_non_residential,
        non_residential_area=ZERO,
        appraised_non_residential=ZERO,
    )


def _pool(rule):
    if rule.basis == NON_RESIDENTIAL_AREA:
        return SHOP_POOL
    if rule.basis == BASEMENT_AREA:
        return BASEMENT_POOL
    return FLAT_POOL
