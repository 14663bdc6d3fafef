import datetime

import pytest

from projects.lights import (
    GREEN,
    HISTORICAL,
    NONE,
    RED,
    UNDATED,
    YELLOW,
    days_overdue,
    traffic_light,
    yellow_before,
)
from projects.workdays import NATIONAL, add_working_days, is_workday, working_days_between

D = datetime.date
TODAY = D(2025, 9, 26)  # a Friday; 2025-09-28 (Sunday) is a swapped working day before the National Day holiday


ENTERED = D(2025, 1, 1)


def light(due, status="in_progress", as_of=ENTERED, percent=None, start=None, warn=3):
    before = yellow_before(TODAY, NATIONAL, warn)
    return traffic_light(
        status=status, due=due, as_of=as_of, today=TODAY, yellow_before=before, start=start, percent=percent
    )


def test_swapped_working_days_and_holidays_count_by_the_chinese_calendar():
    assert is_workday(D(2025, 9, 28))  # Sunday, worked in exchange for the holiday
    assert not is_workday(D(2025, 10, 1))
    assert add_working_days(TODAY, 1) == D(2025, 9, 28)
    assert add_working_days(TODAY, 2) == D(2025, 9, 29)
    assert add_working_days(D(2025, 9, 30), 1) == D(2025, 10, 9)  # past the eight-day holiday and 10-11 swap
    assert working_days_between(D(2025, 9, 30), D(2025, 10, 9)) == 1


def test_a_year_the_calendar_does_not_know_falls_back_to_weekdays():
    assert is_workday(D(2099, 1, 5)) and not is_workday(D(2099, 1, 4))


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (D(2025, 9, 25), RED),
        (TODAY, YELLOW),
        (D(2025, 9, 30), YELLOW),  # third working day after today (28th, 29th, 30th)
        (D(2025, 10, 1), YELLOW),  # a holiday before the fourth working day
        (D(2025, 10, 9), GREEN),  # the fourth working day
    ],
)
def test_light_by_working_days_to_the_deadline(due, expected):
    assert light(due) == expected


def test_progress_behind_the_time_elapsed_is_yellow():
    start, due = D(2025, 9, 1), D(2025, 12, 31)
    assert light(due, start=start, percent=10) == YELLOW
    assert light(due, start=start, percent=30) == GREEN


def test_a_task_entered_after_its_deadline_is_historical_not_newly_overdue():
    assert light(D(2023, 12, 31), as_of=D(2024, 3, 1)) == HISTORICAL


def test_days_overdue_count_calendar_days_as_the_red_light_does():
    # Due on Monday the 22nd, today Friday the 26th: the weekend before it does not matter, four days late.
    due = D(2025, 9, 22)
    assert light(due) == RED and days_overdue(light=RED, due=due, today=TODAY) == 4
    assert days_overdue(light=HISTORICAL, due=D(2025, 9, 1), today=TODAY) == 25
    assert days_overdue(light=YELLOW, due=D(2025, 9, 29), today=TODAY) == 0
    assert days_overdue(light=UNDATED, due=None, today=TODAY) == 0


@pytest.mark.parametrize("status", ["closed", "stopped", "paused"])
def test_resting_tasks_carry_no_light_and_open_undated_ones_their_own(status):
    assert light(D(2025, 9, 1), status=status) == NONE
    assert light(None, status=status) == NONE
    assert light(None) == UNDATED
