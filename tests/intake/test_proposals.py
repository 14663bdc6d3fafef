"""Proposals from an imported gazette: stored once per document and kind, reviewed, accepted into the ledger."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from gazette import services as gazette_services
from gazette.extraction import extract_gazette
from gazette.models import Document
from gazette.parsing import parse_gazette
from groups.models import LeadingGroup
from intake import selectors as proposal_selectors
from intake import services as proposal_services
from intake.models import Proposal
from intake.services import KINDS
from projects.models import Task
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory
from tests.shared import SAMPLE, gazette_text

pytestmark = pytest.mark.django_db

GROUP = "示例县城乡供水一体化工作领导小组"


@pytest.fixture
def county(db):
    """The sample gazette's county: its names resolve among this county's units and people only."""
    return OrganisationFactory(name="示例县人民政府", short_name="示例县", kind="county")


@pytest.fixture
def issue(county):
    return gazette_services.import_gazette(SAMPLE.read_bytes(), name="sample.txt").issue


def roster_proposal(issue):
    return Proposal.objects.get(document__issue=issue, kind=Proposal.Kind.ROSTER, label=GROUP)


def test_an_import_stores_the_proposals_of_each_document(issue):
    kinds = set(Proposal.objects.filter(document__issue=issue).values_list("kind", flat=True))
    assert {Proposal.Kind.ROSTER, Proposal.Kind.TASK, Proposal.Kind.PARCEL} <= kinds
    roster = roster_proposal(issue)
    assert roster.status == Proposal.Status.PENDING
    assert roster.document.title == "关于成立示例县城乡供水一体化工作领导小组的通知"
    assert (roster.payload["members"][0]["role"], roster.payload["members"][0]["name"]) == ("组长", "李明远")
    assert roster.document.start_line <= roster.span_start <= roster.span_end <= roster.document.end_line


def test_proposing_again_duplicates_nothing_and_keeps_reviews(issue, data_manager):
    before = Proposal.objects.count()
    task = Proposal.objects.filter(kind=Proposal.Kind.TASK).first()
    proposal_services.reject(task, data_manager)
    counts = proposal_services.propose_for_issue(issue)
    assert counts == {"created": 0, "updated": 0, "dropped": 0, "entered": 0}
    gazette_services.import_gazette(SAMPLE.read_bytes(), name="sample.txt")
    call_command("propose_gazette", "--all", stdout=open("/dev/null", "w"))
    assert Proposal.objects.count() == before
    task.refresh_from_db()
    assert task.status == Proposal.Status.REJECTED


def test_a_roster_whose_group_was_entered_from_the_same_document_is_recorded_as_accepted(issue):
    proposal = roster_proposal(issue)
    LeadingGroupFactory(name=GROUP)  # the same name from another document is another matter
    assert proposal_services.propose_for_issue(issue)["entered"] == 0
    group = LeadingGroupFactory(name=GROUP, source_document=proposal.document)
    assert proposal_services.propose_for_issue(issue)["entered"] == 1
    proposal.refresh_from_db()
    assert (proposal.status, proposal.accepted_object, proposal.reviewed_by) == ("accepted", group, None)
    assert proposal_services.propose_for_issue(issue)["entered"] == 0


def test_a_changed_file_updates_pending_proposals_and_keeps_accepted_ones(issue, data_manager):
    roster = roster_proposal(issue)
    proposal_services.reject(roster, data_manager)
    changed = SAMPLE.read_text(encoding="utf-8").replace("完成人工造林", "完成人工种草")
    gazette_services.import_gazette(changed.encode("utf-8"), name="sample-2.txt")
    labels = set(Proposal.objects.filter(kind=Proposal.Kind.TASK).values_list("label", flat=True))
    assert any("人工种草" in label for label in labels)
    assert not any("人工造林" in label for label in labels)
    assert Proposal.objects.get(pk=roster.pk).status == Proposal.Status.REJECTED


def test_a_reviewed_proposal_cannot_be_reviewed_again(issue, data_manager):
    roster = roster_proposal(issue)
    proposal_services.reject(roster, data_manager)
    with pytest.raises(ValidationError):
        proposal_services.reject(roster, data_manager)
    roster.refresh_from_db()
    assert roster.reviewed_by == data_manager and roster.reviewed_at


def test_pending_proposals_do_not_keep_a_dropped_document(issue):
    document = roster_proposal(issue).document
    assert not gazette_services._is_referenced(document)
    assert Document.objects.filter(pk=document.pk).exists()


def form_data(page):
    """The POST a browser would send for the page's accept form, with its prefilled values."""
    data = {}
    for name, field in page.context["form"].fields.items():
        value = page.context["form"].initial.get(name, field.initial)
        if value is not None:
            data[name] = getattr(value, "pk", value)
    formset = page.context["formset"]
    for key, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{key}"] = value
    for form in formset.forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is not None:
                data[form.add_prefix(name)] = getattr(value, "pk", value)
    return data


def test_accepting_a_corrected_roster_creates_the_group_linked_to_its_document(issue, login, data_manager, county):
    proposal = roster_proposal(issue)
    existing = PersonFactory(name="李明远", county=county)
    PostFactory(person=existing, organisation=county, title="县长")
    client = login(data_manager)
    page = client.get(f"/proposals/{proposal.pk}/")
    assert page.status_code == 200
    assert "<mark>" in page.content.decode()
    data = form_data(page)
    title = next(key for key, value in data.items() if value == "县水利局局长")
    data[title] = "县水利局党组书记、局长"
    response = client.post(f"/proposals/{proposal.pk}/", data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    group = LeadingGroup.objects.get(name=GROUP)
    assert response["Location"] == group.get_absolute_url()
    assert group.source_document == proposal.document
    members = {m.person.name: m for m in group.memberships.select_related("person") if m.person}
    assert members["李明远"].person == existing
    assert members["周晓东"].title == "县水利局党组书记、局长"
    assert members["李明远"].role == "leader"
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.accepted_object == group
    listing = client.get(f"/proposals/issue/{issue.pk}/").content.decode()
    assert group.get_absolute_url() in listing
    gazette_services.import_gazette(SAMPLE.read_bytes(), name="sample.txt")
    assert LeadingGroup.objects.filter(name=GROUP).count() == 1
    assert client.post(f"/proposals/{proposal.pk}/", data).status_code == 200  # shown as accepted, not accepted twice
    assert LeadingGroup.objects.filter(name=GROUP).count() == 1


def test_a_new_roster_for_an_existing_group_shows_differences_and_supersedes_it(issue, login, data_manager, county):
    old = LeadingGroupFactory(name=GROUP, county=county)
    MembershipFactory(group=old, role="member", person=PersonFactory(name="钱伟"), title="县财政局副局长")
    MembershipFactory(group=old, role="member", person=PersonFactory(name="孙丽"), title="县住建局局长")
    proposal = roster_proposal(issue)
    client = login(data_manager)
    page = client.get(f"/proposals/{proposal.pk}/")
    differences = page.context["differences"]
    assert "孙丽" in [change.name for change in differences["removed"]]
    assert "钱伟" in [change.name for change in differences["changed"]]
    assert "李明远" in [change.name for change in differences["added"]]
    response = client.post(f"/proposals/{proposal.pk}/", {**form_data(page), "supersede": "1"})
    assert response.status_code == 302
    old.refresh_from_db()
    new = LeadingGroup.objects.exclude(pk=old.pk).get(name=GROUP)
    assert (old.status, old.superseded_by) == (LeadingGroup.Status.SUPERSEDED, new)


def test_a_roster_supersedes_its_group_written_with_or_without_the_countys_name(issue, county):
    proposal = roster_proposal(issue)  # 示例县城乡供水一体化工作领导小组
    assert proposal_selectors.group_to_supersede(proposal) is None
    old = LeadingGroupFactory(name="县城乡供水一体化工作领导小组", county=county)
    LeadingGroupFactory(name="县城乡供水工作领导小组", county=county)  # another group
    assert proposal_selectors.group_to_supersede(proposal) == old


def test_accepting_a_task_resolves_its_units_and_links_the_document(issue, login, data_manager, county):
    forestry = OrganisationFactory(name="示例县林业局", short_name="县林业局", parent=county)
    proposal = Proposal.objects.get(kind=Proposal.Kind.TASK, label__startswith="完成人工造林")
    client = login(data_manager)
    page = client.get(f"/proposals/{proposal.pk}/")
    response = client.post(f"/proposals/{proposal.pk}/", form_data(page))
    assert response.status_code == 302, response.context["form"].errors
    task = Task.objects.get()
    assert task.source_document == proposal.document and task.origin == Task.Origin.GAZETTE
    assert task.due.isoformat() == "2024-04-30"
    assert task.source_passage and "造林" in task.source_passage
    units = {(a.role, a.organisation_id, a.organisation_text) for a in task.assignments.all()}
    assert ("lead", forestry.pk, "") in units
    assert any(organisation is None and text for _role, organisation, text in units)


def test_rejecting_adds_nothing_and_shows_as_rejected(issue, login, data_manager):
    proposal = roster_proposal(issue)
    client = login(data_manager)
    response = client.post(f"/proposals/{proposal.pk}/reject/")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED
    assert not LeadingGroup.objects.exists()
    assert "rejected" in client.get(f"/proposals/issue/{issue.pk}/").content.decode()


@pytest.mark.parametrize("who", ["supervisor", "finance_staff"])
def test_only_data_managers_review_proposals(issue, login, who, request):
    client = login(request.getfixturevalue(who))
    proposal = roster_proposal(issue)
    assert client.get(f"/proposals/issue/{issue.pk}/").status_code == 403
    assert client.get(f"/proposals/{proposal.pk}/").status_code == 403
    assert client.post(f"/proposals/{proposal.pk}/reject/").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_a_parcel_proposal_opens_lands_prefilled_form_and_saving_accepts_it(issue, login, data_manager, county):
    proposal = Proposal.objects.get(document__issue=issue, kind=Proposal.Kind.PARCEL)
    client = login(data_manager)
    listing = client.get(f"/proposals/issue/{issue.pk}/").content.decode()
    url = f"/land/parcels/new/?document={proposal.document_id}&amp;parcel=0&amp;proposal={proposal.pk}"
    assert url in listing
    url = url.replace("&amp;", "&")
    form = client.get(url).context["form"]
    assert form.initial["number"] == proposal.label
    data = {name: getattr(value, "pk", value) for name, value in form.initial.items() if value is not None}
    data.update(county=county.pk, reserve_price_set="false")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.accepted_object.number == proposal.label
    assert proposal.accepted_object.approval_document == proposal.document


def test_a_parcel_named_by_its_project_is_proposed_under_that_name_and_accepted_once_numbered(login, data_manager):
    county = OrganisationFactory(name="东平县人民政府", short_name="东平县", kind="county")
    narrow = Path(__file__).parents[1] / "gazette" / "samples" / "narrow-no-contents.txt"
    issue = gazette_services.import_gazette(
        narrow.read_bytes(), name="narrow.txt", county="东平县", year=2023, number=2
    ).issue
    proposal = Proposal.objects.get(document__issue=issue, kind=Proposal.Kind.PARCEL)
    assert proposal.label == "东平县第二中学迁建项目" and proposal.document.number == "东政函〔2023〕31号"
    client = login(data_manager)
    url = f"/land/parcels/new/?document={proposal.document_id}&parcel=0&proposal={proposal.pk}"
    form = client.get(url).context["form"]
    assert form.initial["number"] == "" and form.initial["method"] == "allocation"
    data = {name: getattr(value, "pk", value) for name, value in form.initial.items() if value is not None}
    data.update(county=county.pk, number="DP2023-11", area="2.5", area_unit="ha", land_use="public")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.accepted_object.number == "DP2023-11"


@pytest.mark.parametrize("name", ["xingxian-2021-2.txt", "xingxian-2022-2.txt", "xingxian-2023-4.txt"])
def test_the_real_gazettes_propose_every_extracted_item_once(name, county):
    text = gazette_text(name)
    issue = gazette_services.import_gazette(text.encode("utf-8"), name=name).issue
    extractions = extract_gazette(parse_gazette(text), text)
    expected = sum(len(getattr(extraction, attribute)) for extraction in extractions for attribute, *_ in KINDS)
    proposals = Proposal.objects.filter(document__issue=issue)
    # Units are proposed from the names the other proposals use, on top of them.
    assert proposals.exclude(kind=Proposal.Kind.UNIT).count() == expected > 0
    for proposal in proposals:
        assert proposal.document.start_line <= proposal.span_start <= proposal.span_end <= proposal.document.end_line


def test_a_phase_is_accepted_as_a_dated_work_task(county, data_manager):
    text = gazette_text("xingxian-2023-4.txt")
    gazette_services.import_gazette(text.encode("utf-8"), name="xingxian-2023-4.txt")
    phases = Proposal.objects.filter(kind=Proposal.Kind.PHASE)
    proposal = next(phase for phase in phases if "—" in (phase.payload["dates_text"] or ""))
    task = proposal_services.accept_task(
        proposal,
        data={
            "county": county,
            "title": proposal.label,
            "deadline_text": proposal.payload["dates_text"],
            "category": Task.Category.WORK,
        },
        assignments=[],
        user=data_manager,
    )
    assert task.start and task.due and task.start < task.due
    assert task.source_document == proposal.document and task.category == Task.Category.WORK


def test_a_task_read_from_a_paragraph_opens_with_its_heading_as_title_and_the_rest_as_description(login, data_manager):
    qinghe = OrganisationFactory(name="清河县人民政府", short_name="清河县", kind="county")
    OrganisationFactory(name="清河县卫生健康局", short_name="县卫健局", parent=qinghe)
    sample = Path(__file__).resolve().parents[1] / "gazette" / "samples" / "extract-task-items.txt"
    gazette_services.import_gazette(sample.read_bytes(), name="qinghe.txt")
    proposal = Proposal.objects.get(kind=Proposal.Kind.TASK, label__startswith="提升县级医院服务能力")
    form = login(data_manager).get(f"/proposals/{proposal.pk}/").context["form"]
    assert form.initial["title"] == "提升县级医院服务能力"
    assert form.initial["description"].startswith("推进县人民医院新院区建设")
    assert "2025年达到三级医院标准" in form.initial["description"]
