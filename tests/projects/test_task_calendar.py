import datetime

import icalendar
import pytest

from projects import services as task_services
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tasks(finance, water):
    own = TaskFactory(title="财政资金清理", due=datetime.date(2026, 11, 30), deadline_text="11月底前")
    AssignmentFactory(task=own, organisation=finance)
    other = TaskFactory(title="河道清淤", due=datetime.date(2026, 11, 20))
    AssignmentFactory(task=other, organisation=water)
    return own, other


def test_the_month_shows_tasks_on_their_due_day(login, finance_staff, tasks):
    context = login(finance_staff).get("/tasks/calendar/?month=2026-11").context
    days = {day["date"]: [task.title for task in day["tasks"]] for week in context["weeks"] for day in week}
    assert days[datetime.date(2026, 11, 30)] == ["财政资金清理"]
    assert days[datetime.date(2026, 11, 20)] == []
    assert all(len(week) == 7 for week in context["weeks"]) and context["weeks"][0][0]["date"].weekday() == 0


def test_the_feed_needs_no_login_but_the_secret_and_is_scoped(client, finance_staff, tasks):
    token = task_services.calendar_token(finance_staff)
    response = client.get(f"/tasks/feed/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["财政资金清理"]
    assert events[0].decoded("dtstart") == datetime.date(2026, 11, 30)
    assert client.get("/tasks/feed/wrong-token.ics").status_code == 404


def test_a_new_address_retires_the_old_one(client, finance_staff, tasks):
    old = task_services.calendar_token(finance_staff)
    new = task_services.reset_calendar_token(finance_staff)
    assert old != new
    assert client.get(f"/tasks/feed/{old}.ics").status_code == 404
    assert client.get(f"/tasks/feed/{new}.ics").status_code == 200
