"""Each role's home page in the browser: unit staff of 县人社局 open on their unit's overdue and owed tasks, a
supervisor on closings to verify and escalations, a data manager on proposals, failed imports and reminder problems;
at a desktop and a phone width."""

import datetime

import pytest
from django.utils import timezone

from gazette.models import ImportJob
from intake.models import Proposal
from org import roles
from projects import services
from projects.models import Reminder, ReminderDigest, SendStatus
from tests.e2e.helpers import log_in
from tests.gazette.factories import DocumentFactory, IssueFactory
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()
WIDTHS = {"desktop": 1366, "phone": 390}


def days(offset):
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture
def ledger(county, supervisor):
    labour = OrganisationFactory(name="兴县人力资源和社会保障局", short_name="县人社局", parent=county)
    water = OrganisationFactory(name="兴县水利局", short_name="县水利局", parent=county)

    def task(unit, title, due, reported=-1):
        made = TaskFactory(title=title, due=days(due), as_of=days(-90), latest_report=days(reported))
        AssignmentFactory(task=made, organisation=unit)
        return made

    task(labour, "城镇新增就业任务", -4)
    task(labour, "农民工工资支付专项检查", 3)
    task(labour, "技能培训补贴发放", 40, reported=-45)
    sent_back = task(labour, "社保卡发放整改", 60)
    services.request_closing(sent_back, user=supervisor)
    services.verify_closing(sent_back, user=supervisor, approve=False)
    task(water, "水利逾期任务", -12)
    closing = task(water, "河道清淤整治", 20)
    services.request_closing(closing, user=supervisor)
    escalated = task(water, "水毁工程修复", -15)
    digest = ReminderDigest.objects.create(email="sl@county.example", day=days(-1), status=SendStatus.FAILED)
    Reminder.objects.create(
        task=escalated, digest=digest, email=digest.email, tier=Reminder.Tier.ESCALATE, day=days(-1), overdue_days=10
    )
    document = DocumentFactory(issue=IssueFactory(year=2023, number=4))
    for position in range(2):
        Proposal.objects.create(
            document=document,
            kind=Proposal.Kind.TASK,
            key=f"k{position}",
            label=f"任务{position}",
            payload={},
            span_start=1,
            span_end=2,
            position=position,
        )
    ImportJob.objects.create(
        file="imports/x.txt", original_name="兴县公报2024-1.txt", county="兴县", status=ImportJob.Status.FAILED
    )
    return UserFactory(role=roles.UNIT_STAFF, units=[labour])


def open_home(page, shoot, username, name):
    page.goto("/")
    log_in(page, username)
    page.wait_for_url("**/")
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        shoot(f"{name}-{label}")
        # The blocks stack on a phone, none wider than the screen (the top bar is the base layout's affair).
        rights = page.eval_on_selector_all(".home-block", "blocks => blocks.map(b => b.getBoundingClientRect().right)")
        assert rights and max(rights) <= width


def test_unit_staff_open_on_their_units_work(page, shoot, ledger):
    open_home(page, shoot, ledger.username, "unit")
    overdue = page.locator("#home-overdue")
    assert overdue.locator(".home-count").inner_text() == "1"
    assert "城镇新增就业任务" in overdue.inner_text() and "逾期 4 天" in overdue.inner_text()
    assert "水利逾期任务" not in page.inner_text("main")
    assert "农民工工资支付专项检查" in page.inner_text("#home-due-soon")
    assert "技能培训补贴发放" in page.inner_text("#home-awaiting-report")
    assert "社保卡发放整改" in page.inner_text("#home-sent-back")
    assert page.locator("#home-supervisor").count() == 0 and page.locator("#home-data").count() == 0
    overdue.locator(".home-more a").click()
    page.wait_for_url("**/tasks/?**")
    assert "城镇新增就业任务" in page.inner_text("table") and "水利逾期任务" not in page.inner_text("table")


def test_a_supervisor_opens_on_closings_to_verify_and_escalations(page, shoot, ledger, supervisor):
    open_home(page, shoot, supervisor.username, "supervisor")
    assert "河道清淤整治" in page.inner_text("#home-verification")
    assert "水毁工程修复" in page.inner_text("#home-escalated")
    units = page.inner_text("#home-overdue-units table")
    assert units.index("县水利局") < units.index("县人社局")
    assert page.locator("#home-unit").count() == 0 and page.locator("#home-data").count() == 0


def test_a_data_manager_opens_on_reviews_failed_imports_and_reminder_problems(page, shoot, ledger, data_manager):
    open_home(page, shoot, data_manager.username, "manager")
    reviews = page.locator("#home-reviews")
    assert reviews.locator(".home-count").inner_text() == "2"
    assert "兴县公报2024-1.txt" in page.inner_text("#home-failed-imports")
    assert "1 封提醒邮件发送失败" in page.inner_text("#home-failed-reminders").replace("\n", " ")
    assert page.locator("#home-unit").count() == 0 and page.locator("#home-supervisor").count() == 0
    reviews.locator("a").first.click()
    page.wait_for_url("**/proposals/issue/**")
