"""The deadline-phrase parser (projects/deadlines.py).

REAL holds phrases from the three issues of 兴县人民政府公报 in ../shared/gazettes/ (2021年第2期, 2022年第2期,
2023年第4期), cut down to the deadline words, each read against the signing date of the document it comes from
(for a plan issued by a notice, the notice's date). The expected values were worked out by hand from the rules in
the module's docstring; where the surrounding text means something the phrase alone cannot say, a comment says so.
"""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from projects.deadlines import Deadline, parse_deadline, parse_deadlines


def row(case_id, reference, text, due=None, precision=None, *, start=None, ongoing=False, recurrence=None):
    expected = Deadline(text, _day(due), _day(start), precision, ongoing, recurrence)
    return pytest.param(text, date.fromisoformat(reference), expected, id=case_id)


def _day(value):
    return date.fromisoformat(value) if value else None


# Signing dates of the documents the phrases come from.
# 2021年第2期
SAFETY_2021 = "2021-03-29"  # 兴政发〔2021〕11号 安全生产
RED_VILLAGE = "2021-07-07"  # 兴政发〔2021〕10号 红色美丽乡村
RURAL_FUNDS = "2021-07-08"  # 兴政发〔2021〕12号 统筹整合涉农资金
ILLEGAL_LAND = "2021-09-26"  # 兴政发〔2021〕18号 存量违法用地处置办法
FOUR_ABOVE = "2021-06-06"  # 准“四上”企业监测 (no number)
RELOCATION = "2021-07-01"  # 兴政办发〔2021〕17号 易地扶贫搬迁安置点不动产登记
BUSINESS = "2021-07-02"  # 兴政办发〔2021〕18号 营商环境“1+10”
GARDEN_TOWN = "2021-08-05"  # 兴政办发〔2021〕21号 省级园林县城
WATER_2021 = "2021-08-10"  # 兴政办发〔2021〕22号 水环境质量
FOREST_CITY = "2021-08-10"  # 兴政办发〔2021〕23号 国家森林城市
IODINE = "2021-08-12"  # 兴政办发〔2021〕24号 碘盐免费供应
LAND_CRACKDOWN = "2021-08-13"  # 兴政办发〔2021〕25号 打击违法占地
REGISTRATION = "2021-08-19"  # 兴政办发〔2021〕26号 不动产登记历史遗留问题
HEATING_2021 = "2021-08-31"  # 兴政办发〔2021〕28号 冬季清洁取暖
POVERTY_ASSETS = "2021-09-03"  # 兴政办发〔2021〕30号 扶贫项目资产管理
OPENNESS = "2021-09-14"  # 兴政办发〔2021〕32号 政务公开
FINANCE_STATIONS = "2021-09-23"  # 兴政办发〔2021〕35号 三级金融服务
MINES = "2021-09-27"  # 兴政办发〔2021〕36号 矿山环境保护
REFORESTATION = "2021-09-29"  # 兴政办发〔2021〕38号 退耕还林
# 2022年第2期
WAGES = "2022-05-12"  # 兴政发〔2022〕8号 农民工工资
FITNESS = "2022-05-27"  # 兴政发〔2022〕9号 全民健身
LOW_CARBON_POLICY = "2022-06-09"  # 兴政发〔2022〕10号
LOW_CARBON_PLAN = "2022-06-09"  # 兴政发〔2022〕11号
LAND_SWAP = "2022-06-07"  # 增减挂钩项目区整改 (兴县人民政府)
E_COMMERCE = "2022-05-06"  # 兴政办发〔2022〕8号 电子商务进农村
E_TOWN = "2022-05-06"  # 兴政办发〔2022〕9号 乡村e镇
UNUSED_LAND = "2022-05-12"  # 兴政办发〔2022〕10号 批而未供
LOOSE_COAL = "2022-05-12"  # 兴政办发〔2022〕11号 散煤治理
WELLS = "2022-05-12"  # 兴政办发〔2022〕12号 自备水井
TOILETS = "2022-05-17"  # 兴政办发〔2022〕13号 厕所革命
CARBON = "2022-05-31"  # 兴政办发〔2022〕14号 碳达峰
TRAINEES = "2022-04-06"  # 兴政办函〔2022〕3号 跟班轮训
LOANS = "2022-04-21"  # 兴政办函〔2022〕4号 贷款
# 2023年第4期
EXPROPRIATION = "2023-11-07"  # 兴政发〔2023〕20号 固贤煤矿征收补偿方案
EMISSIONS = "2023-10-11"  # 兴政函〔2023〕134号 区域削减
FARMLAND_LOAN = "2023-11-23"  # 兴政函〔2023〕162号 借用耕地占补平衡指标
FARMLAND_PLEDGE = "2023-11-29"  # 兴政函〔2023〕165号 落实耕地占补平衡指标
STRAW = "2023-10-12"  # 兴政办发〔2023〕33号 秸秆综合利用
CUSTODY = "2023-10-12"  # 兴政办发〔2023〕34号 农业生产托管
GAS_HEATING = "2023-10-17"  # 兴政办发〔2023〕38号 煤改气
HOSPITALS = "2023-10-26"  # 兴政办发〔2023〕39号 县级医疗机构能力提升
COAL_WASHERS = "2023-10-26"  # 兴政办发〔2023〕40号 煤炭洗选企业纾困
FARMLAND_WATCH = "2023-11-09"  # 兴政办发〔2023〕42号 耕地保护月度监测调度
WASTE_FEES = "2023-11-16"  # 兴政办发〔2023〕43号 生活垃圾处理费
NON_GRAIN = "2023-11-29"  # 兴政办发〔2023〕46号 “非农化”“非粮化”整改
RESERVE = "2023-12-18"  # 兴政办发〔2023〕47号 自然保护区违规违建
WATER_NETWORK = "2023-12-21"  # 兴政办发〔2023〕49号 县域水网

REAL = [
    # 2021年第2期
    row("2021-safety-year-end", SAFETY_2021, "力争2021年底完成", "2021-12-31", "year"),
    row("2021-safety-within-year", SAFETY_2021, "年内都要组织", "2021-12-31", "year"),
    row("2021-village-ongoing", RED_VILLAGE, "推进治脏治乱工作常态化", ongoing=True),
    row("2021-funds-november", RURAL_FUNDS, "到11月底", "2021-11-30", "month"),
    row("2021-funds-next-year", RURAL_FUNDS, "并于次年6月底前全部支出", "2022-06-30", "month"),
    row("2021-funds-table-slash", RURAL_FUNDS, "2021/10/1", "2021-10-01", "day"),
    row("2021-funds-table-slash-june", RURAL_FUNDS, "2021/6/30", "2021-06-30", "day"),
    row("2021-illegal-land-cutoff", ILLEGAL_LAND, "2021年8月1日前违法占用", "2021-08-01", "day"),
    row("2021-illegal-land-expiry", ILLEGAL_LAND, "至2023年8月1日止", "2023-08-01", "day"),
    row("2021-four-above-monthly", FOUR_ABOVE, "每月20日前", "2021-06-20", "day", recurrence="monthly:20"),
    row("2021-relocation-july", RELOCATION, "要在7月30日前完成下列任务", "2021-07-30", "day"),
    row("2021-business-table", BUSINESS, "7月5日前", "2021-07-05", "day"),
    row("2021-garden-past-month", GARDEN_TOWN, "2020年6月完成", "2020-06-30", "month"),
    row("2021-garden-year-end", GARDEN_TOWN, "2021年底前完成绿地系统相关规划", "2021-12-31", "year"),
    row("2021-garden-year", GARDEN_TOWN, "2022年成功完成", "2022-12-31", "year"),
    row("2021-garden-spaced", GARDEN_TOWN, "到 2021 年底", "2021-12-31", "year"),
    row("2021-water-october", WATER_2021, "2021年10月底前建成投运", "2021-10-31", "month"),
    row("2021-water-august", WATER_2021, "2021年8月底前", "2021-08-31", "month"),
    row("2021-water-december", WATER_2021, "2021年12月底前完成", "2021-12-31", "month"),
    row(
        "2021-water-table-milestones",
        WATER_2021,
        "2021 年 10 月前办理前期手续，2022 年 12 月底前开工建设，2023 年 12 月建成投运",
        "2023-12-31",
        "month",
    ),
    row("2021-water-table-month", WATER_2021, "2021 年 10 月", "2021-10-31", "month"),
    row("2021-water-table-month-august", WATER_2021, "2021 年 8 月", "2021-08-31", "month"),
    row("2021-water-table-dotted", WATER_2021, "2021.10.31", "2021-10-31", "day"),
    row("2021-water-from-year", WATER_2021, "2022年起达到国六标准", start="2022-01-01"),
    row("2021-forest-phase-year", FOREST_CITY, "（一）组织启动阶段（2021年）", "2021-12-31", "year"),
    row("2021-forest-month-in-brackets", FOREST_CITY, "组织召开实施动员大会（12月）", "2021-12-31", "month"),
    row(
        "2021-forest-phase-years",
        FOREST_CITY,
        "（四）巩固提高阶段（2024年—2026年）",
        "2026-12-31",
        "year",
        start="2024-01-01",
    ),
    # Under the heading 核查验收阶段（2023年）; the phrase alone, past by more than three months, goes to 2022.
    row("2021-forest-february-out-of-context", FOREST_CITY, "2月底前", "2022-02-28", "month"),
    row("2021-iodine-yearly", IODINE, "每年7月1日前", "2022-07-01", "day", recurrence="yearly:7-1"),
    row(
        "2021-land-phase-1",
        LAND_CRACKDOWN,
        "（一）宣传部署阶段（8月10日至8月15日）",
        "2021-08-15",
        "day",
        start="2021-08-10",
    ),
    row(
        "2021-land-phase-2",
        LAND_CRACKDOWN,
        "（二）排查整改阶段（8月16日至11月10日）",
        "2021-11-10",
        "day",
        start="2021-08-16",
    ),
    row(
        "2021-land-phase-3",
        LAND_CRACKDOWN,
        "（三）总结提高和建章立制阶段（11月11日至11月20日）",
        "2021-11-20",
        "day",
        start="2021-11-11",
    ),
    row("2021-registration-as-of", REGISTRATION, "截至2022年底", "2022-12-31", "year"),
    row("2021-registration-phase-1", REGISTRATION, "（一）启动准备阶段（2021 年 8 月底前）", "2021-08-31", "month"),
    row(
        "2021-registration-phase-2-wrapped",
        REGISTRATION,
        "(二) 组织实施阶段（2021\n\n年9月至2022年12月）",
        "2022-12-31",
        "month",
        start="2021-09-01",
    ),
    row(
        "2021-registration-period",
        REGISTRATION,
        "2017年1月1日至2020年12月31日",
        "2020-12-31",
        "day",
        start="2017-01-01",
    ),
    row("2021-registration-validity", REGISTRATION, "有效期至2022年底", "2022-12-31", "year"),
    row("2021-registration-old-date", REGISTRATION, "在 1998 年 12 月 31 日前", "1998-12-31", "day"),
    row("2021-heating-day", HEATING_2021, "10 月 31 日前改造工程全部完成", "2021-10-31", "day"),
    row("2021-heating-month", HEATING_2021, "确保 2021 年 10 月底前完成", "2021-10-31", "month"),
    row("2021-assets-november", POVERTY_ASSETS, "到2021年11月底", "2021-11-30", "month"),
    row("2021-assets-first-half", POVERTY_ASSETS, "每年上半年", "2022-06-30", "half", recurrence="yearly:6"),
    row("2021-assets-september", POVERTY_ASSETS, "9月底前完成扶贫资金摸底", "2021-09-30", "month"),
    row("2021-assets-october", POVERTY_ASSETS, "10月底前完成扶贫项目摸底统计", "2021-10-31", "month"),
    row("2021-assets-november-short", POVERTY_ASSETS, "11月底全面摸清", "2021-11-30", "month"),
    row("2021-openness-this-year", OPENNESS, "要在今年9月底前", "2021-09-30", "month"),
    row("2021-openness-already-past", OPENNESS, "8月底前", "2021-08-31", "month"),
    row("2021-openness-year-end", OPENNESS, "年底考核", "2021-12-31", "year"),
    row("2021-openness-yearly", OPENNESS, "每年1月31日前向社会公布", "2022-01-31", "day", recurrence="yearly:1-31"),
    row("2021-finance-september", FINANCE_STATIONS, "到2021年9月底", "2021-09-30", "month"),
    row("2021-finance-december", FINANCE_STATIONS, "到2021年12月底", "2021-12-31", "month"),
    row("2021-mines-yearly", MINES, "每年3月前", "2022-03-31", "month", recurrence="yearly:3"),
    row("2021-reforestation-mid-october", REFORESTATION, "10月中旬", "2021-10-20", "day"),
    row("2021-reforestation-day", REFORESTATION, "务必于10月10日前完成", "2021-10-10", "day"),
    row("2021-reforestation-day-2", REFORESTATION, "于10月5日前", "2021-10-05", "day"),
    row("2021-reforestation-weekly", REFORESTATION, "每周抽调专人", "2021-10-03", "day", recurrence="weekly"),
    # 2022年第2期
    row("2022-wages-monthly", WAGES, "每月公示一次", "2022-05-31", "month", recurrence="monthly"),
    row("2022-fitness-year-end", FITNESS, "到 2025 年底", "2025-12-31", "year"),
    row("2022-policy-ongoing", LOW_CARBON_POLICY, "长期有效", ongoing=True),
    row("2022-plan-year-end", LOW_CARBON_PLAN, "确保在 2022 年底前完成", "2022-12-31", "year"),
    row("2022-land-swap-june", LAND_SWAP, "6 月底前完成外业整改", "2022-06-30", "month"),
    row("2022-ecommerce-year-end", E_COMMERCE, "到2023年底", "2023-12-31", "year"),
    row(
        "2022-ecommerce-phase-1",
        E_COMMERCE,
        "（一）项目启动阶段（2022年4月29—5月10日）",
        "2022-05-10",
        "day",
        start="2022-04-29",
    ),
    row(
        "2022-ecommerce-phase-2",
        E_COMMERCE,
        "（二）组织实施阶段（2022年5月11日—11月30日）",
        "2022-11-30",
        "day",
        start="2022-05-11",
    ),
    row(
        "2022-ecommerce-phase-3",
        E_COMMERCE,
        "（三）绩效评估阶段（2022年12月1日—12月31日）",
        "2022-12-31",
        "day",
        start="2022-12-01",
    ),
    row("2022-ecommerce-phase-4", E_COMMERCE, "（四）整改提升阶段（2023年）", "2023-12-31", "year"),
    row("2022-e-town-2023", E_TOWN, "到2023年", "2023-12-31", "year"),
    row("2022-e-town-2025", E_TOWN, "到2025年", "2025-12-31", "year"),
    row("2022-unused-land-this-year", UNUSED_LAND, "于今年11月底前", "2022-11-30", "month"),
    row(
        "2022-unused-land-phase-1",
        UNUSED_LAND,
        "（一）安排部署阶段（4月15日-4月25日）",
        "2022-04-25",
        "day",
        start="2022-04-15",
    ),
    row(
        "2022-unused-land-phase-2",
        UNUSED_LAND,
        "（二）清理处置阶段（4月25日-11月30日）",
        "2022-11-30",
        "day",
        start="2022-04-25",
    ),
    row(
        "2022-unused-land-phase-3",
        UNUSED_LAND,
        "（三）督促检查阶段（6月1日-11月30日）",
        "2022-11-30",
        "day",
        start="2022-06-01",
    ),
    row(
        "2022-unused-land-phase-4",
        UNUSED_LAND,
        "（四）总结提高阶段（12月1日-12月31日）",
        "2022-12-31",
        "day",
        start="2022-12-01",
    ),
    row("2022-unused-land-report", UNUSED_LAND, "于12月1日前上报", "2022-12-01", "day"),
    row("2022-coal-already-past", LOOSE_COAL, "5月10日前完成确村确户工作", "2022-05-10", "day"),
    row("2022-coal-ongoing", LOOSE_COAL, "（二）持续推进散煤清洁化替代工程", ongoing=True),
    row(
        "2022-wells-period",
        WELLS,
        "时间为2022年5月15日至2022年6月15日",
        "2022-06-15",
        "day",
        start="2022-05-15",
    ),
    row("2022-wells-report", WELLS, "2022年6月15日前", "2022-06-15", "day"),
    row("2022-wells-report-2", WELLS, "2022年7月20日前", "2022-07-20", "day"),
    row(
        "2022-toilets-phase-1",
        TOILETS,
        "第一阶段：摸底调查阶段（2022年2月8日至2月28日）",
        "2022-02-28",
        "day",
        start="2022-02-08",
    ),
    row(
        "2022-toilets-phase-5",
        TOILETS,
        "第五阶段：总结验收阶段（2022年11月16日至12月底）",
        "2022-12-31",
        "month",
        start="2022-11-16",
    ),
    row("2022-toilets-plans", TOILETS, "于2022年4月10日前上报", "2022-04-10", "day"),
    row("2022-carbon-by-year", CARBON, "到2024年", "2024-12-31", "year"),
    row("2022-trainees-yearly", TRAINEES, "每年12月底前", "2022-12-31", "month", recurrence="yearly:12"),
    row("2022-trainees-this-year", TRAINEES, "于4月15日前报回", "2022-04-15", "day"),
    row("2022-loans-quarterly", LOANS, "每季度向领导小组报告一次", "2022-06-30", "quarter", recurrence="quarterly"),
    # 2023年第4期
    row(
        "2023-expropriation-months-from-a-date",
        EXPROPRIATION,
        "从县政府发布拆迁通告之日（2023 年 9 月 22 日）起三个月内",
        "2023-12-22",
        "day",
        start="2023-09-22",
    ),
    row("2023-emissions-table", EMISSIONS, "2021年底", "2021-12-31", "year"),
    row("2023-farmland-one-year", FARMLAND_LOAN, "我县承诺在一年内归还", "2024-11-23", "day"),
    row("2023-farmland-two-years", FARMLAND_PLEDGE, "承诺在两年内归还", "2025-11-29", "day"),
    row(
        "2023-straw-period",
        STRAW,
        "项目实施周期为2023年10月至2024年6月底",
        "2024-06-30",
        "month",
        start="2023-10-01",
    ),
    row("2023-custody-period", CUSTODY, "从2023年9月至2024年9月", "2024-09-30", "month", start="2023-09-01"),
    row("2023-custody-report", CUSTODY, "于12月20日前报送", "2023-12-20", "day"),
    row("2023-gas-day", GAS_HEATING, "10月31日前改造工程全部完成", "2023-10-31", "day"),
    row("2023-gas-month", GAS_HEATING, "确保2023年10月底前完成", "2023-10-31", "month"),
    row("2023-hospitals-year-end", HOSPITALS, "到2025年底", "2025-12-31", "year"),
    row(
        "2023-hospitals-phase-1",
        HOSPITALS,
        "(一) 启动阶段(2023年9月-2023年10月)",
        "2023-10-31",
        "month",
        start="2023-09-01",
    ),
    row(
        "2023-hospitals-phase-2",
        HOSPITALS,
        "(二) 组织实施阶段(2023年11月-2025年12月)",
        "2025-12-31",
        "month",
        start="2023-11-01",
    ),
    row("2023-coal-quarterly", COAL_WASHERS, "每季度至少开展1次", "2023-12-31", "quarter", recurrence="quarterly"),
    row("2023-coal-monthly", COAL_WASHERS, "县级包联领导每月听取", "2023-10-31", "month", recurrence="monthly"),
    row("2023-watch-weekly", FARMLAND_WATCH, "于每周一上午10点前", "2023-11-13", "day", recurrence="weekly:1"),
    row("2023-watch-month-end", FARMLAND_WATCH, "每月月底前召开", "2023-11-30", "month", recurrence="monthly"),
    row(
        "2023-watch-quarterly",
        FARMLAND_WATCH,
        "每季度定期召开一次调度会",
        "2023-12-31",
        "quarter",
        recurrence="quarterly",
    ),
    row("2023-watch-three-days", FARMLAND_WATCH, "并于方案印发之日起3日内", "2023-11-12", "day"),
    row("2023-watch-ongoing", FARMLAND_WATCH, "逐步实现自然资源常态化监测监管", ongoing=True),
    row("2023-fees-from-then-on", WASTE_FEES, "从2024年1月1日起长期执行", start="2024-01-01", ongoing=True),
    row(
        "2023-non-grain-phase-1",
        NON_GRAIN,
        "(一)前期摸底阶段(2023年11月30日—2023年12月15日)",
        "2023-12-15",
        "day",
        start="2023-11-30",
    ),
    row(
        "2023-non-grain-phase-2",
        NON_GRAIN,
        "(二)实地核实阶段(2023年12月15日—2023年12月31日)",
        "2023-12-31",
        "day",
        start="2023-12-15",
    ),
    row(
        "2023-non-grain-phase-3",
        NON_GRAIN,
        "(三)分类处置阶段(2024年1月1日—2024年12月30日)",
        "2024-12-30",
        "day",
        start="2024-01-01",
    ),
    row("2023-non-grain-explicit", NON_GRAIN, "“非粮化”问题要求2024年6月30日前完成整改", "2024-06-30", "day"),
    # The whole cell: the deadline due last. parse_deadlines gives both (below).
    row(
        "2023-non-grain-cell",
        NON_GRAIN,
        "“非农化”问题12月30前完成整改，“非粮化”问题6月30日前完成整改",
        "2024-06-30",
        "day",
    ),
    row("2023-non-grain-cell-missing-day-sign", NON_GRAIN, "“非农化”问题12月30前完成整改，", "2023-12-30", "day"),
    row("2023-non-grain-cell-spaced", NON_GRAIN, "“非粮化”问题 6 月 30 日前完成整改", "2024-06-30", "day"),
    row("2023-non-grain-past-year-end", NON_GRAIN, "包括2020年底前在山区坡地上", "2020-12-31", "year"),
    row("2023-reserve-month-end", RESERVE, "全部工作须在2023年12月底前完成整改验收", "2023-12-31", "month"),
    row("2023-water-year-end", WATER_NETWORK, "近期任务在2026年底前主体工程完成", "2026-12-31", "year"),
    row("2023-water-year-before", WATER_NETWORK, "远期任务在2035年前完成", "2035-12-31", "year"),
    row(
        "2023-water-two-years",
        WATER_NETWORK,
        "（二）二年内（2024—2025年）",
        "2025-12-31",
        "year",
        start="2024-01-01",
    ),
    # The next three sit under 2024年工作任务 / 2024年各项目进度要求, which the phrase alone cannot know.
    row("2023-water-within-year-out-of-context", WATER_NETWORK, "王家峁调蓄水库年内开工建设", "2023-12-31", "year"),
    row("2023-water-october-out-of-context", WATER_NETWORK, "10月底前开工建设", "2023-10-31", "month"),
    row("2023-water-december-out-of-context", WATER_NETWORK, "12月底前完成批复立项", "2023-12-31", "month"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), REAL)
def test_phrases_from_the_shared_gazettes(text, reference, expected):
    assert parse_deadline(text, reference) == expected


def test_at_least_sixty_real_phrases():
    assert len(REAL) >= 60


# The phrases DOMAIN.md lists, and the issue's examples, read on the publication day of 2023年第4期.
ISSUE_DAY = "2023-12-28"

LISTED = [
    row("listed-year-month-end", ISSUE_DAY, "2023年12月底前", "2023-12-31", "month"),
    row("listed-full-date", ISSUE_DAY, "2024年6月30日前", "2024-06-30", "day"),
    row("listed-missing-day-sign", ISSUE_DAY, "12月30前", "2023-12-30", "day"),
    row("listed-june-next-year", ISSUE_DAY, "6月底前", "2024-06-30", "month"),
    row("listed-july-5-next-year", ISSUE_DAY, "7月5日前", "2024-07-05", "day"),
    row("listed-this-year", ISSUE_DAY, "今年11月底前", "2023-11-30", "month"),
    row("listed-year-end", ISSUE_DAY, "年底前", "2023-12-31", "year"),
    row("listed-within-the-year", ISSUE_DAY, "年内", "2023-12-31", "year"),
    row("listed-by-year", ISSUE_DAY, "到2025年", "2025-12-31", "year"),
    row("listed-mid-october", ISSUE_DAY, "10月中旬", "2023-10-20", "day"),
    row("listed-first-half", ISSUE_DAY, "上半年", "2024-06-30", "half"),
    row("listed-second-half", ISSUE_DAY, "下半年", "2023-12-31", "half"),
    row("listed-long-term", ISSUE_DAY, "长期有效", ongoing=True),
    row("listed-persist", ISSUE_DAY, "长期坚持", ongoing=True),
    row("listed-keep-pushing", ISSUE_DAY, "持续推进", ongoing=True),
    row("listed-routine", ISSUE_DAY, "常态化", ongoing=True),
    row("listed-monthly", ISSUE_DAY, "每月20日前", "2024-01-20", "day", recurrence="monthly:20"),
    row("listed-weekly", ISSUE_DAY, "每周一上午10点前", "2024-01-01", "day", recurrence="weekly:1"),
    row("listed-quarterly", ISSUE_DAY, "每季度", "2023-12-31", "quarter", recurrence="quarterly"),
    row("listed-yearly", ISSUE_DAY, "每年3月前", "2024-03-31", "month", recurrence="yearly:3"),
    row("listed-yearly-month-end", ISSUE_DAY, "每年3月底前", "2024-03-31", "month", recurrence="yearly:3"),
    row("listed-range", ISSUE_DAY, "2023年11月30日—2023年12月15日", "2023-12-15", "day", start="2023-11-30"),
    row(
        "listed-range-end-inherits-year", ISSUE_DAY, "2023年11月30日-12月15日", "2023-12-15", "day", start="2023-11-30"
    ),
    # Without a year, placed by its end: 15 August 2023 is more than three months before the reference.
    row("listed-range-in-brackets", ISSUE_DAY, "（8月10日至8月15日）", "2024-08-15", "day", start="2024-08-10"),
    row("listed-month-range", ISSUE_DAY, "11月—12月", "2023-12-31", "month", start="2023-11-01"),
    row(
        "listed-phase-label",
        ISSUE_DAY,
        "（一）前期摸底阶段（2023年11月30日—2023年12月15日）",
        "2023-12-15",
        "day",
        start="2023-11-30",
    ),
    row("listed-current-year", ISSUE_DAY, "本年12月底前", "2023-12-31", "month"),
    row("listed-next-year", ISSUE_DAY, "明年3月底前", "2024-03-31", "month"),
    row("listed-next-year-alone", ISSUE_DAY, "明年", "2024-12-31", "year"),
    row("listed-first-quarter", ISSUE_DAY, "第一季度", "2024-03-31", "quarter"),
    row("listed-first-quarter-short", ISSUE_DAY, "一季度", "2024-03-31", "quarter"),
    row("listed-fourth-quarter", ISSUE_DAY, "四季度", "2023-12-31", "quarter"),
    row("listed-quarter-with-year", ISSUE_DAY, "2024年第2季度", "2024-06-30", "quarter"),
    row("listed-half-with-year", ISSUE_DAY, "2024年上半年", "2024-06-30", "half"),
    row("listed-full-width-digits", ISSUE_DAY, "２０２３年１２月３０日前", "2023-12-30", "day"),
    row("listed-chinese-numerals", ISSUE_DAY, "二〇二三年十二月三十日前", "2023-12-30", "day"),
    row("listed-chinese-month", ISSUE_DAY, "十二月底前", "2023-12-31", "month"),
    row("listed-chinese-twenty-something", ISSUE_DAY, "一月二十五日前", "2024-01-25", "day"),
    row("listed-stray-spaces", ISSUE_DAY, "2023 年 12 月 30 日前", "2023-12-30", "day"),
    row("listed-iso-date", ISSUE_DAY, "2024-01-15", "2024-01-15", "day"),
    row("listed-bare-month-range", ISSUE_DAY, "2024年1-3月", "2024-03-31", "month", start="2024-01-01"),
    row("listed-day-range", ISSUE_DAY, "2024年1月10—15日", "2024-01-15", "day", start="2024-01-10"),
    row("listed-range-over-new-year", ISSUE_DAY, "12月1日至1月15日", "2024-01-15", "day", start="2023-12-01"),
    row(
        "listed-range-start-takes-end-year",
        ISSUE_DAY,
        "12月1日至2024年1月15日",
        "2024-01-15",
        "day",
        start="2023-12-01",
    ),
    row("listed-this-month", ISSUE_DAY, "本月底前", "2023-12-31", "month"),
    row("listed-next-month", ISSUE_DAY, "下月10日前", "2024-01-10", "day"),
    row("listed-immediately", ISSUE_DAY, "立行立改", "2023-12-28", "day"),
    # 29 December is a working day, then the New Year holiday (30 December – 1 January).
    row("listed-working-days", ISSUE_DAY, "3个工作日内", "2024-01-03", "day"),
    row("listed-after-an-event", ISSUE_DAY, "收到通知后5日内"),
    row("listed-no-such-day", ISSUE_DAY, "2月30日前"),
    row("listed-no-such-month", ISSUE_DAY, "13月底前"),
    row("listed-no-such-leap-day", ISSUE_DAY, "2023年2月29日"),
    row("listed-no-date", ISSUE_DAY, "按期完成"),
    row("listed-every-other-week", ISSUE_DAY, "每两周"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), LISTED)
def test_listed_forms(text, reference, expected):
    assert parse_deadline(text, reference) == expected


# The three-month rule on both sides of its boundary: a date without a year stays in the reference year unless it
# falls strictly before the same day three calendar months earlier (clamped to the end of a shorter month).
BOUNDARY = [
    row("three-months-exactly", "2023-12-28", "9月28日前", "2023-09-28", "day"),
    row("three-months-and-a-day", "2023-12-28", "9月27日前", "2024-09-27", "day"),
    row("issue-example-mid-october", "2023-11-20", "10月中旬", "2023-10-20", "day"),
    row("issue-example-august-19", "2023-11-20", "8月19日", "2024-08-19", "day"),
    row("issue-example-august-20", "2023-11-20", "8月20日", "2023-08-20", "day"),
    row("month-end-exactly", "2023-12-31", "9月底", "2023-09-30", "month"),
    row("month-end-a-day-over", "2023-12-31", "9月29日", "2024-09-29", "day"),
    row("clamped-february-exactly", "2023-05-31", "2月28日", "2023-02-28", "day"),
    row("clamped-february-a-day-over", "2023-05-31", "2月27日", "2024-02-27", "day"),
    row("clamped-leap-february-exactly", "2024-05-31", "2月29日", "2024-02-29", "day"),
    row("clamped-leap-february-a-day-over", "2024-05-31", "2月28日", "2025-02-28", "day"),
    row("month-precision-within", "2023-12-28", "9月底前", "2023-09-30", "month"),
    row("month-precision-over", "2023-12-28", "8月底前", "2024-08-31", "month"),
    row("quarter-within", "2023-12-28", "三季度", "2023-09-30", "quarter"),
    row("quarter-over", "2023-12-28", "二季度", "2024-06-30", "quarter"),
    row("early-january-looks-ahead", "2024-01-05", "12月30日前", "2024-12-30", "day"),
    row("leap-day-next-year", "2023-12-01", "2月29日前", "2024-02-29", "day"),
    # Month ends.
    row("february-common-year", "2023-01-10", "2023年2月底", "2023-02-28", "month"),
    row("february-leap-year", "2024-01-10", "2024年2月底", "2024-02-29", "month"),
    row("february-century-common", "2100-01-10", "2100年2月底", "2100-02-28", "month"),
    row("february-century-leap", "2000-01-10", "2000年2月底", "2000-02-29", "month"),
    row("february-no-year-leap", "2024-01-10", "2月底前", "2024-02-29", "month"),
    row("april-end", "2023-01-10", "4月末", "2023-04-30", "month"),
    row("month-alone", "2023-01-10", "2023年11月", "2023-11-30", "month"),
    # 上旬 / 中旬 / 下旬 (初 as 上旬).
    row("early-month", "2023-01-10", "2023年3月上旬", "2023-03-10", "day"),
    row("beginning-of-month", "2023-01-10", "2023年3月初", "2023-03-10", "day"),
    row("mid-month", "2023-01-10", "2023年3月中旬", "2023-03-20", "day"),
    row("late-month", "2023-01-10", "2023年4月下旬", "2023-04-30", "day"),
    row("late-february-common", "2023-01-10", "2023年2月下旬", "2023-02-28", "day"),
    row("late-february-leap", "2024-01-10", "2024年2月下旬", "2024-02-29", "day"),
    row("mid-month-range", "2023-01-10", "3月上旬至4月中旬", "2023-04-20", "day", start="2023-03-01"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), BOUNDARY)
def test_boundaries(text, reference, expected):
    assert parse_deadline(text, reference) == expected


def test_the_text_is_kept_exactly_as_written():
    text = "  “非粮化”问题 6 月 30 日前完成整改\n"
    assert parse_deadline(text, date(2023, 11, 29)).text == text


def test_as_json():
    deadline = parse_deadline("（8月10日至8月15日）", date(2021, 8, 13))
    assert deadline.as_json() == {
        "text": "（8月10日至8月15日）",
        "due": "2021-08-15",
        "start": "2021-08-10",
        "precision": "day",
        "ongoing": False,
        "recurrence": None,
    }
    assert list(deadline.as_json()) == ["text", "due", "start", "precision", "ongoing", "recurrence"]
    assert parse_deadline("长期有效", date(2022, 6, 9)).as_json() == {
        "text": "长期有效",
        "due": None,
        "start": None,
        "precision": None,
        "ongoing": True,
        "recurrence": None,
    }


# next_due(after): for a recurring deadline the first due date strictly after the given day (a progress report's).
NEXT_DUE = [
    # (id, phrase, reference, due, day of the report, next due)
    ("monthly-report-on-due-day", "每月20日前", "2023-12-28", "2024-01-20", "2024-01-20", "2024-02-20"),
    ("monthly-report-before-due-day", "每月20日前", "2023-12-28", "2024-01-20", "2024-01-19", "2024-01-20"),
    ("monthly-end-leap-february", "每月月底前", "2024-01-05", "2024-01-31", "2024-01-31", "2024-02-29"),
    ("monthly-31st-in-february", "每月31日前", "2024-01-05", "2024-01-31", "2024-01-31", "2024-02-29"),
    ("weekly-monday-on-monday", "每周一上午10点前", "2023-11-09", "2023-11-13", "2023-11-13", "2023-11-20"),
    ("weekly-monday-on-sunday", "每周一上午10点前", "2023-11-09", "2023-11-13", "2023-11-12", "2023-11-13"),
    ("weekly-friday", "每周五", "2023-11-09", "2023-11-10", "2023-11-10", "2023-11-17"),
    ("weekly-by-sunday", "每周", "2023-11-09", "2023-11-12", "2023-11-12", "2023-11-19"),
    ("quarterly", "每季度", "2023-12-28", "2023-12-31", "2023-12-31", "2024-03-31"),
    ("half-yearly", "每半年", "2023-12-28", "2023-12-31", "2023-12-31", "2024-06-30"),
    ("yearly-march", "每年3月前", "2023-12-28", "2024-03-31", "2024-03-31", "2025-03-31"),
    ("yearly-leap-day", "每年2月29日前", "2023-12-28", "2024-02-29", "2024-02-29", "2025-02-28"),
    ("yearly", "每年", "2023-06-01", "2023-12-31", "2023-12-31", "2024-12-31"),
    ("daily", "每天", "2023-06-01", "2023-06-01", "2023-06-01", "2023-06-02"),
]


@pytest.mark.parametrize(
    ("text", "reference", "due", "report", "next_due"), [pytest.param(*case[1:], id=case[0]) for case in NEXT_DUE]
)
def test_recurring_deadlines_move_on_after_a_report(text, reference, due, report, next_due):
    deadline = parse_deadline(text, date.fromisoformat(reference))
    assert deadline.due == date.fromisoformat(due)
    assert deadline.next_due(date.fromisoformat(report)) == date.fromisoformat(next_due)


def test_next_due_of_a_one_off_deadline_is_its_due():
    deadline = parse_deadline("2023年12月底前", date(2023, 12, 18))
    assert deadline.next_due(date(2024, 3, 1)) == date(2023, 12, 31)
    assert parse_deadline("长期有效", date(2023, 12, 18)).next_due(date(2024, 3, 1)) is None


def test_next_due_works_on_a_deadline_rebuilt_from_stored_fields():
    stored = Deadline(text="每月20日前", due=date(2024, 1, 20), precision="day", recurrence="monthly:20")
    assert stored.next_due(date(2024, 1, 20)) == date(2024, 2, 20)


def texts_and_dues(deadlines):
    return [(deadline.text, deadline.due and deadline.due.isoformat()) for deadline in deadlines]


def test_parse_deadlines_splits_a_table_cell():
    cell = "“非农化”问题12月30前完成整改，“非粮化”问题6月30日前完成整改"
    assert texts_and_dues(parse_deadlines(cell, date(2023, 11, 29))) == [
        ("“非农化”问题12月30前完成整改", "2023-12-30"),
        ("“非粮化”问题6月30日前完成整改", "2024-06-30"),
    ]


def test_parse_deadlines_splits_the_spaced_cell_with_a_half_width_comma():
    cell = "“非农化”问题 12 月 30 日前完成整改, “非粮化”问题 6 月 30 日前完成整改"
    assert texts_and_dues(parse_deadlines(cell, date(2023, 11, 29))) == [
        ("“非农化”问题 12 月 30 日前完成整改", "2023-12-30"),
        ("“非粮化”问题 6 月 30 日前完成整改", "2024-06-30"),
    ]


def test_parse_deadlines_gives_each_milestone():
    cell = "2021 年 10 月前办理前期手续，2022 年 12 月底前开工建设，2023 年 12 月建成投运"
    deadlines = parse_deadlines(cell, date(2021, 8, 10))
    assert texts_and_dues(deadlines) == [
        ("2021 年 10 月前办理前期手续", "2021-10-31"),
        ("2022 年 12 月底前开工建设", "2022-12-31"),
        ("2023 年 12 月建成投运", "2023-12-31"),
    ]
    assert {deadline.precision for deadline in deadlines} == {"month"}


def test_parse_deadlines_drops_pieces_without_a_deadline():
    sentence = "在6月底前完成年度任务的50%,在9月底前完成年度任务的75%,在11月底前全面完成。"
    assert texts_and_dues(parse_deadlines(sentence, date(2022, 5, 12))) == [
        ("在6月底前完成年度任务的50%", "2022-06-30"),
        ("在9月底前完成年度任务的75%", "2022-09-30"),
        ("在11月底前全面完成", "2022-11-30"),
    ]


def test_parse_deadlines_cuts_between_dates_without_punctuation():
    assert texts_and_dues(parse_deadlines("6月底前 12月底前", date(2022, 5, 12))) == [
        ("6月底前", "2022-06-30"),
        ("12月底前", "2022-12-31"),
    ]


def test_parse_deadlines_cuts_at_a_bracket_before_a_further_deadline():
    text = "每年12月底前报回（2022年度推荐表于4月15日前报回）"
    deadlines = parse_deadlines(text, date(2022, 4, 6))
    assert [(deadline.text, deadline.recurrence) for deadline in deadlines] == [
        ("每年12月底前报回", "yearly:12"),
        ("（2022年度推荐表于4月15日前报回）", None),
    ]
    assert deadlines[1].due == date(2022, 4, 15)


def test_parse_deadlines_keeps_ranges_starts_and_ongoing_work_whole():
    reference = date(2023, 11, 29)
    assert parse_deadlines("(一)前期摸底阶段(2023年11月30日—2023年12月15日)", reference) == [
        parse_deadline("(一)前期摸底阶段(2023年11月30日—2023年12月15日)", reference)
    ]
    assert parse_deadlines("从2024年1月1日起长期执行", reference) == [
        Deadline("从2024年1月1日起长期执行", start=date(2024, 1, 1), ongoing=True)
    ]
    assert parse_deadlines("二〇二三年十二月底前完成；长期坚持", reference) == [
        Deadline("二〇二三年十二月底前完成", date(2023, 12, 31), precision="month"),
        Deadline("长期坚持", ongoing=True),
    ]


def test_parse_deadlines_keeps_what_it_cannot_read():
    reference = date(2023, 11, 29)
    assert parse_deadlines("按期完成", reference) == [Deadline("按期完成")]
    assert parse_deadlines("收到通知后5日内，12月底前完成", reference) == [
        Deadline("收到通知后5日内"),
        Deadline("12月底前完成", date(2023, 12, 31), precision="month"),
    ]
    assert parse_deadlines("  \n", reference) == []


SIGNIFICANT = (
    "0123456789０１２一二三十〇两年月日号底末前后旬上中下初半季度第每周星期今明本次内起至到"
    "—-~～ ，,；:（）()长期持续常态立即工作个天"
)
phrases = st.text(alphabet=st.one_of(st.sampled_from(SIGNIFICANT), st.characters(exclude_categories=("Cs",))))


@settings(max_examples=500, deadline=None)
@given(text=phrases, reference=st.dates())
def test_any_text_and_reference_parse_without_an_exception(text, reference):
    deadline = parse_deadline(text, reference)
    assert deadline.text == text
    assert deadline.precision in (None, "day", "month", "quarter", "half", "year")
    assert (deadline.due is None) == (deadline.precision is None)
    for piece in parse_deadlines(text, reference):
        assert piece.text in text
