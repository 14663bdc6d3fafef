"""The review desk for a gazette of 150 proposals: the issue's list filtered by kind, status and document, 25 a page,
in a fixed number of queries; pending proposals rejected together with one reason, all or none, by the county's data
managers only; "accept and open the next" leads to the next pending proposal of the list as filtered; every
proposal is linked by a label, made up when the extractor read no name."""

import itertools
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake import selectors
from intake.models import Proposal
from org import roles
from org.models import Organisation
from tests.gazette.factories import DocumentFactory, IssueFactory
from tests.groups.factories import LeadingGroupFactory
from tests.intake.factories import PAYLOADS, ProposalFactory
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import TaskFactory

pytestmark = pytest.mark.django_db

KINDS = list(Proposal.Kind.values)
ROW = re.compile(r'<tr data-kind="(?P<kind>\w+)" data-proposal="(?P<pk>\d+)">(?P<cells>.*?)</tr>', re.S)
LINK = re.compile(r'<td><a href="(?P<href>[^"]+)">(?P<text>[^<]*)</a>')


def build_issue(count, documents=6):
    """An issue of ``count`` proposals of every kind spread over its documents, one in ten accepted (some with the
    group or task made from them) and one in ten rejected; rosters, one in three, printed without a group name."""
    issue = IssueFactory(source_text="\n".join(f"第{line}行" for line in range(1, 41)))
    docs = [DocumentFactory(issue=issue, order=index, start_line=1, end_line=40) for index in range(documents)]
    for index, kind in zip(range(count), itertools.cycle(KINDS), strict=False):
        label = "" if kind == Proposal.Kind.ROSTER and index % 3 == 0 else f"第{index}项{kind}"
        payload = {**PAYLOADS[kind], "name": f"兴县第{index}服务中心"} if kind == Proposal.Kind.UNIT else PAYLOADS[kind]
        proposal = ProposalFactory(
            document=docs[index % documents], kind=kind, label=label, payload=payload, position=index
        )
        if index % 10 == 3:
            record = LeadingGroupFactory() if index % 20 == 3 else TaskFactory()
            proposal.status = Proposal.Status.ACCEPTED
            proposal.content_type = ContentType.objects.get_for_model(record)
            proposal.object_id = record.pk
            proposal.save()
        elif index % 10 == 7:
            proposal.status = Proposal.Status.REJECTED
            proposal.save()
    return issue


@pytest.fixture
def issue(county):
    return build_issue(150)


@pytest.fixture
def reviewer(county):
    """A data manager of 兴县, the county whose gazette it is."""
    return UserFactory(role=roles.DATA_MANAGER, counties=[county])


def rows(response):
    """(kind, pk, link text, link address) of each row of the list."""
    html = response.content.decode()
    found = []
    for row in ROW.finditer(html):
        link = LINK.search(row["cells"])
        found.append((row["kind"], int(row["pk"]), link["text"].strip(), link["href"].replace("&amp;", "&")))
    return found


def ordered(issue, **filters):
    return list(selectors._filtered(issue, {"kind": "", "status": "", "document": None, **filters}))


def test_the_list_shows_25_a_page_and_page_two_the_next_25(login, reviewer, issue):
    client = login(reviewer)
    url = f"/proposals/issue/{issue.pk}/"
    expected = [proposal.pk for proposal in ordered(issue)]
    first, second = rows(client.get(url)), rows(client.get(url, {"page": 2}))
    assert [pk for _kind, pk, _text, _href in first] == expected[:25]
    assert [pk for _kind, pk, _text, _href in second] == expected[25:50]
    last = client.get(url, {"page": 6})
    assert [pk for _kind, pk, _text, _href in rows(last)] == expected[125:150]
    assert 'aria-current="page">6<' in last.content.decode()


def test_units_come_first_then_the_documents_in_printed_order(issue):
    proposals = ordered(issue)
    kinds = [proposal.kind == Proposal.Kind.UNIT for proposal in proposals]
    assert kinds == sorted(kinds, reverse=True) and kinds[0]
    others = [proposal.document.order for proposal in proposals if proposal.kind != Proposal.Kind.UNIT]
    assert others == sorted(others)


@pytest.mark.parametrize(("asked", "shown"), [("1000", 100), ("2", 10), ("40", 40), ("many", 25)])
def test_rows_per_page_are_kept_between_10_and_100(login, reviewer, issue, asked, shown):
    response = login(reviewer).get(f"/proposals/issue/{issue.pk}/", {"per_page": asked})
    assert len(rows(response)) == shown


def test_the_list_filters_by_kind_status_and_document(login, reviewer, issue):
    client = login(reviewer)
    url = f"/proposals/issue/{issue.pk}/"
    rosters = rows(client.get(url, {"kind": "roster", "per_page": 100}))
    assert rosters and {kind for kind, *_rest in rosters} == {"roster"}
    assert len(rosters) == Proposal.objects.filter(document__issue=issue, kind="roster").count()

    rejected = {pk for _kind, pk, *_rest in rows(client.get(url, {"status": "rejected", "per_page": 100}))}
    assert rejected == set(
        Proposal.objects.filter(document__issue=issue, status="rejected").values_list("pk", flat=True)
    )

    document = issue.documents.order_by("order")[1]
    shown = rows(client.get(url, {"document": document.pk, "kind": "task", "status": "pending"}))
    expected = Proposal.objects.filter(document=document, kind="task", status="pending")
    assert {pk for _kind, pk, *_rest in shown} == set(expected.values_list("pk", flat=True)) != set()
    # The filter travels with each link, so the proposal's page can lead on to the next of the same list.
    assert all("filter=kind%3Dtask%26status%3Dpending%26document%3D" in href for *_rest, href in shown)


def test_a_filter_value_that_is_no_choice_is_ignored(login, reviewer, issue):
    response = login(reviewer).get(f"/proposals/issue/{issue.pk}/", {"kind": "nonsense", "document": "x", "page": "99"})
    assert response.status_code == 200
    assert [pk for _kind, pk, *_rest in rows(response)] == [proposal.pk for proposal in ordered(issue)[125:150]]


def test_the_filter_shows_how_many_proposals_of_each_kind_and_status(login, reviewer, issue):
    context = login(reviewer).get(f"/proposals/issue/{issue.pk}/").context
    proposals = Proposal.objects.filter(document__issue=issue)
    assert {value: count for value, _label, count in context["kinds"]} == {
        kind: proposals.filter(kind=kind).count() for kind in KINDS
    }
    assert {value: count for value, _label, count in context["statuses"]} == {
        "pending": 120,
        "accepted": 15,
        "rejected": 15,
    }
    assert sum(count for _document, count in context["documents"]) == 150
    html = login(reviewer).get(f"/proposals/issue/{issue.pk}/").content.decode()
    assert f">名单 ({proposals.filter(kind='roster').count()})</option>" in html


def test_the_number_of_queries_does_not_grow_with_the_proposals(login, reviewer, county, django_assert_max_num_queries):
    small, large = build_issue(30), build_issue(150)
    client = login(reviewer)
    counts = []
    for issue in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/proposals/issue/{issue.pk}/", {"per_page": 100}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # A page of accepted groups and tasks: one query for each kind of record, none for each row.
    with django_assert_max_num_queries(counts[1]):
        assert len(rows(client.get(f"/proposals/issue/{large.pk}/", {"page": 2}))) == 25


# Labels


def test_every_proposal_of_every_kind_is_linked_by_a_text(login, reviewer, county):
    issue = IssueFactory()
    document = DocumentFactory(issue=issue, number="兴政办发〔2023〕9号")
    for kind in KINDS:
        ProposalFactory(document=document, kind=kind, label="")
        ProposalFactory(document=document, kind=kind, label="  ", payload={})
    shown = rows(login(reviewer).get(f"/proposals/issue/{issue.pk}/"))
    assert len(shown) == 2 * len(KINDS)
    assert all(text for _kind, _pk, text, _href in shown)


def test_a_roster_printed_without_its_group_name_is_named_by_its_document_and_office_or_first_member(county):
    document = DocumentFactory(number="兴政办发〔2023〕9号")
    roster = ProposalFactory(document=document, kind="roster", label="")
    assert roster.display_label == "名单 · 兴政办发〔2023〕9号 · 组长 李明远 县长 · 第1–2行"
    roster.payload = {**PAYLOADS["roster"], "office_host": "县水利局"}
    assert "办公室设在县水利局" in roster.display_label
    assert ProposalFactory(kind="roster", label="某某领导小组").display_label == "某某领导小组"


# Rejecting together


def test_ticked_proposals_are_rejected_together_with_the_reason_who_and_when(login, reviewer, issue):
    pending = list(Proposal.objects.filter(document__issue=issue, status="pending")[:3])
    response = login(reviewer).post(
        f"/proposals/issue/{issue.pk}/reject/",
        {"proposal": [proposal.pk for proposal in pending], "reason": "重复提取", "filter": "kind=task"},
    )
    assert response.status_code == 302 and response["Location"] == f"/proposals/issue/{issue.pk}/?kind=task"
    for proposal in pending:
        proposal.refresh_from_db()
        assert (proposal.status, proposal.rejection_reason, proposal.reviewed_by) == ("rejected", "重复提取", reviewer)
        assert proposal.reviewed_at is not None
        assert proposal.history.first().rejection_reason == "重复提取"
    assert Proposal.objects.filter(document__issue=issue, status="rejected").count() == 15 + 3


def test_all_pending_proposals_the_filter_matches_are_rejected(login, reviewer, issue):
    tasks = Proposal.objects.filter(document__issue=issue, kind="task")
    reviewed = dict(tasks.exclude(status="pending").values_list("pk", "status"))
    others = Proposal.objects.filter(document__issue=issue, status="pending").exclude(kind="task")
    others_before = others.count()
    login(reviewer).post(
        f"/proposals/issue/{issue.pk}/reject/", {"all_matching": "1", "reason": "不属本县", "filter": "kind=task"}
    )
    assert not tasks.filter(status="pending").exists()
    assert tasks.filter(rejection_reason="不属本县").count() == tasks.count() - len(reviewed)
    assert dict(tasks.filter(pk__in=reviewed).values_list("pk", "status")) == reviewed  # the reviewed ones stay
    assert others.count() == others_before


def test_rejecting_needs_a_reason(login, reviewer, issue):
    pending = Proposal.objects.filter(document__issue=issue, status="pending")[:2]
    client = login(reviewer)
    response = client.post(
        f"/proposals/issue/{issue.pk}/reject/", {"proposal": [p.pk for p in pending], "reason": "  "}, follow=True
    )
    assert "请写明驳回的理由" in response.content.decode()
    assert Proposal.objects.filter(document__issue=issue, status="pending").count() == 120


def test_one_reviewed_proposal_among_the_ticked_rejects_none(login, reviewer, issue):
    pending = list(Proposal.objects.filter(document__issue=issue, status="pending")[:2])
    accepted = Proposal.objects.filter(document__issue=issue, status="accepted").first()
    response = login(reviewer).post(
        f"/proposals/issue/{issue.pk}/reject/",
        {"proposal": [pending[0].pk, accepted.pk, pending[1].pk], "reason": "重复"},
        follow=True,
    )
    assert "未驳回任何建议" in response.content.decode()
    assert Proposal.objects.filter(document__issue=issue, status="pending").count() == 120
    accepted.refresh_from_db()
    assert accepted.status == "accepted"


def test_a_proposal_of_another_issue_cannot_be_rejected_through_this_one(login, reviewer, issue):
    elsewhere = ProposalFactory()
    login(reviewer).post(f"/proposals/issue/{issue.pk}/reject/", {"proposal": [elsewhere.pk], "reason": "重复"})
    elsewhere.refresh_from_db()
    assert elsewhere.status == "pending"


def test_another_countys_data_manager_finds_no_issue_and_unit_staff_are_refused(login, issue, county):
    qinglan = OrganisationFactory(name="青岚县人民政府", short_name="青岚县", kind=Organisation.Kind.COUNTY)
    other = UserFactory(role=roles.DATA_MANAGER, counties=[qinglan])
    staff = UserFactory(role=roles.UNIT_STAFF, units=[OrganisationFactory(parent=county)])
    pending = list(Proposal.objects.filter(document__issue=issue, status="pending").values_list("pk", flat=True))
    data = {"proposal": pending[:5], "reason": "越权", "all_matching": "1"}
    assert login(other).post(f"/proposals/issue/{issue.pk}/reject/", data).status_code == 404
    assert login(other).get(f"/proposals/issue/{issue.pk}/").status_code == 404
    assert login(staff).post(f"/proposals/issue/{issue.pk}/reject/", data).status_code == 403
    assert Proposal.objects.filter(document__issue=issue, status="pending").count() == 120


def test_a_reopened_proposal_forgets_the_reason_it_was_rejected(login, reviewer, issue):
    proposal = Proposal.objects.filter(document__issue=issue, status="pending").first()
    client = login(reviewer)
    client.post(f"/proposals/{proposal.pk}/reject/", {"reason": "看错了"})
    proposal.refresh_from_db()
    assert proposal.rejection_reason == "看错了"
    assert "看错了" in client.get(f"/proposals/{proposal.pk}/").content.decode()
    client.post(f"/proposals/{proposal.pk}/reopen/")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.rejection_reason) == ("pending", "")


# Accept and open the next


def unit_issue(count=4):
    issue = IssueFactory()
    document = DocumentFactory(issue=issue)
    return [
        ProposalFactory(
            document=document, kind="unit", payload={**PAYLOADS["unit"], "name": f"兴县第{n}中心"}, position=n
        )
        for n in range(count)
    ]


def accept_unit(client, proposal, button, carried=""):
    url = f"/proposals/{proposal.pk}/" + (f"?filter={carried}" if carried else "")
    return client.post(url, {"name": proposal.payload["name"], "kind": "department", button: ""})


def test_accept_and_open_the_next_leads_to_the_next_pending_proposal(login, reviewer, county):
    first, second, third, fourth = unit_issue()
    second.status = "rejected"
    second.save()
    client = login(reviewer)
    response = accept_unit(client, first, "accept_next", "kind%3Dunit")
    assert response["Location"] == f"/proposals/{third.pk}/?filter=kind%3Dunit"
    # The plain button keeps leading where it did: for a unit, back to the issue's list.
    response = accept_unit(client, third, "accept")
    assert response["Location"] == f"/proposals/issue/{first.document.issue_id}/"
    first.refresh_from_db()
    assert first.status == "accepted" and Organisation.objects.filter(name="兴县第0中心").exists()


def test_the_next_wraps_to_the_first_pending_one_and_then_back_to_the_list(login, reviewer, county):
    first, second, third, fourth = unit_issue()
    client = login(reviewer)
    assert accept_unit(client, fourth, "accept_next")["Location"] == f"/proposals/{first.pk}/"
    for proposal in (first, second):
        accept_unit(client, proposal, "accept")
    response = accept_unit(client, third, "accept_next", "kind%3Dunit%26status%3Dpending")
    assert response["Location"] == f"/proposals/issue/{first.document.issue_id}/?kind=unit&status=pending"


def test_the_next_one_follows_the_filter_and_opens_on_its_own_apps_page(issue):
    tasks = ordered(issue, kind="task", status="pending")
    assert selectors.next_review_url(tasks[0], "kind=task") == f"/proposals/{tasks[1].pk}/?filter=kind%3Dtask"
    parcels = ordered(issue, kind="parcel", status="pending")
    following = selectors.next_review_url(parcels[0], "kind=parcel")
    assert following.startswith("/land/parcels/new/?document=") and f"proposal={parcels[1].pk}" in following
    assert following.endswith("&filter=kind%3Dparcel")
    rates = ordered(issue, kind="rate", status="pending")
    assert selectors.next_review_url(rates[0], "kind=rate") == (
        f"/compensation/proposals/{rates[1].pk}/rule/?filter=kind%3Drate"
    )


def test_saving_a_plan_with_accept_and_open_the_next_leads_to_the_next_pending_proposal(login):
    from tests.land.test_plan_proposals import county_named, imported, plan_proposal, posted

    county_named("清河县")
    issue = imported("plans-qinghe-table.txt")
    proposal = plan_proposal(issue)
    # Another proposal waits after the plan, in the list's order: a rate of the same document.
    following = ProposalFactory(document=proposal.document, kind="rate", position=proposal.position + 1)
    Proposal.objects.filter(document__issue=issue).exclude(pk__in=[proposal.pk, following.pk]).update(status="rejected")
    client = login(UserFactory(role=roles.DATA_MANAGER))
    url = f"/land/plans/new/?proposal={proposal.pk}&filter=document%3D{proposal.document_id}"
    page = client.get(url)
    assert 'name="accept_next"' in page.content.decode()
    response = client.post(url, {**posted(page), "accept_next": ""})
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    assert response["Location"] == (
        f"/compensation/proposals/{following.pk}/rule/?filter=document%3D{proposal.document_id}"
    )
