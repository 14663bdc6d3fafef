"""Tasks as an iCalendar feed, for calendar programs (Outlook, WPS, phone calendars)."""

import icalendar

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
        event.add("description", "\n".join(part for part in (task.deadline_text, units, url_for(task)) if part))
        if task.status == Task.Status.CLOSING_REQUESTED:
            event.add("status", "TENTATIVE")
        calendar.add_component(event)
    return calendar.to_ical()
