"""Deadline phrases of other counties' gazettes (issue 15): a month written without 月 before 底/末/旬, and the common
phrases a task or phase of another county uses, each worked out by hand from the rules in projects/deadlines.py."""

from datetime import date

import pytest

from projects.deadlines import Deadline, parse_deadline, parse_deadlines

SIGNED = "2022-03-15"  # a document signed in March: no phrase below is more than three months before it


def row(case_id, text, due=None, precision=None, *, start=None, ongoing=False, recurrence=None, reference=SIGNED):
    day = date.fromisoformat
    expected = Deadline(text, due and day(due), start and day(start), precision, ongoing, recurrence)
    return pytest.param(text, day(reference), expected, id=case_id)


MISSING_MONTH = [
    # The typo of the issue: 月 left out; the year's end would be seven months late.
    row("year-month-end-without-month-sign", "2022年5底前", "2022-05-31", "month"),
    row("month-end-without-month-sign", "5底前", "2022-05-31", "month"),
    row("this-year-month-end-without-month-sign", "今年5底前", "2022-05-31", "month"),
    row("december-without-month-sign", "2022年12底前", "2022-12-31", "month"),
    row("month-close-without-month-sign", "2022年9末", "2022-09-30", "month"),
    row("mid-month-without-month-sign", "2022年5中旬前", "2022-05-20", "day"),
    row("late-month-without-month-sign", "6下旬", "2022-06-30", "day"),
    row("range-without-month-signs", "4底至6底", "2022-06-30", "month", start="2022-04-30"),
    row("yearly-without-month-sign", "每年3底前", "2022-03-31", "month", recurrence="yearly:3"),
    # A number that is no month stays unparsed rather than becoming the year's end.
    row("no-such-month-without-month-sign", "2022年13底前"),
    # The year alone still means its last day.
    row("year-end-still-the-year", "2022年底前", "2022-12-31", "year"),
]

COMMON = [
    row("month-end", "5月底前", "2022-05-31", "month"),
    row("first-half", "上半年", "2022-06-30", "half"),
    row("third-quarter-end", "三季度末", "2022-09-30", "quarter"),
    row("year-end", "年底前", "2022-12-31", "year"),
    row("next-year-march", "次年3月", "2023-03-31", "month"),
    row("persist", "长期坚持", ongoing=True),
    row("target-year", "2025年达到三级医院标准", "2025-12-31", "year"),
    row("year-end-in-a-sentence", "2023年底前完成", "2023-12-31", "year"),
    # Phase dates: a month range over the new year, and one with its year only on the end.
    row("months-over-new-year", "11月—次年2月", "2023-02-28", "month", start="2022-11-01"),
    row("months-with-year-on-start", "2024年1月—3月", "2024-03-31", "month", start="2024-01-01"),
    row(
        "months-over-new-year-from-january",
        "11月—次年2月",
        "2025-02-28",
        "month",
        start="2024-11-01",
        reference="2024-01-01",
    ),
]


# Holidays (worked out by hand: 春节 2023 was 22 January, 2025 29 January, 2026 17 February, 2040 12 February; in
# 2022 清明 fell on 5 April, 端午 on 3 June, 中秋 on 10 September). A document signed in November asks for 春节前 of
# the coming new year; one signed in March, of the next.
HOLIDAYS = [
    row("spring-festival-after-november", "春节前完成欠薪清零", "2025-01-28", "day", reference="2024-11-20"),
    row("spring-festival-after-march", "春节前", "2023-01-21", "day"),
    row("spring-festival-of-a-year", "2026年春节前", "2026-02-16", "day", reference="2024-11-20"),
    row("spring-festival-next-year", "明年春节前", "2025-01-28", "day", reference="2024-11-20"),
    row("national-day", "国庆节前", "2022-09-30", "day"),
    row("labour-day", "五一前", "2022-04-30", "day"),
    row("new-year-of-a-year", "2025年元旦前", "2024-12-31", "day", reference="2024-11-20"),
    row("new-year-after-march", "元旦前", "2022-12-31", "day"),
    # The later of a date and a holiday, as for any two deadlines in one phrase.
    row("month-end-or-spring-festival", "12月底前（春节前）", "2025-01-28", "day", reference="2024-11-20"),
    # Around the holiday, during it, or a lunar new year the calendar does not know: left to a person.
    row("around-spring-festival", "春节前后"),
    row("during-spring-festival", "春节期间"),
    row("spring-festival-years-ahead", "2040年春节前", "2040-02-11", "day"),
    row("tomb-sweeping-day", "清明节前", "2022-04-04", "day"),
    row("dragon-boat-festival", "端午节前完成隐患排查", "2022-06-02", "day"),
    row("mid-autumn-festival", "中秋节前", "2022-09-09", "day"),
    row("mid-autumn-festival-after-it", "中秋前", "2023-09-28", "day", reference="2022-09-20"),
    row("spring-festival-beyond-the-calendar", "2100年春节前"),
]


@pytest.mark.parametrize(("text", "reference", "expected"), MISSING_MONTH + COMMON + HOLIDAYS)
def test_phrases_of_other_counties(text, reference, expected):
    assert parse_deadline(text, reference) == expected


def test_a_cell_with_a_missing_month_sign_keeps_each_milestone():
    reference = date.fromisoformat(SIGNED)
    assert [(d.text, d.due) for d in parse_deadlines("2022年5底前完成排查；2022年9底前完成整改", reference)] == [
        ("2022年5底前完成排查", date(2022, 5, 31)),
        ("2022年9底前完成整改", date(2022, 9, 30)),
    ]
