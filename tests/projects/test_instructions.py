"""Leaders' instructions (领导批示): entered by supervisors and data managers on a task or a document, e-mailed to the
task's units after saving, answered by the units, and found by the task list's "not yet answered" filter."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from projects import services as task_services
from projects.models import Instruction, Task
from tests.gazette.factories import DocumentFactory
from tests.org.factories import OrganisationFactory, PersonFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def task(finance):
    finance.reminder_contact = PersonFactory(name="财政联络员", email="liaison@finance.example")
    finance.save()
    task = TaskFactory(title="整治河道", due=D(2025, 6, 30), status=Task.Status.IN_PROGRESS)
    AssignmentFactory(task=task, organisation=finance)
    return task


def instruct(task, user, **fields):
    fields = {"leader_name": "县长 王某", "given_on": D(2025, 5, 6), "text": "要加快进度，月底前见成效。", **fields}
    return task_services.add_instruction(user=user, task=task, **fields)


def test_a_supervisor_records_an_instruction_and_the_units_are_emailed(
    login, task, supervisor, django_capture_on_commit_callbacks, celery_eager
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(supervisor).post(
            reverse("projects:task_add_instruction", args=[task.pk]),
            {"leader_name": "县长 王某", "given_on": "2025-05-06", "text": "要加快进度，月底前见成效。"},
        )
    assert response.status_code == 302
    instruction = task.instructions.get()
    assert (instruction.leader_name, instruction.entered_by, instruction.county_id) == (
        "县长 王某",
        supervisor,
        task.county_id,
    )
    [message] = mail.outbox
    assert message.to == ["财政联络员 <liaison@finance.example>"]
    assert "要加快进度" in message.body and "整治河道" in message.body
    assert f"/tasks/{task.pk}/" in message.body


def test_no_email_leaves_before_the_instruction_is_committed(task, supervisor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        instruct(task, supervisor)
    assert len(callbacks) == 1 and not mail.outbox


def test_unit_staff_may_not_enter_instructions(login, task, finance_staff):
    response = login(finance_staff).post(
        reverse("projects:task_add_instruction", args=[task.pk]),
        {"leader_name": "县长", "given_on": "2025-05-06", "text": "批示"},
    )
    assert response.status_code == 403
    assert not Instruction.objects.exists()


def test_the_leader_must_be_a_person_of_the_tasks_county(task, supervisor):
    elsewhere = OrganisationFactory(name="别县人民政府", short_name="别县", kind="county")
    with pytest.raises(ValidationError):
        instruct(task, supervisor, leader=PersonFactory(county=elsewhere))
    assert instruct(task, supervisor, leader=PersonFactory(name="王某")).leader.name == "王某"


def test_an_instruction_names_a_task_or_a_document_never_both(task, supervisor):
    document = DocumentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Instruction.objects.create(
            county=task.county, task=task, document=document, leader_name="县长", given_on=D(2025, 5, 6), text="批示"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Instruction.objects.create(county=task.county, leader_name="县长", given_on=D(2025, 5, 6), text="批示")


def test_the_unit_answers_on_the_task_page_and_the_history_keeps_who(login, task, finance_staff, supervisor):
    instruction = instruct(task, supervisor)
    url = reverse("projects:task_answer_instruction", args=[task.pk, instruction.pk])
    assert login(finance_staff).post(url, {"answer": "已增派人员，月底完成。"}).status_code == 302
    instruction.refresh_from_db()
    assert (instruction.answer, instruction.answered_by) == ("已增派人员，月底完成。", finance_staff)
    assert instruction.answered_at is not None
    assert [row.history_user for row in instruction.history.order_by("history_date")][-1] == finance_staff
    page = login(finance_staff).get(task.get_absolute_url()).content.decode()
    assert "已增派人员" in page and "要加快进度" in page


def test_staff_of_another_unit_cannot_answer(login, task, supervisor, water):
    from org import roles
    from tests.org.factories import UserFactory

    instruction = instruct(task, supervisor)
    other = UserFactory(role=roles.UNIT_STAFF, units=[water])
    url = reverse("projects:task_answer_instruction", args=[task.pk, instruction.pk])
    assert login(other).post(url, {"answer": "越权"}).status_code == 404
    instruction.refresh_from_db()
    assert instruction.answer == ""


def test_the_task_list_finds_tasks_with_instructions_not_yet_answered(login, task, finance_staff, supervisor, finance):
    answered = TaskFactory(title="已答复的任务", status=Task.Status.IN_PROGRESS)
    AssignmentFactory(task=answered, organisation=finance)
    task_services.answer_instruction(instruct(answered, supervisor), user=finance_staff, answer="已落实")
    instruct(task, supervisor)
    TaskFactory(title="没有批示的任务")
    listed = login(supervisor).get(reverse("projects:task_list"), {"needs": "instruction"}).content.decode()
    assert "整治河道" in listed
    assert "已答复的任务" not in listed and "没有批示的任务" not in listed


def test_supervisors_record_an_instruction_from_a_documents_page(login, supervisor, finance_staff, county):
    document = DocumentFactory()
    document.issue.gazette.county = "兴县"
    document.issue.gazette.save()
    url = reverse("projects:document_instruction", args=[document.pk])
    assert url in login(supervisor).get(document.get_absolute_url()).content.decode()
    response = login(supervisor).post(
        url, {"leader_name": "书记 李某", "given_on": "2025-05-07", "text": "认真贯彻落实。"}
    )
    assert response.status_code == 302
    instruction = document.instructions.get()
    assert (instruction.county, instruction.task, instruction.entered_by) == (county, None, supervisor)
    assert "书记 李某" in login(finance_staff).get(document.get_absolute_url()).content.decode()
    assert url not in login(finance_staff).get(document.get_absolute_url()).content.decode()
    assert (
        login(finance_staff).post(url, {"leader_name": "某", "given_on": "2025-05-07", "text": "越权"}).status_code
        == 403
    )
