"""The county is the tenant: a data manager of one county sees nothing of another on any page, export, feed or admin
list; a prefecture or province supervisor sees both."""

import pytest
from django.urls import reverse

from gazette.models import Document
from intake.models import Proposal
from org import roles
from projects.services import calendar_token
from tests.compensation.factories import SchemeFactory
from tests.gazette.factories import DocumentFactory, GazetteFactory, IssueFactory
from tests.groups.factories import LeadingGroupFactory
from tests.helpers import response_bytes
from tests.land.factories import ParcelFactory, PlanFactory
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db


def county_ledger(name, short_name, marker):
    """One county's records, each named with ``marker`` so a page shows whether it holds them."""
    county = OrganisationFactory(name=f"{short_name}人民政府", short_name=short_name, kind="county")
    unit = OrganisationFactory(name=f"{short_name}{marker}住建局", short_name="县住建局", parent=county)
    person = PersonFactory(name=f"{marker}王伟", county=county, phone="13900000000")
    PostFactory(person=person, organisation=unit, title="局长")
    task = TaskFactory(county=county, title=f"{marker}燃气整治", due="2025-06-30")
    AssignmentFactory(task=task, organisation=unit)
    group = LeadingGroupFactory(county=county, name=f"{marker}安全生产委员会", office_host=unit)
    issue = IssueFactory(gazette=GazetteFactory(county=short_name, name=f"{short_name}人民政府公报"))
    document = DocumentFactory(issue=issue, title=f"关于{marker}的通知")
    proposal = Proposal.objects.create(
        document=document,
        kind="task",
        key=marker,
        label=f"{marker}任务",
        payload={"title": f"{marker}任务", "units": [], "deadline_text": ""},
        span_start=1,
        span_end=1,
    )
    parcel = ParcelFactory(county=county, number=f"{marker}-01", responsible_unit=unit)
    plan = PlanFactory(county=county, year=2031 if marker == "甲" else 2032)
    scheme = SchemeFactory(project__county=county, project__name=f"{marker}棚改项目", name=f"{marker}补偿方案")
    return {
        "county": county,
        "unit": unit,
        "person": person,
        "task": task,
        "group": group,
        "issue": issue,
        "document": document,
        "proposal": proposal,
        "parcel": parcel,
        "plan": plan,
        "scheme": scheme,
    }


@pytest.fixture
def own():
    return county_ledger("甲县", "甲县", "甲")


@pytest.fixture
def other():
    return county_ledger("乙县", "乙县", "乙")


@pytest.fixture
def county_manager(own):
    return UserFactory(role=roles.DATA_MANAGER, counties=[own["county"]])


@pytest.fixture
def province_supervisor(own, other):
    return UserFactory(role=roles.SUPERVISOR)


LISTS = [
    "projects:task_list",
    "groups:group_list",
    "org:person_list",
    "org:organisation_tree",
    "land:parcel_list",
    "land:plan_list",
    "compensation:scheme_list",
    "gazette:document_list",
    "gazette:issue_list",
]
MARKED = {
    "projects:task_list": "燃气整治",
    "groups:group_list": "安全生产委员会",
    "org:person_list": "王伟",
    "org:organisation_tree": "住建局",
    "land:parcel_list": "-01",
    "land:plan_list": None,
    "compensation:scheme_list": "补偿方案",
    "gazette:document_list": "的通知",
    "gazette:issue_list": "县人民政府公报",
}


def shows(page, ledger, name):
    marker = ledger["task"].title[0]
    if name == "land:plan_list":
        return f">{ledger['plan'].year}<" in page or f"{ledger['plan'].year}年" in page
    return f"{marker}{MARKED[name]}" in page or f"{marker}{MARKED[name]}".replace("甲", "甲县") in page


@pytest.mark.parametrize("name", LISTS)
def test_a_county_data_manager_lists_only_their_county(login, county_manager, own, other, name):
    page = login(county_manager).get(reverse(name)).content.decode()
    assert shows(page, own, name), name
    assert not shows(page, other, name), name


@pytest.mark.parametrize("name", LISTS)
def test_a_province_supervisor_lists_every_county(login, province_supervisor, own, other, name):
    page = login(province_supervisor).get(reverse(name)).content.decode()
    assert shows(page, own, name) and shows(page, other, name), name


DETAILS = [
    ("projects:task_detail", "task"),
    ("groups:group_detail", "group"),
    ("org:person_detail", "person"),
    ("org:organisation_detail", "unit"),
    ("land:parcel_detail", "parcel"),
    ("land:plan_detail", "plan"),
    ("compensation:scheme_detail", "scheme"),
    ("gazette:document_detail", "document"),
    ("gazette:issue_detail", "issue"),
    ("intake:issue_proposals", "issue"),
    ("intake:proposal_review", "proposal"),
]


@pytest.mark.parametrize(("name", "record"), DETAILS)
def test_another_countys_records_are_not_found(login, county_manager, own, other, name, record):
    client = login(county_manager)
    assert client.get(reverse(name, args=[other[record].pk])).status_code == 404
    assert client.get(reverse(name, args=[own[record].pk])).status_code in (200, 302)


def test_the_dashboard_counts_only_the_county(login, county_manager, province_supervisor, own, other):
    assert login(county_manager).get(reverse("projects:task_dashboard")).context["total"] == 1
    assert login(province_supervisor).get(reverse("projects:task_dashboard")).context["total"] == 2


def test_exports_hold_only_the_county(login, county_manager, own, other):
    for name in ("projects:task_list", "groups:group_list", "org:person_list", "land:parcel_list"):
        content = response_bytes(login(county_manager).get(reverse(name) + "?_export=csv")).decode("utf-8-sig")
        assert "乙" not in content and "甲" in content, name


def test_the_calendar_feed_holds_only_the_county(client, county_manager, own, other):
    feed = client.get(reverse("projects:task_feed", args=[calendar_token(county_manager)]))
    content = response_bytes(feed).decode()
    assert "甲燃气整治" in content and "乙燃气整治" not in content


@pytest.mark.parametrize(
    "path",
    [
        "/admin/projects/task/",
        "/admin/groups/leadinggroup/",
        "/admin/org/organisation/",
        "/admin/org/person/",
        "/admin/gazette/document/",
        "/admin/gazette/gazette/",
        "/admin/land/parcel/",
        "/admin/intake/proposal/",
    ],
)
def test_admin_lists_hold_only_the_county(login, county_manager, own, other, path):
    page = login(county_manager).get(path).content.decode()
    assert "乙" not in page, path


def test_drop_downs_offer_only_the_countys_units_and_people(login, county_manager, own, other):
    page = login(county_manager).get(reverse("projects:task_create")).content.decode()
    assert "甲县住建局" not in page or "乙县" not in page
    form = login(county_manager).get(reverse("projects:task_create")).context["form"]
    assert list(form.fields["responsible_person"].queryset) == [own["person"]]
    filters = login(county_manager).get(reverse("projects:task_list")).context["filter"].form.fields
    assert set(filters["unit"].queryset) == {own["county"], own["unit"]}


def test_a_county_data_manager_reviews_only_their_countys_gazettes(login, county_manager, own, other):
    assert Document.objects.count() == 2
    client = login(county_manager)
    assert client.get(reverse("intake:issue_proposals", args=[own["issue"].pk])).status_code == 200
    assert client.get(reverse("intake:issue_proposals", args=[other["issue"].pk])).status_code == 404
