from decimal import Decimal

import factory

from land import units
from land.models import LandSupplyPlan, LandUse, Parcel, PlanAllocation, SupplyMethod
from tests.org.factories import OrganisationFactory


class CountyFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"第{n}县人民政府")
    kind = "county"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LandSupplyPlan

    county = factory.SubFactory(CountyFactory)
    year = 2023
    total_ha = Decimal("10.0000")


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAllocation

    plan = factory.SubFactory(PlanFactory)
    land_use = LandUse.INDUSTRIAL
    area_ha = Decimal("5.0000")


class ParcelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Parcel

    number = factory.Sequence(lambda n: f"2023-{n + 1:02d}")
    county = factory.SubFactory(CountyFactory)
    area_entered = Decimal("10000")
    area_unit = units.SQUARE_METRE
    area_m2 = factory.LazyAttribute(lambda parcel: units.stored_square_metres(parcel.area_entered, parcel.area_unit))
    land_use = LandUse.INDUSTRIAL
    method = SupplyMethod.LISTING
    plan_year = 2023
