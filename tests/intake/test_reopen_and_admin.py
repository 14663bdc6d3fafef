"""A rejected proposal can be put back to review; data managers alone find proposals in the admin."""

import pytest

from gazette import services as gazette_services
from intake import services as proposal_services
from intake.models import Proposal
from org import roles
from org.models import LeaderPortfolio
from tests.org.factories import HomeCountyFactory, PersonFactory, UserFactory
from tests.shared import SAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(county):
    issue = gazette_services.import_gazette(SAMPLE.read_bytes(), name="sample.txt").issue
    return Proposal.objects.filter(document__issue=issue, kind=Proposal.Kind.TASK).first()


def test_a_data_manager_reopens_a_rejected_proposal_and_it_is_recorded(proposal, login, data_manager):
    proposal_services.reject(proposal, data_manager)
    client = login(data_manager)
    page = client.get(f"/proposals/{proposal.pk}/").content.decode()
    assert f"/proposals/{proposal.pk}/reopen/" in page
    response = client.post(f"/proposals/{proposal.pk}/reopen/")
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    assert proposal.reopened_by == data_manager and proposal.reopened_at
    assert proposal.reviewed_by is None
    assert [record.status for record in proposal.history.order_by("history_date")][-2:] == ["rejected", "pending"]
    assert proposal.history.latest().history_user == data_manager
    page = client.get(f"/proposals/{proposal.pk}/")
    assert page.context["form"] is not None and "reopened" in page.content.decode()


def test_only_a_rejected_proposal_can_be_reopened(proposal, login, data_manager):
    client = login(data_manager)
    client.post(f"/proposals/{proposal.pk}/reopen/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING and proposal.reopened_by is None
    data = {"title": proposal.label, "county": HomeCountyFactory()}
    proposal_services.accept_task(proposal, data=data, assignments=[], user=data_manager)
    client.post(f"/proposals/{proposal.pk}/reopen/")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED


@pytest.mark.parametrize("who", ["supervisor", "finance_staff"])
def test_only_data_managers_reopen(proposal, login, data_manager, who, request):
    proposal_services.reject(proposal, data_manager)
    assert login(request.getfixturevalue(who)).post(f"/proposals/{proposal.pk}/reopen/").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED


def test_data_managers_find_proposals_in_the_admin_with_a_link_to_review(proposal, login, data_manager):
    client = login(data_manager)
    listing = client.get("/admin/intake/proposal/", {"kind": "task", "status": "pending"})
    assert listing.status_code == 200
    assert proposal.get_absolute_url() in listing.content.decode()
    assert client.get("/admin/intake/proposal/", {"q": proposal.label[:6]}).status_code == 200
    assert client.get(f"/admin/intake/proposal/{proposal.pk}/change/").status_code == 200
    assert client.post(f"/admin/intake/proposal/{proposal.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Proposal.objects.filter(pk=proposal.pk).exists()


def test_staff_who_are_not_data_managers_cannot_see_proposals_in_the_admin(proposal, login):
    supervisor = UserFactory(role=roles.SUPERVISOR, is_staff=True)
    client = login(supervisor)
    assert client.get("/admin/intake/proposal/").status_code == 403
    assert client.get(f"/admin/intake/proposal/{proposal.pk}/change/").status_code == 403
    assert "/admin/intake/proposal/" not in client.get("/admin/").content.decode()


def test_portfolios_have_an_admin_with_history(login, data_manager):
    portfolio = LeaderPortfolio.objects.create(person=PersonFactory(name="冯军"), post="副县长")
    client = login(data_manager)
    assert "冯军" in client.get("/admin/org/leaderportfolio/").content.decode()
    assert client.get(f"/admin/org/leaderportfolio/{portfolio.pk}/history/").status_code == 200
