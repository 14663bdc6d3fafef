"""Figures read from compensation schemes: every figure (money, ratio, area, percent, months) of 兴政发〔2021〕13号,
14号 and 兴政发〔2023〕20号 as typed in expected/rates.py, and invented schemes of other counties."""

from decimal import Decimal

from gazette.extraction import extract_gazette
from gazette.parsing import parse_gazette
from gazette.parsing.result import Span
from tests.gazette.expected.rates import RATES
from tests.gazette.extracted import SHARED_FILES, all_of, sample, shared

SCHEMES = {document for document, *_ in RATES}


def test_every_figure_of_the_three_schemes_is_read_with_its_kind():
    found = [
        (
            rate.document.key,
            rate.span.start,
            rate.kind,
            str(rate.amount),
            str(rate.amount_max) if rate.amount_max else None,
            rate.unit,
        )
        for name in SHARED_FILES
        for rate in all_of(shared(name), "rates")
        if rate.document.key in SCHEMES
    ]
    assert found == [item[:6] for item in RATES]


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


# --- The same behaviours on an invented scheme, which always runs ---------------------------------------------------

LAND = "extract-land-and-compensation.txt"
# (line printed on, amount, top of a range or None, unit, item), typed from reading the sample.
INVENTED = [
    (79, "1900", None, "元/m²", "砖混房 现浇顶"),
    (80, "1600", None, "元/m²", "砖混房 预制板"),  # 砖混房 from the merged cell above
    (81, "2300", None, "元/m²", "砖混房 框架结构"),  # printed 2300/m², 元 left out
    (82, "70", None, "元/m²", "围墙 砖围墙"),
    (82, "100", None, "元/m²", "围墙 砖围墙 抹面"),  # a rate of its own in the note cell
    (83, "60", None, "元/m²", "围墙 石围墙"),
    (83, "90", None, "元/m²", "围墙 石围墙 抹面"),
    (86, "600", None, "元/棵", None),  # its unit printed on line 92, after a table
    (89, "1800", None, "元/亩", "药材 一年生"),
    (90, "4200", None, "元/亩", "药材 多年生"),
    (93, "20", None, "元/株", "幼苗"),
    (95, "800", "1500", "元/座", "土坟"),
    (96, "2000", "3500", "元/座", "砖石坟"),
    (97, "600", None, "元/座", None),  # 每座给予 | 600 元/座奖励: the amount printed on the next line
    (100, "200", "400", "元/m²", "按主体建筑面积给予奖励"),
    (101, "150", None, "元/m²", "按主体建筑面积给予奖励"),
]


def invented_rates():
    return all_of(sample(LAND), "rates")


def test_every_rate_of_an_invented_scheme_is_read_with_its_line():
    found = [
        (rate.span.start, str(rate.amount), str(rate.amount_max) if rate.amount_max else None, rate.unit)
        for rate in invented_rates()
    ]
    assert found == [item[:4] for item in INVENTED]
    items = {(line, amount): item for line, amount, _, _, item in INVENTED if item}
    assert {
        (r.span.start, str(r.amount)): r.item for r in invented_rates() if (r.span.start, str(r.amount)) in items
    } == (items)


def test_only_the_scheme_of_an_invented_issue_proposes_rates():
    assert {rate.document.key for rate in invented_rates()} == {"梅政发〔2023〕14号"}


def test_prose_rates_of_an_invented_scheme_keep_their_condition_and_ranges_their_top():
    first, second = [rate for rate in invented_rates() if rate.span.start in (100, 101)]
    assert (first.amount, first.amount_max, first.unit) == (Decimal("200"), Decimal("400"), "元/m²")
    assert first.condition == "在本方案发布之日起15日内签订补偿协议并搬迁腾空的"
    assert second.condition == "在本方案发布之日起30日内签订补偿协议并搬迁腾空的" and second.amount_max is None


def test_an_amount_whose_unit_or_amount_went_to_a_later_line_is_read_whole_in_an_invented_scheme():
    rates = invented_rates()
    assert any(rate.amount == Decimal("600") and rate.unit == "元/棵" for rate in rates)
    assert any(rate.amount == Decimal("600") and rate.unit == "元/座" for rate in rates)
    assert not any(rate.span.start in (92, 98) for rate in rates)  # the moved pieces are not read twice


# --- Figures that are not money, on invented schemes of other counties ---------------------------------------------

FIGURES = "extract-scheme-figures.txt"
WRAPPED = "extract-scheme-figures-wrapped.txt"
# (document, line printed on, kind, amount, unit), typed from reading the two samples.
INVENTED_FIGURES = [
    ("东政发〔2024〕7号", 32, "percent", "15", "%"),  # 评估价上浮15%
    ("东政发〔2024〕7号", 32, "money", "40", "元/平方米"),
    ("东政发〔2024〕7号", 36, "ratio", "1.2", "倍"),  # 按1:1.2的比例产权调换
    ("东政发〔2024〕7号", 36, "ratio", "1.05", "倍"),  # 1∶1.05, the ratio sign U+2236
    ("东政发〔2024〕7号", 38, "area", "10", "平方米"),  # 每户奖励10平方米安置面积 (not: 10 平方米以内)
    ("东政发〔2024〕7号", 38, "money", "2800", "元/平方米"),
    ("东政发〔2024〕7号", 40, "ratio", "1", "倍"),
    ("东政发〔2024〕7号", 44, "months", "6", "个月"),  # 六个月的临时过渡安置补助费
    ("东政发〔2024〕7号", 44, "months", "24", "个月"),  # 过渡期限为 24 个月 (not: 过渡期超过 24 个月的)
    ("东政发〔2024〕7号", 46, "money", "10", "元/平方米/月"),  # not the formula's ×10 元/平方米×6 个月
    ("东政发〔2024〕7号", 48, "months", "6", "个月"),  # 给予6个月的停产停业损失补偿
    ("东政发〔2024〕7号", 52, "money", "100", "元/平方米"),
    ("东政发〔2024〕7号", 52, "area", "5", "平方米"),  # 另奖励 5 平方米安置面积 (not: 联户 5 户以上)
    ("东政办发〔2024〕15号", 63, "ratio", "1.25", "倍"),  # a table: 住宅产权调换 | 1:1.25 | 合法主房一层
    ("东政办发〔2024〕15号", 64, "ratio", "1.1", "倍"),  # its merged first cell
    ("东政办发〔2024〕15号", 65, "percent", "10", "%"),
    ("东政办发〔2024〕15号", 66, "months", "12", "个月"),
    ("东政办发〔2024〕15号", 67, "money", "8", "元/m²/月"),
    ("东政办发〔2024〕15号", 68, "months", "3", "个月"),
    ("东政办发〔2024〕15号", 69, "area", "8", "平方米"),
    ("白政发〔2022〕3号", 31, "ratio", "1.3", "倍"),
    ("白政发〔2022〕3号", 33, "ratio", "1.1", "倍"),  # 按1: | 1.1的比例: wrapped at the colon
    ("白政发〔2022〕3号", 39, "percent", "12", "%"),  # 按评估价 | 上浮12%
    ("白政发〔2022〕3号", 43, "area", "12", "平方米"),  # 另行奖励 | 12平方米安置面积
    ("白政发〔2022〕3号", 47, "months", "9", "个月"),  # 九个月的停产停业损失补偿
    ("白政发〔2022〕3号", 51, "months", "18", "个月"),  # 18个月的临时 | 过渡安置补助费
    ("白政发〔2022〕3号", 55, "money", "12", "元/平方米/月"),
]


def figures_of(name):
    return [
        (rate.document.key, rate.span.start, rate.kind, str(rate.amount), rate.unit)
        for rate in all_of(sample(name), "rates")
    ]


def test_every_figure_of_invented_schemes_is_read_with_its_kind_line_and_unit():
    assert figures_of(FIGURES) + figures_of(WRAPPED) == INVENTED_FIGURES


def test_bounds_time_limits_and_formulas_are_not_figures():
    lines = [line for _document, line, *_ in figures_of(FIGURES)]
    assert 28 not in lines  # 签约期限…2 个月内, 签约率达到 90% 以上
    assert lines.count(46) == 1  # 每平方米每月 10 元, then the formula ×10 元/平方米×6 个月 repeats it
    assert lines.count(44) == 2  # 六个月 and 24 个月; 过渡期超过 24 个月的 is a condition


def test_a_figure_keeps_its_item_and_condition():
    rates = all_of(sample(FIGURES), "rates")
    uplift = next(rate for rate in rates if rate.kind == "percent")
    assert uplift.item == "按被征收房屋评估价上浮给予补偿" and uplift.condition == "被征收人选择货币补偿的"
    stoppage = next(rate for rate in rates if rate.kind == "months" and rate.span.start == 68)
    assert (stoppage.item, stoppage.condition) == ("停产停业损失", "部分停业的")  # the table's 说明 cell


def test_money_in_the_shared_schemes_is_not_proposed_twice_by_a_formula():
    found = [
        (rate.document.key, rate.span.start, rate.amount)
        for name in SHARED_FILES
        for rate in all_of(shared(name), "rates")
    ]
    # 第十九条: 面积 × 30 元/m² and 面积 × 20 元 × 12 月 repeat the rates and the months printed before them.
    assert found.count(("兴政发〔2023〕20号", 462, Decimal("30"))) == 1
    assert found.count(("兴政发〔2023〕20号", 468, Decimal("20"))) == 1
    assert found.count(("兴政发〔2023〕20号", 468, Decimal("12"))) == 1


def test_amounts_per_item_listed_in_one_sentence_are_figures_beside_each_other():
    # 石门县 (typed by hand): a rate per well (眼), and no rate is the condition of the one after it.
    rates = all_of(sample("extract-rates-per-item.txt"), "rates")
    assert [(r.item, r.amount, r.unit, r.condition, r.span.start) for r in rates] == [
        ("一类区片（城关镇、河口镇）", Decimal("5.2"), "万元/亩", None, 6),
        ("二类区片（其余乡镇）", Decimal("4.6"), "万元/亩", None, 7),
        ("小麦、玉米等粮食作物", Decimal("1200"), "元/亩", None, 9),
        ("蔬菜", Decimal("2000"), "元/亩", None, 9),
        ("砖混结构房屋", Decimal("800"), "元/平方米", None, 11),
        ("土木结构房屋", Decimal("500"), "元/平方米", None, 11),
        ("简易棚房", Decimal("120"), "元/平方米", None, 11),
        ("机井", Decimal("15000"), "元/眼", None, 12),
        ("坟墓", Decimal("3000"), "元/座", None, 12),
    ]


def test_an_allowance_per_month_and_square_metre_keeps_both_whichever_comes_first():
    # extract-rates-month-first.txt (青林县, typed by hand): 临时安置补助费：每月每平方米12元, beside rates per
    # structure and per fixture in one sentence each.
    rates = all_of(sample("extract-rates-month-first.txt"), "rates")
    money = [(r.item, r.amount, r.unit, r.span.start) for r in rates if r.unit.startswith("元")]
    assert money == [
        ("住宅房屋：砖混结构", Decimal("1200"), "元/平方米", 15),
        ("砖木结构", Decimal("950"), "元/平方米", 15),
        ("土木结构", Decimal("700"), "元/平方米", 15),
        ("附属物：围墙", Decimal("80"), "元/米", 16),
        ("水井", Decimal("1500"), "元/眼", 16),
        ("搬迁补助费", Decimal("2000"), "元/户", 17),
        ("临时安置补助费", Decimal("12"), "元/平方米/月", 17),
        ("奖励", Decimal("30000"), "元/户", 19),
        ("奖励", Decimal("15000"), "元/户", 19),
    ]
    assert [(r.amount, r.unit) for r in rates if r.kind == "months"] == [(Decimal("12"), "个月")]


# --- A hard-wrapped scheme -------------------------------------------------------------------------------------------
# narrow-scheme-and-plan.txt (枫林县, typed by hand): a short issue wrapped at 18 characters, amounts cut from what they
# are per (每平方米 | 1350元), a ratio cut at its colon (按照1: | 1.2), an amount cut inside its digits (200 | 00元).


def test_figures_of_a_hard_wrapped_scheme_are_read_across_its_lines():
    rates = all_of(sample("narrow-scheme-and-plan.txt"), "rates")
    assert [(rate.document.key, rate.span.start, rate.kind, str(rate.amount), rate.unit) for rate in rates] == [
        ("枫政发〔2026〕3号", 17, "money", "1350", "元/平方米"),
        ("枫政发〔2026〕3号", 18, "money", "1050", "元/平方米"),
        ("枫政发〔2026〕3号", 21, "ratio", "1.2", "倍"),
        ("枫政发〔2026〕3号", 23, "money", "3000", "元/户"),
        ("枫政发〔2026〕3号", 24, "money", "15", "元/平方米/月"),
        ("枫政发〔2026〕3号", 25, "months", "18", "个月"),
        ("枫政发〔2026〕3号", 26, "money", "20000", "元/户"),
    ]


def test_a_hard_wrapped_figure_keeps_its_condition_and_the_lines_of_its_sentence():
    award = all_of(sample("narrow-scheme-and-plan.txt"), "rates")[-1]
    assert award.condition == "在规定期限内签约并搬迁的"
    assert award.span == Span(26, 28)
    assert award.raw == "（四）在规定期限内签约并搬迁的，每户给予一次性按期签约搬迁腾房奖励20000元。"


def test_a_countys_land_prices_for_expropriation_are_rates():
    # 溪山县 (invented): 区片综合地价, published in a notice whose title names neither 方案 nor 标准.
    text = (
        "溪山县人民政府关于公布溪山县征收农用地区片综合地价的通知\n溪政规〔2026〕1号\n各乡镇人民政府，县直各部门：\n"
        "根据省人民政府批复，现将我县征收农用地区片综合地价公布如下：\n"
        "一级区片（城关镇、河口镇）：每亩52000元；\n二级区片（石门乡、柳林乡）：每亩46000元；\n"
        "青苗补偿费按每亩1200元计算；零星果树每株补偿80元。\n溪山县人民政府\n2026年1月10日\n"
    )
    rates = all_of(extract_gazette(parse_gazette(text), text), "rates")
    assert [(r.amount, r.unit, r.span.start) for r in rates] == [
        (Decimal("52000"), "元/亩", 5),
        (Decimal("46000"), "元/亩", 6),
        (Decimal("1200"), "元/亩", 7),
        (Decimal("80"), "元/株", 7),
    ]
    assert [r.item for r in rates[:2]] == ["一级区片（城关镇、河口镇）", "二级区片（石门乡、柳林乡）"]


def test_a_notice_of_land_prices_not_for_expropriation_proposes_no_rates():
    text = (
        "溪山县人民政府关于公布溪山县城区基准地价的通知\n溪政规〔2026〕2号\n各乡镇人民政府，县直各部门：\n"
        "一级地商服用地每平方米1800元。\n溪山县人民政府\n2026年1月12日\n"
    )
    assert all_of(extract_gazette(parse_gazette(text), text), "rates") == []


def test_figures_a_line_break_cut_in_text_not_known_to_be_wrapped_are_read_whole():
    # 石门县 (invented), too short for its wrap width to show: an amount cut inside its digits (每平方米5 | 00元),
    # after 每 (补助费每 | 平方米每月 15 元) and inside its unit (按 3200 元/平 | 方米补差).
    text = (
        "石门县人民政府关于印发石门县城东片区房屋征收补偿方案的通知\n石政发〔2024〕11号\n各乡镇人民政府：\n"
        "砖混结构房屋每平方米800元；土木结构房屋每平方米5\n00元；简易棚房每平方米120元。\n"
        "（二）搬迁补助费按 25 元/m² 一次性支付；临时过渡安置补助费每\n平方米每月 15 元。\n"
        "选择产权调换的，应安置面积小于所选安置房面积的，按 3200 元/平\n方米补差。\n石门县人民政府\n2024年4月20日\n"
    )
    rates = all_of(extract_gazette(parse_gazette(text), text), "rates")
    assert [(r.amount, r.unit, r.span.start) for r in rates] == [
        (Decimal("800"), "元/平方米", 4),
        (Decimal("500"), "元/平方米", 4),
        (Decimal("120"), "元/平方米", 5),
        (Decimal("25"), "元/m²", 6),
        (Decimal("15"), "元/平方米/月", 6),
        (Decimal("3200"), "元/平方米", 8),
    ]
