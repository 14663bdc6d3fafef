import datetime

import pytest
from django.utils import timezone

from org import roles
from projects.models import Task
from tests.org.factories import UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def task_for(unit, days, **fields):
    task = TaskFactory(due=TODAY + datetime.timedelta(days=days), as_of=TODAY - datetime.timedelta(days=60), **fields)
    AssignmentFactory(task=task, organisation=unit)
    return task


@pytest.fixture
def tasks(finance, water):
    return [
        task_for(finance, -3, title="财政逾期"),
        task_for(finance, 40, title="财政正常"),
        task_for(finance, 40, title="财政办结", status=Task.Status.CLOSED, closed_on=TODAY),
        task_for(water, -10, title="水利逾期"),
        task_for(water, -20, title="水利逾期二"),
    ]


def test_dashboard_counts_by_light_and_lists_the_overdue(login, supervisor, tasks):
    context = login(supervisor).get("/tasks/dashboard/").context
    assert context["counts"]["red"] == 3 and context["counts"]["green"] == 1 and context["counts"]["none"] == 1
    assert [task.title for task in context["overdue"]["tasks"]] == ["水利逾期二", "水利逾期", "财政逾期"]
    assert context["overdue"]["count"] == 3


def test_unit_rates_are_worst_first(login, supervisor, tasks):
    units = login(supervisor).get("/tasks/dashboard/").context["units"]
    assert units == [
        {"name": "县水利局", "total": 2, "closed_rate": 0, "overdue_rate": 100},
        {"name": "县财政局", "total": 3, "closed_rate": 33, "overdue_rate": 33},
    ]


def test_unit_staff_dashboard_counts_only_their_units(login, finance_staff, tasks):
    context = login(finance_staff).get("/tasks/dashboard/").context
    assert context["counts"]["red"] == 1
    assert [unit["name"] for unit in context["units"]] == ["县财政局"]


def test_the_chart_library_is_served_locally(login, supervisor, tasks):
    page = login(supervisor).get("/tasks/dashboard/").content.decode()
    assert 'src="/static/vendor/chartjs/chart.umd.min.js"' in page


def test_supervisors_see_the_last_sweep_and_failed_reminder_emails(login, supervisor, finance_staff):
    from projects.models import ReminderDigest, ReminderSweep, SendStatus

    ReminderSweep.objects.create(day=TODAY, trigger="beat", digests=12, finished=timezone.now())
    ReminderDigest.objects.create(email="a@county.example", day=TODAY, status=SendStatus.FAILED)
    page = login(supervisor).get("/tasks/dashboard/").content.decode()
    assert "最近一次提醒扫描" in page and "12 封邮件" in page
    assert "1 封提醒邮件未能发出" in page
    unit_page = login(finance_staff).get("/tasks/dashboard/").content.decode()
    assert "最近一次提醒扫描" not in unit_page and "未能发出" not in unit_page


# One county's dashboard, and the switcher between counties


@pytest.fixture
def other_county(db):
    from org.models import Organisation
    from tests.org.factories import OrganisationFactory

    return OrganisationFactory(name="旺县人民政府", short_name="旺县", kind=Organisation.Kind.COUNTY, parent=None)


@pytest.fixture
def other_tasks(other_county):
    from tests.org.factories import OrganisationFactory

    unit = OrganisationFactory(name="旺县财政局", short_name="旺县财政局", parent=other_county)
    return [
        task_for(unit, -5, title="旺县逾期", county=other_county),
        task_for(unit, 40, title="旺县正常", county=other_county),
    ]


def test_the_dashboard_narrows_to_one_county(login, supervisor, county, other_county, tasks, other_tasks):
    client = login(supervisor)
    everything = client.get("/tasks/dashboard/").context
    assert everything["counts"]["red"] == 4 and everything["current_county"] is None
    assert "旺县逾期" in [task.title for task in everything["overdue"]["tasks"]]
    response = client.get("/tasks/dashboard/", {"county": other_county.pk})
    context = response.context
    assert context["current_county"] == other_county
    assert context["counts"]["red"] == 1 and context["counts"]["green"] == 1 and context["total"] == 2
    assert [task.title for task in context["overdue"]["tasks"]] == ["旺县逾期"]
    assert [unit["name"] for unit in context["units"]] == ["旺县财政局"]
    page = response.content.decode()
    assert "旺县" in page.split("<h1>")[1].split("</h1>")[0]  # the heading names the county
    assert f"?light=red&amp;county={other_county.pk}" in page
    home = client.get("/tasks/dashboard/", {"county": county.pk}).context
    assert home["counts"]["red"] == 3 and home["total"] == 5


def test_over_several_counties_the_unit_rates_and_reminder_causes_wait_for_a_county(
    login, supervisor, county, other_county, tasks, other_tasks
):
    response = login(supervisor).get("/tasks/dashboard/")
    context = response.context
    assert context["several_counties"] and context["units"] == [] and context["without_reminders"] is None
    page = response.content.decode()
    assert "选择一个县" in page and 'href="/rollup/"' in page
    assert f'href="?county={county.pk}"' in page and f'href="?county={other_county.pk}"' in page
    one = login(UserFactory(role=roles.SUPERVISOR, counties=[county])).get("/tasks/dashboard/").context
    assert not one["several_counties"] and [unit["name"] for unit in one["units"]]
    assert one["without_reminders"] is not None


def test_a_county_not_the_users_is_not_found(login, county, other_county, tasks, other_tasks):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    client = login(manager)
    assert client.get("/tasks/dashboard/", {"county": county.pk}).status_code == 200
    assert client.get("/tasks/dashboard/", {"county": other_county.pk}).status_code == 404
    assert client.get("/tasks/dashboard/", {"county": "x"}).status_code == 404
    assert client.get("/tasks/dashboard/", {"county": 999999}).status_code == 404


def test_the_task_list_filters_by_county(login, supervisor, county, other_county, tasks, other_tasks):
    listed = login(supervisor).get("/tasks/", {"county": other_county.pk}).context["table"].data
    assert {task.title for task in listed} == {"旺县逾期", "旺县正常"}


def test_the_task_lists_county_choices_are_the_users(login, county, other_county):
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    choices = login(manager).get("/tasks/").context["filter"].form.fields["county"].queryset
    assert list(choices) == [county]


def test_the_switcher_shows_for_a_user_of_two_counties_and_not_of_one(login, county, other_county):
    two = UserFactory(role=roles.SUPERVISOR, counties=[county, other_county])
    page = login(two).get("/tasks/dashboard/").content.decode()
    assert 'class="county-switcher"' in page
    assert f'href="/tasks/dashboard/?county={county.pk}"' in page
    assert f'href="/tasks/dashboard/?county={other_county.pk}"' in page
    one = UserFactory(role=roles.SUPERVISOR, counties=[county])
    assert 'class="county-switcher"' not in login(one).get("/tasks/dashboard/").content.decode()


def test_the_switcher_offers_the_roll_up_to_who_sees_every_county(login, supervisor, county, other_county):
    page = login(supervisor).get("/tasks/").content.decode()
    assert 'class="county-switcher"' in page and 'href="/rollup/"' in page


def test_the_switcher_costs_one_query_and_none_for_a_visitor(rf, county, other_county, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser

    from org import access
    from org.context_processors import counties

    request = rf.get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert not counties(request)["county_switcher"]
    request.user = UserFactory(role=roles.SUPERVISOR, counties=[county, other_county])
    access.scope_of(request.user)  # the view has asked for the user's scope already
    with django_assert_num_queries(1):
        switcher = counties(request)["county_switcher"]
        assert switcher.shown and len(switcher.counties) == 2


def test_open_tasks_with_no_deadline_are_not_counted_as_closed_or_on_hold(login, supervisor, finance, tasks):
    for number in range(5):
        undated = TaskFactory(title=f"长期坚持{number}", due=None, deadline_text="长期坚持")
        AssignmentFactory(task=undated, organisation=finance)
    resting = TaskFactory(title="暂停的", due=None, status=Task.Status.PAUSED)
    AssignmentFactory(task=resting, organisation=finance)
    client = login(supervisor)
    counts = client.get("/tasks/dashboard/").context["counts"]
    assert (counts["undated"], counts["none"]) == (5, 2)
    listed = client.get("/tasks/?light=undated").context["table"].data
    assert sorted(task.title for task in listed) == [f"长期坚持{number}" for number in range(5)]
    closed = client.get("/tasks/?light=none").context["table"].data
    assert sorted(task.title for task in closed) == ["暂停的", "财政办结"]
