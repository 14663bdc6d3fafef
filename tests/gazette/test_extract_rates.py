"""Rates read from compensation schemes: every rate of 兴政发〔2021〕13号, 14号 and 兴政发〔2023〕20号 as typed in
expected/rates.py, and an invented scheme of another county with a table and its notes."""

from decimal import Decimal

from tests.gazette.expected.rates import RATES
from tests.gazette.extracted import SHARED_FILES, all_of, sample, shared

SCHEMES = {document for document, *_ in RATES}


def test_every_rate_of_the_three_schemes_is_read():
    found = [
        (
            rate.document.key,
            rate.span.start,
            str(rate.amount),
            str(rate.amount_max) if rate.amount_max else None,
            rate.unit,
        )
        for name in SHARED_FILES
        for rate in all_of(shared(name), "rates")
        if rate.document.key in SCHEMES
    ]
    assert found == [item[:5] for item in RATES]


def test_only_schemes_propose_rates():
    documents = {rate.document.key for name in SHARED_FILES for rate in all_of(shared(name), "rates")}
    assert documents == SCHEMES


def rate_of(rates, amount):
    return next(rate for rate in rates if rate.amount == Decimal(amount))


def test_prose_rates_keep_their_condition_and_ranges_their_top():
    rates = [r for r in all_of(shared("xingxian-2023-4.txt"), "rates")]
    bonus = next(rate for rate in rates if rate.condition and rate.condition.endswith("20日内签订补偿协议并搬迁腾空的"))
    assert (bonus.amount_max, bonus.unit) == (Decimal("500"), "元/m²")
    assert bonus.amount == Decimal("300") and bonus.item == "按拆迁主体建筑面积给予奖励"
    grave = next(rate for rate in rates if rate.unit == "元/座")
    assert (grave.amount, grave.amount_max, grave.item) == (Decimal("1000"), Decimal("2000"), "土坟")


def test_a_table_row_names_the_item_with_merged_cells_filled():
    rates = [r for r in all_of(shared("xingxian-2023-4.txt"), "rates")]
    assert rate_of(rates, "2600").item == "楼房〔二层以上(含二层)〕 全框架结构"  # 元 left out: 2600/m²
    plaster = [rate for rate in rates if rate.item.endswith("抹面")]
    assert [rate.amount for rate in plaster] == [Decimal("120"), Decimal("80"), Decimal("120")]


def test_an_amount_whose_unit_the_extraction_moved_to_a_later_line_is_read_whole():
    rates = [r for r in all_of(shared("xingxian-2023-4.txt"), "rates")]
    assert any(rate.amount == Decimal("800") and rate.unit == "元/棵" for rate in rates)
    assert any(rate.amount == Decimal("1000") and rate.unit == "元/宗" for rate in rates)


def test_a_scheme_of_another_county():
    rates = all_of(sample("extract-tab-tables.txt"), "rates")
    assert [(str(r.amount), str(r.amount_max) if r.amount_max else None, r.unit) for r in rates] == [
        ("3200", None, "元/平方米"),
        ("25", None, "元/m²"),
        ("15", None, "元/平方米/月"),
        ("90", None, "元/m²"),
        ("20", None, "元/m²"),
        ("50", None, "元/m²"),
        ("3000", "5000", "元/眼"),
        ("200", None, "元/m²"),
    ]
    assert rates[0].condition == "选择产权调换的，被征收房屋应安置面积小于所选安置房面积的"
    assert rates[4].item == "围墙 砖围墙 抹面另加"
