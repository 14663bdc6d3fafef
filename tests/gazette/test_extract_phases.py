"""Phases read from the shared gazettes and from invented layouts, their dates read with the deadline parser."""

import pytest

from gazette.extraction import extract_gazette
from gazette.parsing import parse_gazette
from gazette.parsing.result import Span
from intake.drafts import phase_dates
from tests.gazette.expected.phases import PHASES
from tests.gazette.extracted import SHARED_FILES, all_of, sample, shared


def found_phases(extractions):
    return [
        (phase.document.key, phase.label, *[day.isoformat() if day else None for day in phase_dates(phase)])
        for phase in all_of(extractions, "phases")
    ]


def test_every_phase_of_the_shared_gazettes_is_read_with_its_dates():
    found = [item for name in SHARED_FILES for item in found_phases(shared(name))]
    assert found == PHASES


def test_a_phase_keeps_the_text_it_came_from_and_its_line():
    phase = next(p for p in all_of(shared("xingxian-2021-2.txt"), "phases") if p.label == "组织实施阶段")
    assert phase.raw == "(二) 组织实施阶段（2021年9月至2022年12月）"  # the year wrapped onto the next line
    assert phase.span.end > phase.span.start and phase.dates_text == "2021年9月至2022年12月"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "extract-hard-wrapped-roster.txt",
            [
                ("青政办发〔2024〕6号", "排查摸底阶段", "2024-03-01", "2024-03-31"),
                ("青政办发〔2024〕6号", "集中整治阶段", "2024-04-01", "2024-06-30"),
            ],
        ),
        (
            "extract-tab-tables.txt",
            [
                ("河政办发〔2024〕12号", "自查自纠阶段", "2024-05-10", "2024-06-10"),
                ("河政办发〔2024〕12号", "集中整改阶段", "2024-06-11", "2024-09-30"),
                ("河政办发〔2024〕12号", "验收销号阶段", "2024-10-01", "2024-10-31"),
            ],
        ),
    ],
)
def test_phases_of_other_counties_take_their_year_from_the_document(name, expected):
    assert found_phases(sample(name)) == expected


def test_phases_of_an_invented_plan_in_both_layouts_with_their_dates():
    assert found_phases(sample("extract-plans.txt")) == [
        ("云政办发〔2024〕15号", "启动准备阶段", None, "2024-04-10"),  # only due by a day
        ("云政办发〔2024〕15号", "集中攻坚阶段", "2024-04-11", "2024-06-30"),
        ("云政办发〔2024〕15号", "总结验收阶段", "2024-07-01", "2024-07-31"),  # one month, the year left out
        ("云政办发〔2024〕15号", "第一阶段：摸底排查", "2024-04-01", "2024-04-20"),
        ("云政办发〔2024〕15号", "第二阶段：问题整改", "2024-04-21", "2024-06-20"),
        ("云政办发〔2024〕15号", "第三阶段：建章立制", None, None),  # no dates given
    ]


def test_a_phase_whose_dates_wrap_onto_the_next_line_keeps_its_text_and_lines():
    phase = next(p for p in all_of(sample("extract-plans.txt"), "phases") if p.label == "集中攻坚阶段")
    assert phase.raw == "（二）集中攻坚阶段（2024年4月11日至2024年6月30日）"
    assert (phase.span.start, phase.span.end) == (22, 23)
    assert phase.dates_text == "2024年4月11日至2024年6月30日"


def test_a_sentence_of_an_invented_plan_that_mentions_a_stage_is_not_a_phase():
    """Line 24: 各乡（镇）要在集中攻坚阶段（2024年4月至6月）抽调精干力量…"""
    phases = all_of(sample("extract-plans.txt"), "phases")
    assert not any(phase.span.start == 24 or "各乡" in phase.raw for phase in phases)


def test_a_sentence_that_mentions_a_stage_is_not_a_phase():
    assert not any("阶段目标" in phase.label for phase in all_of(shared("xingxian-2021-2.txt"), "phases"))


# --- Years left out, labels without 阶段 (issue 15): an invented 东平县 issue ---------------------------------------

YEARS = "extract-phases-years.txt"


def test_phases_whose_dates_name_no_year_take_the_plans_year():
    assert found_phases(sample(YEARS)) == [
        # Signed 2023-09-18: the first stage ends before the second, which names 2024; the third follows it.
        ("东政办发〔2023〕31号", "第一阶段：动员部署", "2023-10-01", "2023-12-31"),
        ("东政办发〔2023〕31号", "第二阶段", "2024-01-01", "2024-03-31"),
        ("东政办发〔2023〕31号", "第三阶段：总结验收", "2024-04-01", "2024-04-30"),
        # Signed 2023-12-26 for 2024 (the plan's title says so): labels without 阶段 under 一、时间安排; 次年 is 2025.
        ("东政发〔2023〕40号", "宣传发动", "2024-02-01", "2024-03-31"),
        ("东政发〔2023〕40号", "组织实施", "2024-04-01", "2024-10-31"),
        ("东政发〔2023〕40号", "总结考核", "2024-11-01", "2025-01-31"),
        # Signed 2024-04-20, no year but the signing date's: the stage after one over the new year is in 2025.
        ("东政办发〔2024〕12号", "排查阶段", "2024-05-01", "2024-06-30"),
        ("东政办发〔2024〕12号", "整治阶段", "2024-07-01", "2024-11-30"),
        ("东政办发〔2024〕12号", "巩固阶段", "2024-11-01", "2025-03-31"),
        ("东政办发〔2024〕12号", "验收阶段", "2025-04-01", "2025-04-30"),
    ]


def test_an_ordinal_stage_keeps_its_dates_as_written_and_its_line():
    phases = {phase.label: phase for phase in all_of(sample(YEARS), "phases")}
    first, second = phases["第一阶段：动员部署"], phases["第二阶段"]
    assert (first.dates_text, first.raw, first.span.start, first.span.end) == (
        "10月—12月",
        "第一阶段（10月—12月）：动员部署",
        21,
        21,
    )
    assert (second.dates_text, second.span.start, second.span.end) == ("2024年1月—3月", 22, 22)


def test_steps_of_a_stage_and_sentences_naming_a_stage_are_not_phases():
    """Lines 40–41 (1. 春耕备耕（4月）, 2. 田间管理（5月—9月）) are steps inside 组织实施; line 26 mentions 第二阶段 in
    a sentence; 到2025年底 and 到2026年 in the goals name no stage's year."""
    lines = {phase.span.start for phase in all_of(sample(YEARS), "phases")}
    assert not lines & {26, 40, 41}


def test_the_shared_garden_town_plan_has_three_stages_without_the_word_stage():
    garden = [p for p in found_phases(shared("xingxian-2021-2.txt")) if p[0] == "兴政办发〔2021〕21号"]
    assert [label for _, label, *_ in garden] == ["组织部署，宣传发动", "全面推进，重点突破", "申报迎检，总结提高"]


def test_the_shared_forest_city_steps_inside_a_stage_are_not_stages():
    forest = [p for p in found_phases(shared("xingxian-2021-2.txt")) if p[0] == "兴政办发〔2021〕23号"]
    assert [label for _, label, *_ in forest] == ["组织启动阶段", "全面实施阶段", "核查验收阶段", "巩固提高阶段"]


def test_stages_given_their_dates_in_a_sentence_several_to_a_sentence():
    """extract-phases-prose.txt (松岭县, typed by hand): the stages in brackets under 实施步骤, then 时间安排 in one
    sentence: 即日起至2025年6月30日为宣传发动阶段；2025年7月至9月为集中攻坚阶段；2025年10月为检查验收阶段。"""
    found = all_of(sample("extract-phases-prose.txt"), "phases")
    assert [(phase.label, phase.dates_text, phase.span.start) for phase in found] == [
        ("动员部署阶段", "2025年5月—6月", 20),
        ("集中整治阶段", "2025年7月1日至9月30日", 22),
        ("巩固提升阶段", "2025年10月—12月", 24),
        ("宣传发动阶段", "即日起至2025年6月30日", 28),
        ("集中攻坚阶段", "2025年7月至9月", 28),
        ("检查验收阶段", "2025年10月", 28),
    ]


def test_numbered_stages_with_their_dates_after_a_colon():
    """extract-phases-colon.txt (青林县, typed by hand): `1.动员部署阶段：2025年4月1日至4月10日。` under 时间安排."""
    found = all_of(sample("extract-phases-colon.txt"), "phases")
    assert [(phase.label, phase.dates_text, phase.span.start) for phase in found] == [
        ("动员部署阶段", "2025年4月1日至4月10日", 7),
        ("集中整治阶段", "2025年4月11日至6月30日", 8),
        ("总结验收阶段", "2025年7月1日—7月10日", 9),
    ]
    assert [tuple(day.isoformat() for day in phase_dates(phase)) for phase in found] == [
        ("2025-04-01", "2025-04-10"),
        ("2025-04-11", "2025-06-30"),
        ("2025-07-01", "2025-07-10"),
    ]


def test_stages_in_a_sentence_that_wrapping_cut_are_read_whole():
    # narrow-phases-prose.txt (松岭县, typed by hand): extract-phases-prose.txt wrapped at 16 characters. The
    # sentence of stages runs over lines 36-38 (…为宣传发动 | 阶段；…为集中攻坚阶 | 段；…); a stage's bracket is
    # cut inside its dates (（二）集中整治阶段（2025年7月1日 | 至9月30日）。).
    phases = all_of(sample("narrow-phases-prose.txt"), "phases")
    assert [(phase.label, phase.dates_text, phase.span) for phase in phases] == [
        ("动员部署阶段", "2025年5月—6月", Span(25, 26)),
        ("集中整治阶段", "2025年7月1日至9月30日", Span(28, 29)),
        ("巩固提升阶段", "2025年10月—12月", Span(31, 32)),
        ("宣传发动阶段", "即日起至2025年6月30日", Span(36, 38)),
        ("集中攻坚阶段", "2025年7月至9月", Span(36, 38)),
        ("检查验收阶段", "2025年10月", Span(36, 38)),
    ]


def test_ordinal_stages_named_after_a_colon_with_their_dates_in_brackets():
    # 云溪县 (invented): 第一阶段：动员部署（2025年3月1日至3月15日）。; the third names no year.
    text = (
        "云溪县人民政府办公室关于印发云溪县安全生产大排查大整治行动方案的通知\n云溪政办发〔2025〕12号\n"
        "各乡镇人民政府，县直各部门：\n现将方案印发给你们。\n云溪县人民政府办公室\n2025年3月1日\n"
        "云溪县安全生产大排查大整治行动方案\n一、时间安排\n"
        "第一阶段：动员部署（2025年3月1日至3月15日）。各乡镇制定具体实施方案。\n"
        "第二阶段：排查整治（2025年3月16日至6月30日）。\n第三阶段：总结提升（7月1日—7月31日）。\n"
    )
    phases = all_of(extract_gazette(parse_gazette(text), text), "phases")
    assert [(p.label, p.span, *map(str, phase_dates(p))) for p in phases] == [
        ("第一阶段：动员部署", Span(9, 9), "2025-03-01", "2025-03-15"),
        ("第二阶段：排查整治", Span(10, 10), "2025-03-16", "2025-06-30"),
        ("第三阶段：总结提升", Span(11, 11), "2025-07-01", "2025-07-31"),
    ]
