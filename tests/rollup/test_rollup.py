"""The roll-up: the user's counties side by side, counted by hand here; exported as shown; queries constant."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from land.models import LandSupplyPlan, Parcel
from org import roles
from org.models import Organisation
from projects.models import Task
from projects.reminders.selectors import tasks_without_reminders
from rollup import selectors
from tests.helpers import response_bytes
from tests.land.factories import ParcelFactory, PlanFactory
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=60)


def days(offset):
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture
def other_county(db):
    return OrganisationFactory(name="旺县人民政府", short_name="旺县", kind=Organisation.Kind.COUNTY, parent=None)


def reachable_unit(county):
    """A unit whose reminders reach someone: its tasks with a due date get reminders."""
    contact = PersonFactory(county=county, email="contact@county.example")
    return OrganisationFactory(parent=county, reminder_contact=contact)


@pytest.fixture
def ledger(county, other_county):
    reached = reachable_unit(county)
    # 兴县: 7 tasks; open 3 (one overdue, one on track, one late before entry); closed 3 (one on time, one late,
    # one without a due date); one paused past its due date. Open without reminders: the overdue task and the one
    # late before entry (no unit has a part).
    TaskFactory(county=county, title="兴县逾期", due=days(-3), as_of=LONG_AGO)
    on_track = TaskFactory(county=county, title="兴县正常", due=days(40), as_of=LONG_AGO)
    AssignmentFactory(task=on_track, organisation=reached)
    TaskFactory(county=county, title="兴县录入前已逾期", due=days(-10), as_of=days(-5))
    closed = {"status": Task.Status.CLOSED, "as_of": LONG_AGO}
    TaskFactory(county=county, title="兴县按期办结", due=days(-5), closed_on=days(-6), **closed)
    TaskFactory(county=county, title="兴县逾期办结", due=days(-20), closed_on=days(-2), **closed)
    TaskFactory(county=county, title="兴县无期限办结", due=None, closed_on=days(-2), **closed)
    TaskFactory(county=county, title="兴县暂停", due=days(-3), as_of=LONG_AGO, status=Task.Status.PAUSED)
    # 旺县: 3 tasks; open 2, both overdue, one of them reminded; closed 1, on its due date.
    other_reached = reachable_unit(other_county)
    reminded = TaskFactory(county=other_county, title="旺县逾期", due=days(-1), as_of=LONG_AGO)
    AssignmentFactory(task=reminded, organisation=other_reached)
    TaskFactory(county=other_county, title="旺县逾期二", due=days(-30), as_of=LONG_AGO)
    TaskFactory(county=other_county, title="旺县当日办结", due=days(-1), closed_on=days(-1), **closed)
    # Land: 兴县 adopted 12.5 ha for this year (a draft of 99 ha beside it does not count) and supplied 2.5 ha of it
    # (a parcel of last year's and one only approved do not count); 旺县 has no plan and supplied 1 ha.
    PlanFactory(county=county, year=TODAY.year, total_ha=Decimal("12.5"), status=LandSupplyPlan.Status.ADOPTED)
    PlanFactory(county=county, year=TODAY.year, version=2, total_ha=Decimal("99"))
    dealt = {"status": Parcel.Status.DEALT, "plan_year": TODAY.year}
    ParcelFactory(county=county, area_entered=Decimal("15000"), **dealt)
    ParcelFactory(county=county, area_entered=Decimal("10000"), status=Parcel.Status.DELIVERED, plan_year=TODAY.year)
    ParcelFactory(county=county, area_entered=Decimal("50000"), status=Parcel.Status.DEALT, plan_year=TODAY.year - 1)
    ParcelFactory(county=county, area_entered=Decimal("50000"), status=Parcel.Status.APPROVED, plan_year=TODAY.year)
    ParcelFactory(county=other_county, area_entered=Decimal("10000"), **dealt)


XING = {
    "county": "兴县",
    "tasks": 7,
    "open": 3,
    "overdue": 1,
    "overdue_rate": 33,
    "closed_with_due": 2,
    "closed_on_time": 1,
    "on_time_rate": 50,
    "without_reminders": 2,
    "planned_ha": Decimal("12.5"),
    "supplied_ha": Decimal("2.5"),
    "share": Decimal("20.0"),
}
WANG = {
    "county": "旺县",
    "tasks": 3,
    "open": 2,
    "overdue": 2,
    "overdue_rate": 100,
    "closed_with_due": 1,
    "closed_on_time": 1,
    "on_time_rate": 100,
    "without_reminders": 1,
    "planned_ha": None,
    "supplied_ha": Decimal("1"),
    "share": None,
}


def figures(row):
    return {
        "county": str(row.county),
        "tasks": row.tasks,
        "open": row.open,
        "overdue": row.overdue,
        "overdue_rate": row.overdue_rate,
        "closed_with_due": row.closed_with_due,
        "closed_on_time": row.closed_on_time,
        "on_time_rate": row.on_time_rate,
        "without_reminders": row.without_reminders,
        "planned_ha": row.land.planned_ha,
        "supplied_ha": row.land.supplied_ha,
        "share": row.land.share,
    }


@pytest.fixture
def province_supervisor(db):
    return UserFactory(role=roles.SUPERVISOR)  # no county given: every county


@pytest.fixture
def county_manager(county):
    return UserFactory(role=roles.DATA_MANAGER, counties=[county])


def test_a_province_supervisor_sees_every_county_counted_as_by_hand(login, province_supervisor, ledger):
    rows = login(province_supervisor).get("/rollup/").context["rows"]
    assert sorted((figures(row) for row in rows), key=lambda row: row["county"]) == sorted(
        [XING, WANG], key=lambda row: row["county"]
    )


def test_a_county_data_manager_sees_their_county_alone(login, county_manager, ledger):
    response = login(county_manager).get("/rollup/")
    assert [figures(row) for row in response.context["rows"]] == [XING]
    page = response.content.decode()
    assert "旺县" not in page
    assert f"/tasks/dashboard/?county={response.context['rows'][0].county.pk}" in page


def test_without_reminders_agrees_with_the_dashboard(other_county, ledger):
    for county in Organisation.objects.filter(kind=Organisation.Kind.COUNTY):
        manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
        (row,) = selectors.county_rows(manager)
        assert row.without_reminders == tasks_without_reminders(manager)["total"]


def test_unit_staff_may_not_see_it(login, finance_staff, ledger):
    assert login(finance_staff).get("/rollup/").status_code == 403


def test_the_csv_export_holds_the_rows_shown(login, province_supervisor, ledger):
    response = login(province_supervisor).get("/rollup/", {"_export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response_bytes(response).decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    assert header[0] == "县" and len(header) == 11
    by_county = {row[0]: row for row in rows}
    assert set(by_county) == {"兴县", "旺县"}
    assert by_county["兴县"] == ["兴县", "7", "3", "1", "33", "2", "50", "2", "12.5000", "2.5000", "20.0"]
    assert by_county["旺县"] == ["旺县", "3", "2", "2", "100", "1", "100", "1", "", "1.0000", ""]


def test_the_xlsx_export_holds_the_same_rows(login, province_supervisor, ledger):
    response = login(province_supervisor).get("/rollup/", {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response_bytes(response))).active
    header, *rows = ([cell.value for cell in row] for row in sheet.iter_rows())
    assert header[0] == "县" and len(header) == 11
    by_county = {row[0]: row for row in rows}
    assert by_county["兴县"][:8] == ["兴县", 7, 3, 1, 33, 2, 50, 2]
    assert [Decimal(str(value)) for value in by_county["兴县"][8:]] == [Decimal("12.5"), Decimal("2.5"), Decimal("20")]
    assert by_county["旺县"][1:8] == [3, 2, 2, 100, 1, 100, 1] and by_county["旺县"][8] is None


def queries_for(user, client):
    client.force_login(user)
    client.get("/rollup/")  # the session and the user's scope, read once
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/rollup/").status_code == 200
    return len(captured)


def test_the_queries_grow_neither_with_the_tasks_nor_with_the_counties(client, county, other_county):
    user = UserFactory(role=roles.SUPERVISOR)
    for number in range(3):
        TaskFactory(county=county, due=days(-number), as_of=LONG_AGO)
    few = queries_for(user, client)
    for number in range(27):
        TaskFactory(county=other_county, due=days(number - 10), as_of=LONG_AGO)
    for number in range(5):
        more = OrganisationFactory(name=f"第{number}县人民政府", kind=Organisation.Kind.COUNTY, parent=None)
        TaskFactory(county=more, due=days(-1), as_of=LONG_AGO)
        PlanFactory(county=more, year=TODAY.year, status=LandSupplyPlan.Status.ADOPTED)
        ParcelFactory(county=more, status=Parcel.Status.DEALT, plan_year=TODAY.year)
    assert queries_for(user, client) == few
