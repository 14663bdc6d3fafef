"""Each rule kind and condition of the calculator, on small made-up schemes. Pure: no database."""

import ast
from decimal import Decimal as D
from pathlib import Path

import pytest

from compensation import calculator as c

SOURCE = c.Source("测试〔2024〕1号", "一、", "测试条款。")


def rule(code, kind, heading=c.HOUSE, **fields):
    if "conditions" in fields:
        fields["conditions"] = c.Conditions.from_dict(fields["conditions"])
    for name in ("amount", "amount_max", "months", "band_from", "band_to"):
        if fields.get(name) is not None:
            fields[name] = D(str(fields[name]))
    return c.Rule(code=code, kind=kind, label=code, heading=heading, source=SOURCE, **fields)


def scheme(*rules, options=c.OPTIONS):
    return c.compile_scheme(c.Scheme("测试方案", rules, options=options))


def one_storey(area=100, **facts):
    return c.HouseholdFacts(storeys=(c.Storey(1, D(area)),), **facts)


def test_the_calculator_imports_no_django():
    tree = ast.parse(Path(c.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {name for name in imported if name.startswith("django")}


def test_appraised_value_with_uplift_is_exact():
    statement = scheme(rule("cash", c.APPRAISED, basis="appraised_house", amount=20)).statement(
        c.HouseholdFacts(appraised_house=D("123456.78"))
    )
    assert statement.lines[0].amount == D("148148.136")
    assert statement.rounded_total == D(148148)


def test_exchange_ratio_per_storey_yields_area_not_money():
    ground = rule(
        "g",
        c.EXCHANGE_RATIO,
        c.RESETTLEMENT,
        basis=c.STOREY_AREA,
        amount="1.3",
        conditions={"storey_from": 1, "storey_to": 1},
    )
    upper = rule(
        "u", c.EXCHANGE_RATIO, c.RESETTLEMENT, basis=c.STOREY_AREA, amount="1.1", conditions={"storey_from": 2}
    )
    facts = c.HouseholdFacts(option=c.EXCHANGE, storeys=(c.Storey(1, D(10)), c.Storey(2, D(10)), c.Storey(3, D(5))))
    statement = scheme(ground, upper).statement(facts)
    assert [(line.code, line.quantity, line.area, line.amount) for line in statement.lines] == [
        ("g", D(10), D(13), None),
        ("u", D(15), D("16.5"), None),
    ]
    assert statement.flat_entitlement == D("29.5") and statement.total == 0


def test_extra_area_adds_to_the_entitlement():
    statement = scheme(rule("x", c.EXTRA_AREA, c.RESETTLEMENT, basis=c.HOUSEHOLD_BASIS, amount=15)).statement(
        one_storey(option=c.EXCHANGE)
    )
    assert statement.flat_entitlement == D(15)


def test_rate_per_m2_per_mu_per_item_and_one_off():
    rules = (
        rule("m2", c.RATE_PER_M2, basis=c.MAIN_AREA, amount=30),
        rule("mu", c.RATE_PER_MU, c.LAND, basis=c.LAND_MU, amount=1000, conditions={"land_types": ["farmland"]}),
        rule("tree", c.RATE_PER_ITEM, c.ATTACHMENTS, basis=c.ITEM, amount=800, unit="元/棵"),
        rule("once", c.ONE_OFF, basis=c.HOUSEHOLD_BASIS, amount=500),
    )
    facts = one_storey(80, land_mu={"farmland": D("1.5"), "unused": D(9)}, items={"tree": D(3)})
    statement = scheme(*rules).statement(facts)
    assert {line.code: (line.quantity, line.quantity_unit, line.amount) for line in statement.lines} == {
        "m2": (D(80), "m²", D(2400)),
        "mu": (D("1.5"), "亩", D(1500)),
        "tree": (D(3), "棵", D(2400)),
        "once": (D(1), "户", D(500)),
    }


def test_homestead_in_m2_converts_to_mu_exactly():
    statement = scheme(rule("h", c.RATE_PER_MU, c.LAND, basis=c.HOMESTEAD_REMAINING, amount=160000)).statement(
        one_storey(100, homestead_area=D(101))
    )
    assert statement.lines[0].quantity == D("0.0015") and statement.lines[0].amount == D(240)


def test_monthly_allowance_takes_fixed_or_agreed_months_and_pays_twice():
    fixed = rule("fixed", c.MONTHLY_PER_M2, c.TRANSITION, basis=c.MAIN_AREA, amount=20, months=12)
    agreed = rule("agreed", c.MONTHLY_PER_M2, c.TRANSITION, basis=c.MAIN_AREA, amount=20, times=2)
    statement = scheme(fixed, agreed).statement(one_storey(10, agreed_transition_months=D(5)))
    assert {line.code: line.amount for line in statement.lines} == {"fixed": D(2400), "agreed": D(2000)}


def test_price_difference_bands_and_debits():
    larger_first = rule(
        "first", c.PRICE_DIFFERENCE, c.RESETTLEMENT, basis=c.FLAT_LARGER, amount=2600, band_to=20, debit=True
    )
    larger_rest = rule(
        "rest", c.PRICE_DIFFERENCE, c.RESETTLEMENT, basis=c.FLAT_LARGER, amount=4500, band_from=20, debit=True
    )
    smaller = rule("smaller", c.PRICE_DIFFERENCE, c.RESETTLEMENT, basis=c.FLAT_SMALLER, amount=2900)
    ratio = rule("ratio", c.EXCHANGE_RATIO, c.RESETTLEMENT, basis=c.MAIN_AREA, amount=1)
    compiled = scheme(ratio, larger_first, larger_rest, smaller)
    bigger = compiled.statement(one_storey(100, option=c.EXCHANGE, wished_area=D("120.5")))
    assert {line.code: line.amount for line in bigger.lines if line.amount} == {
        "first": D(-52000),
        "rest": D("-2250.0"),
    }
    exactly_20 = compiled.statement(one_storey(100, option=c.EXCHANGE, wished_area=D(120)))
    assert [line.code for line in exactly_20.lines] == ["ratio", "first"]
    less = compiled.statement(one_storey(100, option=c.EXCHANGE, wished_area=D(90)))
    assert {line.code: line.amount for line in less.lines if line.amount} == {"smaller": D(29000)}


def test_cash_option_has_no_flat_to_settle():
    smaller = rule("smaller", c.PRICE_DIFFERENCE, c.RESETTLEMENT, basis=c.FLAT_SMALLER, amount=2900)
    statement = scheme(smaller).statement(one_storey(option=c.CASH, wished_area=D(50)))
    assert statement.lines == [] and statement.flat_wished == 0


def test_business_loss_by_wages_and_tax_with_a_month_cap():
    wages = rule("wages", c.BUSINESS_LOSS, c.BUSINESS, basis=c.WAGES)
    tax = rule("tax", c.BUSINESS_LOSS, c.BUSINESS, basis=c.TAX)
    cap = rule("cap", c.CAP, c.BUSINESS, basis=c.MONTHS, amount=6, targets=("wages", "tax"))
    facts = c.HouseholdFacts(registered_staff=3, monthly_wage=D(2000), annual_tax=D(10000), interruption_months=D(7))
    statement = scheme(wages, tax, cap).statement(facts)
    # 3 × 2,000 × 6 = 36,000; 10,000 × 6 / 12 = 5,000
    assert {line.code: line.amount for line in statement.lines} == {"wages": D(36000), "tax": D(5000)}


def test_amount_cap_and_floor_add_an_adjusting_line():
    per_m2 = rule("per-m2", c.RATE_PER_M2, basis=c.MAIN_AREA, amount=1000)
    cap = rule("cap", c.CAP, basis=c.AMOUNT, amount=50000, targets=("per-m2",))
    floor = rule("floor", c.FLOOR, basis=c.AMOUNT, amount=80000, targets=("per-m2",))
    assert scheme(per_m2, cap).statement(one_storey(70)).total == D(50000)
    assert scheme(per_m2, cap).statement(one_storey(40)).total == D(40000)
    floored = scheme(per_m2, floor).statement(one_storey(70))
    assert floored.total == D(80000) and floored.lines[-1].amount == D(10000)


def test_a_cap_needs_targets_and_a_floor_bounds_an_amount():
    with pytest.raises(c.SchemeError):
        scheme(rule("cap", c.CAP, basis=c.AMOUNT, amount=1))
    with pytest.raises(c.SchemeError):
        scheme(rule("floor", c.FLOOR, basis=c.MONTHS, amount=1, targets=("x",)))


def test_ranges_take_the_households_figure_or_the_lower_end_with_a_warning():
    ranged = rule("r", c.RATE_PER_M2, basis=c.MAIN_AREA, amount=300, amount_max=500)
    compiled = scheme(ranged)
    assert compiled.statement(one_storey(10)).total == D(3000)
    assert compiled.statement(one_storey(10)).warnings
    assert compiled.statement(one_storey(10, rates={"r": D(450)})).total == D(4500)
    with pytest.raises(c.SchemeError):
        compiled.statement(one_storey(10, rates={"r": D(600)}))


def test_an_amount_left_to_assessment_is_not_guessed():
    open_rate = rule("open", c.RATE_PER_M2, basis=c.MAIN_AREA)
    statement = scheme(open_rate).statement(one_storey(10))
    assert statement.lines == [] and "待评估" in statement.warnings[0]
    assert scheme(open_rate).statement(one_storey(10, rates={"open": D(7)})).total == D(70)


@pytest.mark.parametrize(
    ("conditions", "facts", "applies"),
    [
        ({"options": [c.CASH]}, {"option": c.EXCHANGE}, False),
        ({"land_ownership": c.STATE}, {"land_ownership": c.COLLECTIVE}, False),
        ({"land_ownership": c.STATE}, {"land_ownership": c.STATE}, True),
        ({"uses": [c.CONVERTED]}, {"use": c.RESIDENTIAL}, False),
        ({"title_statuses": [c.INCOMPLETE]}, {"title_status": c.INCOMPLETE}, True),
        ({"title_statuses": [c.INCOMPLETE]}, {"title_status": c.LEGAL}, False),
        ({"house_storeys_max": 1}, {"storeys": (c.Storey(1, D(10)), c.Storey(2, D(10)))}, False),
        ({"basement_height_min": "2.2"}, {"basement_height": D("2.2")}, True),
        ({"basement_height_min": "2.2"}, {"basement_height": D("2.19")}, False),
        ({"basement_height_min": "2.2"}, {"basement_height": None}, False),
        ({"basement_height_below": "2.2"}, {"basement_height": D("2.19")}, True),
        ({"basement_height_below": "2.2"}, {"basement_height": D("2.2")}, False),
        ({"signing_day_max": 15}, {"signing_day": 15}, True),
        ({"signing_day_max": 15}, {"signing_day": 16}, False),
        ({"signing_day_max": 15}, {"signing_day": None}, False),
        ({"group_min": 5}, {"group_households": 5}, True),
        ({"group_min": 5}, {"group_households": 4}, False),
        ({"group_min": 5, "group_within_days": 10}, {"group_households": 5, "group_days": 11}, False),
        ({"reform_year": 1990}, {"reform_year": 1994}, False),
        ({"stoppage": c.FULL}, {"stoppage": c.PARTIAL}, False),
        ({"flags": {"balcony_enclosed": False}}, {"balcony_enclosed": False}, True),
        ({"flags": {"balcony_enclosed": False}}, {"balcony_enclosed": True}, False),
        ({"flags": {"within_signing_period": True}}, {"within_signing_period": False}, False),
    ],
)
def test_each_condition(conditions, facts, applies):
    facts = {"storeys": (c.Storey(1, D(10)),), **facts}
    compiled = scheme(rule("r", c.ONE_OFF, basis=c.HOUSEHOLD_BASIS, amount=1, conditions=conditions))
    statement = compiled.statement(c.HouseholdFacts(**facts))
    assert bool(statement.lines) is applies


def test_structures_pick_the_storeys_a_rate_applies_to():
    brick = rule("brick", c.RATE_PER_M2, basis=c.STOREY_AREA, amount=2000, conditions={"structures": ["砖"]})
    facts = c.HouseholdFacts(storeys=(c.Storey(1, D(10), "砖"), c.Storey(1, D(5), "土")))
    assert scheme(brick).statement(facts).total == D(20000)


def test_only_the_first_matching_tier_of_a_group_applies():
    tiers = [
        rule(f"day-{days}", c.RATE_PER_M2, c.BONUS, basis=c.MAIN_AREA, amount=amount, exclusive_group="days",
             conditions={"signing_day_max": days})
        for days, amount in ((15, 300), (25, 200))
    ]  # fmt: skip
    compiled = scheme(*tiers)
    assert [line.code for line in compiled.statement(one_storey(1, signing_day=3)).lines] == ["day-15"]
    assert [line.code for line in compiled.statement(one_storey(1, signing_day=20)).lines] == ["day-25"]


def test_lines_for_someone_else_stay_out_of_the_total():
    village = rule("village", c.RATE_PER_M2, c.BONUS, basis=c.MAIN_AREA, amount=50, payee=c.VILLAGE)
    statement = scheme(village).statement(one_storey(10))
    assert statement.total == 0 and statement.third_party[0].amount == D(500)


def test_mixed_exchanges_from_the_ground_floor_up_and_cashes_the_share_left():
    exchange = rule("ex", c.EXCHANGE_RATIO, c.RESETTLEMENT, basis=c.STOREY_AREA, amount=1)
    cash = rule("cash", c.APPRAISED, basis="appraised_house", amount=0)
    facts = c.HouseholdFacts(
        option=c.MIXED,
        storeys=(c.Storey(2, D(60)), c.Storey(1, D(40))),
        appraised_house=D(100000),
        mixed_exchange_area=D(70),
    )
    statement = scheme(exchange, cash).statement(facts)
    assert statement.flat_entitlement == D(70)
    assert {line.code: line.amount for line in statement.lines}["cash"] == D(30000)


def test_compare_gives_every_offered_option():
    compared = scheme(rule("r", c.ONE_OFF, basis=c.HOUSEHOLD_BASIS, amount=1), options=(c.CASH, c.EXCHANGE)).compare(
        c.HouseholdFacts()
    )
    assert list(compared) == [c.CASH, c.EXCHANGE]


def test_unknown_conditions_kinds_and_facts_are_refused():
    with pytest.raises(c.SchemeError):
        c.Conditions.from_dict({"storey": 1})
    with pytest.raises(c.SchemeError):
        c.Conditions.from_dict({"flags": {"has_garden": True}})
    with pytest.raises(c.SchemeError):
        scheme(rule("r", "per_hectare"))
    with pytest.raises(c.SchemeError):
        c.HouseholdFacts(option="barter")
    with pytest.raises(c.SchemeError):
        c.facts_from_dict({"garden": "1"})


def test_conditions_round_trip_through_their_json_form():
    data = {"options": ["cash", "mixed"], "basement_height_min": "2.2", "flags": {"street_shop": True}}
    assert c.Conditions.from_dict(data).to_dict() == data


def test_facts_round_trip_through_their_json_form():
    facts = c.HouseholdFacts(
        option=c.MIXED,
        storeys=(c.Storey(1, D("101.25"), "砖混"),),
        reform_year=1994,
        basement_height=D("2.2"),
        land_mu={"grain": D("0.5")},
        items={"fruit-peak": D(3)},
        rates={"bonus-20": D(450)},
        signing_day=15,
    )
    assert c.facts_from_dict(c.facts_to_dict(facts)) == facts
