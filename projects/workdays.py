"""Working days by the Chinese calendar: statutory holidays and swapped working days (调休). No Django.

chinese_calendar knows each year once the State Council has published its holidays; for a year it does
not know yet, weekends are days off and weekdays are working days, which is right except for holidays.
A county may add its own exceptions (a local holiday, a day worked in a flood emergency) through a
``WorkCalendar`` built with ``overrides``.
"""

import datetime

import chinese_calendar


def is_workday(day):
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


class WorkCalendar:
    """The national calendar with local exceptions: ``overrides`` maps a date to True (worked) or False (off)."""

    def __init__(self, overrides=None):
        self.overrides = dict(overrides or {})
        self._known = {}

    def is_workday(self, day):
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = self.overrides.get(day, is_workday(day))
        return known

    def add_working_days(self, start, count):
        """The day ``count`` working days after ``start`` (``start`` itself not counted); before it if negative."""
        day = start
        step = datetime.timedelta(days=1 if count >= 0 else -1)
        remaining = abs(count)
        while remaining > 0:
            day += step
            remaining -= self.is_workday(day)
        return day

    def working_days_between(self, start, end):
        """Working days after ``start`` up to and including ``end``; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(self.is_workday(start + datetime.timedelta(days=n)) for n in range(1, (end - start).days + 1))


NATIONAL = WorkCalendar()


def add_working_days(start, count):
    return NATIONAL.add_working_days(start, count)


def working_days_between(start, end):
    return NATIONAL.working_days_between(start, end)
