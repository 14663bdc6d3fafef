"""Reminder tiers on working days: 2025's National Day holiday (1–8 October off; Sunday 28 September and
Saturday 11 October worked) and a county's own exception."""

import datetime

import pytest

from projects.reminders.rules import DUE, ESCALATE, REMINDER, URGE, WARNING, Policy, tier_for
from projects.workdays import WorkCalendar

D = datetime.date
NATIONAL = WorkCalendar()
POLICY = Policy(warning_days=3, reminder_days=3, escalation_days=7)


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        # 预警 counts working days ahead: a worked Sunday counts, the holiday week does not.
        (D(2025, 9, 28), D(2025, 9, 26), (WARNING, 0)),
        (D(2025, 9, 30), D(2025, 9, 26), (WARNING, 0)),  # 28, 29, 30: three working days, the boundary
        (D(2025, 10, 9), D(2025, 9, 26), (None, 0)),  # 28, 29, 30, 9 October: four
        (D(2025, 10, 9), D(2025, 9, 30), (WARNING, 0)),  # nine days away, one working day
        (D(2025, 9, 26), D(2025, 9, 26), (DUE, 0)),
        # Overdue working days skip the holiday.
        (D(2025, 9, 30), D(2025, 10, 9), (REMINDER, 1)),
        (D(2025, 10, 9), D(2025, 10, 13), (REMINDER, 3)),  # 10, Saturday 11 (worked), 13
        (D(2025, 10, 9), D(2025, 10, 14), (URGE, 4)),
        (D(2025, 9, 26), D(2025, 10, 9), (URGE, 4)),  # 28, 29, 30, 9 October
        (D(2025, 10, 9), D(2025, 10, 17), (URGE, 7)),
        (D(2025, 10, 9), D(2025, 10, 20), (ESCALATE, 8)),
        (None, D(2025, 10, 20), (None, 0)),
    ],
)
def test_tier_boundaries_follow_the_chinese_calendar(due, today, expected):
    assert tier_for(due, today, NATIONAL, POLICY) == expected


def test_a_county_day_off_is_not_counted():
    county = WorkCalendar({D(2025, 10, 10): False})
    assert tier_for(D(2025, 10, 9), D(2025, 10, 13), county, POLICY) == (REMINDER, 2)


def test_a_county_working_day_is_counted():
    county = WorkCalendar({D(2025, 10, 8): True})
    # 28, 29, 30 September and the county's 8 October: four working days ahead, not three.
    assert tier_for(D(2025, 10, 8), D(2025, 9, 26), county, POLICY) == (None, 0)
    assert tier_for(D(2025, 10, 8), D(2025, 9, 26), NATIONAL, POLICY) == (WARNING, 0)


def test_the_limits_are_settings():
    strict = Policy(warning_days=1, reminder_days=1, escalation_days=2)
    assert tier_for(D(2025, 9, 30), D(2025, 9, 26), NATIONAL, strict) == (None, 0)
    assert tier_for(D(2025, 10, 9), D(2025, 10, 11), NATIONAL, strict) == (URGE, 2)
    assert tier_for(D(2025, 10, 9), D(2025, 10, 13), NATIONAL, strict) == (ESCALATE, 3)


def test_working_days_go_backwards_too():
    assert NATIONAL.add_working_days(D(2025, 10, 9), -1) == D(2025, 9, 30)
    assert NATIONAL.add_working_days(D(2025, 9, 29), -1) == D(2025, 9, 28)
