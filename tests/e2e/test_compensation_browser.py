"""An office clerk enters a household's facts in the calculator, compares the options and prints the statement."""

import io

import openpyxl
import pytest

from compensation.models import SchemeVersion
from tests.e2e.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enter_facts_compare_options_and_print(page, shoot, housing_staff):
    version = SchemeVersion.objects.get(document_number="兴政发〔2021〕14号")
    page.goto("/compensation/")
    log_in(page, housing_staff.username)
    page.wait_for_url("**/compensation/")
    assert page.locator("h1").inner_text() == "征收补偿方案"
    assert "固贤煤矿" not in page.content()  # another township's project
    page.click("a.button:has-text('补偿计算')")
    page.wait_for_url(f"**/compensation/versions/{version.pk}/calculator/")
    # Before computing, the form is two columns wide and the short results area is in the first screen.
    page.set_viewport_size({"width": 1366, "height": 900})
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2200, height  # 1,844 px at 1366 px wide; it was 3,400 in one column
    assert page.locator("section.results").bounding_box()["y"] < 900
    shoot("blank-1366")

    # Worked example 5 of the third phase: an exchange for a larger flat, signed on day 10 with 5 neighbours.
    page.select_option("select[name=option]", "exchange")
    page.fill("input[name=storey_1_area]", "100")
    page.fill("input[name=storey_2_area]", "80")
    page.fill("input[name=appraised_attachments]", "10000")
    page.fill("input[name=wished_area]", "250")
    page.fill("input[name=agreed_transition_months]", "24")
    page.fill("input[name=signing_day]", "10")
    page.fill("input[name=group_households]", "6")
    page.fill("input[name=group_days]", "8")
    page.click("form.calculator-form button[type=submit]")
    page.wait_for_selector("#statement-total")

    assert page.inner_text("#statement-total") == "132,000"
    # The print button looks like the other buttons, not like the browser's grey default.
    print_button, export = page.locator("button[data-print]"), page.locator("a.button:has-text('导出 XLSX')")
    style = "(element) => [getComputedStyle(element).borderRadius, getComputedStyle(element).color]"
    assert print_button.evaluate(style) == page.locator("form.calculator-form button[type=submit]").evaluate(style)
    assert print_button.evaluate("(element) => getComputedStyle(element).borderStyle") == "none"
    assert export.is_visible()
    headers = page.locator("table.comparison thead th").all_inner_texts()
    assert [header.split()[0] for header in headers[1:]] == ["货币补偿", "产权调换", "货币补偿与产权调换相结合"]
    assert page.locator("table.comparison tr.total td").all_inner_texts()[1:] == ["166,600", "132,000", "-96,800"]
    line = page.locator("tr.line[data-code=flat-larger]")
    assert "兴政发〔2021〕14号 三、（二）9." in line.inner_text() and "-83,200" in line.inner_text()
    shoot("statement")

    with page.expect_download() as download:
        page.click("text=导出 XLSX")
    book = openpyxl.load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    assert book.sheetnames == ["补偿明细", "方式比较"]

    page.emulate_media(media="print")
    assert not page.is_visible("form.calculator-form")
    assert not page.is_visible("header.topbar")
    assert page.is_visible("table.statement") and page.is_visible("section.facts-entered")
    shoot("print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
