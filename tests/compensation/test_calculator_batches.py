"""One compiled scheme computing many households in turn, as an export or the benchmark does. Pure: no database."""

import gc
import random
from decimal import Decimal as D

import pytest

from compensation import calculator as c
from compensation import scheme_data

NUMBERS = (scheme_data.SANQI, scheme_data.ERQI_ADJUSTMENT, scheme_data.GUXIAN)


def real_scheme(number):
    return scheme_data.scheme_for_calculator(scheme_data.version_data(number))


def households(scheme, count, seed):
    """Households that differ in every fact a condition reads, so that each combination of tests comes up."""
    rng = random.Random(seed)
    structures = sorted({s for rule in scheme.rules for s in rule.conditions.structures}) or [""]
    items = [rule.code for rule in scheme.rules if rule.basis == c.ITEM]
    for _ in range(count):
        storeys = tuple(
            c.Storey(number, D(rng.randrange(2000, 15000)) / 100, rng.choice(structures))
            for number in range(1, rng.choice((1, 2, 3)) + 1)
        )
        use = rng.choice((c.RESIDENTIAL, c.RESIDENTIAL, c.NON_RESIDENTIAL, c.CONVERTED))
        shop = use != c.RESIDENTIAL
        yield c.HouseholdFacts(
            option=rng.choice(scheme.options),
            storeys=storeys,
            use=use,
            title_status=rng.choice(c.TITLE_STATUSES),
            land_ownership=rng.choice((c.STATE, c.COLLECTIVE)),
            certified_area=D(rng.choice((0, 80))),
            non_residential_area=D(rng.randrange(20, 200)) if shop else D(0),
            appraised_non_residential=D(rng.randrange(100000, 900000)) if shop else D(0),
            licence_before_notice=rng.random() < 0.5,
            street_shop=rng.random() < 0.3,
            registered_staff=rng.randrange(0, 6) if shop else 0,
            monthly_wage=D(rng.randrange(2000, 5000)),
            annual_tax=D(rng.randrange(0, 80000)),
            stoppage=rng.choice(("", c.FULL, c.PARTIAL)) if shop else "",
            homestead_area=D(rng.randrange(0, 400)),
            homestead_far_area=D(rng.randrange(0, 30)),
            appraised_house=D(rng.randrange(100000, 600000)),
            basement_area=D(rng.choice((0, 30))),
            basement_height=rng.choice((None, D("1.9"), D("2.2"), D("2.6"))),
            balcony_area=D(rng.choice((0, 8))),
            balcony_enclosed=rng.random() < 0.5,
            land_mu={kind: D(rng.randrange(0, 300)) / 100 for kind in rng.sample(scheme_data.LAND_TYPES, 2)},
            items={code: D(rng.randrange(1, 6)) for code in rng.sample(items, min(len(items), 3))},
            wished_area=D(rng.randrange(60, 300)) if rng.random() < 0.7 else None,
            agreed_transition_months=D(rng.choice((0, 12, 24))),
            buy_upper_floor=rng.random() < 0.2,
            signing_day=rng.choice((None, *range(1, 40))),
            within_signing_period=rng.random() < 0.9,
            group_households=rng.choice((0, 4, 5, 9, 10, 12)),
            group_days=rng.choice((None, *range(1, 15))),
            group_whole_compound=rng.random() < 0.2,
        )


def printed(statement):
    """Everything a statement says, to compare two of them."""

    def lines(items):
        return [(line.code, line.quantity, line.quantity_unit, line.rate, line.amount, line.area, line.months)
                for line in items]  # fmt: skip

    return (
        statement.option,
        lines(statement.lines),
        lines(statement.third_party),
        statement.subtotals,
        statement.total,
        statement.rounded_total,
        statement.flat_entitlement,
        statement.flat_wished,
        statement.shop_entitlement,
        statement.shop_wished,
        statement.basement_exchange,
        statement.warnings,
    )


@pytest.mark.parametrize("number", NUMBERS)
def test_households_met_in_turn_get_what_each_would_get_alone(number):
    scheme = real_scheme(number)
    shared = c.compile_scheme(scheme)
    for facts in households(scheme, 200, seed=len(number)):
        for option in scheme.options:
            assert printed(shared.statement(facts, option)) == printed(c.calculate(scheme, facts, option))


def test_tiers_follow_each_household_after_others_settled_them():
    tiers = [
        c.Rule(f"day-{days}", c.RATE_PER_M2, f"day-{days}", c.BONUS, basis=c.MAIN_AREA, amount=D(amount),
               exclusive_group="days", conditions=c.Conditions(signing_day_max=days))
        for days, amount in ((15, 300), (25, 200), (30, 100))
    ]  # fmt: skip
    compiled = c.compile_scheme(c.Scheme("tiers", tuple(tiers)))
    bonuses = [
        compiled.statement(c.HouseholdFacts(storeys=(c.Storey(1, D(1)),), signing_day=day)).total
        for day in (15, 16, 25, 26, 30, 31, 15, None, 3)
    ]
    assert bonuses == [300, 200, 200, 100, 100, 0, 300, 0, 300]


def test_statements_make_no_reference_cycles():
    """What lets a batch pause the cyclic collector: reference counting alone frees every statement."""
    schemes = [c.compile_scheme(real_scheme(number)) for number in NUMBERS]
    gc.collect()
    gc.disable()
    try:
        for compiled in schemes:
            for facts in households(compiled.scheme, 100, seed=7):
                compiled.compare(facts)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_batch_pauses_the_collector_and_leaves_it_as_it_found_it():
    assert gc.isenabled()
    with c.batch():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with c.batch():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_batch_turns_the_collector_back_on_when_a_statement_fails():
    compiled = c.compile_scheme(real_scheme(scheme_data.SANQI))
    with pytest.raises(c.SchemeError), c.batch():
        compiled.statement(c.HouseholdFacts(option=c.CASH), option="barter")
    assert gc.isenabled()
