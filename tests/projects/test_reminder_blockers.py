"""Why a task gets no reminder: the task page names each cause with its fix, the dashboard counts them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.models import ReminderPolicy, Task
from projects.reminders import selectors as reminder_selectors
from projects.reminders.selectors import (
    HISTORICAL,
    NO_CONTACT,
    NO_DATE,
    NO_UNIT,
    STATUS,
    UNRESOLVED,
    reminder_blockers,
    reminder_plan,
    tasks_without_reminders,
)
from tests.org.factories import OrganisationFactory, PersonFactory
from tests.projects.factories import AssignmentFactory, TaskFactory
from tests.projects.reminder_helpers import TODAY

pytestmark = pytest.mark.django_db
BOX = "不会收到提醒的原因"


@pytest.fixture
def reachable(county, finance, water):
    """Both units have a reminder contact with an address."""
    for unit in (finance, water):
        unit.reminder_contact = PersonFactory(email=f"office{unit.pk}@county.example")
        unit.save()
    return finance, water


def task(county, unit=None, *, due=TODAY, as_of=datetime.date(2025, 1, 1), **fields):
    task = TaskFactory(county=county, due=due, as_of=as_of, **fields)
    if unit is not None:
        AssignmentFactory(task=task, organisation=unit)
    return task


def page(client, task):
    return client.get(reverse("projects:task_detail", args=[task.pk])).content.decode()


def causes(task, policy=None):
    fetched = Task.objects.prefetch_related("assignments__organisation__reminder_contact", "assignments__contact").get(
        pk=task.pk
    )
    return [blocker.cause for blocker in reminder_blockers(fetched, policy or ReminderPolicy())]


# The task page


def test_a_task_that_will_be_reminded_shows_no_box(login, data_manager, county, reachable):
    reminded = task(county, reachable[0])
    assert causes(reminded) == []
    assert BOX not in page(login(data_manager), reminded)


def test_no_due_date_links_to_the_task_form(login, data_manager, finance_staff, county, reachable):
    ongoing = task(county, reachable[0], due=None, ongoing=True, deadline_text="长期坚持")
    unread = task(county, reachable[0], due=None, deadline_text="年底前后")
    edit = reverse("projects:task_edit", args=[ongoing.pk])
    assert causes(ongoing) == [NO_DATE]
    html = page(login(data_manager), ongoing)
    assert BOX in html and "任务为长期坚持，没有完成时限" in html and f'href="{edit}"' in html
    assert "时限“年底前后”未能识别为日期" in page(login(data_manager), unread)
    staff_html = page(login(finance_staff), ongoing)
    assert "任务为长期坚持，没有完成时限" in staff_html and f'href="{edit}"' not in staff_html


def test_an_unresolved_unit_links_to_the_task_form_and_the_organisations(
    login, data_manager, finance_staff, county, reachable
):
    # The finance staff reach the task through their own unit's part, which will be reminded.
    unresolved = task(county, reachable[0])
    AssignmentFactory(task=unresolved, organisation=None, organisation_text="县某某中心")
    assert causes(unresolved) == [UNRESOLVED]
    html = page(login(data_manager), unresolved)
    assert "“县某某中心”未匹配到任何单位" in html
    assert f'href="{reverse("projects:task_edit", args=[unresolved.pk])}"' in html
    assert f'href="{reverse("admin:org_organisation_add")}"' in html
    assert f'href="{reverse("admin:org_organisation_changelist")}"' in html
    staff_html = page(login(finance_staff), unresolved)
    assert "“县某某中心”未匹配到任何单位" in staff_html and "/admin/" not in staff_html


def test_a_unit_without_reminder_contact_links_to_its_admin_page(login, data_manager, finance_staff, county, finance):
    silent = task(county, finance)
    assert causes(silent) == [NO_CONTACT]
    html = page(login(data_manager), silent)
    assert "县财政局：任务未指定联系人，该单位也没有提醒联系人。" in html
    assert f'href="{reverse("admin:org_organisation_change", args=[finance.pk])}"' in html
    staff_html = page(login(finance_staff), silent)
    assert "该单位也没有提醒联系人" in staff_html and "/admin/" not in staff_html


def test_a_contact_without_email_links_to_the_person(login, data_manager, finance_staff, county, finance, water):
    finance.reminder_contact = PersonFactory(name="李会计", email="")
    finance.save()
    named = PersonFactory(name="王水利", email="")
    both = task(county, finance)
    AssignmentFactory(task=both, organisation=water, contact=named)
    assert causes(both) == [NO_CONTACT, NO_CONTACT]
    html = page(login(data_manager), both)
    assert "县财政局：其提醒联系人李会计没有邮箱。" in html
    assert "县水利局：联系人王水利没有邮箱。" in html
    assert f'href="{reverse("admin:org_person_change", args=[finance.reminder_contact.pk])}"' in html
    assert f'href="{reverse("admin:org_person_change", args=[named.pk])}"' in html
    # The unit's own page sets its reminder contact; a person named in the part is changed in the task form.
    assert f'href="{reverse("admin:org_organisation_change", args=[finance.pk])}"' in html
    assert f'href="{reverse("admin:org_organisation_change", args=[water.pk])}"' not in html
    staff_html = page(login(finance_staff), both)
    assert "李会计没有邮箱" in staff_html and "/admin/" not in staff_html


def test_a_historically_late_task_links_to_the_reminder_settings(login, data_manager, finance_staff, county, reachable):
    late = task(county, reachable[0], due=datetime.date(2024, 12, 1), as_of=datetime.date(2025, 1, 1))
    assert causes(late) == [HISTORICAL]
    html = page(login(data_manager), late)
    assert "任务录入台账时已过完成时限" in html
    assert f'href="{reverse("projects:county_reminders", args=[county.pk])}"' in html
    staff_html = page(login(finance_staff), late)
    assert "任务录入台账时已过完成时限" in staff_html and "/admin/" not in staff_html
    ReminderPolicy.objects.create(pk=1, include_historical=True)
    assert causes(late, reminder_selectors.reminder_settings().default.policy) == []
    assert BOX not in page(login(data_manager), late)


@pytest.mark.parametrize(
    "status", [Task.Status.PAUSED, Task.Status.STOPPED, Task.Status.CLOSING_REQUESTED, Task.Status.CLOSED]
)
def test_a_status_the_sweep_leaves_out_is_said_plainly(login, data_manager, county, finance, status):
    extra = {"closed_on": TODAY} if status == Task.Status.CLOSED else {}
    resting = task(county, finance, due=None, status=status, **extra)
    # The status is the one cause given: the missing date and contact matter once the task is reopened.
    assert causes(resting) == [STATUS]
    html = page(login(data_manager), resting)
    assert "只有未开始和进行中的任务才会收到提醒" in html
    box = html[html.index(BOX) : html.index("</section>", html.index(BOX))]
    assert "href=" not in box


def test_a_task_without_units_says_so(login, data_manager, county):
    alone = task(county)
    assert causes(alone) == [NO_UNIT]
    html = page(login(data_manager), alone)
    assert "任务没有责任单位" in html and f'href="{reverse("projects:task_edit", args=[alone.pk])}"' in html


# The rules agree with the sweep


def test_the_blockers_agree_with_the_sweep(county, finance, water, reachable):
    mapped = OrganisationFactory(name="兴县交通局", short_name="县交通局", parent=county)
    cases = [
        task(county, finance),
        task(county, mapped),
        task(county, due=None),
        task(county, finance, due=datetime.date(2024, 12, 1)),
        task(county, finance, status=Task.Status.CLOSING_REQUESTED),
        task(county),
    ]
    AssignmentFactory(task=cases[0], organisation=None, organisation_text="县某某中心")
    AssignmentFactory(
        task=cases[1], organisation=None, organisation_text="县某某站", contact=PersonFactory(email="z@x.cn")
    )
    policy = reminder_selectors.reminder_settings().default.policy
    planned = {(item.task_id, item.unit) for item in reminder_plan(TODAY).items}
    missing = {(item.task_id, item.unit) for item in reminder_plan(TODAY).without_email}
    for case in cases:
        fetched = Task.objects.prefetch_related(
            "assignments__organisation__reminder_contact", "assignments__contact"
        ).get(pk=case.pk)
        blockers = reminder_blockers(fetched, policy)
        part_blocked = {(case.pk, blocker.unit) for blocker in blockers if blocker.unit}
        assert part_blocked == {key for key in missing if key[0] == case.pk}
        whole = {blocker.cause for blocker in blockers} & {STATUS, NO_UNIT, NO_DATE, HISTORICAL}
        reminded = {key for key in planned if key[0] == case.pk}
        assert bool(reminded) == (not whole and len(reminded) + len(part_blocked) == fetched.assignments.count())
    # The database's conditions pick the same tasks as the function.
    for cause, condition in reminder_selectors.blocker_conditions(reminder_selectors.reminder_settings()).items():
        expected = {
            case.pk for case in cases if cause in {blocker.cause for blocker in reminder_blockers(case, policy)}
        }
        assert set(Task.objects.filter(condition).values_list("pk", flat=True)) == expected, cause


# The dashboard


@pytest.fixture
def ledger(county, finance, water):
    """A hand-counted ledger: finance has a reminder contact with an address, water none."""
    finance.reminder_contact = PersonFactory(email="caiwu@county.example")
    finance.save()
    tasks = {
        "fine": task(county, finance),
        "no_date": task(county, finance, due=None),
        "no_date_no_contact": task(county, water, due=None),
        "late": task(county, finance, due=datetime.date(2024, 6, 1)),
        "no_contact": task(county, water),
        "unresolved": task(county, finance),
        "closing": task(county, finance, status=Task.Status.CLOSING_REQUESTED),
        "paused": task(county, finance, due=None, status=Task.Status.PAUSED),
        "closed": task(county, water, due=None, status=Task.Status.CLOSED, closed_on=TODAY),
        "alone": task(county),
    }
    AssignmentFactory(task=tasks["unresolved"], organisation=None, organisation_text="县某某中心")
    return tasks


def test_the_dashboard_counts_each_cause(login, supervisor, ledger):
    context = login(supervisor).get(reverse("projects:task_dashboard")).context
    figures = context["without_reminders"]
    counts = {row["cause"]: row["count"] for row in figures["causes"]}
    # Open tasks only: the paused and the closed task are not counted, the one put forward for closing is.
    assert counts == {STATUS: 1, NO_UNIT: 1, NO_DATE: 2, HISTORICAL: 1, UNRESOLVED: 1, NO_CONTACT: 2}
    assert figures["total"] == 7
    html = login(supervisor).get(reverse("projects:task_dashboard")).content.decode()
    assert "7 项在办任务不会收到提醒，或有单位收不到" in html
    assert "?reminder_blocker=no_contact" in html and "?status=closing_requested" in html


def test_the_dashboard_links_list_the_counted_tasks(login, supervisor, ledger):
    client = login(supervisor)
    rows = client.get(reverse("projects:task_dashboard")).context["without_reminders"]["causes"]
    for row in rows:
        if row["cause"] == STATUS:
            continue
        listed = client.get(reverse("projects:task_list"), row["query"]).context["table"].data
        assert len(listed) == row["count"], row["cause"]
    no_contact = client.get(reverse("projects:task_list"), {"reminder_blocker": NO_CONTACT}).context["table"].data
    assert {task.title for task in no_contact} == {ledger["no_contact"].title, ledger["no_date_no_contact"].title}


def test_the_policy_can_take_historical_tasks_in(login, supervisor, ledger):
    ReminderPolicy.objects.create(pk=1, include_historical=True)
    figures = tasks_without_reminders(supervisor)
    assert HISTORICAL not in {row["cause"] for row in figures["causes"]} and figures["total"] == 6


def test_unit_staff_count_their_tasks_only(finance_staff, ledger):
    counts = {row["cause"]: row["count"] for row in tasks_without_reminders(finance_staff)["causes"]}
    assert counts == {STATUS: 1, NO_UNIT: 0, NO_DATE: 1, HISTORICAL: 1, UNRESOLVED: 1, NO_CONTACT: 0}


def count_queries(user):
    user = type(user).objects.get(pk=user.pk)  # fresh: the scope is cached on the user object
    with CaptureQueriesContext(connection) as captured:
        tasks_without_reminders(user)
    return len(captured)


@pytest.mark.parametrize("user", ["supervisor", "finance_staff"])
def test_the_dashboard_figures_take_as_many_queries_for_3_tasks_as_for_30(request, user, county, finance, water):
    user = request.getfixturevalue(user)
    person = PersonFactory(email="")

    def add(number):
        for index in range(number):
            made = task(county, finance if index % 2 else water, due=None if index % 3 else TODAY)
            AssignmentFactory(task=made, organisation=None, organisation_text=f"县某中心{index}", contact=person)

    add(3)
    count_queries(user)  # reads the reminder settings into the cache, where every page finds them
    few = count_queries(user)
    add(27)
    # The user's roles, units and rights (org.access), a count of tasks and one of parts.
    assert count_queries(user) == few <= 6
