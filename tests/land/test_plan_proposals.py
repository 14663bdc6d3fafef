"""A land-supply plan read from an imported gazette: proposed with every category and its lines, accepted on the plan
form prefilled with a row per category (housing types split out of 住宅用地), linked to its document; the form
takes as many rows as the plan has; nothing is half-written when saving fails."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from gazette import services as gazette_services
from intake import services as proposal_services
from intake.models import Proposal
from land import services
from land.models import LandSupplyPlan, LandUse
from tests.gazette.extracted import SAMPLES
from tests.org.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
ROW = ("land_use", "housing_type", "area_ha")


def county_named(short):
    return OrganisationFactory(name=f"{short}人民政府", short_name=short, kind="county")


def imported(name):
    return gazette_services.import_gazette((SAMPLES / name).read_bytes(), name=name).issue


def plan_proposal(issue, year=None):
    proposals = Proposal.objects.filter(document__issue=issue, kind=Proposal.Kind.PLAN)
    return next(p for p in proposals if year is None or p.payload["year"] == year)


def posted(page):
    """The form as the page shows it, ready to post back unchanged."""
    form, formset = page.context["form"], page.context["formset"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, ""):
            data[name] = getattr(value, "pk", value)
    data.update({f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()})
    for index, row in enumerate(formset.forms):
        for name, value in row.initial.items():
            data[f"{formset.prefix}-{index}-{name}"] = value
    return data


@pytest.fixture
def qinghe(db):
    county = county_named("清河县")
    return county, imported("plans-qinghe-table.txt")


def test_an_imported_plan_is_proposed_with_every_category_and_its_lines(db):
    county_named("东平县")
    proposal = plan_proposal(imported("plans-dongping-mu.txt"))
    # The plan lies in the instrument the notice issues, and belongs to it.
    assert proposal.document.parent.number == "东政办发〔2024〕23号"
    assert proposal.document.title == "东平县2024年度国有建设用地供应计划"
    assert (proposal.span_start, proposal.span_end) == (20, 27)
    assert proposal.label == "2024 28.5333 公顷"
    assert [(c["name"], c["area"], c["unit"], c["area_ha"]) for c in proposal.payload["categories"]] == [
        ("商服用地", "45", "亩", "3.0000"),
        ("工矿仓储用地", "120", "亩", "8.0000"),
        ("住宅用地", "150", "亩", "10.0000"),
        ("公共管理与公共服务用地", "60", "亩", "4.0000"),
        ("交通运输用地", "30", "亩", "2.0000"),
        ("水域及水利设施用地", "15", "亩", "1.0000"),
        ("特殊用地", "8", "亩", "0.5333"),
    ]


def test_the_review_page_opens_the_prefilled_plan_form(qinghe, login, data_manager):
    _county, issue = qinghe
    proposal = plan_proposal(issue)
    page = login(data_manager).get(proposal.get_absolute_url()).content.decode()
    assert f"/land/plans/new/?proposal={proposal.pk}" in page


def test_the_form_has_a_row_per_category_with_housing_types_split_out(qinghe, login, data_manager):
    county, issue = qinghe
    proposal = plan_proposal(issue)
    page = login(data_manager).get("/land/plans/new/", {"proposal": proposal.pk})
    form, formset = page.context["form"], page.context["formset"]
    assert form.initial["county"] == county and form.initial["year"] == 2024
    assert form.initial["total_ha"] == Decimal("52.3860") and form.initial["source_document"] == proposal.document
    rows = [tuple(row.initial[name] for name in ROW) for row in formset.initial_forms]
    # 住宅用地 15.2160 = 保障性住房用地 2.6000 + 商品住房用地 12.6160: two rows, no rest.
    assert rows == [
        ("commercial", "", Decimal("6.4500")),
        ("industrial", "", Decimal("18.7200")),
        ("residential", "affordable", Decimal("2.6000")),
        ("residential", "commodity", Decimal("12.6160")),
        ("public", "", Decimal("7.3000")),
        ("transport", "", Decimal("3.9000")),
        ("water", "", Decimal("0.8000")),
    ]
    assert len(formset.forms) == 8  # and one blank
    html = page.content.decode()
    assert "data-formset-add" in html and "<template data-formset-empty>" in html
    assert "js/formset_rows.js" in html and "<script>" not in html
    assert "保障性住房用地" in html and 'class="marked"' in html  # the printed category, the source lines


def test_saving_the_prefilled_form_creates_the_plan_and_accepts_the_proposal(qinghe, login, data_manager):
    county, issue = qinghe
    proposal = plan_proposal(issue)
    client = login(data_manager)
    url = f"/land/plans/new/?proposal={proposal.pk}"
    response = client.post(url, posted(client.get(url)))
    plan = LandSupplyPlan.objects.get(county=county, year=2024)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.total_ha == Decimal("52.3860") and plan.source_document == proposal.document
    assert plan.allocations.count() == 7
    assert sum(row.area_ha for row in plan.allocations.all()) == plan.total_ha
    proposal.refresh_from_db()
    assert (proposal.status, proposal.accepted_object, proposal.reviewed_by) == ("accepted", plan, data_manager)
    # The document's page lists the plan made from it.
    assert "2024" in client.get(proposal.document.get_absolute_url()).content.decode()


def test_a_prose_plan_splits_its_housing_part_from_the_rest_of_residential_land(db, login, data_manager):
    county_named("白水县")
    proposal = plan_proposal(imported("plans-baishui-prose.txt"), year=2025)
    page = login(data_manager).get("/land/plans/new/", {"proposal": proposal.pk})
    rows = [tuple(row.initial[name] for name in ROW) for row in page.context["formset"].initial_forms]
    assert rows == [
        ("commercial", "", Decimal("3.1000")),
        ("industrial", "", Decimal("8.4000")),
        ("residential", "affordable", Decimal("2.0000")),
        ("residential", "", Decimal("10.6000")),
        ("public", "", Decimal("6.5000")),
        ("transport", "", Decimal("4.6000")),
    ]
    assert 'id="plan-warnings"' not in page.content.decode()


def test_categories_that_do_not_add_up_are_proposed_with_a_warning_and_can_be_accepted(db, login, data_manager):
    county_named("白水县")
    proposal = plan_proposal(imported("plans-baishui-prose.txt"), year=2024)
    client = login(data_manager)
    url = f"/land/plans/new/?proposal={proposal.pk}"
    page = client.get(url)
    assert proposal.payload["warnings"] == ["sum_mismatch"]
    html = page.content.decode()
    assert 'id="plan-warnings"' in html and "20.0000" in html and "20.5000" in html
    assert client.post(url, posted(page)).status_code == 302
    plan = LandSupplyPlan.objects.get(year=2024)
    assert plan.total_ha == Decimal("20.5000") and plan.allocations.count() == 4


def test_a_plan_in_mu_shows_each_printed_figure_beside_its_hectares(db, login, data_manager):
    county_named("东平县")
    proposal = plan_proposal(imported("plans-dongping-mu.txt"))
    page = login(data_manager).get("/land/plans/new/", {"proposal": proposal.pk})
    last = page.context["formset"].initial_forms[-1]
    assert (last.initial["land_use"], last.initial["area_ha"]) == (LandUse.SPECIAL, Decimal("0.5333"))
    assert last.printed.area == "8" and last.printed.unit == "亩"


def test_a_proposal_reviewed_meanwhile_leaves_no_plan_behind(qinghe, login, data_manager):
    county, issue = qinghe
    proposal = plan_proposal(issue)
    client = login(data_manager)
    url = f"/land/plans/new/?proposal={proposal.pk}"
    data = posted(client.get(url))
    # Rejected in another tab before this form is saved: the plan page no longer finds it, nothing is written.
    proposal_services.reject(proposal, data_manager)
    assert client.post(url, data).status_code == 404
    assert not LandSupplyPlan.objects.exists()


def test_a_failed_acceptance_rolls_the_plan_back(qinghe, data_manager):
    county, issue = qinghe
    proposal = plan_proposal(issue)
    proposal_services.reject(proposal, data_manager)
    line = services.AllocationLine(land_use=LandUse.COMMERCIAL, area_ha=Decimal("1"))
    with pytest.raises(ValidationError):
        services.create_plan(
            county=county, year=2024, total_ha=Decimal("1"), allocations=[line], proposal=proposal, user=data_manager
        )
    assert not LandSupplyPlan.objects.exists()


def test_a_plan_already_entered_for_the_year_keeps_the_proposal_pending(qinghe, login, data_manager):
    county, issue = qinghe
    services.create_plan(county=county, year=2024, total_ha=Decimal("50"))
    proposal = plan_proposal(issue)
    client = login(data_manager)
    url = f"/land/plans/new/?proposal={proposal.pk}"
    response = client.post(url, posted(client.get(url)))
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert LandSupplyPlan.objects.count() == 1
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_only_data_managers_prefill_a_plan_from_the_gazette(qinghe, login, finance_staff):
    _county, issue = qinghe
    proposal = plan_proposal(issue)
    assert login(finance_staff).get("/land/plans/new/", {"proposal": proposal.pk}).status_code == 403


def test_a_plan_typed_by_hand_takes_as_many_rows_as_the_page_sends(county, login, data_manager):
    client = login(data_manager)
    page = client.get("/land/plans/new/")
    assert len(page.context["formset"].forms) == 3 and "data-formset-add" in page.content.decode()
    uses = ["commercial", "industrial", "residential", "public", "transport", "water", "special"]
    data = {
        "county": county.pk,
        "year": 2025,
        "total_ha": "7",
        "allocations-TOTAL_FORMS": str(len(uses)),
        "allocations-INITIAL_FORMS": "0",
    }
    for index, use in enumerate(uses):
        data[f"allocations-{index}-land_use"] = use
        data[f"allocations-{index}-area_ha"] = "1"
    assert client.post("/land/plans/new/", data).status_code == 302
    plan = LandSupplyPlan.objects.get(year=2025)
    assert [row.land_use for row in plan.allocations.all()] == uses


def test_extract_gazette_json_adds_the_plans():
    out = StringIO()
    call_command("extract_gazette", str(SAMPLES / "plans-baishui-prose.txt"), json=True, stdout=out)
    result = json.loads(out.getvalue())
    assert {"rosters", "tasks", "phases", "parcels", "rates", "portfolios"} <= set(result)
    assert result["plans"] == [
        {
            "document": "白政办发〔2025〕6号",
            "year": 2025,
            "total_ha": 35.2,
            "categories": [
                {"name": "商服用地", "area_ha": 3.1},
                {"name": "工矿仓储用地", "area_ha": 8.4},
                {"name": "住宅用地", "area_ha": 12.6},
                {"name": "公共管理与公共服务用地", "area_ha": 6.5},
                {"name": "交通运输用地", "area_ha": 4.6},
            ],
        },
        {
            "document": "白政函〔2025〕12号",
            "year": 2024,
            "total_ha": 20.5,
            "categories": [
                {"name": "商服用地", "area_ha": 2},
                {"name": "工矿仓储用地", "area_ha": 9.5},
                {"name": "住宅用地", "area_ha": 6},
                {"name": "交通运输用地", "area_ha": 2.5},
            ],
        },
    ]
