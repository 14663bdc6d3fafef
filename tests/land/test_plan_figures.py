"""A plan's figures: planned against supplied (parcels at 已成交 or later) by category and method, and versions."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from land import selectors, services
from land.models import HousingType, LandSupplyPlan, LandUse, MethodGroup, Parcel, SupplyMethod
from land.services import AllocationLine
from tests.land.factories import CountyFactory, ParcelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def county():
    return CountyFactory(name="和阳县人民政府", short_name="和阳县")


@pytest.fixture
def plan(county):
    return services.create_plan(
        county=county,
        year=2023,
        total_ha=Decimal("10.0000"),
        allocations=[
            AllocationLine(land_use=LandUse.INDUSTRIAL, area_ha=Decimal("4.0000"), method_group=MethodGroup.TRANSFER),
            AllocationLine(land_use=LandUse.RESIDENTIAL, housing_type=HousingType.AFFORDABLE, area_ha=Decimal("1.5")),
            AllocationLine(land_use=LandUse.RESIDENTIAL, housing_type=HousingType.COMMODITY, area_ha=Decimal("2.5")),
            AllocationLine(land_use=LandUse.PUBLIC, area_ha=Decimal("2.0000"), method_group=MethodGroup.ALLOCATION),
        ],
    )


def parcel(county, status, m2, **fields):
    fields.setdefault("land_use", LandUse.INDUSTRIAL)
    return ParcelFactory(county=county, status=status, area_entered=Decimal(m2), **fields)


def row(rows, key):
    return next(item for item in rows if item.key == key)


def test_supplied_counts_parcels_from_the_deal_on_and_the_pipeline_the_approved_ones(county, plan):
    parcel(county, Parcel.Status.DEALT, "15000")
    parcel(county, Parcel.Status.DELIVERED, "10000.5")
    parcel(county, Parcel.Status.APPROVED, "7000")
    parcel(county, Parcel.Status.PROPOSED, "9000")
    parcel(county, Parcel.Status.DEALT, "9000", plan_year=2022)  # another year's
    parcel(CountyFactory(), Parcel.Status.DEALT, "9000")  # another county's

    industrial = row(selectors.plan_figures(plan)["by_use"], LandUse.INDUSTRIAL)

    assert industrial.planned_ha == Decimal("4.0000")
    assert industrial.supplied_ha == Decimal("2.5001")  # 25000.5 m², rounded half up to 4 places
    assert industrial.pipeline_ha == Decimal("0.7000")
    assert industrial.share == Decimal("62.5")
    assert industrial.remaining_ha == Decimal("1.4999")
    assert not industrial.exceeded


def test_housing_types_are_figured_under_residential_land(county, plan):
    parcel(county, Parcel.Status.CONTRACTED, "20000", land_use=LandUse.RESIDENTIAL, housing_type=HousingType.AFFORDABLE)
    figures = selectors.plan_figures(plan)
    residential = row(figures["by_use"], LandUse.RESIDENTIAL)
    affordable = row(figures["by_use"], "housing-affordable")
    assert residential.planned_ha == Decimal("4.0") and residential.supplied_ha == Decimal("2.0000")
    assert affordable.level == 1 and affordable.planned_ha == Decimal("1.5") and affordable.exceeded


def test_supply_beyond_the_plan_is_flagged_per_category_and_in_total(county, plan):
    parcel(county, Parcel.Status.DEALT, "50000", land_use=LandUse.PUBLIC, method=SupplyMethod.ALLOCATION)
    parcel(county, Parcel.Status.DEALT, "70000", land_use=LandUse.COMMERCIAL)
    figures = selectors.plan_figures(plan)
    public = row(figures["by_use"], LandUse.PUBLIC)
    assert public.exceeded and public.remaining_ha == Decimal("-3.0000") and public.share == Decimal("250.0")
    assert figures["total"].supplied_ha == Decimal("12.0000") and figures["total"].exceeded
    assert {item.key for item in figures["exceeded"]} == {
        LandUse.PUBLIC,
        MethodGroup.ALLOCATION,
        MethodGroup.TRANSFER,
        "total",
    }
    # Commercial land was supplied with nothing planned for it: shown, with no share.
    commercial = row(figures["by_use"], LandUse.COMMERCIAL)
    assert commercial.planned_ha is None and commercial.share is None
    assert figures["unplanned"] == [commercial]


def test_supply_is_figured_by_method_group(county, plan):
    parcel(county, Parcel.Status.DEALT, "10000", method=SupplyMethod.AUCTION)
    parcel(county, Parcel.Status.DEALT, "10000", method=SupplyMethod.AGREEMENT)
    transfer = row(selectors.plan_figures(plan)["by_method"], MethodGroup.TRANSFER)
    assert transfer.planned_ha == Decimal("4.0000") and transfer.supplied_ha == Decimal("2.0000")


def test_a_mismatch_between_allocations_and_total_is_shown_not_refused(county):
    plan = services.create_plan(
        county=county,
        year=2024,
        total_ha=Decimal("10.0000"),
        allocations=[AllocationLine(land_use=LandUse.INDUSTRIAL, area_ha=Decimal("9.9990"))],
    )
    figures = selectors.plan_figures(plan)
    assert figures["allocated_ha"] == Decimal("9.9990")
    assert figures["allocation_gap_ha"] == Decimal("0.0010")


def test_the_chart_carries_planned_and_supplied_per_category(county, plan):
    parcel(county, Parcel.Status.DEALT, "15000")
    chart = selectors.chart_data(selectors.plan_figures(plan))
    index = chart["labels"].index(str(LandUse.INDUSTRIAL.label))
    assert chart["planned"][index] == 4.0 and chart["supplied"][index] == 1.5


def test_a_revision_keeps_the_earlier_version(county, plan):
    services.adopt_plan(plan)
    revision = services.revise_plan(plan)
    assert revision.version == 2 and revision.previous == plan and revision.allocations.count() == 4
    plan.refresh_from_db()
    assert plan.status == LandSupplyPlan.Status.ADOPTED  # in force until the revision is adopted
    services.update_plan(revision, data={"total_ha": Decimal("12.0000")})
    services.adopt_plan(revision)
    plan.refresh_from_db()
    assert plan.status == LandSupplyPlan.Status.REVISED and plan.total_ha == Decimal("10.0000")
    assert selectors.current_plans(county)[2023] == revision


def test_an_adopted_plan_is_not_edited_in_place(county, plan):
    services.adopt_plan(plan)
    with pytest.raises(ValidationError):
        services.update_plan(plan, data={"total_ha": Decimal("1")})
    with pytest.raises(ValidationError):
        services.create_plan(county=county, year=2023, total_ha=Decimal("1"))


def test_year_on_year_lists_each_year_of_the_county(county, plan):
    parcel(county, Parcel.Status.DEALT, "30000", plan_year=2022, approved_on=datetime.date(2022, 3, 1))
    parcel(county, Parcel.Status.DEALT, "10000")
    rows = selectors.year_on_year(plan)
    assert [item.label for item in rows] == ["2023", "2022"]
    assert rows[0].planned_ha == Decimal("10.0000") and rows[0].supplied_ha == Decimal("1.0000")
    assert rows[0].share == Decimal("10.0")
    assert rows[1].planned_ha is None and rows[1].supplied_ha == Decimal("3.0000")
