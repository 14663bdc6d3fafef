"""Plausibility checks: shown on the parcel and in the data-quality list, never silently fixed."""

from decimal import Decimal

import pytest

from land import plausibility, selectors, units
from land.models import HousingType, LandUse, SupplyMethod
from tests.land.factories import ParcelFactory

pytestmark = pytest.mark.django_db


def codes(parcel):
    return [problem.code for problem in plausibility.parcel_problems(parcel)]


def test_a_plausible_parcel_has_no_problems():
    assert codes(ParcelFactory(deposit=Decimal("300"), starting_price=Decimal("322"))) == []


def test_a_deposit_above_the_starting_price_is_flagged():
    parcel = ParcelFactory(deposit=Decimal("5000"), starting_price=Decimal("4400"))
    assert codes(parcel) == ["deposit_above_start"]
    assert "5000" in plausibility.parcel_problems(parcel)[0].message


def test_a_minimum_above_its_maximum_is_flagged():
    parcel = ParcelFactory(
        plot_ratio_min=Decimal("2.5"), plot_ratio_max=Decimal("1.2"), green_min=Decimal("20"), green_max=Decimal("15")
    )
    assert codes(parcel) == ["plot_ratio_min_above_max", "green_min_above_max"]
    assert codes(ParcelFactory(plot_ratio_min=Decimal("1.2"), plot_ratio_max=Decimal("1.2"))) == []


def test_an_area_far_from_the_written_figure_after_conversion_is_flagged():
    # 1.7773 公顷 entered by mistake as 1.7773 亩: far from the written figure once both are in m².
    wrong = ParcelFactory(
        area_entered=Decimal("1.7773"),
        area_unit=units.MU,
        area_written=Decimal("1.7773"),
        area_written_unit=units.HECTARE,
    )
    assert codes(wrong) == ["area_differs_from_written"]
    # 8.25 亩 entered as its 5500 m² equivalent agrees with the written figure.
    agreeing = ParcelFactory(
        area_entered=Decimal("5500"),
        area_unit=units.SQUARE_METRE,
        area_written=Decimal("8.25"),
        area_written_unit=units.MU,
    )
    assert codes(agreeing) == []


def test_a_contaminated_parcel_supplied_for_housing_or_public_use_is_flagged():
    flagged = dict(contamination_risk=True, method=SupplyMethod.AUCTION)
    assert codes(ParcelFactory(land_use=LandUse.RESIDENTIAL, housing_type=HousingType.COMMODITY, **flagged)) == [
        "contaminated_sensitive_use"
    ]
    assert codes(ParcelFactory(land_use=LandUse.PUBLIC, **{**flagged, "method": SupplyMethod.ALLOCATION})) == [
        "contaminated_sensitive_use"
    ]
    assert codes(ParcelFactory(land_use=LandUse.INDUSTRIAL, **flagged)) == []


def test_a_method_that_does_not_suit_the_use_is_flagged():
    assert codes(ParcelFactory(land_use=LandUse.COMMERCIAL, method=SupplyMethod.ALLOCATION)) == [
        "method_inconsistent_with_use"
    ]
    assert codes(ParcelFactory(land_use=LandUse.RESIDENTIAL, method=SupplyMethod.AGREEMENT)) == [
        "method_inconsistent_with_use"
    ]
    assert codes(ParcelFactory(land_use=LandUse.INDUSTRIAL, method=SupplyMethod.ALLOCATION)) == [
        "method_inconsistent_with_use"
    ]
    # Affordable housing and public uses may be allocated.
    assert (
        codes(
            ParcelFactory(
                land_use=LandUse.RESIDENTIAL, housing_type=HousingType.AFFORDABLE, method=SupplyMethod.ALLOCATION
            )
        )
        == []
    )
    assert codes(ParcelFactory(land_use=LandUse.TRANSPORT, method=SupplyMethod.ALLOCATION)) == []


def test_the_quality_list_holds_only_the_visible_parcels_with_problems(data_manager):
    bad = ParcelFactory(deposit=Decimal("2"), starting_price=Decimal("1"))
    ParcelFactory()
    rows = selectors.quality_list(data_manager)
    assert [row.parcel for row in rows] == [bad]
