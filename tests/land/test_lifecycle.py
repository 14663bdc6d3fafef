"""A parcel moves 拟供应 → 方案已批复 → 已公告 → 已成交 → 已签合同 → 已交地, forward only, with dates."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from land import services, units
from land.models import LandUse, Parcel, SupplyMethod
from tests.land.factories import CountyFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def parcel():
    return services.create_parcel(
        number="2023-05",
        county=CountyFactory(),
        area=Decimal("10957.02"),
        area_unit=units.SQUARE_METRE,
        land_use=LandUse.INDUSTRIAL,
        method=SupplyMethod.LISTING,
        status=Parcel.Status.APPROVED,
        status_date=D(2023, 10, 18),
    )


def test_a_parcel_from_an_approval_starts_approved_on_its_date_and_counts_against_that_year(parcel):
    assert parcel.status == Parcel.Status.APPROVED and parcel.approved_on == D(2023, 10, 18)
    assert parcel.plan_year == 2023
    assert parcel.area_m2 == Decimal("10957.0200")


def test_the_lifecycle_runs_forward_with_dates(parcel):
    services.advance_parcel(parcel, status=Parcel.Status.ANNOUNCED, on=D(2023, 11, 1))
    services.advance_parcel(parcel, status=Parcel.Status.DEALT, on=D(2023, 12, 1), deal_price=Decimal("330"))
    services.advance_parcel(parcel, status=Parcel.Status.CONTRACTED, on=D(2023, 12, 10))
    services.advance_parcel(parcel, status=Parcel.Status.DELIVERED, on=D(2024, 1, 5))
    parcel.refresh_from_db()
    assert parcel.status == Parcel.Status.DELIVERED
    assert (parcel.announced_on, parcel.deal_date, parcel.contracted_on, parcel.delivered_on) == (
        D(2023, 11, 1),
        D(2023, 12, 1),
        D(2023, 12, 10),
        D(2024, 1, 5),
    )
    assert parcel.deal_price == Decimal("330")
    assert parcel.history.count() == 5


def test_it_never_moves_back_nor_stays(parcel):
    with pytest.raises(ValidationError):
        services.advance_parcel(parcel, status=Parcel.Status.PROPOSED, on=D(2023, 12, 1))
    with pytest.raises(ValidationError):
        services.advance_parcel(parcel, status=Parcel.Status.APPROVED, on=D(2023, 12, 1))


def test_dates_do_not_run_backwards(parcel):
    with pytest.raises(ValidationError):
        services.advance_parcel(parcel, status=Parcel.Status.ANNOUNCED, on=D(2023, 10, 1))


def test_a_transfer_deal_needs_its_price_and_an_allocation_may_skip_the_listing(parcel):
    with pytest.raises(ValidationError):
        services.advance_parcel(parcel, status=Parcel.Status.DEALT, on=D(2023, 12, 1))
    allocated = services.create_parcel(
        number="2023-07",
        county=parcel.county,
        area=Decimal("5612.85"),
        area_unit=units.SQUARE_METRE,
        land_use=LandUse.PUBLIC,
        method=SupplyMethod.ALLOCATION,
        status=Parcel.Status.APPROVED,
        status_date=D(2023, 11, 9),
    )
    services.advance_parcel(allocated, status=Parcel.Status.DEALT, on=D(2023, 12, 1))
    assert allocated.status == Parcel.Status.DEALT and allocated.announced_on is None


def test_a_parcel_number_is_unique_within_its_county(parcel):
    with pytest.raises(ValidationError):
        services.create_parcel(
            number="2023-05",
            county=parcel.county,
            area=Decimal("1"),
            area_unit=units.HECTARE,
            land_use=LandUse.INDUSTRIAL,
            method=SupplyMethod.LISTING,
        )


def test_an_area_entered_in_mu_is_stored_in_square_metres_and_kept_as_entered():
    parcel = services.create_parcel(
        number="HY2024-012",
        county=CountyFactory(),
        area=Decimal("8.25"),
        area_unit=units.MU,
        land_use=LandUse.COMMERCIAL,
        method=SupplyMethod.AUCTION,
    )
    parcel.refresh_from_db()
    assert parcel.area_m2 == Decimal("5500.0000")
    assert parcel.area_in(units.MU) == Decimal("8.25")
    assert parcel.area_in(units.HECTARE) == Decimal("0.5500")
    assert parcel.status == Parcel.Status.PROPOSED and parcel.proposed_on is None
