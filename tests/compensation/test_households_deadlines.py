"""A scheme's time limits become supervision tasks the reminder system covers, once each."""

import datetime

import pytest

from compensation import services
from compensation.models import SchemeDeadline
from projects.models import Assignment, Task
from projects.reminders.selectors import reminder_plan
from tests.compensation.factories import HouseholdFactory, ProjectFactory, RuleFactory, VersionFactory
from tests.org.factories import OrganisationFactory, PersonFactory

MONDAY = datetime.date(2024, 3, 4)  # a working day


@pytest.mark.parametrize(
    "notes, periods",
    [
        ("自下发之日起施行。评估结果公示5日；复核、鉴定各10日（二）。", {"publicity": 5, "review": 10}),
        ("调查结果公布不少于七日，异议七日内核实（第九条）。", {"publicity": 7, "review": 7}),
        ("公示十五日。", {"publicity": 15}),
        ("原方案不在共享公报中。", {}),
    ],
)  # fmt: skip
def test_publicity_and_review_days_are_read_from_the_notes(notes, periods):
    assert services.scheme_periods(notes) == periods


@pytest.fixture
def office(county):
    contact = PersonFactory(name="李示例", email="office@example.gov.cn")
    return OrganisationFactory(name="征收办公室示例", parent=county, reminder_contact=contact)


@pytest.fixture
def version(office, county):
    department = OrganisationFactory(name="兴县住房和城乡建设管理局", parent=county)
    project = ProjectFactory(office=office, office_text=office.name)
    project.departments.add(department)
    version = VersionFactory(
        scheme__project=project,
        signing_start=datetime.date(2024, 1, 4),
        signing_months=2,
        notes="评估结果公示5日；复核、鉴定各10日。",
    )
    RuleFactory(version=version, code="relocation")
    return version


def test_the_signing_period_becomes_a_supervision_task_led_by_the_office(version, office, data_manager):
    (deadline,) = services.schedule_scheme_deadlines(version, data_manager)
    task = deadline.task
    assert deadline.kind == SchemeDeadline.Kind.SIGNING_END
    assert task.due == datetime.date(2024, 3, 4) and deadline.due == task.due  # two months from 4 January
    assert task.category == Task.Category.SUPERVISION
    assert version.scheme.project.name in task.title
    roles = [(assignment.role, assignment.organisation.name) for assignment in task.assignments.all()]
    assert roles == [(Assignment.Role.LEAD, office.name), (Assignment.Role.IMPLEMENTING, "兴县住房和城乡建设管理局")]


def test_scheduling_again_creates_nothing_twice(version, data_manager):
    services.schedule_scheme_deadlines(version, data_manager)
    assert services.schedule_scheme_deadlines(version, data_manager) == []
    assert Task.objects.count() == SchemeDeadline.objects.count() == 1


def test_publicity_and_review_run_from_the_days_households_reached_them(version, data_manager):
    first = HouseholdFactory(scheme_version=version, surveyed_on=datetime.date(2024, 2, 1))
    second = HouseholdFactory(scheme_version=version, surveyed_on=datetime.date(2024, 2, 1))
    services.advance_household(first, status="publicised", on=datetime.date(2024, 2, 20), user=data_manager)
    services.advance_household(second, status="publicised", on=datetime.date(2024, 2, 20), user=data_manager)
    services.advance_household(first, status="appraised", on=datetime.date(2024, 2, 26), user=data_manager)
    deadlines = {(d.kind, d.starts_on, d.due) for d in SchemeDeadline.objects.all()}
    assert deadlines == {
        ("signing_end", datetime.date(2024, 1, 4), datetime.date(2024, 3, 4)),
        # the first day is not counted: 5 days from the 20th end on the 25th
        ("publicity", datetime.date(2024, 2, 20), datetime.date(2024, 2, 25)),
        ("review", datetime.date(2024, 2, 26), datetime.date(2024, 3, 7)),
    }
    assert Task.objects.count() == 3  # the second household publicised the same day adds no task


def test_the_reminder_sweep_covers_the_deadline_tasks(version, data_manager):
    services.schedule_scheme_deadlines(version, data_manager)
    plan = reminder_plan(MONDAY)
    assert [(item.email, item.tier) for item in plan.items] == [("office@example.gov.cn", "due")]


def test_the_dashboard_button_schedules_them(login, data_manager, version):
    response = login(data_manager).post(f"/compensation/projects/{version.scheme.project_id}/deadlines/")
    assert response.status_code == 302 and SchemeDeadline.objects.count() == 1


def test_a_project_without_a_known_office_leads_with_its_name_as_written(db, data_manager):
    project = ProjectFactory(office_text="某指挥部办公室")
    version = VersionFactory(scheme__project=project, signing_end=datetime.date(2024, 5, 1))
    (deadline,) = services.schedule_scheme_deadlines(version, data_manager)
    (assignment,) = deadline.task.assignments.all()
    assert assignment.organisation is None and assignment.organisation_text == "某指挥部办公室"
