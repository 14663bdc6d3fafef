"""A plan with more land-use categories than the form first shows: "Add a row" gives as many as it needs."""

from decimal import Decimal

import pytest

from land.models import LandSupplyPlan
from tests.e2e.helpers import log_in
from tests.org.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = [("commercial", "3"), ("industrial", "5"), ("residential", "4"), ("public", "2"), ("transport", "1.5")]


def test_add_a_row_lets_a_plan_take_five_categories(page, shoot, data_manager):
    county = OrganisationFactory(name="和阳县人民政府", short_name="和阳县", kind="county")
    page.goto("/land/plans/new/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/land/plans/new/")
    shown = page.locator("select[name$=-land_use]:visible").count()
    assert shown < len(ROWS)
    for _ in range(len(ROWS) - shown):
        page.click("#allocation-rows ~ p button[data-formset-add]")
    assert page.locator("select[name$=-land_use]:visible").count() == len(ROWS)
    page.select_option("select[name=county]", str(county.pk))
    page.fill("input[name=year]", "2025")
    page.fill("input[name=total_ha]", "15.5")
    for index, (land_use, area) in enumerate(ROWS):
        page.select_option(f"select[name=allocations-{index}-land_use]", land_use)
        page.fill(f"input[name=allocations-{index}-area_ha]", area)
    page.click("form.editform button[type=submit]")
    page.wait_for_selector("#plan-chart", state="attached")
    shoot("saved")
    plan = LandSupplyPlan.objects.get(county=county, year=2025)
    saved = sorted((a.land_use, a.area_ha) for a in plan.allocations.all())
    assert saved == sorted((land_use, Decimal(area)) for land_use, area in ROWS)
