"""Time to ledger: a data manager brings a county the site has never seen from its first gazette to reminders.

Through the pages only: create the county, upload its gazette (no masthead: county, year and number typed in),
accept the proposed unit directory, give the units the tasks name a reminder contact, accept the roster and every
task. 兴县 already has a 县住建局 and a 王伟: nothing of 白水县 may land on them.
"""

import datetime
from pathlib import Path

import pytest

from groups.models import LeadingGroup
from intake.models import Proposal
from org.models import Organisation, Person
from projects.models import Assignment, ReminderPolicy, Task, WorkdayException
from projects.reminders import selectors as reminder_selectors
from tests.e2e.onboarding import Counted, onboard
from tests.org.factories import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GAZETTE = Path(__file__).parent / "samples" / "baishui-no-masthead.txt"
GROUP = "白水县城区燃气安全整治工作领导小组"
CONTACTS = {
    "县住建局": ("白水住建联络员", "zhujian@baishui.example"),
    "县应急局": ("白水应急联络员", "yingji@baishui.example"),
    "县市场监管局": ("白水市监联络员", "shijian@baishui.example"),
    "县财政局": ("白水财政联络员", "caizheng@baishui.example"),
}
DAY = datetime.date(2026, 12, 18)  # a Friday: tasks due 9 to 15 December are overdue, the one due on the 20th is near


@pytest.fixture(autouse=True)
def uploads(celery_eager, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def other_county(county):
    """兴县, with a unit and a person of the same names as 白水县's."""
    housing = OrganisationFactory(name="兴县住房和城乡建设管理局", short_name="县住建局", parent=county)
    PersonFactory(county=county, name="王伟")
    return housing


def test_a_new_county_from_its_first_gazette_to_reminders(page, shoot, data_manager, other_county):
    steps = Counted(page)
    onboard(data_manager, steps, GAZETTE, year=2026, number=4, contacts=CONTACTS, shoot=shoot)
    print(f"onboarding 白水县: {steps.report()}")

    baishui = Organisation.objects.get(short_name="白水县", kind=Organisation.Kind.COUNTY)
    xingxian = other_county.parent
    assert ReminderPolicy.objects.get(county=baishui).warning_days == 4
    assert list(WorkdayException.objects.values_list("county", "date", "is_workday")) == [
        (baishui.pk, datetime.date(2027, 1, 5), False)
    ]
    assert not Proposal.objects.filter(status=Proposal.Status.PENDING, kind__in=["unit", "roster", "task"]).exists()

    tasks = Task.objects.filter(county=baishui)
    assert tasks.count() == 6
    assert sorted(task.due for task in tasks)[0] == datetime.date(2026, 12, 9)
    assert not Task.objects.filter(county=xingxian).exists()
    assignments = Assignment.objects.filter(task__county=baishui).select_related("organisation")
    assert assignments.count() >= 7
    for assignment in assignments:
        assert assignment.organisation.parent_id == baishui.pk, assignment.organisation
    # Accepted as proposed, a unit keeps the name as the documents write it (县住建局), with no short name.
    assert {assignment.organisation.name for assignment in assignments} == set(CONTACTS)
    assert not Assignment.objects.filter(organisation=other_county).exists()

    group = LeadingGroup.objects.get(name=GROUP)
    assert group.county == baishui and group.memberships.count() == 6
    assert group.office_host.parent_id == baishui.pk
    for membership in group.memberships.select_related("person", "organisation"):
        assert membership.person.county_id == baishui.pk
        assert membership.organisation is None or membership.organisation.parent_id == baishui.pk
    assert Person.objects.filter(county=xingxian, name="王伟").count() == 1
    assert group.memberships.filter(person__name="王伟", person__county=baishui).exists()

    _, digests = reminder_selectors.preview(DAY)
    recipients = {digest["recipient"] for digest in digests}
    assert {email for _, email in CONTACTS.values()} <= recipients
    reminded = {task_id for digest in digests for ids in digest["tasks"].values() for task_id in ids}
    assert reminded == set(tasks.values_list("pk", flat=True))
