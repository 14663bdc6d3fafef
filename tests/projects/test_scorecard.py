"""The 考核 scorecard: a hand-computed example of 24 tasks across 4 units, under the default rules and under a
county's own (grace days, counted against the deadline before extensions); who may see it; its queries."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from org import roles
from projects import scorecard as scoring
from projects import selectors
from projects.models import Assignment, ClosingRound, ExtensionRequest, ScorecardRules
from projects.reminders import services as reminder_services
from tests.helpers import response_bytes
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory
from tests.projects.reminder_helpers import TODAY as SWEEP_DAY
from tests.projects.reminder_helpers import task_due

pytestmark = pytest.mark.django_db

Q2 = scoring.quarter(2025, 2)
TODAY = datetime.date(2025, 7, 15)
SWEEP_NOON = timezone.make_aware(datetime.datetime(2025, 10, 20, 12, 0))
LEAD, SUPPORTING = Assignment.Role.LEAD, Assignment.Role.SUPPORTING
NEW_YEAR = datetime.date(2025, 1, 1)


def d(month, day):
    return datetime.date(2025, month, day)


@pytest.fixture
def county():
    return OrganisationFactory(name="兴县人民政府", short_name="兴县", kind="county")


@pytest.fixture
def units(county):
    return {name: OrganisationFactory(name=f"兴县{name}", short_name=name, parent=county) for name in "甲乙丙丁"}


@pytest.fixture
def ledger(county, units):
    """The tasks, typed by hand; the comments say how each counts (default rules | grace 3, original deadline)."""

    def task(parts, due, *, closed=None, status=None, original=None, as_of=NEW_YEAR, sent_back=0):
        made = TaskFactory(
            county=county,
            due=due,
            original_due=original,
            closed_on=closed,
            status=status or ("closed" if closed else "in_progress"),
            as_of=as_of,
        )
        for name, role in parts:
            AssignmentFactory(task=made, organisation=units[name], role=role)
        for _ in range(sent_back):
            ClosingRound.objects.create(task=made, decision=ClosingRound.Decision.SENT_BACK, reason="材料不全")
        return made

    def extension(made, unit, status, granted=None):
        ExtensionRequest.objects.create(
            task=made,
            unit=unit and units[unit],
            previous_due=made.original_due or made.due,
            requested_due=made.due + datetime.timedelta(days=10),
            reason="客观原因",
            status=status,
            granted_due=granted,
        )

    approved, shortened = ExtensionRequest.Status.APPROVED, ExtensionRequest.Status.SHORTENED
    refused, pending = ExtensionRequest.Status.REFUSED, ExtensionRequest.Status.PENDING
    a, b, c, dd = [("甲", LEAD)], [("乙", LEAD)], [("丙", LEAD)], [("丁", LEAD)]
    # 甲局
    task(a, d(4, 10), closed=d(4, 8))  # 1 on time | on time
    task(a, d(4, 20), closed=d(4, 20))  # 2 on time (on the day) | on time
    task(a, d(5, 10), closed=d(5, 12))  # 3 late 2 | on time (grace)
    task(a, d(6, 30))  # 4 overdue 15 | overdue 15
    t5 = task(a, d(6, 15), original=d(5, 31), closed=d(6, 10))  # 5 on time | late 10
    extension(t5, "甲", approved, d(6, 15))
    t6 = task(a, d(4, 8), original=d(3, 25), closed=d(4, 8))  # 6 on time | in Q1: not counted
    extension(t6, "甲", approved, d(4, 8))
    task([("甲", LEAD), ("乙", SUPPORTING)], d(4, 25), closed=d(4, 25))  # 24 on time for 甲; 乙 supports only
    # 乙局
    task(b, d(4, 15), closed=d(4, 25))  # 7 late 10 | late 10
    task(b, d(5, 5), closed=d(5, 5), sent_back=1)  # 8 on time, sent back once
    task(b, d(5, 20))  # 9 overdue 56 | overdue 56
    task(b, d(6, 1), status="paused")  # 10 on hold: not counted
    task(b, d(7, 20))  # 11 due in Q3: not counted
    t12 = task(b, d(5, 15), original=d(4, 10))  # 12 overdue 61 | overdue 96
    extension(t12, "乙", approved, d(5, 15))
    extension(t12, "乙", pending)
    # 丙局
    task([("丙", LEAD), ("丁", SUPPORTING)], d(4, 30), closed=d(4, 29))  # 13 on time; 丁 supports only
    task(c, d(5, 31), closed=d(6, 2))  # 14 late 2 | on time (grace)
    task(c, d(6, 10), closed=d(6, 20), sent_back=2)  # 15 late 10, sent back twice
    t16 = task(c, d(6, 20), original=d(6, 5), closed=d(6, 18))  # 16 on time | late 13
    extension(t16, "丙", shortened, d(6, 20))
    task(c, d(4, 5), as_of=d(4, 10))  # 17 entered after its deadline: not counted
    task(c, d(6, 25), status="stopped")  # 18 stopped: not counted
    # 丁局
    task(dd, d(4, 12), closed=d(4, 12))  # 19 on time
    t20 = task([("丙", LEAD), ("丁", Assignment.Role.RESPONSIBLE)], d(5, 18))  # 20 overdue 58 for both units
    extension(t20, None, refused)  # asked by no unit named: counts for both
    task(dd, d(6, 5), closed=d(6, 30))  # 22 late 25
    task(dd, d(6, 28), status="closing_requested")  # 23 not closed yet: overdue 17
    t21 = task(dd, d(3, 31), closed=d(4, 2))  # 21 due in Q1: not counted, nor its refused extension
    extension(t21, "丁", refused)


def table(rows):
    return [
        (
            row.rank,
            row.name,
            row.due,
            row.on_time,
            row.late,
            row.overdue,
            row.on_time_rate,
            row.average_days_late,
            row.extensions_asked,
            row.extensions_granted,
            row.sent_back,
            row.score,
        )
        for row in rows
    ]


D = Decimal


def test_the_default_rules_count_against_the_extended_deadline_without_grace(county, ledger):
    result = selectors.scorecard(county, Q2, TODAY)
    # rank, unit, due, on time, late, overdue, on-time %, avg days late, ext. asked, granted, sent back, score
    assert table(result["rows"]) == [
        (1, "甲", 7, 5, 1, 1, D("71.4"), D("8.5"), 2, 2, 0, D("78.6")),  # (2 + 15) / 2; 550 / 7
        (2, "丙", 5, 2, 2, 1, D("40.0"), D("23.3"), 2, 1, 2, D("60.0")),  # (2 + 10 + 58) / 3; 300 / 5
        # 丁 and 乙 tie at 37.5: 丁 had nothing sent back.
        (3, "丁", 4, 1, 1, 2, D("25.0"), D("33.3"), 1, 0, 0, D("37.5")),  # (25 + 58 + 17) / 3
        (4, "乙", 4, 1, 1, 2, D("25.0"), D("42.3"), 2, 1, 1, D("37.5")),  # (10 + 56 + 61) / 3
    ]
    assert result["totals"]["due"] == 20 and result["totals"]["sent_back"] == 3


def test_a_countys_rules_give_grace_and_count_against_the_deadline_before_extensions(county, ledger):
    ScorecardRules.objects.create(county=None, grace_days=0, against_original_due=False)
    ScorecardRules.objects.create(county=county, grace_days=3, against_original_due=True)
    assert table(selectors.scorecard(county, Q2, TODAY)["rows"]) == [
        (1, "甲", 6, 4, 1, 1, D("66.7"), D("12.5"), 1, 1, 0, D("75.0")),  # (10 + 15) / 2; task 6 is Q1's now
        (2, "丙", 5, 2, 2, 1, D("40.0"), D("27.0"), 2, 1, 2, D("60.0")),  # (10 + 13 + 58) / 3
        (3, "丁", 4, 1, 1, 2, D("25.0"), D("33.3"), 1, 0, 0, D("37.5")),
        (4, "乙", 4, 1, 1, 2, D("25.0"), D("54.0"), 2, 1, 1, D("37.5")),  # (10 + 56 + 96) / 3
    ]


def test_site_defaults_apply_to_a_county_without_its_own(county, ledger):
    ScorecardRules.objects.create(county=None, grace_days=3, against_original_due=False)
    rows = {row.name: row for row in selectors.scorecard(county, Q2, TODAY)["rows"]}
    assert (rows["甲"].on_time, rows["甲"].late) == (6, 0)  # task 3, two days late, is within the grace
    assert (rows["丙"].on_time, rows["丙"].late) == (3, 1)  # task 14 too


def test_tasks_not_yet_past_their_deadline_count_for_nothing(county, units):
    for due in (d(4, 10), d(4, 30)):
        AssignmentFactory(task=TaskFactory(county=county, due=due, status="in_progress"), organisation=units["甲"])
    (row,) = selectors.scorecard(county, scoring.month(2025, 4), d(4, 20))["rows"]
    assert (row.due, row.on_time, row.late, row.overdue, row.score) == (2, 0, 0, 1, D("0.0"))
    (row,) = selectors.scorecard(county, scoring.month(2025, 4), d(4, 5))["rows"]
    assert (row.due, row.overdue, row.score, row.rank) == (2, 0, None, 1)


@pytest.mark.parametrize("size", [2, 30])
def test_the_queries_do_not_grow_with_tasks_or_units(county, django_assert_max_num_queries, size):
    for number in range(size):
        unit = OrganisationFactory(name=f"兴县{number}号局", parent=county)
        for day in (3, 9):
            task = TaskFactory(county=county, due=d(5, day), closed_on=d(5, day + number % 3), status="closed")
            AssignmentFactory(task=task, organisation=unit)
            ClosingRound.objects.create(task=task, decision=ClosingRound.Decision.SENT_BACK)
            ExtensionRequest.objects.create(
                task=task, unit=unit, previous_due=task.due, requested_due=task.due, reason="客观原因"
            )
    with django_assert_max_num_queries(5):
        rows = selectors.scorecard(county, Q2, TODAY)["rows"]
    assert len(rows) == size
    assert {(row.extensions_asked, row.sent_back) for row in rows} == {(2, 2)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))),
        ("2025-q2", (datetime.date(2025, 4, 1), datetime.date(2025, 6, 30))),
        ("2024-02", (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))),
        ("2025-13", (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))),  # nonsense: this quarter
        ("9999", (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))),
        (None, (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))),
    ],
)
def test_periods_are_read_from_the_address(text, expected):
    period = scoring.parse_period(text, TODAY)
    assert (period.start, period.end) == expected


# The pages


@pytest.fixture
def people(county, units, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    other = OrganisationFactory(name="临县人民政府", short_name="临县", kind="county")
    return {
        "supervisor": UserFactory(role=roles.SUPERVISOR, counties=[county]),
        "data_manager": UserFactory(role=roles.DATA_MANAGER, counties=[county]),
        "unit_staff": UserFactory(role=roles.UNIT_STAFF, units=[units["甲"]]),
        "other_supervisor": UserFactory(role=roles.SUPERVISOR, counties=[other]),
    }


def query(county, period="2025-Q2"):
    return f"?county={county.pk}&period={period}"


@pytest.mark.parametrize("who", ["supervisor", "data_manager"])
def test_the_countys_supervisors_and_data_managers_see_the_ranking(client, county, ledger, people, who):
    client.force_login(people[who])
    page = client.get(reverse("projects:scorecard") + query(county)).content.decode()
    assert "scorecard-chart" in page and "2025年第二季度" in page
    assert page.index("<td>甲</td>") < page.index("<td>丙</td>") < page.index("<td>丁</td>") < page.index("<td>乙</td>")


def test_unit_staff_are_refused_and_another_countys_supervisor_gets_404(client, county, people):
    client.force_login(people["unit_staff"])
    for name in ("projects:scorecard", "projects:scorecard_xlsx", "projects:scorecard_print"):
        assert client.get(reverse(name) + query(county)).status_code == 403
    client.force_login(people["other_supervisor"])
    assert client.get(reverse("projects:scorecard") + query(county)).status_code == 404


def test_the_export_holds_the_ranking(client, county, ledger, people):
    client.force_login(people["supervisor"])
    response = client.get(reverse("projects:scorecard_xlsx") + query(county))
    assert "attachment;" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response_bytes(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["甲", "丙", "丁", "乙"]
    assert rows[1][2:6] == (7, 5, 1, 1) and rows[1][11] == 78.6


def test_the_bulletin_is_printable(client, county, ledger, people):
    client.force_login(people["data_manager"])
    page = client.get(reverse("projects:scorecard_print") + query(county)).content.decode()
    assert "督查通报" in page and "scorecard.css" in page and "<td>乙</td>" in page


def test_an_escalation_email_links_to_the_scorecard_of_the_current_quarter(settings):
    settings.SITE_URL = "https://ledger.county.example"
    person = PersonFactory(name="王五", email="wang@county.example")
    task_due(SWEEP_DAY - datetime.timedelta(days=30), contact=person, title="久拖未办")
    reminder_services.sweep(day=SWEEP_DAY)
    reminder_services.send_due_digests(now=SWEEP_NOON)
    link = f"https://ledger.county.example/tasks/scorecard/?period={scoring.quarter_of(SWEEP_DAY).code}"
    [message] = mail.outbox
    assert "通报" in message.body and link in message.body and link in message.alternatives[0][0]


def test_a_digest_without_escalation_has_no_scorecard_link(settings):
    person = PersonFactory(name="王五", email="wang@county.example")
    task_due(SWEEP_DAY + datetime.timedelta(days=2), contact=person, title="即将到期")
    reminder_services.sweep(day=SWEEP_DAY)
    reminder_services.send_due_digests(now=SWEEP_NOON)
    [message] = mail.outbox
    assert "/tasks/scorecard/" not in message.body
