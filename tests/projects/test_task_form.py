"""Entering and changing a task in the site: supervisors and data managers, with its units, in one go."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Assignment, Task
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


def form_data(units, **fields):
    data = {
        "title": "整治城区违规广告牌",
        "category": Task.Category.SUPERVISION,
        "deadline_text": "12月底前",
        "units-TOTAL_FORMS": str(len(units)),
        "units-INITIAL_FORMS": "0",
        "units-MIN_NUM_FORMS": "1",
        "units-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for n, unit in enumerate(units):
        data.update({f"units-{n}-{name}": value for name, value in unit.items()})
    return data


def test_a_supervisor_enters_a_task_with_its_units(login, supervisor, finance):
    response = login(supervisor).post(
        "/tasks/new/",
        form_data(
            [
                {"role": "lead", "organisation": finance.pk},
                {"role": "supporting", "organisation_text": "县城管执法队"},
            ]
        ),
    )
    task = Task.objects.get()
    assert response.status_code == 302 and response["Location"] == task.get_absolute_url()
    assert (task.due, task.origin, task.as_of) == (
        datetime.date(timezone.localdate().year, 12, 31),
        Task.Origin.MANUAL,
        timezone.localdate(),
    )
    assert [(a.role, a.organisation, a.organisation_text) for a in task.assignments.all()] == [
        ("lead", finance, ""),
        ("supporting", None, "县城管执法队"),
    ]


def test_a_task_needs_a_unit_and_nothing_is_written_without_one(login, supervisor):
    response = login(supervisor).post("/tasks/new/", form_data([{"role": "lead"}]))
    assert response.status_code == 200 and not Task.objects.exists()


def test_unit_staff_cannot_enter_or_change_tasks(login, finance_staff, finance, water):
    client = login(finance_staff)
    assert client.get("/tasks/new/").status_code == 403
    own = AssignmentFactory(organisation=finance).task
    other = AssignmentFactory(organisation=water).task
    assert client.get(f"/tasks/{own.pk}/edit/").status_code == 403
    assert client.get(f"/tasks/{other.pk}/edit/").status_code == 404


def test_changing_the_deadline_parses_it_again_and_replaces_the_units(login, data_manager, finance, water):
    task = TaskFactory(title="旧标题", deadline_text="6月底前", due=datetime.date(2025, 6, 30))
    AssignmentFactory(task=task, organisation=finance, role=Assignment.Role.LEAD)
    response = login(data_manager).post(
        f"/tasks/{task.pk}/edit/",
        form_data(
            [{"role": "responsible", "organisation": water.pk}],
            title="新标题",
            deadline_text="2025年9月30日前",
        ),
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.due) == ("新标题", datetime.date(2025, 9, 30))
    assert [(a.role, a.organisation) for a in task.assignments.all()] == [("responsible", water)]
    assert task.history.count() == 2
