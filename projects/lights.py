"""The traffic light of a task: derived from its status, deadline and progress, never stored. No Django."""

GREEN, YELLOW, RED, HISTORICAL, NONE, UNDATED = "green", "yellow", "red", "historical", "none", "undated"
# Tasks that are finished or on hold carry no light; open tasks with no date (长期坚持) carry their own, so that
# counting the resting ones does not count them too.
RESTING_STATUSES = {"closed", "stopped", "paused"}


def traffic_light(*, status, due, as_of, today, yellow_before, start=None, percent=None):
    """green, yellow (due before ``yellow_before``, or progress behind the time elapsed), red (overdue),
    historical (already overdue when it entered the ledger), undated (open, no date) or none (closed, on hold).
    """
    if status in RESTING_STATUSES:
        return NONE
    if due is None:
        return UNDATED
    if due < as_of:
        return HISTORICAL
    if due < today:
        return RED
    if due < yellow_before:
        return YELLOW
    if percent is not None and _behind(start or as_of, due, today, percent):
        return YELLOW
    return GREEN


def days_overdue(*, light, due, today):
    """Calendar days since the deadline of a task whose light says it is overdue (red, or late when it entered the
    ledger), else 0: the light itself compares calendar days, so the count agrees with it."""
    if light not in (RED, HISTORICAL):
        return 0
    return (today - due).days


def yellow_before(today, calendar, warning_days):
    """Deadlines before this day are due within ``warning_days`` working days of ``calendar`` (a
    ``workdays.WorkCalendar``), the window in which 预警 reminders go out: the two agree."""
    return calendar.add_working_days(today, warning_days + 1)


def _behind(start, due, today, percent):
    """Less done than the share of the time that has passed."""
    span = (due - start).days
    if span <= 0 or today <= start:
        return False
    elapsed = min((today - start).days / span, 1)
    return percent / 100 < elapsed
