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


# --- Figures that are not money: ratios, areas, percentages and months as draft rules --------------------------------

# Invented for the tests: another county's scheme, one figure of each kind.
FIGURE_SOURCE = "\n".join(
    [
        "清河县城南片区房屋征收补偿方案",  # 1
        "三、货币补偿",
        "被征收人选择货币补偿的，按评估价上浮15%给予补偿。",  # 3
        "四、产权调换",
        "合法主房按1:1.2的比例产权调换，整院签约的另行奖励10平方米安置面积。",  # 5
        "五、临时过渡",
        "选择货币补偿的，一次性支付6个月的临时过渡安置补助费。",  # 7
        "六、停产停业损失",
        "造成全部停业的，给予6个月的停产停业损失补偿。",  # 9
        "七、土地",
        "征收未利用地按上述标准的0.8倍执行。",  # 11
    ]
)


@pytest.fixture
def scheme_document(db):
    issue = IssueFactory(source_text=FIGURE_SOURCE)
    return DocumentFactory(issue=issue, title="清河县城南片区房屋征收补偿方案", start_line=1, end_line=11)


def figure(document, *, line, kind, amount, unit, item, condition=None):
    payload = {
        "item": item,
        "amount": amount,
        "amount_max": None,
        "unit": unit,
        "condition": condition,
        "raw": FIGURE_SOURCE.split("\n")[line - 1],
        "kind": kind,
    }
    return Proposal.objects.create(
        document=document,
        kind=Proposal.Kind.RATE,
        key=f"figure-{line}-{kind}-{amount}",
        label=f"{item} {amount}{unit}",
        payload=payload,
        span_start=line,
        span_end=line,
    )


def accept_as_prefilled(client, proposal, draft, **changes):
    form = client.get(url(proposal)).context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "", [])}
    return client.post(url(proposal), {**data, "version": draft.pk, **changes})


@pytest.mark.parametrize(
    ("kind", "amount", "text", "expected"),
    [
        ("ratio", "1.3", "主房一层按安置", (calculator.EXCHANGE_RATIO, calculator.MAIN_AREA, "倍", Decimal("1.3"))),
        (
            "ratio",
            "1",
            "非住宅房屋按比例调换营业用房",
            (calculator.EXCHANGE_RATIO, calculator.NON_RESIDENTIAL_AREA, "倍", 1),
        ),
        ("ratio", "0.8", "征收未利用地按上述标准的执行", ("", "", "倍", Decimal("0.8"))),
        ("area", "15", "另行奖励安置房面积", (calculator.EXTRA_AREA, calculator.HOUSEHOLD_BASIS, "m²", 15)),
        ("percent", "20", "主房评估价上浮给予补偿", (calculator.APPRAISED, "appraised_house", "%", 20)),
        ("percent", "5", "装修评估价下浮", (calculator.APPRAISED, "appraised_decoration", "%", -5)),
        ("percent", "120", "按评估价的补偿", (calculator.APPRAISED, "appraised_house", "%", 20)),
        (
            "months",
            "12",
            "一次性支付的临时过渡安置补助费",
            (calculator.MONTHLY_PER_M2, calculator.MAIN_AREA, "元/m²/月", None),
        ),
        ("months", "6", "补偿期限不超过 造成部分停业的", (calculator.BUSINESS_LOSS, calculator.WAGES, "元/月", None)),
    ],
)
def test_a_figure_that_is_not_money_gives_a_rule_of_a_fitting_kind(kind, amount, text, expected):
    read = rate_units.read_figure(kind, amount, text)
    assert (read.kind, read.basis, read.unit, read.amount) == expected
    assert read.months == (Decimal(amount) if kind == "months" else None)


def test_accepting_an_exchange_ratio_adds_an_exchange_ratio_rule_with_its_clause(
    scheme_document, draft, login, data_manager
):
    proposal = figure(scheme_document, line=5, kind="ratio", amount="1.2", unit="倍", item="合法主房按的比例产权调换")
    response = accept_as_prefilled(login(data_manager), proposal, draft)
    assert response.status_code == 302, response.context["form"].errors
    rule = Rule.objects.get(version=draft)
    assert (rule.kind, rule.heading, rule.basis, rule.amount, rule.unit) == (
        calculator.EXCHANGE_RATIO,
        calculator.RESETTLEMENT,
        calculator.MAIN_AREA,
        Decimal("1.2"),
        "倍",
    )
    assert rule.conditions == {"options": [calculator.EXCHANGE, calculator.MIXED]}
    assert rule.source_text == FIGURE_SOURCE.split("\n")[4] and rule.source_section == "四、"
    assert "1.2倍" in rule.note
    rule.to_calculator().check()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.accepted_object == rule


def test_accepting_an_area_and_an_uplift(scheme_document, draft, login, data_manager):
    client = login(data_manager)
    area = figure(scheme_document, line=5, kind="area", amount="10", unit="平方米", item="整院签约的另行奖励安置面积")
    uplift = figure(
        scheme_document,
        line=3,
        kind="percent",
        amount="15",
        unit="%",
        item="按评估价上浮给予补偿",
        condition="被征收人选择货币补偿的",
    )
    assert accept_as_prefilled(client, area, draft).status_code == 302
    assert accept_as_prefilled(client, uplift, draft).status_code == 302
    extra, appraised = Rule.objects.filter(version=draft).order_by("position")
    assert (extra.kind, extra.basis, extra.amount, extra.unit) == (
        calculator.EXTRA_AREA,
        calculator.HOUSEHOLD_BASIS,
        10,
        "m²",
    )
    assert (appraised.kind, appraised.basis, appraised.amount, appraised.unit) == (
        calculator.APPRAISED,
        "appraised_house",
        15,
        "%",
    )
    assert appraised.conditions == {"options": [calculator.CASH]}  # 货币补偿 in its condition
    assert appraised.heading == calculator.HOUSE


def test_months_go_to_the_monthly_rule_they_belong_to_and_no_rule_is_added(scheme_document, draft, login, data_manager):
    monthly = services.add_draft_rule(
        draft,
        data={
            "code": "transition",
            "kind": calculator.MONTHLY_PER_M2,
            "label": "临时过渡安置补助",
            "heading": calculator.TRANSITION,
            "basis": calculator.MAIN_AREA,
            "amount": 20,
            "unit": "元/m²/月",
        },
        source=services.RuleSource(text="每平方米每月支付临时过渡安置补助费20元"),
    )
    proposal = figure(
        scheme_document, line=7, kind="months", amount="6", unit="个月", item="一次性支付的临时过渡安置补助费"
    )
    client = login(data_manager)
    page = client.get(url(proposal))
    assert list(page.context["form"].fields["months_of"].queryset) == [monthly]
    response = accept_as_prefilled(client, proposal, draft, months_of=[monthly.pk])
    assert response.status_code == 302, response.context["form"].errors
    monthly.refresh_from_db()
    assert monthly.months == 6 and draft.rules.count() == 1
    assert monthly.source_text == "每平方米每月支付临时过渡安置补助费20元\n" + FIGURE_SOURCE.split("\n")[6]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED and proposal.accepted_object == monthly


def test_months_of_a_business_stoppage_without_a_rule_to_go_to_add_a_business_loss_rule(
    scheme_document, draft, login, data_manager
):
    proposal = figure(
        scheme_document,
        line=9,
        kind="months",
        amount="6",
        unit="个月",
        item="给予的停产停业损失补偿",
        condition="造成全部停业的",
    )
    response = accept_as_prefilled(login(data_manager), proposal, draft)
    assert response.status_code == 302, response.context["form"].errors
    rule = Rule.objects.get(version=draft)
    assert (rule.kind, rule.basis, rule.months, rule.amount) == (calculator.BUSINESS_LOSS, calculator.WAGES, 6, None)
    assert rule.conditions == {"stoppage": calculator.FULL}
    rule.to_calculator().check()


def test_a_multiple_of_another_rate_is_left_for_the_data_manager_to_choose(scheme_document, draft, login, data_manager):
    proposal = figure(
        scheme_document, line=11, kind="ratio", amount="0.8", unit="倍", item="征收未利用地按上述标准的执行"
    )
    client = login(data_manager)
    initial = client.get(url(proposal)).context["form"].initial
    assert initial["kind"] == "" and initial["amount"] == Decimal("0.8")
    response = accept_as_prefilled(client, proposal, draft)
    assert response.status_code == 200 and "kind" in response.context["form"].errors
    assert not Rule.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_months_for_a_rule_of_another_version_are_refused_and_nothing_is_written(
    scheme_document, draft, login, data_manager
):
    other = VersionFactory(status=SchemeVersion.Status.DRAFT)
    data = {"kind": calculator.MONTHLY_PER_M2, "label": "过渡", "heading": calculator.TRANSITION, "amount": 20}
    elsewhere = services.add_draft_rule(other, data={"code": "t", **data}, source=services.RuleSource())
    proposal = figure(
        scheme_document, line=7, kind="months", amount="6", unit="个月", item="一次性支付的临时过渡安置补助费"
    )
    response = accept_as_prefilled(login(data_manager), proposal, draft, months_of=[elsewhere.pk])
    assert response.status_code == 200 and "months_of" in response.context["form"].errors
    elsewhere.refresh_from_db()
    assert elsewhere.months is None and not draft.rules.exists()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_setting_months_is_all_or_nothing(scheme_document, draft, data_manager):
    data = {"kind": calculator.MONTHLY_PER_M2, "label": "过渡", "heading": calculator.TRANSITION, "amount": 20}
    in_draft = services.add_draft_rule(draft, data={"code": "t", **data}, source=services.RuleSource())
    in_force = VersionFactory(status=SchemeVersion.Status.IN_FORCE)
    fixed = Rule.objects.create(version=in_force, code="t", **data)
    proposal = figure(
        scheme_document, line=7, kind="months", amount="6", unit="个月", item="一次性支付的临时过渡安置补助费"
    )
    source = services.RuleSource(document=scheme_document, text=FIGURE_SOURCE.split("\n")[6])
    with pytest.raises(ValidationError):
        services.set_draft_rule_months([in_draft, fixed], Decimal(6), source=source, proposal=proposal)
    in_draft.refresh_from_db()
    fixed.refresh_from_db()
    proposal.refresh_from_db()
    assert (in_draft.months, in_draft.source_text, fixed.months) == (None, "", None)
    assert proposal.status == Proposal.Status.PENDING
