"""A project's staff member enters a household, compares the options, signs it and prints the statement; the
project dashboard shows the signing."""

import openpyxl
import pytest

from compensation import selectors
from compensation.models import Household, Rule, SchemeVersion
from tests.compensation.factories import HouseholdFactory
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def advance(page, step):
    page.click("form.advance-form button[type=submit]")
    page.wait_for_selector(f"ol.lifecycle li.current:has-text('{step}')")


def test_enter_compare_sign_print_and_see_it_on_the_dashboard(page, shoot, housing_staff):
    version = SchemeVersion.objects.get(document_number="兴政发〔2021〕14号")
    project = version.scheme.project
    page.goto("/compensation/")
    log_in(page, housing_staff.username)
    page.wait_for_url("**/compensation/")
    page.click("text=被征收户台账")
    page.wait_for_url(f"**/compensation/projects/{project.pk}/households/")
    page.click("text=新增被征收户")

    # Worked example 5 of the third phase: an exchange for a larger flat, signed on day 10 with 5 neighbours.
    page.fill("input[name=number]", "SQ-101")
    page.fill("input[name=head_name]", "示例户甲")
    page.fill("input[name=id_number]", "141130198001011234")
    page.fill("input[name=phone]", "13903581234")
    page.fill("input[name=address]", "蔚汾镇示例街101号")
    page.select_option("select[name=facts-option]", "exchange")
    page.fill("input[name=facts-storey_1_area]", "100")
    page.fill("input[name=facts-storey_2_area]", "80")
    page.fill("input[name=facts-appraised_attachments]", "10000")
    page.fill("input[name=facts-wished_area]", "250")
    page.fill("input[name=facts-agreed_transition_months]", "24")
    page.fill("input[name=facts-signing_day]", "10")
    page.fill("input[name=facts-group_households]", "6")
    page.fill("input[name=facts-group_days]", "8")
    page.click("form.household-form button[type=submit]")
    page.wait_for_selector("table.comparison")
    household = Household.objects.get(number="SQ-101")
    assert household.head_name == "示例户甲" and household.status == "surveyed"

    assert page.locator("table.comparison tr.total td").all_inner_texts()[1:] == ["166,600", "132,000", "-96,800"]
    assert page.inner_text("#statement-total") == "132,000"
    shoot("compared")

    advance(page, "公示")
    advance(page, "评估")
    page.select_option("select[name=agreement_type]", "exchange")
    advance(page, "签约")
    assert page.inner_text("#signed-total") == "132,000"
    assert "签约锁定的补偿明细" in page.content()
    shoot("signed")

    # A later change to the rules leaves the signed amount as it was.
    Rule.objects.filter(version=version, code="flat-larger").update(amount=5000)
    page.reload()
    assert page.inner_text("#signed-total") == "132,000"

    page.click("a.button:has-text('补偿明细')")
    page.wait_for_url(f"**/compensation/households/{household.pk}/statement/")
    assert page.inner_text("#statement-total") == "132,000"
    assert "示例户甲" in page.inner_text("dl.statement-head")
    page.emulate_media(media="print")
    assert not page.is_visible("header.topbar") and not page.is_visible("button.print")
    assert page.is_visible("table.statement") and page.is_visible("p.signatures")
    shoot("print")
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.emulate_media(media="screen")

    page.goto(f"/compensation/projects/{project.pk}/")
    assert page.inner_text(".tile[data-status=signed] strong") == "1"
    assert page.inner_text("#signing-rate strong") == "100.0%"
    assert page.inner_text("#committed strong") == "132,000"
    page.wait_for_function("document.getElementById('signing-chart').width > 0")
    shoot("dashboard")

    page.click("nav.subnav >> text=被征收户台账")
    page.wait_for_selector("table.households")
    assert "示例户甲" in page.inner_text("table.households") and "13903581234" in page.inner_text("table.households")
    shoot("register")

    # The statements export: the signed household as frozen, one not yet signed estimated now, and their sum.
    surveyed = HouseholdFactory(scheme_version=version, number="SQ-102")
    with page.expect_download() as download:
        page.click("text=导出补偿明细与测算")
    with open(download.value.path(), "rb") as workbook:  # a download's path has no .xlsx, which openpyxl wants
        sheets = openpyxl.load_workbook(workbook).worksheets
    signed, estimates = (list(sheet.iter_rows(values_only=True)) for sheet in sheets)
    assert [row[0] for row in signed[2:]] == ["SQ-101"] and 132000 in signed[2]
    expected = selectors.household_comparison(surveyed)[0]["cash"].rounded_total
    assert [(row[0], row[-2]) for row in estimates[3:]] == [("SQ-102", expected), ("合计", expected)]
    assert expected > 0
