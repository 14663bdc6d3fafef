"""Annual land-supply plans: the year, the total and every category with its source lines, read from invented plans
of five counties (a TAB table with a 合计 row and housing sub-rows, prose wrapped mid-word, a space-aligned table in
亩 with seven categories, a table printed the other way round in 平方米, a numbered list and a table without header
or unit); nothing from documents that are not plans. The expected values are typed from the samples' text."""

from decimal import Decimal

import pytest

from gazette.extraction import extract_gazette, plans
from gazette.extraction.common import Source
from gazette.parsing import parse_gazette
from tests.gazette.extracted import SAMPLES, SHARED_FILES, all_of, sample, shared

D = Decimal
# Per sample: document → (year, total as printed, its unit, total in ha, warnings, categories). A category is
# (name, printed figure, unit, ha, land use, housing type, first line, last line, parts), a part the same without
# parts.
EXPECTED = {
    "plans-qinghe-table.txt": {
        "清政发〔2024〕5号": (
            2024,
            D("52.3860"),
            "公顷",
            D("52.3860"),
            [],
            [
                ("商服用地", D("6.4500"), "公顷", D("6.4500"), "commercial", "", 27, 27, []),
                ("工矿仓储用地", D("18.7200"), "公顷", D("18.7200"), "industrial", "", 28, 28, []),
                (
                    "住宅用地",
                    D("15.2160"),
                    "公顷",
                    D("15.2160"),
                    "residential",
                    "",
                    29,
                    29,
                    [
                        ("保障性住房用地", D("2.6000"), "公顷", D("2.6000"), "residential", "affordable", 30, 30),
                        ("商品住房用地", D("12.6160"), "公顷", D("12.6160"), "residential", "commodity", 31, 31),
                    ],
                ),
                ("公共管理与公共服务用地", D("7.3000"), "公顷", D("7.3000"), "public", "", 34, 34, []),
                ("交通运输用地", D("3.9000"), "公顷", D("3.9000"), "transport", "", 35, 35, []),
                ("水域及水利设施用地", D("0.8000"), "公顷", D("0.8000"), "water", "", 36, 36, []),
            ],
        ),
    },
    "plans-baishui-prose.txt": {
        "白政办发〔2025〕6号": (
            2025,
            D("35.2"),
            "公顷",
            D("35.2"),
            [],
            [
                ("商服用地", D("3.1"), "公顷", D("3.1"), "commercial", "", 10, 10, []),
                ("工矿仓储用地", D("8.4"), "公顷", D("8.4"), "industrial", "", 10, 10, []),
                (
                    "住宅用地",
                    D("12.6"),
                    "公顷",
                    D("12.6"),
                    "residential",
                    "",
                    10,
                    11,
                    [("保障性住房", D("2.0"), "公顷", D("2.0"), "residential", "affordable", 11, 11)],
                ),
                ("公共管理与公共服务用地", D("6.5"), "公顷", D("6.5"), "public", "", 11, 11, []),
                ("交通运输用地", D("4.6"), "公顷", D("4.6"), "transport", "", 11, 11, []),
            ],
        ),
        # 2.00 + 9.50 + 6.00 + 2.50 = 20.00, not the 20.50 printed: proposed, with a warning.
        "白政函〔2025〕12号": (
            2024,
            D("20.50"),
            "公顷",
            D("20.5"),
            ["sum_mismatch"],
            [
                ("商服用地", D("2.00"), "公顷", D("2"), "commercial", "", 25, 25, []),
                ("工矿仓储用地", D("9.50"), "公顷", D("9.5"), "industrial", "", 25, 25, []),
                ("住宅用地", D("6.00"), "公顷", D("6"), "residential", "", 25, 25, []),
                ("交通运输用地", D("2.50"), "公顷", D("2.5"), "transport", "", 25, 25, []),
            ],
        ),
    },
    # 1 亩 = 1/15 公顷: 45 亩 = 3 公顷, …, 8 亩 = 0.5333… 公顷, 428 亩 = 28.5333… 公顷.
    "plans-dongping-mu.txt": {
        "东政办发〔2024〕23号": (
            2024,
            D("428"),
            "亩",
            D("28.5333"),
            [],
            [
                ("商服用地", D("45"), "亩", D("3"), "commercial", "", 20, 20, []),
                ("工矿仓储用地", D("120"), "亩", D("8"), "industrial", "", 21, 21, []),
                ("住宅用地", D("150"), "亩", D("10"), "residential", "", 22, 22, []),
                ("公共管理与公共服务用地", D("60"), "亩", D("4"), "public", "", 23, 23, []),
                ("交通运输用地", D("30"), "亩", D("2"), "transport", "", 24, 24, []),
                ("水域及水利设施用地", D("15"), "亩", D("1"), "water", "", 25, 25, []),
                ("特殊用地", D("8"), "亩", D("0.5333"), "special", "", 26, 26, []),
            ],
        ),
    },
    "plans-heshui-transposed.txt": {
        "禾政发〔2023〕31号": (
            2024,
            D("186500"),
            "平方米",
            D("18.65"),
            [],
            [
                ("商服用地", D("12000"), "平方米", D("1.2"), "commercial", "", 15, 16, []),
                ("工矿仓储用地", D("65500"), "平方米", D("6.55"), "industrial", "", 15, 16, []),
                (
                    "住宅用地",
                    D("48000"),
                    "平方米",
                    D("4.8"),
                    "residential",
                    "",
                    15,
                    16,
                    [("保障性住房", D("8000"), "平方米", D("0.8"), "residential", "affordable", 15, 16)],
                ),
                ("公共管理与公共服务用地", D("31000"), "平方米", D("3.1"), "public", "", 15, 16, []),
                ("交通运输用地", D("22000"), "平方米", D("2.2"), "transport", "", 15, 16, []),
                ("特殊用地", D("8000"), "平方米", D("0.8"), "special", "", 15, 16, []),
            ],
        ),
    },
    "plans-qingshi-list.txt": {
        "青政函〔2024〕3号": (
            2024,
            D("42.5"),
            "公顷",
            D("42.5"),
            [],
            [
                ("商服用地", D("5.5"), "公顷", D("5.5"), "commercial", "", 10, 10, []),
                ("工矿仓储用地", D("12"), "公顷", D("12"), "industrial", "", 11, 11, []),
                (
                    "住宅用地",
                    D("15"),
                    "公顷",
                    D("15"),
                    "residential",
                    "",
                    12,
                    12,
                    [("保障性安居工程用地", D("3"), "公顷", D("3"), "residential", "affordable", 12, 12)],
                ),
                ("公共管理与公共服务用地", D("6"), "公顷", D("6"), "public", "", 13, 13, []),
                ("交通运输用地", D("4"), "公顷", D("4"), "transport", "", 14, 14, []),
            ],
        ),
        # No unit printed anywhere: read as 公顷, and said so; 其他用地 is a category the reviewer places.
        "青政办发〔2025〕1号": (
            2025,
            D("23"),
            "公顷",
            D("23"),
            ["unit_assumed"],
            [
                ("商服用地", D("3.2"), "公顷", D("3.2"), "commercial", "", 28, 28, []),
                ("工矿仓储用地", D("10.5"), "公顷", D("10.5"), "industrial", "", 29, 29, []),
                ("住宅用地", D("8"), "公顷", D("8"), "residential", "", 30, 30, []),
                ("其他用地", D("1.3"), "公顷", D("1.3"), None, "", 31, 31, []),
            ],
        ),
    },
}
# A caption (二、供应结构) between the total and the categories, each category a numbered item of its own.
EXPECTED["plans-qinglin-captioned.txt"] = {
    "青林政发〔2025〕5号": (
        2025,
        D("150.6"),
        "公顷",
        D("150.6000"),
        [],
        [
            ("商服用地", D("12.3"), "公顷", D("12.3000"), "commercial", "", 15, 15, []),
            ("工矿仓储用地", D("45.8"), "公顷", D("45.8000"), "industrial", "", 16, 16, []),
            (
                "住宅用地",
                D("38.5"),
                "公顷",
                D("38.5000"),
                "residential",
                "",
                17,
                17,
                [("保障性住房用地", D("5.2"), "公顷", D("5.2000"), "residential", "affordable", 17, 17)],
            ),
            ("公共管理与公共服务用地", D("20.0"), "公顷", D("20.0000"), "public", "", 18, 18, []),
            ("交通运输用地", D("30.0"), "公顷", D("30.0000"), "transport", "", 19, 19, []),
            ("水域及水利设施用地", D("4.0"), "公顷", D("4.0000"), "water", "", 20, 20, []),
        ],
    )
}
# contents-bracketed-pages-after-leaders.txt (石门县): the plan in one paragraph, a part in brackets after its category.
EXPECTED["contents-bracketed-pages-after-leaders.txt"] = {
    "石政发〔2025〕15号": (
        2025,
        D("85.6"),
        "公顷",
        D("85.6000"),
        [],
        [
            ("商服用地", D("12.4"), "公顷", D("12.4000"), "commercial", "", 26, 26, []),
            ("工矿仓储用地", D("30.2"), "公顷", D("30.2000"), "industrial", "", 26, 26, []),
            (
                "住宅用地",
                D("25.0"),
                "公顷",
                D("25.0000"),
                "residential",
                "",
                26,
                26,
                [("保障性住房用地", D("5.0"), "公顷", D("5.0000"), "residential", "affordable", 26, 26)],
            ),
            ("公共管理与公共服务用地", D("8.0"), "公顷", D("8.0000"), "public", "", 26, 26, []),
            ("交通运输用地", D("10.0"), "公顷", D("10.0000"), "transport", "", 26, 26, []),
        ],
    )
}
# narrow-scheme-and-plan.txt (枫林县): a short issue hard-wrapped at 18 characters, figures cut inside their digits
# (工矿仓储用地15 | .80公顷) and a part's bracket across lines (（其中保障 | 性住房3.00公顷）).
EXPECTED["narrow-scheme-and-plan.txt"] = {
    "枫政办发〔2026〕5号": (
        2026,
        D("48.60"),
        "公顷",
        D("48.6000"),
        [],
        [
            ("商服用地", D("6.20"), "公顷", D("6.2000"), "commercial", "", 49, 49, []),
            ("工矿仓储用地", D("15.80"), "公顷", D("15.8000"), "industrial", "", 49, 50, []),
            (
                "住宅用地",
                D("18.40"),
                "公顷",
                D("18.4000"),
                "residential",
                "",
                50,
                50,
                [("保障性住房", D("3.00"), "公顷", D("3.0000"), "residential", "affordable", 50, 51)],
            ),
            ("公共管理与公共服务用地", D("5.70"), "公顷", D("5.7000"), "public", "", 51, 52, []),
            ("交通运输用地", D("2.50"), "公顷", D("2.5000"), "transport", "", 52, 52, []),
        ],
    ),
}
NOT_PLANS = ["extract-plans.txt", "extract-land-and-compensation.txt", "other-series.txt", "full-issue.txt"]


def as_tuple(category, with_parts=True):
    row = (
        category.name,
        category.area,
        category.unit,
        category.area_ha,
        category.land_use,
        category.housing_type,
        category.span.start,
        category.span.end,
    )
    return (*row, [as_tuple(part, False) for part in category.parts]) if with_parts else row


def found(name):
    return {
        plan.document.key: (plan.year, plan.total, plan.total_unit, plan.total_ha, plan.warnings, plan.categories)
        for plan in all_of(sample(name), "plans")
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_invented_plan_is_read_with_every_category_as_printed(name):
    got = found(name)
    assert set(got) == set(EXPECTED[name])
    for document, (year, total, unit, total_ha, warnings, categories) in EXPECTED[name].items():
        plan = got[document]
        assert plan[:5] == (year, total, unit, total_ha, warnings), document
        assert [as_tuple(category) for category in plan[5]] == categories, document


def score():
    """(matched, expected, proposed) over plans and over categories (with parts) of every invented sample."""
    plan_hits = plan_expected = plan_found = category_hits = category_expected = category_found = 0
    for name, documents in EXPECTED.items():
        got = found(name)
        plan_expected += len(documents)
        plan_found += len(got)
        for document, expected in documents.items():
            plan = got.get(document)
            category_expected += len(expected[5])
            if plan is None:
                continue
            rows = [as_tuple(category) for category in plan[5]]
            category_found += len(rows)
            category_hits += sum(row in expected[5] for row in rows)
            plan_hits += plan[:5] == expected[:5] and rows == expected[5]
    return (plan_hits, plan_expected, plan_found), (category_hits, category_expected, category_found)


def test_the_invented_plans_are_read_exactly():
    (plan_hits, plan_expected, plan_found), (hits, expected, proposed) = score()
    assert (plan_hits, plan_found) == (plan_expected, plan_expected) == (10, 10)
    assert (hits, proposed) == (expected, expected) == (53, 53)


@pytest.mark.parametrize("name", NOT_PLANS)
def test_documents_that_are_no_land_supply_plan_propose_none(name):
    """Action plans, project tables with a 合计 row, a notice about a plan that prints only a parcel, a 批复 citing a
    plan: none is a plan."""
    assert all_of(sample(name), "plans") == []


@pytest.mark.parametrize("name", SHARED_FILES)
def test_the_shared_gazettes_print_no_land_supply_plan_and_none_is_proposed(name):
    """Read through: the three issues hold parcel approvals and reclamation figures in 公顷, but no annual plan."""
    assert all_of(shared(name), "plans") == []


def test_last_years_supply_printed_as_background_is_not_the_plan():
    (plan,) = all_of(sample("plans-qinghe-table.txt"), "plans")
    assert D("41.3600") not in {plan.total, *(category.area for category in plan.categories)}


def test_the_plans_lines_hold_its_figures():
    lines = (SAMPLES / "plans-dongping-mu.txt").read_text(encoding="utf-8").split("\n")
    (plan,) = all_of(sample("plans-dongping-mu.txt"), "plans")
    assert (plan.span.start, plan.span.end) == (20, 27)
    for category in plan.categories:
        line = lines[category.span.start - 1]
        assert line.startswith(category.name) and str(category.area) in line.split()


def test_areas_convert_exactly_and_round_half_up_to_four_places():
    assert plans.hectares(plans.square_metres(D("8"), "亩")) == D("0.5333")
    assert plans.hectares(plans.square_metres(D("1"), "亩")) == D("0.0667")
    assert plans.hectares(plans.square_metres(D("12345.65"), "平方米")) == D("1.2346")
    assert plans.hectares(plans.square_metres(D("3.5"), "万平方米")) == D("3.5")


def test_a_method_split_is_not_a_second_total():
    """白水县's plan also says how much is 划拨 and 出让: no other total, no warning."""
    plan = next(p for p in all_of(sample("plans-baishui-prose.txt"), "plans") if p.year == 2025)
    assert plan.warnings == [] and plan.other_total_ha is None


def test_a_total_that_another_reading_contradicts_is_flagged():
    text = "\n".join(
        [
            "石桥县人民政府 关于石桥县2024年度国有建设用地供应计划的通知",
            "石政发〔2024〕2号",
            "各乡镇：",
            "2024年计划供应国有建设用地总量为12公顷。",
            "用地类型\t面积（公顷）",
            "商服用地\t4",
            "住宅用地\t7",
            "合计\t11",
            "石桥县人民政府",
            "2024年1月8日",
        ]
    )
    (plan,) = all_of(extract_gazette(parse_gazette(text), text), "plans")
    assert (plan.total, plan.other_total_ha) == (D("11"), D("12.0000"))
    assert plan.warnings == ["totals_differ"]


def test_reading_grows_linearly_with_the_plan(monkeypatch):
    """A plan of 4n rows and a paragraph of 4n items costs four times one of n: every line is read a fixed number of
    times (counted, not timed)."""

    def text(rows):
        prose = "、".join(f"住宅用地{index}公顷" for index in range(rows))
        return "\n".join(
            [
                "石桥县人民政府 关于石桥县2024年度国有建设用地供应计划的通知",
                "石政发〔2024〕2号",
                "各乡镇：",
                f"2024年计划供应国有建设用地总量为1公顷，其中：{prose}。",
                "用地类型\t面积（公顷）",
                *[f"商服用地\t{index}" for index in range(rows)],
                "合计\t1",
                "石桥县人民政府",
                "2024年1月8日",
            ]
        )

    calls = {"lines": 0}
    original = Source.text

    def counted(self, number):
        calls["lines"] += 1
        return original(self, number)

    monkeypatch.setattr(Source, "text", counted)

    def cost(rows):
        calls["lines"] = 0
        source = text(rows)
        (plan,) = all_of(extract_gazette(parse_gazette(source), source), "plans")
        assert len(plan.categories) == rows
        return calls["lines"]

    small, large = cost(500), cost(2000)
    assert large <= 4 * small + 50


def test_a_plan_in_one_sentence_with_a_part_in_brackets():
    """extract-rosters-bracketed-titles.txt (松岭县): 计划供应国有建设用地85.6公顷。其中：工矿仓储用地20.3公顷，…，
    住宅用地30.2公顷（其中保障性住房用地5公顷），…"""
    (plan,) = all_of(sample("extract-rosters-bracketed-titles.txt"), "plans")
    assert (plan.year, plan.total_ha) == (2025, Decimal("85.6"))
    assert [(category.name, category.area_ha) for category in plan.categories] == [
        ("工矿仓储用地", Decimal("20.3")),
        ("商服用地", Decimal("10.5")),
        ("住宅用地", Decimal("30.2")),
        ("公共管理与公共服务用地", Decimal("15.6")),
        ("交通运输用地", Decimal("9")),
    ]
    assert [(part.name, part.area_ha, part.housing_type) for part in plan.categories[2].parts] == [
        ("保障性住房用地", Decimal("5"), "affordable")
    ]
