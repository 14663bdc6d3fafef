"""Parcels proposed from 批复: every parcel approval of the shared gazettes as typed in expected/parcels.py, with the
line it was read from; land.prefill is the same reading."""

from decimal import Decimal

from gazette.extraction import parcels
from land import prefill
from tests.gazette.expected.parcels import PARCELS
from tests.gazette.extracted import SHARED_FILES, all_of, shared
from tests.shared import gazette_text


def as_expected(parcel):
    money = {"area": parcel.area, "start_price_wan": parcel.start_price_wan, "deposit_wan": parcel.deposit_wan}
    return {
        "document": parcel.document.key,
        "parcel_no": parcel.parcel_no,
        "location": parcel.location,
        "area": str(money["area"]),
        "area_unit": parcel.area_unit,
        "method": parcel.method,
        "use": parcel.use,
        "term_years": parcel.term_years,
        "start_price_wan": str(money["start_price_wan"]) if money["start_price_wan"] is not None else None,
        "deposit_wan": str(money["deposit_wan"]) if money["deposit_wan"] is not None else None,
    }


def test_every_parcel_approval_of_the_shared_gazettes_is_read_as_printed():
    found = [as_expected(parcel) for name in SHARED_FILES for parcel in all_of(shared(name), "parcels")]
    assert found == PARCELS


def test_a_parcel_points_at_the_lines_that_grant_it():
    lines = gazette_text("xingxian-2022-2.txt").split("\n")
    for parcel in all_of(shared("xingxian-2022-2.txt"), "parcels"):
        granted = "".join(lines[parcel.span.start - 1 : parcel.span.end]).replace(" ", "")
        assert parcel.parcel_no in granted and "同意" in granted
        assert parcel.prefill.area.value == parcel.area


def test_land_prefill_is_the_extractions_reading():
    assert prefill.prefill_approval is parcels.prefill_approval
    (item,) = prefill.prefill_approval(
        "同意将位于某县城关镇的 2024-01 号宗地，面积为 2 公顷的国有建设用地使用权以划拨方式供应。"
    ).parcels
    assert (item.number.value, item.area.value, item.area_unit.value) == ("2024-01", Decimal("2"), "ha")


def test_documents_other_than_pifu_propose_no_parcels():
    extractions = shared("xingxian-2023-4.txt")
    assert all(e.parcels == [] for e in extractions if "批复" not in e.document.title)
