"""督办提醒's list of e-mails that failed or are in doubt: every one of them, a page at a time; one in doubt shows
why and is not ticked for sending again."""

import datetime

import pytest
from django.urls import reverse

from projects.models import ReminderDigest, SendStatus, Task
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from tests.org.factories import OrganisationFactory, PersonFactory
from tests.projects.reminder_helpers import TODAY, task_due

pytestmark = pytest.mark.django_db


def failed_emails(count, status=SendStatus.FAILED):
    for n in range(count):
        task_due(datetime.date(2025, 10, 14), email=f"unit{n:03}@county.example")
    reminder_services.sweep(day=TODAY)
    ReminderDigest.objects.update(status=status, last_error="SMTPDataError: (554, 'rejected')")


def ticked(html):
    return html.count(" checked>")


def test_every_failed_email_is_listed_a_hundred_a_page(login, data_manager):
    failed_emails(130)
    client = login(data_manager)
    first = client.get(reverse("projects:reminder_overview")).content.decode()
    second = client.get(reverse("projects:reminder_overview"), {"page": 2}).content.decode()
    listed = {f"unit{n:03}@county.example" for n in range(130) if f"unit{n:03}@county.example" in first + second}
    assert len(listed) == 130
    assert (ticked(first), ticked(second)) == (100, 30)
    assert "第 1 页，共 2 页" in first


def test_an_email_in_doubt_shows_why_and_is_not_ticked_for_sending_again(login, data_manager):
    failed_emails(1)
    note = "The SMTP server did not confirm the e-mail: SMTPServerDisconnected: timed out"
    ReminderDigest.objects.update(status=SendStatus.DOUBT, last_error=note)
    html = login(data_manager).get(reverse("projects:reminder_overview")).content.decode()
    assert "unit000@county.example" in html and "SMTPServerDisconnected" in html and "存疑" in html
    assert ticked(html) == 0
    # Ticked by hand, it goes out again: the data manager's decision.
    digest = ReminderDigest.objects.get()
    login(data_manager).post(reverse("projects:reminder_requeue"), {"digest": [digest.pk]})
    assert ReminderDigest.objects.get().status == SendStatus.PENDING


def test_each_unit_without_an_email_links_to_its_page_where_the_contact_is_set(login, data_manager, county, finance):
    task_due(datetime.date(2025, 10, 20), unit=finance, county=county, email="")
    task_due(datetime.date(2025, 10, 20), county=county, email="").assignments.update(
        organisation=None, organisation_text="某未建档单位"
    )
    client = login(data_manager)
    page = client.get(reverse("projects:reminder_overview")).content.decode()
    edit_url = reverse("org:unit_edit", args=[county.pk, finance.pk])
    assert f'<a href="{edit_url}">县财政局</a>' in page
    assert "<td>某未建档单位</td>" in page  # a unit as written has no page to link to
    assert 'name="contact_email"' in client.get(edit_url).content.decode()


def test_exactly_the_open_dated_parts_without_an_address_are_listed_once(data_manager, county):
    def unit(short_name, contact_email=None):
        contact = None if contact_email is None else PersonFactory(name=f"{short_name}联络员", email=contact_email)
        name = f"兴县{short_name}"
        return OrganisationFactory(name=name, short_name=short_name, parent=county, reminder_contact=contact)

    def part(unit, *, named=None, due=datetime.date(2025, 10, 20), **fields):
        task = task_due(due, unit=unit, county=county, **fields)
        task.assignments.update(contact=named)
        return task

    quiet, absent = unit("县甲局", contact_email=""), unit("县乙局")
    part(quiet)
    part(quiet)  # a second task of the same unit: listed once
    part(absent)
    part(unit("县丙局", contact_email="bing@county.example"))
    part(unit("县丁局"), named=PersonFactory(name="赵六", email="zhao@county.example"))
    part(unit("县戊局", contact_email="wu@county.example"), named=PersonFactory(name="钱七", email=""))
    part(quiet).assignments.update(organisation=None, organisation_text="某未建档单位")
    part(unit("县己局"), status=Task.Status.CLOSED, closed_on=datetime.date(2025, 10, 1))
    part(unit("县庚局"), due=None)

    listed = [(row.unit, row.person) for row in reminder_selectors.contacts_without_email(data_manager)]

    assert listed == [("县乙局", ""), ("县戊局", "钱七"), ("县甲局", ""), ("某未建档单位", "")]
