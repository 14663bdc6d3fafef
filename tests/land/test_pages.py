"""The land pages: lists with filters, unit and export; parcel and plan pages; the prefilled parcel from a 批复."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from land import services, units
from land.models import LandSupplyPlan, LandUse, Parcel, SupplyMethod
from tests.gazette.factories import DocumentFactory
from tests.helpers import response_bytes
from tests.land.factories import ParcelFactory
from tests.org.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def parcels(county):
    return [
        ParcelFactory(
            county=county,
            number="2021-09",
            area_entered=Decimal("154370"),
            plan_year=2022,
            deposit=Decimal("5000"),
            starting_price=Decimal("4400"),
        ),
        ParcelFactory(
            county=county,
            number="2022-02",
            area_entered=Decimal("1.7773"),
            area_unit=units.HECTARE,
            land_use=LandUse.SPECIAL,
            method=SupplyMethod.ALLOCATION,
            plan_year=2022,
        ),
        ParcelFactory(county=county, number="2023-05", area_entered=Decimal("10957.02"), plan_year=2023),
    ]


def test_the_parcel_list_filters_by_year_and_shows_areas_in_the_chosen_unit(parcels, login, data_manager):
    client = login(data_manager)
    page = client.get("/land/parcels/", {"plan_year": 2022, "unit": "mu"}).content.decode()
    assert "2021-09" in page and "2022-02" in page and "2023-05" not in page
    assert "231.5550" in page  # 154370 m² = 231.555 亩
    assert "26.6595" in page  # 1.7773 公顷 = 26.6595 亩


def test_the_csv_export_holds_the_filtered_rows_in_the_chosen_unit(parcels, login, data_manager):
    response = login(data_manager).get("/land/parcels/", {"method": "listing", "unit": "ha", "_export": "csv"})
    text = response_bytes(response).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 3
    assert "公顷" in lines[0] or "hectares" in lines[0]
    assert any("15.4370" in line for line in lines) and any("1.0957" in line for line in lines)


def test_the_xlsx_export_opens(parcels, login, data_manager):
    response = login(data_manager).get("/land/parcels/", {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response_bytes(response))).active
    assert sheet.max_row == 4


def test_the_parcel_page_shows_lifecycle_checks_and_areas(parcels, login, data_manager):
    page = login(data_manager).get(parcels[0].get_absolute_url()).content.decode()
    assert 'data-code="deposit_above_start"' in page
    assert "154370 平方米" in page and "15.437 公顷" in page and "231.555 亩" in page
    assert 'class="lifecycle"' in page


def test_the_plan_page_shows_figures_chart_and_a_mismatch(county, login, data_manager):
    plan = services.create_plan(
        county=county,
        year=2023,
        total_ha=Decimal("5.0000"),
        allocations=[services.AllocationLine(land_use=LandUse.INDUSTRIAL, area_ha=Decimal("4.0000"))],
    )
    ParcelFactory(county=county, area_entered=Decimal("50000"), status=Parcel.Status.DEALT)
    page = login(data_manager).get(plan.get_absolute_url()).content.decode()
    assert 'id="allocation-mismatch"' in page
    assert 'id="plan-chart-data"' in page and "5.0" in page
    assert "exceeded" in page
    assert 'id="year-on-year"' in page


def test_a_plan_is_created_with_its_allocations_from_the_form(county, login, data_manager):
    client = login(data_manager)
    response = client.post(
        "/land/plans/new/",
        {
            "county": county.pk,
            "year": 2024,
            "total_ha": "12.5",
            "allocations-TOTAL_FORMS": "3",
            "allocations-INITIAL_FORMS": "0",
            "allocations-0-land_use": "industrial",
            "allocations-0-area_ha": "8",
            "allocations-1-land_use": "residential",
            "allocations-1-housing_type": "affordable",
            "allocations-1-area_ha": "4.5",
        },
    )
    plan = LandSupplyPlan.objects.get(year=2024)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert [row.area_ha for row in plan.allocations.all()] == [Decimal("8.0000"), Decimal("4.5000")]
    assert plan.history.first().history_user == data_manager


def approval_document(name="heyang-auction-approval.txt", number="和政函〔2024〕27号", signed=(2024, 3, 8)):
    lines = (SAMPLES / name).read_text(encoding="utf-8").splitlines()
    return DocumentFactory(
        title=lines[0].removeprefix("和阳县人民政府"),
        number=number,
        kind="批复",
        signed=datetime.date(*signed),
        raw_text="\n".join(lines),
        blocks=[{"kind": "paragraph", "text": line, "line": index} for index, line in enumerate(lines[3:-2], start=4)],
    )


def test_a_data_manager_creates_a_parcel_prefilled_from_an_approval(county, login, data_manager):
    document = approval_document()
    client = login(data_manager)
    listing = client.get("/land/approvals/").content.decode()
    assert f"?document={document.pk}&amp;parcel=0" in listing

    page = client.get("/land/parcels/new/", {"document": document.pk, "parcel": 0})
    form = page.context["form"]
    assert form.initial["number"] == "HY2024-012" and form.initial["area_unit"] == units.MU
    assert page.context["proposal"].sources["starting_price"].startswith("三、拍卖起拍价")
    assert 'data-field="area"' in page.content.decode()

    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(county=county.pk, approval_document=document.pk, approved_on="2024-03-08", reserve_price_set="false")
    response = client.post(f"/land/parcels/new/?document={document.pk}&parcel=0", data)
    assert response.status_code == 302, response.context["form"].errors
    parcel = Parcel.objects.get(number="HY2024-012")
    assert parcel.area_m2 == Decimal("5500.0000") and parcel.approval_document == document
    assert parcel.status == Parcel.Status.APPROVED and parcel.starting_price == Decimal("516")
    assert parcel.reserve_price_set is False
    # The document page lists the parcel made from it.
    assert parcel.number in client.get(document.get_absolute_url()).content.decode()
    # …and the approval is now marked as entered.
    assert "HY2024-012</a>" in client.get("/land/approvals/").content.decode()


def test_a_parcel_the_approval_names_by_project_is_numbered_by_the_data_manager(county, login, data_manager):
    document = approval_document("heyang-project-approval.txt", "和政函〔2024〕33号", (2024, 4, 12))
    client = login(data_manager)
    listing = client.get("/land/approvals/").content.decode()
    assert "和阳县人民医院门诊楼扩建项目" in listing and "和阳县城南幼儿园建设项目" in listing

    page = client.get("/land/parcels/new/", {"document": document.pk, "parcel": 1})
    form = page.context["form"]
    assert form.initial["number"] == "" and form.initial["area"] == Decimal("4350")
    assert form.initial["use_text"] == "和阳县城南幼儿园建设项目用地"
    assert "该批复未载明宗地编号" in page.content.decode()

    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(county=county.pk, approval_document=document.pk, approved_on="2024-04-12")
    refused = client.post(f"/land/parcels/new/?document={document.pk}&parcel=1", data)
    assert refused.status_code == 200 and "number" in refused.context["form"].errors
    assert not Parcel.objects.exists()

    data["number"] = "HY2024-031"
    response = client.post(f"/land/parcels/new/?document={document.pk}&parcel=1", data)
    assert response.status_code == 302, response.context["form"].errors
    parcel = Parcel.objects.get(number="HY2024-031")
    assert parcel.approval_document == document and parcel.area_m2 == Decimal("4350.0000")
    # The approval lists one parcel entered (under the number given) and one still to enter.
    listing = client.get("/land/approvals/").content.decode()
    assert "HY2024-031</a>" in listing and listing.count('class="button new-parcel"') == 1
    assert 'parcel=0">新建宗地 和阳县人民医院门诊楼扩建项目' in listing  # the one entered is the kindergarten


def test_only_data_managers_prefill_from_the_gazette(county, login, finance_staff):
    document = approval_document()
    client = login(finance_staff)
    assert client.get("/land/approvals/").status_code == 403
    assert client.get("/land/parcels/new/", {"document": document.pk}).status_code == 403


def test_editing_a_draft_keeps_the_allocation_rows_left_alone(county, login, data_manager):
    plan = services.create_plan(
        county=county,
        year=2024,
        total_ha=Decimal("3"),
        allocations=[
            services.AllocationLine(land_use=LandUse.INDUSTRIAL, area_ha=Decimal("1")),
            services.AllocationLine(land_use=LandUse.PUBLIC, area_ha=Decimal("2")),
        ],
    )
    client = login(data_manager)
    form_page = client.get(f"/land/plans/{plan.pk}/edit/")
    formset = form_page.context["formset"]
    data = {"total_ha": "3.5", "notes": "调整", "responsible_unit": ""}
    data.update({f"allocations-{key}": value for key, value in formset.management_form.initial.items()})
    for index, form in enumerate(formset.forms):
        for name, value in form.initial.items():
            data[f"allocations-{index}-{name}"] = value
    data["allocations-2-land_use"] = "transport"
    data["allocations-2-area_ha"] = "0.5"
    response = client.post(f"/land/plans/{plan.pk}/edit/", data)
    assert response.status_code == 302
    assert [(row.land_use, row.area_ha) for row in plan.allocations.all()] == [
        (LandUse.INDUSTRIAL, Decimal("1.0000")),
        (LandUse.PUBLIC, Decimal("2.0000")),
        (LandUse.TRANSPORT, Decimal("0.5000")),
    ]


def test_editing_a_parcel_recomputes_its_area_and_records_who(county, login, data_manager):
    parcel = ParcelFactory(county=county, number="2022-02", area_entered=Decimal("17773"))
    client = login(data_manager)
    form = client.get(f"/land/parcels/{parcel.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if value not in (None, "")}
    data.update(county=county.pk, area="1.7773", area_unit="ha", documents=[], contamination_risk="on")
    response = client.post(f"/land/parcels/{parcel.pk}/edit/", data)
    assert response.status_code == 302, response.context["form"].errors
    parcel.refresh_from_db()
    assert parcel.area_m2 == Decimal("17773.0000") and parcel.area_unit == units.HECTARE
    assert parcel.contamination_risk
    assert parcel.history.first().history_user == data_manager


def test_the_parcel_list_filters_by_township_use_and_document(county, login, data_manager):
    township = OrganisationFactory(name="瓦塘镇", kind="township", parent=county)
    document = DocumentFactory(number="兴政函〔2023〕136号")
    wanted = ParcelFactory(county=county, number="2023-05", township=township, approval_document=document)
    ParcelFactory(county=county, number="2022-02", land_use=LandUse.SPECIAL)
    client = login(data_manager)
    for query in ({"township": township.pk}, {"land_use": "industrial"}, {"document": "136"}):
        rows = list(client.get("/land/parcels/", query).context["table"].page.object_list)
        assert [row.record for row in rows] == [wanted], query


def test_data_managers_use_the_admin(county, login, data_manager):
    parcel = ParcelFactory(county=county)
    client = login(data_manager)
    assert client.get("/admin/land/parcel/").status_code == 200
    assert client.get(f"/admin/land/parcel/{parcel.pk}/change/").status_code == 200
    assert client.get("/admin/land/landsupplyplan/add/").status_code == 200


def test_a_draft_is_adopted_and_an_adopted_plan_revised_from_its_page(county, login, data_manager):
    plan = services.create_plan(county=county, year=2024, total_ha=Decimal("3"))
    client = login(data_manager)
    assert client.post(f"/land/plans/{plan.pk}/adopt/").status_code == 302
    response = client.post(f"/land/plans/{plan.pk}/revise/")
    revision = LandSupplyPlan.objects.get(previous=plan)
    assert response["Location"] == f"/land/plans/{revision.pk}/edit/"
    page = client.get(plan.get_absolute_url()).content.decode()
    assert revision.get_absolute_url() in page and 'name="revise"' not in page


def test_the_edit_form_shows_the_area_as_entered(county, login, data_manager):
    parcel = ParcelFactory(county=county, area_entered=Decimal("154370"))
    page = login(data_manager).get(f"/land/parcels/{parcel.pk}/edit/").content.decode()
    assert 'name="area" value="154370"' in page


def test_the_plan_list_flags_allocations_that_do_not_add_up(county, login, data_manager):
    services.create_plan(
        county=county,
        year=2024,
        total_ha=Decimal("3"),
        allocations=[services.AllocationLine(land_use=LandUse.INDUSTRIAL, area_ha=Decimal("2"))],
    )
    page = login(data_manager).get("/land/plans/").content.decode()
    assert "2.0000" in page and 'class="tag warning"' in page
