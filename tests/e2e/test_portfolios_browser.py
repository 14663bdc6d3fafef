"""A data manager accepts a leader's portfolio from a 领导工作分工 notice and finds it on the person and unit pages."""

from pathlib import Path

import pytest

from gazette import services as gazette_services
from intake.models import Proposal
from org.models import LeaderPortfolio
from tests.e2e.helpers import log_in
from tests.org.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = Path(__file__).parents[1] / "gazette" / "samples" / "extract-tab-tables.txt"


def test_accept_a_portfolio_and_see_it_on_the_person_and_unit_pages(page, shoot, data_manager):
    county = OrganisationFactory(name="河阳县人民政府", short_name="河阳县", kind="county")
    finance = OrganisationFactory(name="河阳县财政局", short_name="县财政局", parent=county)
    OrganisationFactory(name="河阳县审计局", short_name="县审计局", parent=county)
    gazette_services.import_gazette(SAMPLE.read_bytes(), name="extract-tab-tables.txt")
    proposal = Proposal.objects.get(kind=Proposal.Kind.PORTFOLIO, payload__name="冯军")

    page.goto(f"/proposals/{proposal.pk}/")
    log_in(page, data_manager.username)
    page.wait_for_url(f"**/proposals/{proposal.pk}/")
    assert page.input_value("input[name=post]") == "副县长"
    shoot("review")
    page.click("button[name=accept]")
    page.wait_for_url("**/people/*/")
    assert "县财政局" in page.locator("dl.portfolio").inner_text()
    shoot("person")

    page.click("dl.portfolio a:text-is('县财政局')")
    page.wait_for_url(f"**/organisations/{finance.pk}/")
    assert "冯军" in page.locator("table.leaders").inner_text()
    shoot("organisation")
    assert LeaderPortfolio.objects.get().source_document == proposal.document
