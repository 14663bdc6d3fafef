"""The roll-up's kept figures: equal to a count by hand after random changes, shown while fresh without counting
the tasks, counted again when old, of another day or asked for, and counted for every county by the beat job."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from org import roles
from org.models import Organisation
from projects.lights import RESTING_STATUSES
from projects.models import Task
from projects.reminders.selectors import tasks_without_reminders
from rollup import jobs, services
from rollup.models import CountyFigures
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(offset):
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture
def counties(county):
    county_kind = {"kind": Organisation.Kind.COUNTY, "parent": None}
    others = [OrganisationFactory(name=f"{name}县人民政府", short_name=f"{name}县", **county_kind) for name in "旺临"]
    return [county, *others]


def by_hand(county):
    """The figures of a county counted in Python from its tasks, as the roll-up's columns define them."""
    tasks = list(Task.objects.filter(county=county))
    open_ = [task for task in tasks if task.status not in RESTING_STATUSES]
    closed = [task for task in tasks if task.status == Task.Status.CLOSED and task.due and task.closed_on]
    return {
        "tasks": len(tasks),
        "open": len(open_),
        "overdue": sum(1 for task in open_ if task.due and task.as_of <= task.due < TODAY),
        "closed_with_due": len(closed),
        "closed_on_time": sum(1 for task in closed if task.closed_on <= task.due),
        # The dashboard's count, a path of its own through the reminder settings.
        "without_reminders": tasks_without_reminders(UserFactory(role=roles.DATA_MANAGER, counties=[county]))["total"],
    }


def kept(county):
    row = CountyFigures.objects.get(county=county)
    return {name: getattr(row, name) for name in ("tasks", "open", "overdue", "closed_with_due", "closed_on_time")} | {
        "without_reminders": row.without_reminders
    }


STATUSES = [choice for choice, _label in Task.Status.choices]


def random_task(rng, county, units):
    status = rng.choice(STATUSES)
    task = TaskFactory(
        county=county,
        status=status,
        due=rng.choice([None, days(rng.randint(-40, 40))]),
        as_of=days(rng.randint(-60, 0)),
        closed_on=days(rng.randint(-30, 0)) if status == Task.Status.CLOSED else None,
    )
    for unit in rng.sample(units, rng.randint(0, 2)):
        AssignmentFactory(task=task, organisation=unit)
    return task


def test_kept_figures_equal_a_count_by_hand_after_random_changes(counties):
    rng = random.Random(19)
    units = {}
    for county in counties:
        contact = PersonFactory(county=county, email=f"contact{county.pk}@county.example")
        units[county.pk] = [
            OrganisationFactory(parent=county, reminder_contact=contact),
            OrganisationFactory(parent=county),  # nobody to remind
        ]
        for _ in range(rng.randint(15, 30)):
            random_task(rng, county, units[county.pk])
    jobs.recount_figures()
    for county in counties:
        assert kept(county) == by_hand(county)

    tasks = list(Task.objects.order_by("pk"))
    for task in rng.sample(tasks, 20):
        task.status = rng.choice(STATUSES)
        task.due = rng.choice([None, days(rng.randint(-40, 40))])
        task.closed_on = days(rng.randint(-30, 0)) if task.status == Task.Status.CLOSED else None
        task.save()
    for task in rng.sample(tasks, 5):
        task.delete()
    for county in counties:
        for _ in range(rng.randint(1, 6)):
            random_task(rng, county, units[county.pk])
    Task.objects.filter(county=counties[1], due__lt=TODAY).update(status=Task.Status.CLOSED, closed_on=TODAY)
    jobs.recount_figures()
    for county in counties:
        assert kept(county) == by_hand(county)


def test_fresh_figures_are_shown_without_counting_the_tasks(login, county):
    user = UserFactory(role=roles.SUPERVISOR, counties=[county])
    TaskFactory(county=county, due=days(-2), as_of=days(-30))
    client = login(user)
    assert [row.tasks for row in client.get("/rollup/").context["rows"]] == [1]
    TaskFactory(county=county, due=days(-2), as_of=days(-30))
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/rollup/")
    assert [row.tasks for row in response.context["rows"]] == [1]  # as counted, at most FRESH_FOR ago
    assert not [query for query in captured if "projects_task" in query["sql"]]
    assert "统计于" in response.content.decode()


@pytest.mark.parametrize(
    "age",
    [
        {"counted_at": lambda now: now - services.FRESH_FOR - datetime.timedelta(seconds=1)},
        {"counted_on": lambda now: TODAY - datetime.timedelta(days=1)},  # overdue figures change at midnight
    ],
    ids=["older than FRESH_FOR", "of yesterday"],
)
def test_old_figures_are_counted_again_when_shown(login, county, age):
    user = UserFactory(role=roles.SUPERVISOR, counties=[county])
    TaskFactory(county=county, due=days(-2), as_of=days(-30))
    client = login(user)
    client.get("/rollup/")
    TaskFactory(county=county, due=days(-2), as_of=days(-30))
    now = timezone.now()
    CountyFigures.objects.filter(county=county).update(**{name: value(now) for name, value in age.items()})
    (row,) = client.get("/rollup/").context["rows"]
    assert (row.tasks, row.overdue) == (2, 2)
    assert CountyFigures.objects.get(county=county).counted_on == TODAY


def test_counting_again_now_counts_the_users_counties_alone(login, counties):
    county, other = counties[0], counties[1]
    for place in (county, other):
        TaskFactory(county=place, due=days(5), as_of=days(-30))
    jobs.recount_figures()
    for place in (county, other):
        TaskFactory(county=place, due=days(5), as_of=days(-30))
    client = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    response = client.post("/rollup/recount/", follow=True)
    assert response.redirect_chain == [("/rollup/", 302)]
    assert [row.tasks for row in response.context["rows"]] == [2]
    assert "已重新统计" in response.content.decode()
    assert CountyFigures.objects.get(county=other).tasks == 1  # not theirs: left as kept


def test_counting_again_is_a_post_for_supervisors_and_data_managers(login, county, finance_staff):
    supervisor = login(UserFactory(role=roles.SUPERVISOR, counties=[county]))
    assert supervisor.get("/rollup/recount/").status_code == 405
    assert login(finance_staff).post("/rollup/recount/").status_code == 403
    assert not CountyFigures.objects.exists()


def test_the_beat_job_counts_every_county_every_five_minutes(counties):
    TaskFactory(county=counties[2], due=days(-1), as_of=days(-30))
    assert jobs.recount_figures() == 3
    assert {row.county_id: row.overdue for row in CountyFigures.objects.all()} == {
        counties[0].pk: 0,
        counties[1].pk: 0,
        counties[2].pk: 1,
    }
    entry = PeriodicTask.objects.get(task=jobs.RECOUNT_TASK)
    assert (entry.interval.every, entry.interval.period, entry.enabled) == (5, "minutes", True)
