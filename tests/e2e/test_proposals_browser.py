"""A data manager imports a gazette, opens a proposed roster, corrects one title, accepts it, and finds the group."""

import pytest

from groups.models import LeadingGroup
from intake.models import Proposal
from tests.e2e.helpers import log_in
from tests.org.factories import OrganisationFactory
from tests.shared import SAMPLE, without_spaces

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GROUP = "示例县城乡供水一体化工作领导小组"


@pytest.fixture(autouse=True)
def uploads(celery_eager, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def sample_county(db):
    """The county whose gazette is imported: a roster is accepted into a county the ledger knows."""
    return OrganisationFactory(name="示例县人民政府", short_name="示例县", kind="county")


def test_import_review_correct_and_accept_a_roster(page, shoot, data_manager, sample_county):
    page.goto("/gazette/imports/new/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/gazette/imports/new/")
    page.set_input_files("input[name=files]", str(SAMPLE))
    page.click("form.editform button[type=submit]")
    page.wait_for_url("**/gazette/imports/*/")
    page.wait_for_selector(".progress.done")

    page.click("a.review-proposals")
    page.wait_for_url("**/proposals/issue/*/")
    assert int(page.locator(".count-pending").inner_text()) >= 5
    shoot("list")

    page.click(f"table.proposals a:text-is('{GROUP}')")
    page.wait_for_url("**/proposals/*/")
    marked = without_spaces("".join(page.locator("aside.source mark").all_inner_texts()))
    assert "组长：李明远" in marked and "周晓东" in marked
    title = page.locator("input[name$='-title'][value='县水利局局长']")
    title.fill("县水利局党组书记、局长")
    shoot("review")
    page.click("button[name=accept]")
    page.wait_for_url("**/groups/*/")
    shoot("group")

    group = LeadingGroup.objects.get(name=GROUP)
    assert page.url.endswith(group.get_absolute_url())
    assert "周晓东" in page.locator("table.roster").inner_text()
    assert "县水利局党组书记、局长" in page.locator("table.roster").inner_text()
    assert group.source_document.title == "关于成立示例县城乡供水一体化工作领导小组的通知"
    assert group.memberships.count() == 6
    assert page.locator(f"a[href='{group.source_document.get_absolute_url()}']").count() >= 1

    page.go_back()
    page.reload()
    assert page.locator(".proposal-status.accepted").count() == 1
    proposal = Proposal.objects.get(kind=Proposal.Kind.ROSTER, label=GROUP)
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.accepted_object == group
    page.goto(f"/proposals/issue/{proposal.document.issue_id}/")
    assert page.locator(f"a[href='{group.get_absolute_url()}']").count() == 1
    shoot("accepted")
