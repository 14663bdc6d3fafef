"""Each county's own reminder settings and working-day exceptions: its tasks' lights, its sweep, its blockers and its
escalations follow them, and no other county's; its data managers change them on the county's page."""

import datetime

import pytest
from django.urls import reverse

from org import roles
from projects import selectors as task_selectors
from projects.models import Reminder, ReminderPolicy, Task, WorkdayException
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory
from tests.projects.reminder_helpers import TODAY, task_due

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def other():
    return OrganisationFactory(name="白水县人民政府", short_name="白水县", kind="county", parent=None)


def other_task(other, due, **fields):
    unit = OrganisationFactory(name="白水县水利局", short_name="县水利局", parent=other)
    return task_due(due, county=other, unit=unit, **fields)


def own_settings(county, **values):
    return ReminderPolicy.objects.create(county=county, **values)


# Lights


def test_a_countys_own_warning_window_turns_only_its_tasks_yellow(county, other):
    # Due on the fifth working day after 20 October: outside the default window of three.
    home = task_due(D(2025, 10, 27), county=county)
    away = other_task(other, D(2025, 10, 27))
    own_settings(other, warning_days=5)
    light_of = task_selectors.task_lights(TODAY)
    assert (light_of(home), light_of(away)) == ("green", "yellow")
    tasks = Task.objects.all()
    assert list(task_selectors.filter_by_light(tasks, "yellow", today=TODAY)) == [away]
    assert list(task_selectors.filter_by_light(tasks, "green", today=TODAY)) == [home]
    assert task_selectors.count_by_light(tasks, today=TODAY) | {} == {
        "red": 0,
        "yellow": 1,
        "green": 1,
        "historical": 0,
        "undated": 0,
        "none": 0,
    }


def test_a_countys_day_off_counts_in_its_own_calendar_only(county, other):
    home = task_due(D(2025, 10, 24), county=county)  # the fourth working day: outside three
    away = other_task(other, D(2025, 10, 24))
    WorkdayException.objects.create(county=other, date=D(2025, 10, 21), is_workday=False, note="县庆")
    light_of = task_selectors.task_lights(TODAY)
    assert (light_of(home), light_of(away)) == ("green", "yellow")
    assert task_selectors.count_by_light(Task.objects.all(), today=TODAY)["yellow"] == 1


def test_a_day_off_of_every_county_counts_everywhere_and_a_countys_own_working_day_wins(county, other):
    home = task_due(D(2025, 10, 24), county=county)
    away = other_task(other, D(2025, 10, 24))
    WorkdayException.objects.create(date=D(2025, 10, 21), is_workday=False, note="全省防汛")
    WorkdayException.objects.create(county=other, date=D(2025, 10, 21), is_workday=True, note="照常上班")
    light_of = task_selectors.task_lights(TODAY)
    assert (light_of(home), light_of(away)) == ("yellow", "green")


# The sweep


def test_the_sweep_reminds_a_county_on_its_working_day_and_not_the_county_that_has_it_off(county, other):
    home = task_due(D(2025, 10, 14), county=county)
    away = other_task(other, D(2025, 10, 14))
    WorkdayException.objects.create(county=county, date=TODAY, is_workday=False, note="县庆")
    sweep = reminder_services.sweep(day=TODAY)
    assert not sweep.day_off
    assert set(Reminder.objects.values_list("task_id", flat=True)) == {away.pk}
    assert home.pk not in {item.task_id for item in reminder_selectors.reminder_plan(TODAY).items}


def test_a_day_off_everywhere_is_a_day_off_for_the_sweep(county, other):
    task_due(D(2025, 10, 14), county=county)
    other_task(other, D(2025, 10, 14))
    WorkdayException.objects.create(date=TODAY, is_workday=False, note="全省放假")
    assert reminder_services.sweep(day=TODAY).day_off
    assert not Reminder.objects.exists()


def test_tiers_follow_each_countys_own_days(county, other):
    # Overdue since 14 October: four working days on 20 October, 催办 by default.
    home = task_due(D(2025, 10, 14), county=county)
    away = other_task(other, D(2025, 10, 14))
    own_settings(other, reminder_days=5, escalation_days=9)
    reminder_services.sweep(day=TODAY)
    assert dict(Reminder.objects.values_list("task_id", "tier")) == {home.pk: "urge", away.pk: "reminder"}


def test_historically_late_tasks_are_reminded_only_in_the_county_that_asks_for_it(county, other):
    home = task_due(D(2025, 10, 14), county=county, as_of=D(2025, 10, 16))
    away = other_task(other, D(2025, 10, 14), as_of=D(2025, 10, 16))
    own_settings(other, include_historical=True)
    reminder_services.sweep(day=TODAY)
    assert list(Reminder.objects.values_list("task_id", flat=True)) == [away.pk]
    blocked = reminder_selectors.filter_by_blocker(Task.objects.all(), reminder_selectors.HISTORICAL)
    assert list(blocked) == [home]


def test_an_escalation_goes_to_the_supervisors_of_the_tasks_county_and_of_every_county(county, other):
    UserFactory(role=roles.SUPERVISOR, email="home@county.example", counties=[county])
    UserFactory(role=roles.SUPERVISOR, email="away@county.example", counties=[other])
    UserFactory(role=roles.SUPERVISOR, email="province@county.example")
    away = other_task(other, D(2025, 10, 9))
    reminder_services.sweep(day=TODAY)
    copies = set(Reminder.objects.filter(escalated=True).values_list("task_id", "email"))
    assert copies == {(away.pk, "away@county.example"), (away.pk, "province@county.example")}


# The county's page


def page(pk):
    return reverse("projects:county_reminders", args=[pk])


def test_a_data_manager_gives_the_county_its_own_settings_and_takes_them_back(login, county, other):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[other])
    client = login(manager)
    assert "跟随全站默认设置" in client.get(page(other.pk)).content.decode()
    form = {
        "policy-own": "on",
        "policy-warning_days": "5",
        "policy-reminder_days": "2",
        "policy-escalation_days": "6",
    }
    assert client.post(page(other.pk), form).status_code == 302
    saved = ReminderPolicy.objects.get(county=other)
    assert (saved.warning_days, saved.reminder_days, saved.escalation_days, saved.include_historical) == (
        5,
        2,
        6,
        False,
    )
    assert reminder_selectors.reminder_settings().for_county(other.pk).policy.warning_days == 5
    assert reminder_selectors.reminder_settings().for_county(county.pk).policy.warning_days == 3
    del form["policy-own"]
    client.post(page(other.pk), form)
    assert not ReminderPolicy.objects.filter(county=other).exists()


def test_settings_that_escalate_before_the_last_reminder_are_refused_in_chinese(login, other):
    client = login(UserFactory(role=roles.DATA_MANAGER, counties=[other]))
    form = {"policy-own": "on", "policy-warning_days": "3", "policy-reminder_days": "8", "policy-escalation_days": "6"}
    html = client.post(page(other.pk), form).content.decode()
    assert "通报的起点不能早于提醒的上限" in html
    assert not ReminderPolicy.objects.filter(county=other).exists()


def test_a_data_manager_adds_and_removes_a_countys_day_off(login, other):
    client = login(UserFactory(role=roles.DATA_MANAGER, counties=[other]))
    day = {"day-date": "2025-10-21", "day-is_workday": "0", "day-note": "县庆"}
    assert client.post(page(other.pk), day).status_code == 302
    added = WorkdayException.objects.get(county=other)
    assert (added.date, added.is_workday, added.note) == (D(2025, 10, 21), False, "县庆")
    assert not reminder_selectors.reminder_settings().for_county(other.pk).calendar.is_workday(D(2025, 10, 21))
    html = client.post(page(other.pk), day).content.decode()
    assert "这一天已有调整" in html and WorkdayException.objects.count() == 1
    remove = reverse("projects:county_workday_remove", args=[other.pk, added.pk])
    assert client.post(remove).status_code == 302
    assert not WorkdayException.objects.exists()


def test_a_day_of_every_county_is_shown_but_cannot_be_removed_from_a_countys_page(login, other):
    everywhere = WorkdayException.objects.create(date=D(2025, 10, 21), is_workday=False, note="全省防汛")
    client = login(UserFactory(role=roles.DATA_MANAGER, counties=[other]))
    assert "全省防汛" in client.get(page(other.pk)).content.decode()
    remove = reverse("projects:county_workday_remove", args=[other.pk, everywhere.pk])
    assert client.post(remove).status_code == 404
    assert WorkdayException.objects.filter(pk=everywhere.pk).exists()


def test_another_countys_settings_are_not_found_and_other_roles_are_refused(login, county, other, finance_staff):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    theirs = WorkdayException.objects.create(county=other, date=D(2025, 10, 21), is_workday=False)
    client = login(manager)
    assert client.get(page(other.pk)).status_code == 404
    form = {"policy-own": "on", "policy-warning_days": "9", "policy-reminder_days": "1", "policy-escalation_days": "2"}
    assert client.post(page(other.pk), form).status_code == 404
    remove = reverse("projects:county_workday_remove", args=[other.pk, theirs.pk])
    assert client.post(remove).status_code == 404
    assert client.post(reverse("projects:county_workday_remove", args=[county.pk, theirs.pk])).status_code == 404
    assert not ReminderPolicy.objects.filter(county=other).exists() and WorkdayException.objects.count() == 1
    assert login(finance_staff).get(page(county.pk)).status_code == 403
    assert login(UserFactory(role=roles.SUPERVISOR, counties=[county])).get(page(county.pk)).status_code == 403


def test_the_admin_lists_a_county_data_managers_own_county_settings_only(login, county, other):
    own_settings(county, warning_days=4)
    own_settings(other, warning_days=6)
    WorkdayException.objects.create(county=other, date=D(2025, 10, 21), is_workday=False, note="白水县庆")
    WorkdayException.objects.create(date=D(2025, 10, 22), is_workday=False, note="全省防汛")
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county], is_staff=True)
    client = login(manager)
    policies = client.get(reverse("admin:projects_reminderpolicy_changelist"))
    assert list(policies.context["cl"].queryset) == [ReminderPolicy.objects.get(county=county)]
    days = client.get(reverse("admin:projects_workdayexception_changelist")).content.decode()
    assert "白水县庆" not in days and "全省防汛" not in days


# The dashboard of one county


def test_a_countys_dashboard_counts_only_its_tasks_without_reminders_and_unmapped_units(login, county, other):
    for place in (county, county, other):
        unmapped = TaskFactory(county=place, due=D(2025, 12, 1))
        AssignmentFactory(task=unmapped, organisation=None, organisation_text="县某中心")
    province = UserFactory(role=roles.DATA_MANAGER)
    figures = task_selectors.task_dashboard(province, today=TODAY, county=other.pk)
    assert figures["unmapped"] == 1
    assert figures["without_reminders"]["total"] == 1
    unresolved = next(row for row in figures["without_reminders"]["causes"] if row["cause"] == "unresolved")
    assert unresolved["query"] == {"reminder_blocker": "unresolved", "county": other.pk}
    everything = task_selectors.task_dashboard(province, today=TODAY)
    # Over several counties the causes wait for a county to be chosen (test_task_dashboard.py); the units to map
    # are counted over all.
    assert (everything["unmapped"], everything["without_reminders"]) == (3, None)
    # A data manager of one county never counts another county's.
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[other])
    assert task_selectors.task_dashboard(manager, today=TODAY)["unmapped"] == 1
