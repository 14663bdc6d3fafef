"""督办通知单 and 催办函: numbered in a series per county, kind and year that never repeats a number, issued from a
task's page or for a whole unit, shown again unchanged, and read only by the issuers and the unit addressed."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection
from django.urls import reverse
from django.utils import timezone

from org import roles
from org.models import CountyProfile
from projects import selectors as task_selectors
from projects import services as task_services
from projects.models import Assignment, Notice, NoticeItem, Task
from tests.gazette.factories import DocumentFactory
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
YEAR = TODAY.year
LONG_AGO = TODAY - datetime.timedelta(days=60)


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def document():
    return DocumentFactory(title="关于开展营商环境整改的通知", number="兴政办发〔2025〕12号")


@pytest.fixture
def tasks(finance, water, document):
    overdue = TaskFactory(title="清理拖欠企业账款", due=days(-10), as_of=LONG_AGO, source_document=document)
    late_before_entry = TaskFactory(title="补报统计台账", due=days(-90), as_of=LONG_AGO)
    later = TaskFactory(title="完善政务服务事项清单", due=days(30), as_of=LONG_AGO, deadline_text="下月底前")
    closed = TaskFactory(title="已办结事项", due=days(-5), as_of=LONG_AGO, status=Task.Status.CLOSED, closed_on=TODAY)
    waters = TaskFactory(title="水利局事项", due=days(-3), as_of=LONG_AGO)
    for task in (overdue, late_before_entry, later, closed):
        AssignmentFactory(task=task, organisation=finance, role=Assignment.Role.LEAD)
    AssignmentFactory(task=waters, organisation=water)
    return {"overdue": overdue, "late": late_before_entry, "later": later, "closed": closed, "water": waters}


def issue(kind, recipient, tasks, **options):
    return task_services.issue_notice(kind=kind, recipient=recipient, tasks=tasks, user=None, **options)


# Numbers


def test_numbers_count_up_in_a_series_per_county_kind_and_year(finance, tasks):
    other_county = OrganisationFactory(name="青岚县人民政府", short_name="青岚县", kind="county")
    other_unit = OrganisationFactory(name="青岚县财政局", parent=other_county)
    other_task = TaskFactory(county=other_county, title="青岚事项", due=days(-1), as_of=LONG_AGO)

    first = issue(Notice.Kind.SUPERVISION, finance, [tasks["later"]])
    second = issue(Notice.Kind.SUPERVISION, finance, [tasks["overdue"]])
    urging = issue(Notice.Kind.URGING, finance, [tasks["overdue"]])
    elsewhere = issue(Notice.Kind.SUPERVISION, other_unit, [other_task])
    next_year = issue(Notice.Kind.SUPERVISION, finance, [tasks["later"]], today=datetime.date(YEAR + 1, 1, 5))

    assert [first.number, second.number] == [f"兴督办〔{YEAR}〕1号", f"兴督办〔{YEAR}〕2号"]
    assert urging.number == f"兴催办〔{YEAR}〕1号"
    assert elsewhere.number == f"青岚督办〔{YEAR}〕1号"
    assert next_year.number == f"兴督办〔{YEAR + 1}〕1号"


def test_a_county_sets_its_own_prefix_and_office(county, finance, tasks):
    CountyProfile.objects.create(county=county, notice_prefix="兴府", notice_office="兴县人民政府办公室")
    notice = issue(Notice.Kind.URGING, finance, [tasks["overdue"]])
    assert notice.number == f"兴府催办〔{YEAR}〕1号"
    assert notice.issuing_office == "兴县人民政府办公室"


def test_without_settings_the_county_governments_supervision_office_issues(finance, tasks):
    assert issue(Notice.Kind.URGING, finance, [tasks["overdue"]]).issuing_office == "兴县人民政府督查室"


def test_the_database_refuses_a_number_given_twice(county, finance, tasks):
    notice = issue(Notice.Kind.SUPERVISION, finance, [tasks["later"]])
    duplicate = Notice(
        county=county,
        kind=notice.kind,
        year=notice.year,
        serial=notice.serial,
        number="重复",
        recipient=finance,
        issuing_office="x",
        reply_by=TODAY,
        issued_at=timezone.now(),
    )
    with pytest.raises(IntegrityError):
        duplicate.save()


@pytest.mark.django_db(transaction=True)
def test_people_issuing_at_once_never_get_the_same_number():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time; PostgreSQL issues truly at once, waiting on the counter row")
    county = OrganisationFactory(name="兴县人民政府", short_name="兴县", kind="county")
    unit = OrganisationFactory(name="兴县财政局", parent=county)
    task = TaskFactory(county=county, due=days(-1), as_of=LONG_AGO)
    people = 6
    start = threading.Barrier(people)
    numbers, errors = [], []

    def run():
        start.wait()
        try:
            numbers.append(issue(Notice.Kind.URGING, unit, [task]).number)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == sorted(f"兴催办〔{YEAR}〕{serial}号" for serial in range(1, people + 1))


def test_a_reply_deadline_in_the_past_is_refused_and_uses_no_number(finance, tasks):
    with pytest.raises(ValidationError):
        issue(Notice.Kind.SUPERVISION, finance, [tasks["later"]], reply_by=days(-1))
    assert not Notice.objects.exists()
    assert issue(Notice.Kind.SUPERVISION, finance, [tasks["later"]]).serial == 1


# Issuing from a task's page


def test_a_supervisor_issues_a_notice_from_the_task_page_and_sees_it(login, supervisor, finance, tasks):
    client = login(supervisor)
    page = client.get(tasks["overdue"].get_absolute_url()).content.decode()
    assert "打印督办通知单" in page and "打印催办函" in page

    response = client.post(
        f"/tasks/{tasks['overdue'].pk}/notice/", {"kind": "supervision", "reply_by": days(7).isoformat()}
    )
    notice = Notice.objects.get()
    assert response.status_code == 302 and response.url == notice.get_absolute_url()
    assert (notice.recipient, notice.reply_by) == (finance, days(7))

    sheet = client.get(response.url).content.decode()
    assert "督办通知单" in sheet
    for text in (
        f"兴督办〔{YEAR}〕1号",
        "兴县人民政府督查室",
        "兴县财政局：",
        "清理拖欠企业账款",
        f"{days(-10).year}年{days(-10).month}月{days(-10).day}日",
        "关于开展营商环境整改的通知（兴政办发〔2025〕12号）",
        f"{days(7).year}年{days(7).month}月{days(7).day}日",
        "（盖章）",
    ):
        assert text in sheet, text


def test_reprinting_shows_the_same_number_and_the_items_as_issued(login, supervisor, finance, tasks):
    client = login(supervisor)
    url = client.post(f"/tasks/{tasks['later'].pk}/notice/", {"kind": "supervision"}).url
    Task.objects.filter(pk=tasks["later"].pk).update(title="改过的标题")

    again = client.get(url).content.decode()
    assert f"兴督办〔{YEAR}〕1号" in again and "完善政务服务事项清单" in again and "改过的标题" not in again
    assert "下月底前" not in again  # a dated item prints its date
    assert Notice.objects.count() == 1


def test_an_urging_letter_is_only_for_an_overdue_task(login, supervisor, tasks):
    client = login(supervisor)
    assert "打印催办函" not in client.get(tasks["later"].get_absolute_url()).content.decode()
    response = client.post(f"/tasks/{tasks['later'].pk}/notice/", {"kind": "urging"}, follow=True)
    assert "逾期" in response.content.decode()
    assert not Notice.objects.exists()


def test_a_task_with_several_units_asks_which_one(login, supervisor, finance, water, tasks):
    task = tasks["later"]
    AssignmentFactory(task=task, organisation=water, role=Assignment.Role.SUPPORTING)
    client = login(supervisor)
    assert 'name="recipient"' in client.get(task.get_absolute_url()).content.decode()
    client.post(f"/tasks/{task.pk}/notice/", {"kind": "supervision"})
    assert not Notice.objects.exists()
    client.post(f"/tasks/{task.pk}/notice/", {"kind": "supervision", "recipient": water.pk})
    assert Notice.objects.get().recipient == water


def test_a_notice_about_a_task_goes_only_to_a_unit_of_the_task(login, supervisor, water, tasks):
    login(supervisor).post(f"/tasks/{tasks['later'].pk}/notice/", {"kind": "supervision", "recipient": water.pk})
    assert not Notice.objects.exists()


# For a whole unit


def test_an_urging_letter_for_a_unit_lists_all_its_overdue_tasks(login, supervisor, finance, tasks):
    client = login(supervisor)
    page = client.get(finance.get_absolute_url()).content.decode()
    assert "为该单位全部逾期事项出具催办函（2）" in page

    response = client.post(f"/units/{finance.pk}/notice/", {"kind": "urging"})
    notice = Notice.objects.get()
    assert response.url == notice.get_absolute_url()
    assert [item.title for item in notice.items.all()] == ["补报统计台账", "清理拖欠企业账款"]
    sheet = client.get(response.url).content.decode()
    assert "催办函" in sheet and f"兴催办〔{YEAR}〕1号" in sheet
    assert '<td class="col-late">10</td>' in sheet and '<td class="col-late">90</td>' in sheet


def test_a_supervision_notice_for_a_unit_lists_its_open_tasks(login, supervisor, finance, tasks):
    login(supervisor).post(f"/units/{finance.pk}/notice/", {"kind": "supervision"})
    items = NoticeItem.objects.filter(notice__recipient=finance)
    assert [item.title for item in items] == ["补报统计台账", "清理拖欠企业账款", "完善政务服务事项清单"]
    assert items.get(title="完善政务服务事项清单").deadline_text == "下月底前"


def test_a_unit_with_nothing_overdue_gets_no_urging_letter(login, supervisor, county, tasks):
    quiet = OrganisationFactory(name="兴县档案馆", parent=county)
    response = login(supervisor).post(f"/units/{quiet.pk}/notice/", {"kind": "urging"}, follow=True)
    assert not Notice.objects.exists()
    assert "没有" in response.content.decode()


# Who may issue and read


def test_unit_staff_read_the_notices_to_their_unit_only(login, finance, water, finance_staff, tasks):
    to_finance = issue(Notice.Kind.URGING, finance, [tasks["overdue"]])
    to_water = issue(Notice.Kind.URGING, water, [tasks["water"]])
    client = login(finance_staff)
    assert client.get(to_finance.get_absolute_url()).status_code == 200
    assert client.get(to_water.get_absolute_url()).status_code == 404
    listed = client.get("/notices/").content.decode()
    assert to_finance.number in listed and "水利局" not in listed


def test_unit_staff_do_not_issue_notices(login, finance, finance_staff, tasks):
    client = login(finance_staff)
    assert "打印督办通知单" not in client.get(tasks["overdue"].get_absolute_url()).content.decode()
    assert client.post(f"/tasks/{tasks['overdue'].pk}/notice/", {"kind": "urging"}).status_code == 403
    assert client.post(f"/units/{finance.pk}/notice/", {"kind": "urging"}).status_code == 403
    assert not Notice.objects.exists()


def test_a_supervisor_of_another_county_finds_neither_the_task_nor_the_notice(login, finance, tasks):
    other_county = OrganisationFactory(name="青岚县人民政府", short_name="青岚县", kind="county")
    outsider = UserFactory(role=roles.SUPERVISOR, counties=[other_county])
    notice = issue(Notice.Kind.URGING, finance, [tasks["overdue"]])
    client = login(outsider)
    assert client.get(notice.get_absolute_url()).status_code == 404
    assert client.post(f"/tasks/{tasks['overdue'].pk}/notice/", {"kind": "urging"}).status_code == 404
    assert client.post(f"/units/{finance.pk}/notice/", {"kind": "urging"}).status_code == 404
    assert Notice.objects.count() == 1


def test_the_default_reply_deadline_is_working_days_ahead(county):
    reply_by = task_selectors.default_reply_by(county, datetime.date(2025, 6, 6))  # a Friday
    assert reply_by == datetime.date(2025, 6, 13)


def test_a_data_manager_sets_the_prefix_and_office_on_the_county_form(login, data_manager, county, finance, tasks):
    response = login(data_manager).post(
        reverse("org:county_edit", args=[county.pk]),
        {"name": county.name, "short_name": county.short_name, "notice_prefix": "兴府", "notice_office": "兴县督查室"},
    )
    assert response.status_code == 302
    notice = issue(Notice.Kind.SUPERVISION, finance, [tasks["later"]])
    assert (notice.number, notice.issuing_office) == (f"兴府督办〔{YEAR}〕1号", "兴县督查室")
