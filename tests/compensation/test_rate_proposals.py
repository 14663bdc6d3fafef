"""Rates read from an imported scheme, accepted by a data manager as draft rules of a scheme version."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from compensation import calculator, rate_units, services
from compensation.models import Rule, SchemeVersion
from intake.models import Proposal
from tests.compensation.examples import SOURCE, rate
from tests.compensation.factories import VersionFactory
from tests.gazette.factories import DocumentFactory, IssueFactory


@pytest.fixture
def document(db):
    issue = IssueFactory(source_text=SOURCE)
    return DocumentFactory(issue=issue, title="兴县某项目房屋征收补偿方案", start_line=1, end_line=6)


@pytest.fixture
def draft(db):
    return VersionFactory(status=SchemeVersion.Status.DRAFT)


def url(proposal):
    return f"/compensation/proposals/{proposal.pk}/rule/"


@pytest.mark.parametrize(
    ("printed", "kind", "basis", "unit"),
    [
        ("元/平米", calculator.RATE_PER_M2, calculator.MAIN_AREA, "元/m²"),
        ("元/m²", calculator.RATE_PER_M2, calculator.MAIN_AREA, "元/m²"),
        ("元/平方米", calculator.RATE_PER_M2, calculator.MAIN_AREA, "元/m²"),
        ("万元/亩", calculator.RATE_PER_MU, calculator.LAND_MU, "元/亩"),
        ("元/平方米/月", calculator.MONTHLY_PER_M2, calculator.MAIN_AREA, "元/m²/月"),
        ("元/月/m²", calculator.MONTHLY_PER_M2, calculator.MAIN_AREA, "元/m²/月"),
        ("元/户", calculator.ONE_OFF, calculator.HOUSEHOLD_BASIS, "元/户"),
        ("元/棵", calculator.RATE_PER_ITEM, calculator.ITEM, "元/棵"),
        ("元/宗", calculator.RATE_PER_ITEM, calculator.ITEM, "元/宗"),
        ("元/月", "", "", "元/月"),
    ],
)
def test_a_printed_unit_gives_the_calculators_kind_basis_and_unit(printed, kind, basis, unit):
    read = rate_units.read_unit(printed)
    assert (read.kind, read.basis, read.unit) == (kind, basis, unit)


def test_ten_thousand_yuan_is_converted_to_yuan_exactly():
    read = rate_units.read_unit("万元/亩")
    assert rate_units.in_yuan("1.6", read.factor) == Decimal("16000")
    assert str(rate_units.in_yuan("1.6", read.factor)) == "16000"
    assert rate_units.in_yuan("2.35", read.factor) == Decimal("23500")
    assert rate_units.in_yuan("30", rate_units.read_unit("元/平米").factor) == Decimal("30")


def test_the_form_is_prefilled_from_the_rate_as_read(document, draft, login, data_manager):
    proposal = rate(document, line=4, item="集体土地", amount="1.6", unit="万元/亩", condition="征收集体土地的")
    page = login(data_manager).get(url(proposal))
    assert page.status_code == 200
    initial = page.context["form"].initial
    assert (initial["kind"], initial["unit"], initial["amount"]) == (calculator.RATE_PER_MU, "元/亩", Decimal(16000))
    assert initial["heading"] == calculator.LAND
    assert initial["land_ownership"] == calculator.COLLECTIVE
    assert initial["source_section"] == "六、（一）"
    assert initial["source_text"] == SOURCE.split("\n")[3]
    assert list(page.context["form"].fields["version"].queryset) == [draft]
    assert initial["version"] == draft
    html = page.content.decode()
    assert '<li class="marked" id="span"><span class="no">4</span>' in html


def test_accepting_adds_the_draft_rule_with_its_source_and_marks_the_proposal_accepted(
    document, draft, login, data_manager
):
    proposal = rate(document, line=6, condition="选择货币补偿的")
    client = login(data_manager)
    data = {
        name: value
        for name, value in client.get(url(proposal)).context["form"].initial.items()
        if value not in (None, "")
    }
    data["version"] = draft.pk
    response = client.post(url(proposal), data)
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == draft.get_absolute_url()
    rule = Rule.objects.get(version=draft)
    assert (rule.kind, rule.basis, rule.amount, rule.unit) == (calculator.RATE_PER_M2, "main_area", 30, "元/m²")
    assert rule.conditions == {"options": [calculator.CASH]}
    assert rule.source_document == document and rule.source_number == document.number
    assert rule.source_section == "七、" and rule.source_text == SOURCE.split("\n")[5]
    assert "选择货币补偿的" in rule.note
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.accepted_object == rule and proposal.reviewed_by == data_manager


def test_a_rejected_save_leaves_the_proposal_pending(document, draft, login, data_manager):
    # A rule of the draft already has the code, so saving fails after the rule's validation.
    services.add_draft_rule(
        draft,
        data={"code": "taken", "kind": "one_off", "label": "x", "heading": "bonus"},
        source=services.RuleSource(),
    )
    proposal = rate(document, line=6)
    client = login(data_manager)
    data = {k: v for k, v in client.get(url(proposal)).context["form"].initial.items() if v not in (None, "")}
    response = client.post(url(proposal), {**data, "version": draft.pk, "code": "taken"})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    assert draft.rules.count() == 1


def test_a_version_in_force_takes_no_new_rule(db):
    version = VersionFactory(status=SchemeVersion.Status.IN_FORCE)
    data = {"code": "relocation", "kind": "rate_per_m2", "label": "搬迁补助", "heading": "relocation", "amount": 30}
    with pytest.raises(ValidationError, match="只能向草稿版本添加规则"):
        services.add_draft_rule(version, data=data, source=services.RuleSource(text="…"))
    assert not version.rules.exists()


def test_a_version_in_force_is_not_offered_and_cannot_be_posted(document, login, data_manager):
    in_force = VersionFactory(status=SchemeVersion.Status.IN_FORCE)
    proposal = rate(document, line=6)
    client = login(data_manager)
    page = client.get(url(proposal))
    assert not page.context["has_drafts"]
    data = {k: v for k, v in page.context["form"].initial.items() if v not in (None, "")}
    response = client.post(url(proposal), {**data, "version": in_force.pk})
    assert response.status_code == 200 and "version" in response.context["form"].errors
    assert not Rule.objects.exists()


@pytest.mark.parametrize("who", ["supervisor", "finance_staff"])
def test_only_data_managers_accept_rates(document, draft, login, who, request):
    proposal = rate(document, line=6)
    client = login(request.getfixturevalue(who))
    assert client.get(url(proposal)).status_code == 403
    assert client.post(url(proposal), {"version": draft.pk}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_a_proposal_of_another_kind_or_already_reviewed_is_not_found(document, login, data_manager):
    client = login(data_manager)
    assert client.get(url(rate(document, line=4, kind=Proposal.Kind.PARCEL))).status_code == 404
    reviewed = rate(document, line=6)
    Proposal.objects.filter(pk=reviewed.pk).update(status=Proposal.Status.REJECTED)
    assert client.get(url(reviewed)).status_code == 404


def test_the_review_list_links_a_pending_rate_to_this_page(document, login, data_manager):
    proposal = rate(document, line=6)
    listing = login(data_manager).get(f"/proposals/issue/{document.issue_id}/").content.decode()
    assert url(proposal) in listing
