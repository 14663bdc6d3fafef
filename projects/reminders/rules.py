"""Which reminder a task earns on a given day. No Django.

Tiers, by working days (holidays and 调休 included):
预警 WARNING    due within ``warning_days`` working days from tomorrow on
到期 DUE        due today
提醒 REMINDER   overdue by 1 to ``reminder_days`` working days
催办 URGE       overdue by more than ``reminder_days``, up to ``escalation_days``
通报 ESCALATE   overdue by more than ``escalation_days``: also goes to the supervisors
"""

from dataclasses import dataclass

WARNING, DUE, REMINDER, URGE, ESCALATE = "warning", "due", "reminder", "urge", "escalate"
TIERS = (ESCALATE, URGE, REMINDER, DUE, WARNING)  # most pressing first, the order of a digest
MUTABLE_TIERS = {WARNING}  # a recipient may mute these, never the others


@dataclass(frozen=True)
class Policy:
    warning_days: int = 3
    reminder_days: int = 3
    escalation_days: int = 7


def tier_for(due, today, calendar, policy):
    """The tier of a task due on ``due`` as seen on ``today``, and its working days overdue; (None, 0) for none."""
    if due is None:
        return None, 0
    if due == today:
        return DUE, 0
    if due > today:
        if calendar.working_days_between(today, due) <= policy.warning_days:
            return WARNING, 0
        return None, 0
    overdue = calendar.working_days_between(due, today)
    if overdue <= 0:
        # Due on a day off and today is the next day off: not yet a working day late.
        return DUE, 0
    if overdue <= policy.reminder_days:
        return REMINDER, overdue
    if overdue <= policy.escalation_days:
        return URGE, overdue
    return ESCALATE, overdue


def latest_due_warned(today, calendar, policy):
    """Tasks due after this day earn no reminder today: the sweep's upper bound on due dates."""
    return calendar.add_working_days(today, policy.warning_days)
