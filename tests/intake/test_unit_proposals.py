"""Units proposed from the gazette itself: after a county's first import, its directory as its documents name it.

The gazette is an invented one of 青岚县, whose county organisation exists with no units yet; 兴县 has units of the
same names, which are never reused.
"""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from gazette import services as gazette_services
from intake import selectors, services
from intake.models import Proposal
from org.models import Organisation
from tests.org.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GAZETTE = Path(__file__).parent / "samples" / "qinglan-no-masthead.txt"


@pytest.fixture
def qinglan(db):
    return OrganisationFactory(name="青岚县人民政府", short_name="青岚县", kind="county")


@pytest.fixture
def xingxian(db):
    county = OrganisationFactory(name="兴县人民政府", short_name="兴县", kind="county")
    OrganisationFactory(name="兴县住房和城乡建设局", short_name="县住建局", parent=county)
    OrganisationFactory(name="兴县应急管理局", short_name="县应急局", parent=county)
    return county


def import_qinglan(number=2):
    """The gazette as issue ``number`` of 2024; a later issue prints the same notices again (its file differs by a
    trailing line, or the import would find it unchanged)."""
    data = GAZETTE.read_bytes() + b"\n" * (number - 2)
    return gazette_services.import_gazette(data, name=GAZETTE.name, county="青岚县", year=2024, number=number).issue


def units(issue):
    return list(
        Proposal.objects.filter(document__issue=issue, kind=Proposal.Kind.UNIT).order_by("document__order", "position")
    )


def test_an_import_proposes_the_units_its_documents_name(qinglan, xingxian):
    issue = import_qinglan()
    proposals = units(issue)
    assert [(p.label, p.payload["short_name"], p.payload["aliases"], p.payload["kind"]) for p in proposals] == [
        ("县应急局", "", [], "department"),
        ("县住建局", "", [], "department"),
        ("县市场监管局", "", [], "department"),
    ]
    emergency = proposals[0]
    assert emergency.document.number == "青政办函〔2024〕7号"
    assert [(o["span_start"], o["span_end"]) for o in emergency.payload["occurrences"]] == [(9, 15), (15, 15), (33, 33)]
    assert emergency.payload["occurrences"][2]["document"] == proposals[2].document.pk  # the tasks' notice
    assert {p.status for p in proposals} == {Proposal.Status.PENDING}


def test_the_issue_page_lists_the_units_first_and_the_review_page_shows_their_lines(client, qinglan, data_manager):
    issue = import_qinglan()
    client.force_login(data_manager)
    page = client.get(f"/proposals/issue/{issue.pk}/").content.decode()
    assert page.index("县市场监管局") < page.index("排查餐饮场所")
    proposal = units(issue)[0]
    review = client.get(proposal.get_absolute_url()).content.decode()
    assert "<mark>主 任：王伟 县人民政府县长</mark>" in review  # the roster it is the office of
    assert "<mark>孙静 县应急局局长</mark>" in review  # a member's title
    assert 'name="short_name"' in review and 'name="parent"' in review


def test_bulk_accept_creates_them_below_the_county_and_the_tasks_resolve_to_them(qinglan, xingxian, data_manager):
    issue = import_qinglan()
    created = services.accept_units(issue, data_manager)
    assert [(unit.name, unit.kind, unit.parent) for unit in created] == [
        ("县应急局", "department", qinglan),
        ("县住建局", "department", qinglan),
        ("县市场监管局", "department", qinglan),
    ]
    assert {p.status for p in units(issue)} == {Proposal.Status.ACCEPTED}
    assert units(issue)[1].accepted_object == created[1]
    task = Proposal.objects.get(document__issue=issue, kind=Proposal.Kind.TASK, label__startswith="建立燃气")
    _initial, rows = selectors.task_initial(task)
    assert [(row["organisation"], row["organisation_text"]) for row in rows] == [
        (created[1], ""),
        (created[2], ""),
    ]
    assert created[1].parent.name == "青岚县人民政府"  # never 兴县's namesake


def test_bulk_accept_is_all_or_nothing(qinglan, data_manager):
    issue = import_qinglan()
    OrganisationFactory(name="青岚县市场监督管理局", short_name="县市场监管局", parent=qinglan)  # entered meanwhile
    with pytest.raises(ValidationError, match="县市场监管局"):
        services.accept_units(issue, data_manager)
    assert {p.status for p in units(issue)} == {Proposal.Status.PENDING}
    assert Organisation.objects.filter(parent=qinglan).count() == 1


def test_accepting_one_as_corrected(qinglan, data_manager):
    issue = import_qinglan()
    housing = units(issue)[1]
    data = {
        "name": "青岚县住房和城乡建设局",
        "short_name": "县住建局",
        "kind": "department",
        "parent": None,
        "aliases": "县住建委、青岚县住建局",
    }
    unit = services.accept_unit(housing, data=data, user=data_manager)
    assert (unit.name, unit.short_name, unit.parent) == ("青岚县住房和城乡建设局", "县住建局", qinglan)
    assert sorted(unit.aliases.values_list("alias", flat=True)) == ["县住建委", "青岚县住建局"]
    housing.refresh_from_db()
    assert (housing.status, housing.accepted_object) == (Proposal.Status.ACCEPTED, unit)


def test_a_second_import_proposes_nothing_twice(qinglan, data_manager):
    issue = import_qinglan()
    before = Proposal.objects.filter(kind=Proposal.Kind.UNIT).count()
    services.propose_for_issue(issue)
    assert Proposal.objects.filter(kind=Proposal.Kind.UNIT).count() == before == 3
    services.reject(units(issue)[2], data_manager)
    later = import_qinglan(number=3)  # another issue naming the same units, while the first's are pending
    assert units(later) == []
    services.accept_units(issue, data_manager)
    assert units(import_qinglan(number=4)) == []


def test_a_county_not_in_the_ledger_still_gets_proposals_but_cannot_accept_them(client, xingxian, data_manager):
    issue = import_qinglan()
    proposals = units(issue)
    assert [p.label for p in proposals] == ["县应急局", "县住建局", "县市场监管局"]  # 兴县's are not ours
    with pytest.raises(ValidationError, match="请先新建该县"):
        services.accept_units(issue, data_manager)
    client.force_login(data_manager)
    page = client.get(proposals[0].get_absolute_url()).content.decode()
    assert 'href="/counties/new/"' in page
    assert client.post(f"/proposals/issue/{issue.pk}/accept-units/").status_code == 302
    assert Proposal.objects.get(pk=proposals[0].pk).status == Proposal.Status.PENDING


def test_bulk_accept_through_the_issue_page(client, qinglan, data_manager):
    issue = import_qinglan()
    client.force_login(data_manager)
    response = client.post(f"/proposals/issue/{issue.pk}/accept-units/")
    assert response.status_code == 302
    assert sorted(Organisation.objects.filter(parent=qinglan).values_list("name", flat=True)) == [
        "县住建局",
        "县市场监管局",
        "县应急局",
    ]


def test_a_task_proposal_offers_to_create_the_units_it_names_that_are_missing(client, qinglan, data_manager):
    issue = import_qinglan()
    OrganisationFactory(name="青岚县住房和城乡建设局", short_name="县住建局", parent=qinglan)
    task = Proposal.objects.get(document__issue=issue, kind=Proposal.Kind.TASK, label__startswith="建立燃气")
    assert selectors.unresolved_units(task) == ["县市场监管局"]
    client.force_login(data_manager)
    page = client.get(task.get_absolute_url()).content.decode()
    assert 'value="县市场监管局"' in page
    response = client.post(f"/proposals/{task.pk}/create-unit/", {"name": "县市场监管局"})
    assert response.status_code == 302 and response.url == task.get_absolute_url()
    created = Organisation.objects.get(name="县市场监管局")
    assert (created.parent, created.kind) == (qinglan, "department")
    assert selectors.unresolved_units(task) == []
    _initial, rows = selectors.task_initial(task)
    assert rows[1]["organisation"] == created
    # a name the proposal does not use is refused
    client.post(f"/proposals/{task.pk}/create-unit/", {"name": "县财政局"})
    assert not Organisation.objects.filter(name="县财政局").exists()
