"""A data manager works through a gazette of 150 proposals: filters the list to the pending units, rejects two of
them with a reason, and accepts the next one with "accept and open the next", landing on the one after it."""

import re

import pytest

from intake.models import Proposal
from org import roles
from tests.e2e.helpers import log_in
from tests.intake.test_review_desk import build_issue, ordered
from tests.org.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_reject_two_and_accept_and_open_the_next(page, shoot, county):
    issue = build_issue(150)
    reviewer = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/proposals/issue/{issue.pk}/")
    log_in(page, reviewer.username)
    page.wait_for_url(f"**/proposals/issue/{issue.pk}/")
    assert page.locator("table.proposals tbody tr").count() == 25
    shoot("list-1366")

    page.select_option("select[name=kind]", "unit")
    page.select_option("select[name=status]", "pending")
    page.click("form.proposal-filters button[type=submit]")
    page.wait_for_url(re.compile(r"kind=unit&status=pending"))
    units = [proposal.pk for proposal in ordered(issue, kind="unit", status="pending")]
    assert page.locator("table.proposals tbody tr").count() == len(units)

    for pk in units[:2]:
        page.check(f"input[name=proposal][value='{pk}']")
    page.fill("#bulk-reject input[name=reason]", "与县数据局重复")
    page.click("button[name=reject_ticked]")
    page.wait_for_selector(".message.success")
    assert page.locator("table.proposals tbody tr").count() == len(units) - 2
    rejected = Proposal.objects.filter(pk__in=units[:2])
    assert {(p.status, p.rejection_reason, p.reviewed_by_id) for p in rejected} == {
        ("rejected", "与县数据局重复", reviewer.pk)
    }
    shoot("rejected-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot("list-390")
    page.set_viewport_size({"width": 1366, "height": 900})

    page.click(f"tr[data-proposal='{units[2]}'] a")
    page.wait_for_url(re.compile(rf"/proposals/{units[2]}/\?filter="))
    page.click("button[name=accept_next]")
    page.wait_for_url(re.compile(rf"/proposals/{units[3]}/\?filter="))
    assert Proposal.objects.get(pk=units[2]).status == "accepted"
    assert page.locator("button[name=accept_next]").is_visible()
    shoot("next-1366")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot("next-390")
