"""The land demo: the shared gazettes' approved parcels linked to their 批复, and one demo plan for 兴县."""

from decimal import Decimal

import pytest
from django.conf import settings

from demo import land as demo
from demo import xingxian as projects_demo
from land import selectors
from land.models import LandSupplyPlan, Parcel
from tests.shared import loaded_once_per_module

pytestmark = pytest.mark.django_db


def _load():
    projects_demo.load_demo()
    return demo.load_demo()


loaded = loaded_once_per_module(_load)


def test_the_demo_enters_every_approved_parcel_and_one_demo_plan(loaded):
    assert loaded is not None
    assert Parcel.objects.count() == len(demo.PARCELS) == 7
    plan = LandSupplyPlan.objects.get()
    assert plan.is_demo and plan.status == LandSupplyPlan.Status.ADOPTED
    assert sum(row.area_ha for row in plan.allocations.all()) == plan.total_ha == Decimal("60.0000")
    assert Parcel.objects.get(number="2022-02").area_m2 == Decimal("17773.0000")
    assert Parcel.objects.get(number="2021-09").township.name == "瓦塘镇"
    assert Parcel.objects.get(number="2023-07").recipient.name == "兴县卫生健康和体育局"


def test_with_the_shared_gazettes_each_parcel_links_its_approval(loaded):
    if not settings.SHARED_GAZETTES_DIR.is_dir():
        pytest.skip(f"{settings.SHARED_GAZETTES_DIR} is not here; the demo then creates the parcels unlinked")
    for entry in demo.PARCELS:
        parcel = Parcel.objects.get(number=entry["number"])
        assert parcel.approval_document.number == entry["document"]
        assert parcel.approval_document.signed == entry["signed"] == parcel.approved_on


def test_loading_twice_changes_nothing(loaded):
    assert not demo.load_demo()
    assert Parcel.objects.count() == 7


def test_the_demo_plan_counts_the_2023_approvals_as_approved_not_yet_supplied(loaded, data_manager):
    plan = LandSupplyPlan.objects.get()
    figures = selectors.plan_figures(plan)
    assert figures["total"].supplied_ha == 0
    # 2023-05, 2022-07 (industrial) and 2023-07 (public) were approved in 2023: 51597.74 m².
    assert figures["total"].pipeline_ha == Decimal("5.1598")
