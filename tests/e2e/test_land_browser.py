"""A data manager creates a land supply plan, enters a parcel from a 批复, and sees the plan's chart change."""

import datetime
from pathlib import Path

import pytest

from demo import land as land_demo
from demo import xingxian as demo
from land.models import LandSupplyPlan, Parcel
from tests.e2e.helpers import log_in
from tests.gazette.factories import DocumentFactory, GazetteFactory, IssueFactory
from tests.org.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = Path(__file__).resolve().parents[1] / "land" / "samples" / "heyang-auction-approval.txt"


def chart_series(page):
    page.wait_for_function("() => window.Chart && window.Chart.getChart('plan-chart')")
    return page.evaluate(
        """() => {
            const chart = window.Chart.getChart('plan-chart');
            return Object.fromEntries(chart.data.labels.map((label, index) => [label, {
                planned: chart.data.datasets[0].data[index],
                supplied: chart.data.datasets[1].data[index],
                approved: chart.data.datasets[2].data[index],
            }]));
        }"""
    )


def test_create_plan_add_parcel_from_an_approval_and_see_the_chart_change(page, shoot, data_manager):
    county = OrganisationFactory(name="和阳县人民政府", short_name="和阳县", kind="county")
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    issue = IssueFactory(gazette=GazetteFactory(county="和阳县", name="和阳县人民政府公报"), year=2024, number=1)
    DocumentFactory(
        issue=issue,
        title=lines[0].removeprefix("和阳县人民政府"),
        number="和政函〔2024〕27号",
        kind="批复",
        signed=datetime.date(2024, 3, 8),
        raw_text="\n".join(lines),
        blocks=[{"kind": "paragraph", "text": line, "line": n} for n, line in enumerate(lines[3:-2], start=4)],
    )

    page.goto("/land/plans/new/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/land/plans/new/")
    page.select_option("select[name=county]", str(county.pk))
    page.fill("input[name=year]", "2024")
    page.fill("input[name=total_ha]", "10")
    page.select_option("select[name=allocations-0-land_use]", "commercial")
    page.fill("input[name=allocations-0-area_ha]", "6")
    page.select_option("select[name=allocations-1-land_use]", "public")
    page.fill("input[name=allocations-1-area_ha]", "4")
    page.click("form.editform button[type=submit]")
    page.wait_for_selector("#plan-chart", state="attached")
    plan = LandSupplyPlan.objects.get(county=county, year=2024)
    before = chart_series(page)
    assert before["商服用地"] == {"planned": 6, "supplied": 0, "approved": 0}
    shoot("plan-created")

    page.click("text=待录入的批复")
    page.click("text=新建宗地 HY2024-012")
    page.wait_for_selector("input[name=number]")
    assert page.input_value("input[name=number]") == "HY2024-012"
    assert page.input_value("select[name=area_unit]") == "mu"
    assert "起拍价为人民币5,160,000元" in page.inner_text(".source[data-field=starting_price]")
    shoot("prefilled")
    page.click("form.editform button[type=submit]")
    page.wait_for_selector("ol.lifecycle")
    parcel = Parcel.objects.get(number="HY2024-012")
    assert parcel.status == Parcel.Status.APPROVED and parcel.plan_year == 2024

    page.goto(plan.get_absolute_url())
    assert chart_series(page)["商服用地"] == {"planned": 6, "supplied": 0, "approved": 0.55}

    page.goto(parcel.get_absolute_url())
    page.select_option("form.advance-form select[name=status]", "dealt")
    page.fill("form.advance-form input[name=on]", "2024-05-06")
    page.fill("form.advance-form input[name=deal_price]", "528")
    page.click("form.advance-form button[type=submit]")
    page.wait_for_selector("ol.lifecycle li.current >> text=已成交")
    shoot("dealt")

    page.goto(plan.get_absolute_url())
    after = chart_series(page)
    assert after["商服用地"] == {"planned": 6, "supplied": 0.55, "approved": 0}
    assert "9.2%" in page.inner_text("#figures-by-use tr[data-key=commercial]")
    shoot("plan-after-deal")


def test_the_demo_land_pages(page, shoot):
    demo.load_demo()
    land_demo.load_demo()
    demo.ensure_demo_accounts()
    plan = LandSupplyPlan.objects.get()

    page.goto("/land/plans/")
    log_in(page, "manager", "ledger-demo-manager")
    page.wait_for_url("**/land/plans/")
    shoot("plans")
    page.click(f"a[href='{plan.get_absolute_url()}']")
    page.wait_for_selector("#figures-by-use")
    assert chart_series(page)["工矿仓储用地"] == {"planned": 22, "supplied": 0, "approved": 4.5985}
    assert "演示数据" in page.inner_text("h1")
    shoot("plan")

    page.goto("/land/parcels/?unit=mu")
    assert "231.555" in page.inner_text("table.parcels")  # 2021-09: 154370 m²
    shoot("parcels-in-mu")

    page.goto("/land/quality/")
    assert "2021-09" in page.inner_text("table.quality")  # its deposit is above its starting price
    shoot("quality")

    page.goto("/land/approvals/")
    shoot("approvals")

    page.goto(Parcel.objects.get(number="2022-02").get_absolute_url())
    assert "1.7773 公顷" in page.inner_text("dl.facts")
    shoot("parcel")
