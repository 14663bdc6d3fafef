"""Tasks set up for reminder tests: one unit, a contact with an address, a deadline."""

import datetime

from projects.models import Assignment
from tests.org.factories import OrganisationFactory, PersonFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

# A Monday, a working day; 9 October 2025 is the first working day after the National Day holiday.
TODAY = datetime.date(2025, 10, 20)


def task_due(due, *, contact=None, unit=None, email="contact@county.example", **fields):
    """A task due on ``due`` with one unit whose contact person has ``email`` (none if empty)."""
    fields.setdefault("as_of", datetime.date(2025, 1, 1))
    task = TaskFactory(due=due, deadline_text=f"{due.month}月{due.day}日前" if due else "", **fields)
    contact = contact or PersonFactory(email=email)
    AssignmentFactory(task=task, organisation=unit or OrganisationFactory(), contact=contact, role=Assignment.Role.LEAD)
    return task
