"""A data manager opens a rate read from a scheme, checks it against the source and adds it as a draft rule."""

import pytest

from compensation.models import Rule, SchemeVersion
from intake.models import Proposal
from tests.compensation.examples import SOURCE, rate
from tests.compensation.factories import VersionFactory
from tests.e2e.helpers import log_in
from tests.gazette.factories import DocumentFactory, IssueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_rate_is_corrected_and_accepted_as_a_draft_rule(page, shoot, data_manager):
    document = DocumentFactory(issue=IssueFactory(source_text=SOURCE), start_line=1, end_line=6)
    draft = VersionFactory(status=SchemeVersion.Status.DRAFT, title="征收补偿方案（草稿）")
    proposal = rate(document, line=4, item="集体土地", amount="1.6", unit="万元/亩", condition="征收集体土地的")

    page.goto(f"/proposals/issue/{document.issue_id}/")
    log_in(page, data_manager.username)
    page.click(f"a[href='/compensation/proposals/{proposal.pk}/rule/']")
    page.wait_for_url(f"**/compensation/proposals/{proposal.pk}/rule/")
    assert page.input_value("input[name=amount]") == "16000"
    assert page.locator(".source li.marked").inner_text().endswith("每亩补偿1.6万元。")
    shoot("prefilled")
    page.fill("input[name=label]", "集体土地（口粮地、承包地）")
    page.select_option("select[name=version]", str(draft.pk))
    page.click("button[name=accept]")
    page.wait_for_url(f"**/compensation/versions/{draft.pk}/")
    page.wait_for_selector("text=集体土地（口粮地、承包地）")
    shoot("version")
    assert Rule.objects.get(version=draft).amount == 16000
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.ACCEPTED
