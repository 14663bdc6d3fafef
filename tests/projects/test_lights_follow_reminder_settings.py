"""A task's light turns yellow in the 预警 window of 提醒设置, in the county's working days: the light and the
early-warning e-mail agree."""

import datetime

import pytest

from projects import selectors as task_selectors
from projects.models import ReminderPolicy, Task, WorkdayException
from projects.reminders import rules as reminder_rules
from projects.reminders import selectors as reminder_selectors
from tests.projects.factories import TaskFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2025, 9, 26)  # a Friday; Sunday the 28th is worked, 1–8 October are the National Day holiday


def task_due(due):
    return TaskFactory(due=due, as_of=D(2025, 1, 1))


def set_warning_days(days):
    policy = ReminderPolicy.current()
    policy.warning_days = days
    policy.save()


def test_the_warning_window_of_the_reminder_settings_turns_the_light_yellow():
    task = task_due(D(2025, 10, 10))  # the fifth working day after today
    assert task_selectors.task_lights(TODAY)(task) == "green"
    set_warning_days(5)
    assert task_selectors.task_lights(TODAY)(task) == "yellow"
    tasks = Task.objects.all()
    assert task_selectors.count_by_light(tasks, today=TODAY)["yellow"] == 1
    assert list(task_selectors.filter_by_light(tasks, "yellow", today=TODAY)) == [task]


def test_a_county_day_off_brings_the_yellow_light_forward():
    task = task_due(D(2025, 10, 9))  # the fourth working day: just outside three
    assert task_selectors.task_lights(TODAY)(task) == "green"
    WorkdayException.objects.create(date=D(2025, 9, 29), is_workday=False, note="本地假日")
    assert task_selectors.task_lights(TODAY)(task) == "yellow"
    assert task_selectors.count_by_light(Task.objects.all(), today=TODAY)["yellow"] == 1


@pytest.mark.parametrize("warning_days", [1, 3, 6])
def test_a_light_is_yellow_exactly_when_a_warning_or_due_reminder_goes_out(warning_days):
    set_warning_days(warning_days)
    WorkdayException.objects.create(date=D(2025, 10, 9), is_workday=False, note="本地假日")
    calendar = reminder_selectors.reminder_settings().default.calendar
    policy = reminder_rules.Policy(warning_days=warning_days)
    tasks = [task_due(TODAY + datetime.timedelta(days=days)) for days in range(25)]
    light_of = task_selectors.task_lights(TODAY)
    for task in tasks:
        tier, _overdue = reminder_rules.tier_for(task.due, TODAY, calendar, policy)
        assert (light_of(task) == "yellow") == (tier in (reminder_rules.WARNING, reminder_rules.DUE)), task.due


def test_a_task_list_reads_the_light_settings_from_the_cache_until_they_change(
    login, supervisor, django_assert_max_num_queries
):
    task_due(D(2099, 1, 5))
    client = login(supervisor)
    client.get("/tasks/")
    # Ten for the list, one for the county filter's choices, one for the top bar's county switcher.
    with django_assert_max_num_queries(12):
        assert client.get("/tasks/").status_code == 200
    assert reminder_selectors.reminder_settings().default.policy.warning_days == 3
    set_warning_days(5)
    assert reminder_selectors.reminder_settings().default.policy.warning_days == 5
    WorkdayException.objects.create(date=D(2099, 1, 5), is_workday=False)
    assert not reminder_selectors.reminder_settings().default.calendar.is_workday(D(2099, 1, 5))
