"""Tasks as an iCalendar feed, for calendar programs (Outlook, WPS, phone calendars)."""

import icalendar
from django.utils.translation import gettext as _

from .models import Task


def task_feed(tasks, *, url_for, name, now):
    """One all-day event per task on its due date; ``url_for(task)`` gives the task page's full address."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//County Ledger//县政台账//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for task in tasks:
        event = icalendar.Event()
        event.add("uid", f"task-{task.pk}@county-ledger")
        event.add("summary", task.title)
        event.add("dtstart", task.due)
        event.add("dtstamp", now)
        event.add("url", url_for(task))
        units = "、".join(str(a.organisation or a.organisation_text) for a in task.assignments.all())
        extended = ""
        if task.original_due and task.original_due != task.due:
            day = task.original_due
            extended = _("Extended; originally due %(day)s") % {"day": f"{day.year}年{day.month}月{day.day}日"}
        parts = (task.deadline_text, extended, units, url_for(task))
        event.add("description", "\n".join(part for part in parts if part))
        if task.status == Task.Status.CLOSING_REQUESTED:
            event.add("status", "TENTATIVE")
        calendar.add_component(event)
    return calendar.to_ical()
