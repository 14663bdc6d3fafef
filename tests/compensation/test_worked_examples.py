"""Households computed by hand under the three real schemes; the calculator must reproduce each total to the 元.

The arithmetic is in the comments, worked out on paper from the rules in ``compensation/scheme_data.py``
(themselves the gazette clauses), not by running the code. Pure: no database.
"""

from decimal import Decimal as D

import pytest

from compensation import calculator as c
from compensation import scheme_data

SANQI = c.compile_scheme(scheme_data.scheme_for_calculator(scheme_data.version_data(scheme_data.SANQI)))
ERQI = c.compile_scheme(scheme_data.scheme_for_calculator(scheme_data.version_data(scheme_data.ERQI_ADJUSTMENT)))
GUXIAN = c.compile_scheme(scheme_data.scheme_for_calculator(scheme_data.version_data(scheme_data.GUXIAN)))


def storeys(*areas, structure=""):
    """Storeys 1, 2, … with these floor areas."""
    return tuple(c.Storey(number, D(str(area)), structure) for number, area in enumerate(areas, start=1))


def amounts(statement):
    return {line.code: line.amount for line in statement.lines}


# 兴县城区棚户区改造三期 (兴政发〔2021〕14号)

SANQI_CASH_HOUSEHOLD = dict(
    option=c.CASH,
    storeys=storeys(120, 100),
    appraised_house=D(600000),
    appraised_attachments=D(30000),
    appraised_decoration=D(20000),
    homestead_area=D(300),
)


def test_sanqi_1_cash_signed_on_day_15_gets_the_300_tier():
    # main house 120 + 100 = 220 m²
    # 三（一）  appraised 600,000 × 1.2                     = 720,000
    # 一（六）  attachments 30,000 + decoration 20,000       =  50,000
    # 六（一）  homestead 300 − ground floor 120 = 180 m² × 0.0015 = 0.27 亩 × 160,000 = 43,200
    # 八       relocation once 220 × 30                      =   6,600
    # 九       transition 220 × 20 × 12                      =  52,800
    # 十（一）  day 15 (within 15) 220 × 300                  =  66,000
    # total 720,000 + 50,000 + 43,200 + 6,600 + 52,800 + 66,000 = 938,600
    # 十（四）  village committee 220 × 50 = 11,000, paid to the village, not in the total
    statement = SANQI.statement(c.HouseholdFacts(**SANQI_CASH_HOUSEHOLD, signing_day=15))
    assert statement.rounded_total == D(938600)
    assert amounts(statement)["bonus-15"] == D(66000)
    assert [(line.code, line.amount) for line in statement.third_party] == [("village-bonus", D(11000))]


def test_sanqi_2_day_16_falls_to_the_200_tier():
    # as example 1, bonus 220 × 200 = 44,000 instead of 66,000: 938,600 − 66,000 + 44,000 = 916,600
    statement = SANQI.statement(c.HouseholdFacts(**SANQI_CASH_HOUSEHOLD, signing_day=16))
    assert statement.rounded_total == D(916600)
    assert "bonus-15" not in amounts(statement) and amounts(statement)["bonus-25"] == D(44000)


@pytest.mark.parametrize(
    ("day", "tier", "total"),
    [
        (25, "bonus-25", D(916600)),  # 220 × 200 = 44,000: 872,600 + 44,000
        (26, "bonus-30", D(894600)),  # 220 × 100 = 22,000: 872,600 + 22,000
        (30, "bonus-30", D(894600)),
        (31, None, D(872600)),  # beyond 30 days: no signing bonus; 938,600 − 66,000
    ],
)
def test_sanqi_3_day_tiers_at_their_boundaries(day, tier, total):
    statement = SANQI.statement(c.HouseholdFacts(**SANQI_CASH_HOUSEHOLD, signing_day=day))
    assert statement.rounded_total == total
    assert [code for code in amounts(statement) if code.startswith("bonus-")] == ([tier] if tier else [])


def test_sanqi_4_no_bonus_after_the_signing_period_even_on_day_10():
    # within_signing_period False: 938,600 − 66,000 = 872,600
    facts = c.HouseholdFacts(**SANQI_CASH_HOUSEHOLD, signing_day=10, within_signing_period=False)
    assert SANQI.statement(facts).rounded_total == D(872600)


def test_sanqi_5_exchange_larger_flat_with_five_neighbours():
    # ground 100 × 1.3 = 130 m², upper 80 × 1.1 = 88 m²: entitled 218 m²; wished 250: 32 m² more
    # 三（二）9.  32 × 2,600 paid by the household          = −83,200
    # 一（六）    attachments                                =  10,000
    # 八（三）    relocation twice 180 × 30 × 2              =  10,800
    # 九         transition 180 × 20 × 24 agreed months     =  86,400
    # 十（一）    day 10: 180 × 300                          =  54,000
    # 十（三）    6 households within 8 days: 180 × 300      =  54,000
    # total −83,200 + 10,000 + 10,800 + 86,400 + 54,000 + 54,000 = 132,000
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        storeys=storeys(100, 80),
        appraised_attachments=D(10000),
        wished_area=D(250),
        agreed_transition_months=D(24),
        signing_day=10,
        group_households=6,
        group_days=8,
    )
    statement = SANQI.statement(facts)
    assert statement.flat_entitlement == D(218)
    assert amounts(statement)["flat-larger"] == D(-83200)
    assert statement.rounded_total == D(132000)


def test_sanqi_6_exchange_smaller_flat_basement_balcony_and_ten_neighbours():
    # single storey 90 m² × 1.3 = 117 m²; wished 100: 17 m² less × 2,900 =  49,300
    # 三（二）5.  basement 40 m², clear height exactly 2.2: 40 m² basement for basement (area, no money)
    # 三（二）6.  unenclosed balcony 10 m² × 150 assessed    =  −1,500
    # 八         relocation twice 90 × 30 × 2                =   5,400
    # 九         transition 90 × 20 × 18                     =  32,400
    # 十（一）    day 30: 90 × 100                            =   9,000
    # 十（三）    10 households on day 10 of their application: 90 × 500 (not 300 + 500) = 45,000
    # total 49,300 − 1,500 + 5,400 + 32,400 + 9,000 + 45,000 = 139,600
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        storeys=storeys(90),
        wished_area=D(100),
        basement_area=D(40),
        basement_height=D("2.2"),
        balcony_area=D(10),
        balcony_enclosed=False,
        rates={"balcony-enclosing": D(150)},
        agreed_transition_months=D(18),
        signing_day=30,
        group_households=10,
        group_days=10,
    )
    statement = SANQI.statement(facts)
    assert statement.basement_exchange == D(40)
    assert amounts(statement)["group-10"] == D(45000) and "group-5" not in amounts(statement)
    assert statement.rounded_total == D(139600)


def test_sanqi_7_mixed_exchanges_the_ground_floor_and_cashes_the_rest():
    # storeys 100 + 100; by default the ground floor is exchanged: 100 × 1.3 = 130 m² (= wished, no difference)
    # cash share (200 − 100) / 200 = 0.5: 500,000 × 0.5 × 1.2 = 300,000
    # 一（六）1. basement 20 m² at 2.0 m (below 2.2): cash only, appraised 16,000
    # relocation twice 200 × 30 × 2 = 12,000; transition 200 × 20 × 12 = 48,000
    # day 40 and 4 households: no bonus
    # total 300,000 + 16,000 + 12,000 + 48,000 = 376,000
    facts = c.HouseholdFacts(
        option=c.MIXED,
        storeys=storeys(100, 100),
        appraised_house=D(500000),
        basement_area=D(20),
        basement_height=D("2.0"),
        appraised_basement=D(16000),
        wished_area=D(130),
        agreed_transition_months=D(12),
        signing_day=40,
        group_households=4,
        group_days=5,
    )
    statement = SANQI.statement(facts)
    assert amounts(statement)["cash-main"] == D(300000)
    assert statement.flat_entitlement == D(130) and statement.basement_exchange == 0
    assert statement.rounded_total == D(376000)


def test_sanqi_8_business_premises_cash_full_stoppage_capped_at_12_months():
    # 四（一） appraised premises                                       = 900,000
    # 七（二） wages 5 staff × 3,000 = 15,000 a month × 12 (cap, no months agreed) = 180,000
    #         tax 36,000 a year × 12 / 12                             =  36,000
    # 八（二） relocation 150 × 50                                      =   7,500
    # total 1,123,500
    facts = c.HouseholdFacts(
        option=c.CASH,
        use=c.NON_RESIDENTIAL,
        land_ownership=c.STATE,
        non_residential_area=D(150),
        appraised_non_residential=D(900000),
        registered_staff=5,
        monthly_wage=D(3000),
        annual_tax=D(36000),
        stoppage=c.FULL,
        signing_day=5,
    )
    statement = SANQI.statement(facts)
    assert amounts(statement)["business-wages"] == D(180000)
    assert statement.rounded_total == D(1123500)


def test_sanqi_9_shop_exchange_partial_stoppage_months_capped_at_6():
    # 四（二） 120 m² for 120 m²; wished 130: 10 m² × 6,000 market (assessed), paid by the household = −60,000
    # 七（二） 8 months asked, partial stoppage caps at 6: wages 4 × 2,500 × 6 = 60,000; tax 24,000 × 6 / 12 = 12,000
    # 八      relocation twice 120 × 50 × 2                           =  12,000
    # 九（三） street shop rent 120 × 25 × 20 months                  =  60,000
    # total −60,000 + 60,000 + 12,000 + 12,000 + 60,000 = 84,000
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        use=c.NON_RESIDENTIAL,
        non_residential_area=D(120),
        wished_shop_area=D(130),
        street_shop=True,
        registered_staff=4,
        monthly_wage=D(2500),
        annual_tax=D(24000),
        stoppage=c.PARTIAL,
        interruption_months=D(8),
        agreed_transition_months=D(20),
        rates={"shop-larger": D(6000), "transition-shop": D(25)},
    )
    statement = SANQI.statement(facts)
    assert statement.shop_entitlement == D(120)
    assert amounts(statement)["business-tax"] == D(12000)
    assert statement.rounded_total == D(84000)


CONVERTED_HOUSEHOLD = dict(
    option=c.CASH,
    use=c.CONVERTED,
    storeys=(c.Storey(1, D(40)), c.Storey(2, D(100))),
    non_residential_area=D(60),
    appraised_house=D(420000),
    appraised_non_residential=D(360000),
    signing_day=20,
)


def test_sanqi_10_converted_dwelling_with_a_licence_is_paid_as_business_premises():
    # 五: licence before the notice, signed in time
    # 三（一） 420,000 × 1.2 = 504,000; 四（一） premises 360,000
    # 八 relocation 140 × 30 = 4,200 and 60 × 50 = 3,000; 九 transition 140 × 20 × 12 = 33,600
    # 十 day 20: 140 × 200 = 28,000
    # total 504,000 + 360,000 + 4,200 + 3,000 + 33,600 + 28,000 = 932,800
    statement = SANQI.statement(c.HouseholdFacts(**CONVERTED_HOUSEHOLD, licence_before_notice=True))
    assert statement.rounded_total == D(932800)
    assert not statement.warnings


def test_sanqi_11_converted_dwelling_without_a_licence_stays_a_dwelling():
    # the 60 m² join the ground floor: 200 m²; appraised 420,000 + 360,000 = 780,000 × 1.2 = 936,000
    # relocation 200 × 30 = 6,000; transition 200 × 20 × 12 = 48,000; day 20: 200 × 200 = 40,000
    # total 936,000 + 6,000 + 48,000 + 40,000 = 1,030,000
    statement = SANQI.statement(c.HouseholdFacts(**CONVERTED_HOUSEHOLD, licence_before_notice=False))
    assert statement.rounded_total == D(1030000)
    assert "converted-cash" not in amounts(statement) and statement.warnings


def test_sanqi_12_approved_homestead_not_built():
    # 三（二）2. certificate 120 m² × 1.3 = 156 m² (= wished); pays 120 × 1,200 = −144,000
    # 八（三）  relocation once on the certified area 120 × 30 = 3,600
    # total −140,400 (the household pays in)
    facts = c.HouseholdFacts(
        option=c.EXCHANGE, title_status=c.APPROVED_UNBUILT, certified_area=D(120), wished_area=D(156)
    )
    statement = SANQI.statement(facts)
    assert statement.flat_entitlement == D(156)
    assert statement.rounded_total == D(-140400)


def test_sanqi_13_one_storey_buys_the_second_to_exchange_it():
    # 三（二）3. ground 100 × 1.3 = 130 m² + bought second floor 100 × 1.1 = 110 m² = 240 m² (= wished)
    #           pays 100 × 2,300 = −230,000
    # 八（三）  relocation once (二层未建) 100 × 30 = 3,000; no months agreed: no transition line
    # total −227,000
    facts = c.HouseholdFacts(option=c.EXCHANGE, storeys=storeys(100), buy_upper_floor=True, wished_area=D(240))
    statement = SANQI.statement(facts)
    assert statement.flat_entitlement == D(240)
    assert "relocation-twice" not in amounts(statement)
    assert statement.rounded_total == D(-227000)
    assert any("月数" in warning for warning in statement.warnings)


def test_sanqi_14_no_certificate_extra_floor_and_farmland_outside_the_signing_period():
    # 三（二）4. fee to the village 5,000 (as assessed)             =  −5,000
    # 三（二）7. unauthorised 30 m² × 1,200                          =  36,000
    # 三（二）1. ground 100 × 1.3 = 130 m² (= wished by default)
    # 九 transition 100 × 20 × 6 = 12,000; 八 relocation twice 100 × 30 × 2 = 6,000
    # 六 grain land 0.5 + contracted 1.2 = 1.7 亩 × 160,000 = 272,000
    # signed after the period: no bonus on day 10
    # total −5,000 + 36,000 + 12,000 + 6,000 + 272,000 = 321,000
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        title_status=c.NO_CERTIFICATE,
        storeys=storeys(100),
        unauthorised_area=D(30),
        rates={"no-certificate-fee": D(5000)},
        agreed_transition_months=D(6),
        land_mu={"grain": D("0.5"), "contracted": D("1.2")},
        signing_day=10,
        within_signing_period=False,
    )
    statement = SANQI.statement(facts)
    assert statement.flat_entitlement == D(130)
    assert statement.rounded_total == D(321000)


# 兴县城区棚户区改造二期, as adjusted by 兴政发〔2021〕13号


def test_erqi_1_cash_is_the_appraisal_of_the_resettlement_area_without_uplift():
    # 一（一） 700,000 (no uplift); 一（五） state land: 0
    # relocation 160 × 30 = 4,800; transition 160 × 20 × 12 = 38,400; day 15: 160 × 300 = 48,000
    # total 700,000 + 4,800 + 38,400 + 48,000 = 791,200
    facts = c.HouseholdFacts(
        option=c.CASH, land_ownership=c.STATE, storeys=storeys(100, 60), appraised_house=D(700000), signing_day=15
    )
    statement = ERQI.statement(facts)
    assert amounts(statement)["state-land"] == 0
    assert statement.rounded_total == D(791200)


def test_erqi_2_single_storey_gets_15_m2_more_and_pays_cost_price_within_20_m2():
    # 一（二） 100 × 1.3 = 130 + 15 = 145 m²; wished 160: 15 m² × 2,600 = −39,000
    # transition 100 × 20 × 24 = 48,000; relocation 100 × 30 × 2 = 6,000; day 16: 100 × 200 = 20,000
    # total −39,000 + 48,000 + 6,000 + 20,000 = 35,000
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        storeys=storeys(100),
        wished_area=D(160),
        agreed_transition_months=D(24),
        signing_day=16,
    )
    statement = ERQI.statement(facts)
    assert statement.flat_entitlement == D(145)
    assert statement.rounded_total == D(35000)


def test_erqi_3_beyond_20_m2_at_market_price_and_the_whole_compound_bonus():
    # 100 × 1.3 + 100 × 1.1 = 240 m² (two storeys: no 15 m²); wished 275: 35 m² more
    # 二（一） 20 × 2,600 = 52,000 and 15 × 4,500 = 67,500: −119,500
    # relocation 200 × 30 × 2 = 12,000; transition 200 × 20 × 12 = 48,000; day 25: 200 × 200 = 40,000
    # 五 whole compound: 200 × 500 = 100,000
    # total −119,500 + 12,000 + 48,000 + 40,000 + 100,000 = 80,500
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        storeys=storeys(100, 100),
        wished_area=D(275),
        agreed_transition_months=D(12),
        signing_day=25,
        group_whole_compound=True,
    )
    statement = ERQI.statement(facts)
    assert amounts(statement)["flat-larger-cost"] == D(-52000)
    assert amounts(statement)["flat-larger-market"] == D(-67500)
    assert statement.rounded_total == D(80500)


def test_erqi_4_smaller_flat_is_paid_at_4500():
    # 80 × 1.3 = 104 + 15 = 119 m²; wished 100: 19 × 4,500 = 85,500
    # relocation 80 × 30 × 2 = 4,800; transition 80 × 20 × 10 = 16,000; day 26: 80 × 100 = 8,000
    # total 114,300
    facts = c.HouseholdFacts(
        option=c.EXCHANGE, storeys=storeys(80), wished_area=D(100), agreed_transition_months=D(10), signing_day=26
    )
    assert ERQI.statement(facts).rounded_total == D(114300)


def test_erqi_5_incomplete_title_of_1994_and_an_open_balcony():
    # 一（三） unowned 80 × (1 − 0.7) = 24 m² × 320 = −7,680; balcony 6 m² × 200 = −1,200 (any option here)
    # cash 400,000; relocation 80 × 30 = 2,400; transition 80 × 20 × 12 = 19,200; day 30: 80 × 100 = 8,000
    # total 400,000 − 7,680 − 1,200 + 2,400 + 19,200 + 8,000 = 420,720
    facts = c.HouseholdFacts(
        option=c.CASH,
        land_ownership=c.STATE,
        title_status=c.INCOMPLETE,
        title_share=D("0.7"),
        reform_year=1994,
        storeys=storeys(80),
        appraised_house=D(400000),
        balcony_area=D(6),
        balcony_enclosed=False,
        rates={"balcony-enclosing": D(200)},
        signing_day=30,
    )
    statement = ERQI.statement(facts)
    assert amounts(statement)["title-topup-1994"] == D(-7680)
    assert statement.rounded_total == D(420720)


def test_erqi_6_incomplete_title_of_1990_exchanges_any_basement():
    # 50 × 1.3 = 65 + 15 = 80 m²; unowned 50 × 0.5 = 25 m² × 230 = −5,750
    # 一（四） basement 30 m² at 1.9 m: this scheme sets no height, 30 m² basement for basement
    # attachments 20,000; relocation 50 × 30 × 2 = 3,000; no months agreed; day 31: no bonus
    # total −5,750 + 20,000 + 3,000 = 17,250
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        land_ownership=c.STATE,
        title_status=c.INCOMPLETE,
        title_share=D("0.5"),
        reform_year=1990,
        storeys=storeys(50),
        basement_area=D(30),
        basement_height=D("1.9"),
        appraised_attachments=D(20000),
        signing_day=31,
    )
    statement = ERQI.statement(facts)
    assert statement.basement_exchange == D(30) and statement.flat_entitlement == D(80)
    assert statement.rounded_total == D(17250)


def test_erqi_7_shop_buys_10_m2_more_at_5000():
    # 三（二） 100 m² for 100; 10 m² more (within 15) × 5,000 = −50,000
    # relocation 100 × 50 × 2 = 10,000; full stoppage 3 months: 2 × 4,000 × 3 = 24,000; 60,000 × 3 / 12 = 15,000
    # total −50,000 + 10,000 + 24,000 + 15,000 = −1,000
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        use=c.NON_RESIDENTIAL,
        non_residential_area=D(100),
        wished_shop_area=D(110),
        registered_staff=2,
        monthly_wage=D(4000),
        annual_tax=D(60000),
        stoppage=c.FULL,
        interruption_months=D(3),
    )
    assert ERQI.statement(facts).rounded_total == D(-1000)


def test_erqi_8_shop_gives_up_20_m2_in_two_bands():
    # 20 m² less: 15 × 5,000 = 75,000 and 5 × 7,000 (market, assessed) = 35,000; relocation 10,000
    # total 120,000
    facts = c.HouseholdFacts(
        option=c.EXCHANGE,
        use=c.NON_RESIDENTIAL,
        non_residential_area=D(100),
        wished_shop_area=D(80),
        rates={"shop-smaller-market": D(7000)},
    )
    statement = ERQI.statement(facts)
    assert amounts(statement)["shop-smaller-15"] == D(75000)
    assert statement.rounded_total == D(120000)


ERQI_CONVERTED = dict(
    option=c.CASH,
    use=c.CONVERTED,
    storeys=(c.Storey(2, D(90)),),
    non_residential_area=D(60),
    appraised_house=D(450000),
    appraised_non_residential=D(300000),
    signing_day=12,
)


def test_erqi_9_converted_dwelling_signed_in_time_needs_no_licence():
    # 四（二） 450,000 + 300,000; relocation 90 × 30 = 2,700 and 60 × 50 = 3,000
    # transition 90 × 20 × 12 = 21,600; day 12: 90 × 300 = 27,000
    # total 450,000 + 300,000 + 2,700 + 3,000 + 21,600 + 27,000 = 804,300
    assert ERQI.statement(c.HouseholdFacts(**ERQI_CONVERTED)).rounded_total == D(804300)


def test_erqi_10_converted_dwelling_signed_late_is_a_dwelling():
    # 150 m² of dwelling, 750,000; relocation 150 × 30 = 4,500; transition 150 × 20 × 12 = 36,000; no bonus
    # total 790,500
    facts = c.HouseholdFacts(**ERQI_CONVERTED | {"within_signing_period": False})
    assert ERQI.statement(facts).rounded_total == D(790500)


def test_erqi_11_collective_land_by_reference_to_the_third_phase():
    # 300,000; homestead 250 − 100 = 150 m² = 0.225 亩 × 160,000 = 36,000; contracted 0.8 亩 × 160,000 = 128,000
    # relocation 3,000; transition 100 × 20 × 12 = 24,000
    # total 300,000 + 36,000 + 128,000 + 3,000 + 24,000 = 491,000
    facts = c.HouseholdFacts(
        option=c.CASH,
        storeys=storeys(100),
        appraised_house=D(300000),
        homestead_area=D(250),
        land_mu={"contracted": D("0.8")},
    )
    statement = ERQI.statement(facts)
    assert statement.lines[[line.code for line in statement.lines].index("collective-land")].source.document == (
        scheme_data.SANQI
    )
    assert statement.rounded_total == D(491000)


def test_erqi_12_mixed_with_150_m2_exchanged():
    # 100 × 1.3 + 50 × 1.1 = 185 m²; cash share (200 − 150) / 200 = 0.25 × 800,000 = 200,000
    # relocation 200 × 30 × 2 = 12,000; transition 200 × 20 × 6 = 24,000
    # total 236,000
    facts = c.HouseholdFacts(
        option=c.MIXED,
        storeys=storeys(100, 100),
        appraised_house=D(800000),
        mixed_exchange_area=D(150),
        wished_area=D(185),
        agreed_transition_months=D(6),
    )
    statement = ERQI.statement(facts)
    assert statement.flat_entitlement == D(185)
    assert statement.rounded_total == D(236000)


# 山西离柳矿区兴县固贤煤矿项目 (兴政发〔2023〕20号)

GUXIAN_HOUSE = dict(
    storeys=storeys(120, 100, structure="楼房·砖混结构"),
    homestead_area=D(400),
    homestead_built_area=D(150),
)


def test_guxian_1_two_storey_brick_house_day_20_at_the_lower_end_of_the_range():
    # 第十九条 楼房 砖混 220 × 2,200 = 484,000; relocation 220 × 30 = 6,600; transition 220 × 20 × 12 = 52,800
    # 第十九条（四）1. day 20: 300–500, none set: 300 × 220 = 66,000 (with a warning)
    # 第十九条（五）1. homestead 400 − 150 built = 250 × 300 = 75,000
    # total 484,000 + 6,600 + 52,800 + 66,000 + 75,000 = 684,400
    statement = GUXIAN.statement(c.HouseholdFacts(**GUXIAN_HOUSE, signing_day=20))
    assert statement.rounded_total == D(684400)
    assert any("300" in warning for warning in statement.warnings)


def test_guxian_2_the_bonus_set_at_500():
    # 220 × 500 = 110,000: 684,400 − 66,000 + 110,000 = 728,400
    facts = c.HouseholdFacts(**GUXIAN_HOUSE, signing_day=20, rates={"bonus-20": D(500)})
    assert GUXIAN.statement(facts).rounded_total == D(728400)


@pytest.mark.parametrize(
    ("day", "total"),
    [
        (21, D(662400)),  # 220 × 200 = 44,000: 618,400 + 44,000
        (30, D(662400)),
        (31, D(640400)),  # 220 × 100 = 22,000
        (40, D(640400)),
        (41, D(618400)),  # no bonus: 684,400 − 66,000
    ],
)
def test_guxian_3_day_tiers_counted_from_the_scheme(day, total):
    assert GUXIAN.statement(c.HouseholdFacts(**GUXIAN_HOUSE, signing_day=day)).rounded_total == total


def test_guxian_4_no_certificate_homestead_within_and_beyond_8_m():
    # 房屋 砖木(含混合) 100 × 1,400 = 140,000; 窑洞 砖石 60 × 2,000 = 120,000
    # homestead 500 − 200 built = 300: beyond 8 m 50 m² = 0.075 亩 × 30,672 = 2,300.4; within 250 × 200 = 50,000
    # relocation 160 × 30 = 4,800; transition 160 × 20 × 12 = 38,400
    # total 140,000 + 120,000 + 2,300.4 + 50,000 + 4,800 + 38,400 = 355,500.4 → 355,500
    facts = c.HouseholdFacts(
        storeys=(c.Storey(1, D(100), "房屋·砖木结构(含混合结构)"), c.Storey(1, D(60), "窑洞·砖石窑洞")),
        title_status=c.NO_CERTIFICATE,
        homestead_area=D(500),
        homestead_built_area=D(200),
        homestead_far_area=D(50),
    )
    statement = GUXIAN.statement(facts)
    assert statement.total == D("355500.4")
    assert statement.rounded_total == D(355500)


def test_guxian_5_total_rounded_half_up_only_at_the_end():
    # 房屋 砖木 100 × 1,600 = 160,000; homestead 300 − 100 = 200: beyond 8 m 62.5 m² = 0.09375 亩 × 30,672
    # = 2,875.5; within 137.5 × 200 = 27,500; relocation 3,000; transition 24,000
    # total 217,375.5 → 217,376 (half up)
    facts = c.HouseholdFacts(
        storeys=(c.Storey(1, D(100), "房屋·砖木结构"),),
        title_status=c.NO_CERTIFICATE,
        homestead_area=D(300),
        homestead_built_area=D(100),
        homestead_far_area=D("62.5"),
    )
    statement = GUXIAN.statement(facts)
    assert amounts(statement)["homestead-far"] == D("2875.5")
    assert statement.rounded_total == D(217376)


def test_guxian_6_land_and_trees():
    # 第十八条 farmland 2 + forest 1 = 3 亩 × 30,672 = 92,016; unused 0.5 × 24,537.6 = 12,268.8
    #         forest trees 1 × 6,600 = 6,600
    # fruit 10 × 800 = 8,000; walnut 4 × 1,000 = 4,000; timber 6 × 180 (set) = 1,080
    # herbs 2-year 0.5 亩 × 3,000 = 1,500; rhubarb 100 × 15 = 1,500
    # total 92,016 + 12,268.8 + 6,600 + 8,000 + 4,000 + 1,080 + 1,500 + 1,500 = 126,964.8 → 126,965
    # remaining farmland 3 亩 × 1,500 = 4,500 goes to the village committee, not in the total
    facts = c.HouseholdFacts(
        land_mu={"farmland": D(2), "forest": D(1), "unused": D("0.5"), "remaining_farmland": D(3)},
        items={
            "fruit-peak": D(10),
            "walnut-peak": D(4),
            "timber-large": D(6),
            "herb-2y": D("0.5"),
            "rhubarb": D(100),
        },
        rates={"timber-large": D(180)},
    )
    statement = GUXIAN.statement(facts)
    assert statement.rounded_total == D(126965)
    assert [(line.code, line.amount) for line in statement.third_party] == [("remaining-farmland", D(4500))]


def test_guxian_7_graves():
    # earth grave 2 × 1,000 (range, none set) = 2,000; brick grave 1 × 4,000 (set) = 4,000
    # stele 1 × 2,000 = 2,000; moved on time 3 × 1,000 = 3,000: total 11,000
    facts = c.HouseholdFacts(
        items={"grave-earth": D(2), "grave-brick": D(1), "grave-stele": D(1), "grave-relocation": D(3)},
        rates={"grave-brick": D(4000)},
    )
    assert GUXIAN.statement(facts).rounded_total == D(11000)


def test_guxian_8_attachments_and_five_neighbours():
    # annex 20 × 1,700 = 34,000; rendered brick wall 30 × 120 = 3,600; gate 6,000; earth cellar 1,000
    # decoration medium 100 × 350 = 35,000; 2 abandoned stone caves × 20,000 = 40,000; millstone 100 (lower end)
    # 房屋 现浇顶 80 × 2,200 = 176,000; relocation 2,400; transition 80 × 20 × 12 = 19,200
    # 5 households: 80 × 300 = 24,000; day 35 (≤ 40): 80 × 100 = 8,000
    # total 34,000 + 3,600 + 6,000 + 1,000 + 35,000 + 40,000 + 100 + 176,000 + 2,400 + 19,200 + 24,000 + 8,000
    #     = 349,300
    facts = c.HouseholdFacts(
        storeys=(c.Storey(1, D(80), "房屋·现浇顶"),),
        items={
            "annex-brick": D(20),
            "wall-brick-rendered": D(30),
            "gate-ordinary": D(1),
            "cellar-earth": D(1),
            "decoration-medium": D(100),
            "cave-abandoned-stone": D(2),
            "millstone": D(1),
        },
        rates={"decoration-medium": D(350)},
        group_households=5,
        signing_day=35,
    )
    assert GUXIAN.statement(facts).rounded_total == D(349300)


@pytest.mark.parametrize(("households", "group_bonus", "total"), [(10, D(100000), D(754000)), (9, D(60000), D(714000))])
def test_guxian_9_ten_neighbours_get_500_not_800(households, group_bonus, total):
    # 楼房 全框架 200 × 2,600 = 520,000; relocation 6,000; transition 48,000; day 10 at 400 set: 80,000
    # 10 households: 200 × 500 = 100,000 → 754,000; 9 households: 200 × 300 = 60,000 → 714,000
    facts = c.HouseholdFacts(
        storeys=storeys(100, 100, structure="楼房·全框架结构"),
        signing_day=10,
        rates={"bonus-20": D(400)},
        group_households=households,
    )
    statement = GUXIAN.statement(facts)
    assert sum(line.amount for line in statement.lines if line.code.startswith("group-")) == group_bonus
    assert statement.rounded_total == total


@pytest.mark.parametrize(("licence", "total"), [(True, D(250000)), (False, D(0))])
def test_guxian_10_business_premises_need_a_licence_from_before_the_notice(licence, total):
    facts = c.HouseholdFacts(
        use=c.NON_RESIDENTIAL,
        non_residential_area=D(100),
        appraised_non_residential=D(250000),
        licence_before_notice=licence,
        signing_day=5,
        within_signing_period=False,
    )
    assert GUXIAN.statement(facts).rounded_total == total


def test_guxian_offers_cash_only():
    assert GUXIAN.scheme.options == (c.CASH,)
    with pytest.raises(c.SchemeError):
        GUXIAN.statement(c.HouseholdFacts(option=c.EXCHANGE))
