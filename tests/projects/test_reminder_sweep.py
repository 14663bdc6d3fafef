"""The daily sweep: which tasks earn a reminder, for whom, once per task, recipient, tier and day."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from org import roles
from projects.models import Reminder, ReminderDigest, ReminderMute, ReminderPolicy, SendStatus, Task, WorkdayException
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from tests.groups.factories import LeadingGroupFactory
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.projects.reminder_helpers import TODAY, task_due

D = datetime.date
pytestmark = pytest.mark.django_db


def tiers(day=TODAY):
    return {(r.task_id, r.email, r.tier) for r in Reminder.objects.filter(day=day)}


def test_each_tier_is_recorded_with_its_working_days_overdue():
    warning = task_due(D(2025, 10, 22))
    due = task_due(D(2025, 10, 20))
    reminder = task_due(D(2025, 10, 15))  # 16, 17, 20
    urge = task_due(D(2025, 10, 14))  # four working days
    escalate = task_due(D(2025, 10, 9))  # eight
    later = task_due(D(2025, 10, 31))
    reminder_services.sweep(day=TODAY)
    found = {r.task_id: (r.tier, r.overdue_days) for r in Reminder.objects.all()}
    assert found == {
        warning.pk: ("warning", 0),
        due.pk: ("due", 0),
        reminder.pk: ("reminder", 3),
        urge.pk: ("urge", 4),
        escalate.pk: ("escalate", 8),
    }
    assert later.pk not in found


def test_one_digest_per_recipient_holds_all_their_tasks():
    alice = PersonFactory(email="alice@county.example")
    bob = PersonFactory(email="Bob@County.example")
    first, second = task_due(D(2025, 10, 20), contact=alice), task_due(D(2025, 10, 14), contact=alice)
    third = task_due(D(2025, 10, 21), contact=bob)
    sweep = reminder_services.sweep(day=TODAY)
    assert sweep.digests == 2 and sweep.reminders == 3
    digests = {d.email: set(d.reminders.values_list("task_id", flat=True)) for d in ReminderDigest.objects.all()}
    assert digests == {"alice@county.example": {first.pk, second.pk}, "bob@county.example": {third.pk}}


def test_a_sweep_run_again_creates_nothing_new():
    task_due(D(2025, 10, 14))
    first = reminder_services.sweep(day=TODAY)
    again = reminder_services.sweep(day=TODAY)
    assert (first.reminders, again.reminders) == (1, 0)
    assert Reminder.objects.count() == 1 and ReminderDigest.objects.count() == 1


@pytest.mark.parametrize("status", [Task.Status.CLOSED, Task.Status.PAUSED, Task.Status.STOPPED])
def test_closed_and_resting_tasks_get_no_reminder(status):
    closed_on = D(2025, 10, 15) if status == Task.Status.CLOSED else None
    task_due(D(2025, 10, 14), status=status, closed_on=closed_on)
    assert reminder_services.sweep(day=TODAY).reminders == 0


def test_a_task_awaiting_closing_verification_gets_no_reminder():
    task_due(D(2025, 10, 14), status=Task.Status.CLOSING_REQUESTED)
    assert reminder_services.sweep(day=TODAY).reminders == 0


def test_historically_late_tasks_only_when_a_data_manager_turns_them_on():
    late = task_due(D(2025, 10, 14), as_of=D(2025, 10, 16))
    assert reminder_services.sweep(day=TODAY).reminders == 0
    ReminderPolicy.objects.filter(pk=ReminderPolicy.current().pk).update(include_historical=True)
    reminder_services.sweep(day=TODAY)
    assert list(Reminder.objects.values_list("task_id", flat=True)) == [late.pk]


def test_a_muted_address_gets_no_early_warning_but_still_the_overdue_ones():
    person = PersonFactory(email="muted@county.example")
    reminder_services.mute_warnings("Muted@County.example")
    task_due(D(2025, 10, 22), contact=person)
    urged = task_due(D(2025, 10, 14), contact=person)
    escalated = task_due(D(2025, 10, 9), contact=person)
    reminder_services.sweep(day=TODAY)
    assert tiers() == {(urged.pk, "muted@county.example", "urge"), (escalated.pk, "muted@county.example", "escalate")}


def test_no_contact_falls_back_to_the_units_reminder_contact():
    unit = OrganisationFactory(reminder_contact=PersonFactory(name="王联络", email="office@county.example"))
    task = task_due(D(2025, 10, 20), unit=unit, email="")
    task.assignments.update(contact=None)
    reminder_services.sweep(day=TODAY)
    assert tiers() == {(task.pk, "office@county.example", "due")}


def test_contacts_without_an_address_are_listed_for_the_data_manager(data_manager):
    unit = OrganisationFactory(name="兴县无邮箱局", short_name="县无邮箱局")
    task_due(D(2025, 10, 20), unit=unit, contact=PersonFactory(name="李四", email=""))
    sweep = reminder_services.sweep(day=TODAY)
    assert sweep.without_email == 1 and sweep.reminders == 0
    missing = reminder_selectors.contacts_without_email(data_manager)
    assert [(row.unit, row.person, row.unit_id) for row in missing] == [("县无邮箱局", "李四", unit.pk)]


def test_escalation_also_goes_to_the_overseeing_groups_office_head():
    head = PersonFactory(email="head@county.example")
    group = LeadingGroupFactory(office_head=head)
    task = task_due(D(2025, 10, 9), group=group)
    urged = task_due(D(2025, 10, 14), group=group)
    reminder_services.sweep(day=TODAY)
    copies = Reminder.objects.filter(escalated=True)
    assert [(r.task_id, r.email, r.tier) for r in copies] == [(task.pk, "head@county.example", "escalate")]
    assert not Reminder.objects.filter(task=urged, email="head@county.example").exists()


def test_escalation_without_a_group_goes_to_every_supervisor():
    UserFactory(role=roles.SUPERVISOR, email="sup1@county.example")
    UserFactory(role=roles.SUPERVISOR, email="sup2@county.example")
    UserFactory(role=roles.SUPERVISOR, email="")
    task = task_due(D(2025, 10, 9))
    reminder_services.sweep(day=TODAY)
    assert set(Reminder.objects.filter(escalated=True).values_list("email", flat=True)) == {
        "sup1@county.example",
        "sup2@county.example",
    }
    assert Reminder.objects.filter(task=task, escalated=False).count() == 1


def test_no_reminders_on_a_day_off_including_the_countys_own():
    task_due(D(2025, 10, 14))
    assert reminder_services.sweep(day=D(2025, 10, 19)).day_off  # a Sunday
    WorkdayException.objects.create(date=TODAY, is_workday=False, note="防汛调休")
    sweep = reminder_services.sweep(day=TODAY)
    assert sweep.day_off and not Reminder.objects.exists()


def test_a_recipient_whose_digest_went_out_gets_nothing_more_that_day():
    person = PersonFactory(email="early@county.example")
    task_due(D(2025, 10, 14), contact=person)
    reminder_services.sweep(day=TODAY)
    ReminderDigest.objects.update(status=SendStatus.SENT)
    task_due(D(2025, 10, 20), contact=person)
    assert reminder_services.sweep(day=TODAY).reminders == 0
    assert ReminderDigest.objects.count() == 1


def test_the_mute_link_is_signed(client):
    from django.urls import reverse

    token = reminder_selectors.mute_token("someone@county.example")
    url = reverse("projects:reminder_mute", args=[token])
    assert client.get(url).status_code == 200
    client.post(url, {"mute": "1"})
    assert ReminderMute.objects.filter(email="someone@county.example").exists()
    assert client.get(reverse("projects:reminder_mute", args=[token[:-2] + "xx"])).status_code == 404
    client.post(url, {"mute": "0"})
    assert not ReminderMute.objects.exists()


def test_the_sweep_costs_the_same_queries_for_few_tasks_or_many():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(count, day):
        for n in range(count):
            task_due(day - datetime.timedelta(days=n % 5), email=f"c{n % 7}@county.example")
        with CaptureQueriesContext(connection) as captured:
            reminder_services.sweep(day=day)
        return len(captured)

    ReminderPolicy.current()
    assert queries(3, D(2025, 10, 20)) == queries(40, D(2025, 10, 21))


def test_a_second_sweep_of_the_day_records_no_emails_of_the_first():
    for n in range(3):
        task_due(D(2025, 10, 14), email=f"unit{n}@county.example")
    first = reminder_services.sweep(day=TODAY)
    second = reminder_services.sweep(day=TODAY)
    assert (first.digests, first.reminders) == (3, 3)
    assert (second.digests, second.reminders) == (0, 0)


@pytest.mark.django_db(transaction=True)
def test_sweeps_running_at_once_count_each_email_once_between_them():
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; PostgreSQL runs the sweeps truly at once")
    for n in range(30):
        task_due(D(2025, 10, 14), email=f"unit{n}@county.example")
    start = threading.Barrier(3)
    records = []

    def run():
        start.wait()
        try:
            records.append(reminder_services.sweep(day=TODAY))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(records) == 3
    assert sum(record.digests for record in records) == ReminderDigest.objects.count() == 30
    assert sum(record.reminders for record in records) == Reminder.objects.count() == 30


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's statistics are PostgreSQL's")
def test_a_sweep_that_adds_many_reminders_has_their_statistics_counted_again(monkeypatch):
    monkeypatch.setattr(reminder_services, "ANALYZE_AFTER", 3)
    for n in range(3):
        task_due(D(2025, 10, 14), email=f"unit{n}@county.example")

    def analyzed(day):
        with CaptureQueriesContext(connection) as captured:
            reminder_services.sweep(day=day)
        return [query["sql"] for query in captured if query["sql"].startswith("ANALYZE")]

    assert analyzed(TODAY) == ["ANALYZE projects_reminder"]
    assert analyzed(TODAY) == []  # the same day again adds nothing


def _hold_the_days_sweep_lock_while(day, run, *, finish):
    """Hold ``day``'s sweep lock in this connection, start ``run`` in a thread and wait until it waits for the lock;
    then record a completed sweep of the day if ``finish`` (else roll back, as a sweep whose worker died) and let go."""
    import threading
    import time

    from django.db import transaction

    from projects.models import ReminderSweep

    thread = threading.Thread(target=run)

    class RolledBack(Exception):
        pass

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [reminder_services.SWEEP_LOCK, day.toordinal()])
                thread.start()
                deadline = time.monotonic() + 30
                waiting = 0
                while not waiting and time.monotonic() < deadline:
                    time.sleep(0.05)
                    cursor.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    waiting = cursor.fetchone()[0]
            assert waiting == 1, "the second sweep never waited for the lock"
            if not finish:
                raise RolledBack
            ReminderSweep.objects.create(day=day, trigger="beat", finished=datetime.datetime.now(datetime.UTC))
    except RolledBack:
        pass
    thread.join(timeout=60)
    assert not thread.is_alive()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writer at a time: no lock to wait for")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("other_sweep_completes", [True, False])
def test_a_sweep_queued_while_another_of_the_day_runs_waits_and_then_does_only_what_is_left(other_sweep_completes):
    from projects.models import ReminderSweep

    task_due(D(2025, 10, 14))

    def beat():
        try:
            reminder_services.run_reminders(trigger="beat", day=TODAY)
        finally:
            connection.close()

    _hold_the_days_sweep_lock_while(TODAY, beat, finish=other_sweep_completes)
    triggers = sorted(ReminderSweep.objects.filter(day=TODAY).values_list("trigger", flat=True))
    if other_sweep_completes:
        # The other sweep is taken as done: the day's work is not done a second time.
        assert triggers == ["beat"] and not Reminder.objects.exists()
    else:
        # The other died before committing: this one does the day's work.
        assert triggers == ["beat"] and Reminder.objects.count() == 1
