"""The home page opens on each role's own work: a unit's overdue and owed tasks, what awaits a supervisor, what awaits a
data manager; each block's count agrees with the task list it links to, and the page costs a fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gazette.models import ImportJob
from intake.models import Proposal
from org import roles
from org.models import Organisation
from projects import services
from projects.models import Assignment, Reminder, ReminderDigest, SendStatus, Task
from projects.selectors import HOME_LIST_LENGTH
from tests.gazette.factories import DocumentFactory, IssueFactory
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
RECENT = TODAY - datetime.timedelta(days=1)


def days(offset):
    return TODAY + datetime.timedelta(days=offset)


def task_for(unit, due, *, latest_report=RECENT, **fields):
    """A task of ``unit`` due ``due`` days from today, reported on yesterday unless told otherwise."""
    task = TaskFactory(due=None if due is None else days(due), as_of=days(-90), latest_report=latest_report, **fields)
    AssignmentFactory(task=task, organisation=unit)
    return task


def escalate(task, day, overdue_days=9):
    digest, _created = ReminderDigest.objects.get_or_create(email="office@county.example", day=day)
    Reminder.objects.create(
        task=task, digest=digest, email=digest.email, tier=Reminder.Tier.ESCALATE, day=day, overdue_days=overdue_days
    )


def listed(client, items):
    """The tasks the task list shows for a block's link."""
    return {task.title for task in client.get("/tasks/", items["query"]).context["table"].data}


@pytest.fixture
def ledger(finance, water, supervisor):
    """Tasks of 县财政局 and 县水利局, each in one situation a home block looks for."""
    tasks = {
        "finance_overdue": task_for(finance, -3, title="财政逾期"),
        "finance_soon": task_for(finance, 2, title="财政本周到期"),
        "finance_later": task_for(finance, 20, title="财政下月到期"),
        "finance_stale": task_for(finance, 40, title="财政久未报告", latest_report=days(-40)),
        "finance_never": task_for(finance, 40, title="财政从未报告", latest_report=None),
        "finance_closed": task_for(finance, -5, title="财政已办结", status=Task.Status.CLOSED, closed_on=TODAY),
        "water_overdue": task_for(water, -10, title="水利逾期"),
        "water_overdue_2": task_for(water, -20, title="水利逾期二"),
        "water_soon": task_for(water, 1, title="水利本周到期"),
        "water_stale": task_for(water, 40, title="水利久未报告", latest_report=days(-40)),
    }
    # Reminded after its last report: a report is owed although the last one is recent.
    reminded = task_for(finance, 30, title="财政已提醒", latest_report=days(-5))
    digest = ReminderDigest.objects.create(email="finance@county.example", day=days(-2))
    Reminder.objects.create(task=reminded, digest=digest, email=digest.email, tier=Reminder.Tier.WARNING, day=days(-2))
    tasks["finance_reminded"] = reminded
    # Put forward for closing and sent back by a supervisor; the second reported since, the third waits.
    for key, title in (("finance_sent_back", "财政退回"), ("finance_answered", "财政退回已报告")):
        task = task_for(finance, 50, title=title)
        services.request_closing(task, user=supervisor)
        services.verify_closing(task, user=supervisor, approve=False)
        tasks[key] = task
    services.report_progress(tasks["finance_answered"], user=supervisor, date=TODAY, text="已整改", percent=100)
    tasks["water_closing"] = task_for(water, 30, title="水利申请办结")
    services.request_closing(tasks["water_closing"], user=supervisor)
    tasks["water_sent_back"] = task_for(water, 50, title="水利退回")
    services.request_closing(tasks["water_sent_back"], user=supervisor)
    services.verify_closing(tasks["water_sent_back"], user=supervisor, approve=False)
    escalate(tasks["water_overdue_2"], RECENT, overdue_days=14)
    escalate(tasks["water_overdue"], days(-20))  # escalated long ago: not this week's
    return tasks


def titles(block):
    return {task.title for task in block["tasks"]}


# Unit staff


def test_unit_staff_see_their_units_overdue_tasks_with_days_overdue_and_not_another_units(login, finance_staff, ledger):
    response = login(finance_staff).get("/")
    unit = response.context["unit"]
    assert titles(unit["overdue"]) == {"财政逾期"} and unit["overdue"]["count"] == 1
    assert unit["overdue"]["tasks"][0].days_overdue == 3
    page = response.content.decode()
    assert "逾期 3 天" in page and "水利逾期" not in page
    assert response.context["supervisor"] is None and response.context["data"] is None


def test_unit_staff_see_what_falls_due_within_seven_days(login, finance_staff, ledger):
    unit = login(finance_staff).get("/").context["unit"]
    assert titles(unit["due_soon"]) == {"财政本周到期"}


def test_a_report_is_owed_after_thirty_days_without_one_or_a_reminder_since_the_last(login, finance_staff, ledger):
    unit = login(finance_staff).get("/").context["unit"]
    assert titles(unit["awaiting_report"]) == {"财政久未报告", "财政从未报告", "财政已提醒"}
    # A report answers it.
    services.report_progress(ledger["finance_reminded"], user=finance_staff, date=TODAY, text="推进中")
    unit = login(finance_staff).get("/").context["unit"]
    assert "财政已提醒" not in titles(unit["awaiting_report"])


def test_a_closing_sent_back_shows_until_the_unit_reports_again(login, finance_staff, ledger):
    unit = login(finance_staff).get("/").context["unit"]
    assert titles(unit["sent_back"]) == {"财政退回"}


def test_each_unit_block_links_to_the_same_tasks_in_the_task_list(login, finance_staff, ledger):
    client = login(finance_staff)
    unit = client.get("/").context["unit"]
    for key in ("overdue", "due_soon", "awaiting_report", "sent_back"):
        assert listed(client, unit[key]) == titles(unit[key]), key
        assert unit[key]["query"]["mine"] == "true"


# Supervisors


def test_supervisors_see_closings_to_verify_escalations_of_the_week_and_the_worst_units(login, supervisor, ledger):
    response = login(supervisor).get("/")
    work = response.context["supervisor"]
    assert titles(work["verification"]) == {"水利申请办结"}
    assert titles(work["escalated"]) == {"水利逾期二"}
    assert work["escalated"]["tasks"][0].escalated_days == 14
    assert [(row["name"], row["overdue"]) for row in work["overdue_units"]] == [("县水利局", 2), ("县财政局", 1)]
    assert work["overdue_count"] == 3
    assert response.context["unit"] is None and response.context["data"] is None


def test_each_supervisor_block_links_to_the_same_tasks_in_the_task_list(login, supervisor, water, ledger):
    client = login(supervisor)
    work = client.get("/").context["supervisor"]
    for key in ("verification", "escalated"):
        assert listed(client, work[key]) == titles(work[key]), key
    worst = work["overdue_units"][0]
    assert {task.title for task in client.get("/tasks/", worst["query"]).context["table"].data} == {
        "水利逾期",
        "水利逾期二",
    }


@pytest.fixture
def other_county(db):
    return OrganisationFactory(name="旺县人民政府", short_name="旺县", kind=Organisation.Kind.COUNTY, parent=None)


@pytest.fixture
def other_ledger(other_county, supervisor):
    unit = OrganisationFactory(name="旺县财政局", short_name="旺县财政局", parent=other_county)
    overdue = task_for(unit, -4, title="旺县逾期", county=other_county)
    closing = task_for(unit, 30, title="旺县申请办结", county=other_county)
    services.request_closing(closing, user=supervisor)
    escalate(overdue, RECENT)
    return unit


def test_a_supervisor_of_one_county_sees_nothing_of_another(login, county, ledger, other_ledger):
    own = UserFactory(role=roles.SUPERVISOR, counties=[county])
    work = login(own).get("/").context["supervisor"]
    assert titles(work["verification"]) == {"水利申请办结"}
    assert titles(work["escalated"]) == {"水利逾期二"}
    assert "旺县财政局" not in {row["name"] for row in work["overdue_units"]}


def test_the_home_page_narrows_to_one_county_and_refuses_another(
    login, supervisor, county, other_county, ledger, other_ledger
):
    client = login(supervisor)
    response = client.get("/", {"county": other_county.pk})
    work = response.context["supervisor"]
    assert response.context["current_county"] == other_county
    assert titles(work["verification"]) == {"旺县申请办结"} and titles(work["escalated"]) == {"旺县逾期"}
    assert [row["name"] for row in work["overdue_units"]] == ["旺县财政局"]
    assert work["verification"]["query"]["county"] == other_county.pk
    assert f'href="/?county={county.pk}"' in response.content.decode()
    limited = UserFactory(role=roles.SUPERVISOR, counties=[county])
    assert login(limited).get("/", {"county": other_county.pk}).status_code == 404
    assert login(limited).get("/", {"county": "x"}).status_code == 404


# Data managers


@pytest.fixture
def data_problems(county, finance, other_county):
    issue = IssueFactory(year=2023, number=4)
    document = DocumentFactory(issue=issue)
    for position in range(3):
        Proposal.objects.create(
            document=document,
            kind=Proposal.Kind.TASK,
            key=f"k{position}",
            label=f"任务{position}",
            payload={},
            span_start=1,
            span_end=2,
            position=position,
        )
    Proposal.objects.create(
        document=document,
        kind=Proposal.Kind.TASK,
        key="done",
        label="已审",
        payload={},
        span_start=1,
        span_end=2,
        status=Proposal.Status.ACCEPTED,
    )
    other_issue = IssueFactory(gazette__county="旺县", gazette__name="旺县人民政府公报", year=2024, number=1)
    Proposal.objects.create(
        document=DocumentFactory(issue=other_issue),
        kind=Proposal.Kind.TASK,
        key="w",
        label="旺县任务",
        payload={},
        span_start=1,
        span_end=2,
    )
    failed = ImportJob.objects.create(
        file="imports/x.txt",
        original_name="兴县公报2023-5.txt",
        county="兴县",
        status=ImportJob.Status.FAILED,
        failure={
            "text": "The worker stopped while importing this file (it was still running after %(minutes)s minutes); "
            "nothing was written. Please upload it again.",
            "params": {"minutes": 16},
        },
    )
    old = ImportJob.objects.create(
        file="imports/y.txt", original_name="旧的.txt", county="兴县", status=ImportJob.Status.FAILED
    )
    ImportJob.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=45))
    ImportJob.objects.create(
        file="imports/z.txt", original_name="好的.txt", county="兴县", status=ImportJob.Status.DONE
    )
    task = task_for(finance, 10, title="有未匹配单位")
    Assignment.objects.create(task=task, organisation_text="县某某办", position=1)
    digest = ReminderDigest.objects.create(email="x@county.example", day=RECENT, status=SendStatus.FAILED)
    Reminder.objects.create(task=task, digest=digest, email=digest.email, tier=Reminder.Tier.WARNING, day=RECENT)
    return {"issue": issue, "other_issue": other_issue, "failed": failed}


def test_data_managers_see_proposals_to_review_failed_imports_and_reminder_problems(login, data_manager, data_problems):
    response = login(data_manager).get("/")
    data = response.context["data"]
    assert [job.original_name for job in data["failed_imports"]] == ["兴县公报2023-5.txt"]
    assert "导入此文件时后台进程已停止（超过 16 分钟仍未完成）" in response.content.decode()
    assert data["failed_import_count"] == 1
    assert data["failed_reminders"] == 1 and data["unmapped"] == 1
    causes = {row["cause"]: row["count"] for row in data["without_reminders"]["causes"]}
    assert causes["unresolved"] == 1
    reviews = next(block for block in response.context["blocks"] if block["template"] == "intake/_home_reviews.html")
    assert [(row["issue"], row["pending"]) for row in reviews["issues"]] == [
        (data_problems["issue"], 3),
        (data_problems["other_issue"], 1),
    ]
    page = response.content.decode()
    assert f'href="/proposals/issue/{data_problems["issue"].pk}/"' in page
    assert f'href="{reverse("gazette:import_detail", args=[data_problems["failed"].pk])}"' in page
    assert response.context["unit"] is None and response.context["supervisor"] is None


def test_a_data_manager_of_one_county_sees_only_its_proposals_and_imports(login, county, data_problems):
    ImportJob.objects.create(
        file="imports/w.txt", original_name="旺县公报.txt", county="旺县", status=ImportJob.Status.FAILED
    )
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    response = login(manager).get("/")
    reviews = response.context["blocks"][0]
    assert [row["issue"] for row in reviews["issues"]] == [data_problems["issue"]] and reviews["pending"] == 3
    assert [job.original_name for job in response.context["data"]["failed_imports"]] == ["兴县公报2023-5.txt"]


def test_unit_staff_and_supervisors_get_no_review_or_import_blocks(login, finance_staff, supervisor, data_problems):
    for user in (finance_staff, supervisor):
        response = login(user).get("/")
        assert response.context["blocks"] == [] and response.context["data"] is None
        assert "公报导入失败" not in response.content.decode()


# Several roles, no role


def test_a_user_with_several_roles_sees_each_roles_blocks(login, county, finance, ledger):
    user = UserFactory(role=roles.SUPERVISOR, counties=[county], units=[finance])
    user.groups.add(Group.objects.get(name=roles.UNIT_STAFF))
    response = login(user).get("/")
    assert titles(response.context["unit"]["overdue"]) == {"财政逾期"}  # their unit's, not the county's
    assert titles(response.context["supervisor"]["verification"]) == {"水利申请办结"}
    client = login(user)
    assert listed(client, response.context["unit"]["overdue"]) == {"财政逾期"}


def test_a_user_without_a_role_is_told_so(login, db):
    response = login(UserFactory()).get("/")
    assert response.context["no_role"] and "还没有角色" in response.content.decode()


def test_visitors_are_sent_to_log_in(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


# A fixed number of queries


def grow(county, finance, water, supervisor, copies):
    """More of every kind of task the blocks count."""
    for number in range(copies):
        for unit in (finance, water):
            task_for(unit, -number - 2, title=f"逾期{number}")
            task_for(unit, 3, title=f"到期{number}", latest_report=days(-40))
            escalate(task_for(unit, -12, title=f"通报{number}"), RECENT)
            closing = task_for(unit, 30, title=f"办结{number}")
            services.request_closing(closing, user=supervisor)
            back = task_for(unit, 30, title=f"退回{number}")
            services.request_closing(back, user=supervisor)
            services.verify_closing(back, user=supervisor, approve=False)


def test_the_home_page_costs_no_more_queries_for_many_tasks_than_for_full_blocks(
    client, county, finance, water, supervisor, data_problems, django_assert_max_num_queries
):
    """A block shows its first HOME_LIST_LENGTH tasks and counts the rest only when it is full: the queries grow
    by at most one a block from a few tasks to full blocks, and not at all beyond."""
    user = UserFactory(role=roles.DATA_MANAGER, counties=[county], units=[finance])
    user.groups.add(*Group.objects.filter(name__in=[roles.SUPERVISOR, roles.UNIT_STAFF]))
    client.force_login(user)
    grow(county, finance, water, supervisor, 1)
    with CaptureQueriesContext(connection) as few:
        response = client.get("/")
    assert response.context["unit"]["overdue"]["count"] >= 1
    grow(county, finance, water, supervisor, HOME_LIST_LENGTH)
    with CaptureQueriesContext(connection) as full:
        response = client.get("/")
    assert response.context["unit"]["sent_back"]["count"] == HOME_LIST_LENGTH + 1
    blocks = len(response.context["unit"]) + 3  # the supervisor's: extensions, verification, escalated
    assert len(few.captured_queries) <= len(full.captured_queries) <= len(few.captured_queries) + blocks
    grow(county, finance, water, supervisor, 6)
    with django_assert_max_num_queries(len(full.captured_queries)):
        response = client.get("/")
    assert response.context["supervisor"]["verification"]["count"] == 2 * (HOME_LIST_LENGTH + 7)
    assert response.context["unit"]["sent_back"]["count"] == HOME_LIST_LENGTH + 7
