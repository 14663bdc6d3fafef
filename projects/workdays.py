"""Working days by the Chinese calendar: statutory holidays and swapped working days (调休). No Django.

chinese_calendar knows each year once the State Council has published its holidays; for a year it does
not know yet, weekends are days off and weekdays are working days, which is right except for holidays.
"""

import datetime

import chinese_calendar


def is_workday(day):
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start, count):
    """The day ``count`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = count
    while remaining > 0:
        day += datetime.timedelta(days=1)
        remaining -= is_workday(day)
    return day


def working_days_between(start, end):
    """Working days after ``start`` up to and including ``end``; negative when ``end`` is before ``start``."""
    if end < start:
        return -working_days_between(end, start)
    return sum(is_workday(start + datetime.timedelta(days=offset)) for offset in range(1, (end - start).days + 1))
