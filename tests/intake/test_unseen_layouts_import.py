"""The invented issues of layouts first read on 2026-12-07 go through the whole import: every proposal the tests of
gazette/extraction expect is stored for review (counts per kind from those hand-typed expectations)."""

import pytest

from gazette import services
from intake.models import Proposal
from tests.gazette.extracted import SAMPLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("decrees-and-minutes.txt", {"task": 4}),
        ("fu-series-no-contents.txt", {"task": 2, "parcel": 1, "roster": 1}),
        ("extract-parcels-table.txt", {"parcel": 2}),
        ("extract-rates-month-first.txt", {"rate": 10}),
        ("extract-portfolios-post-first.txt", {"portfolio": 3}),
        ("plans-qinglin-captioned.txt", {"plan": 1}),
        ("extract-phases-colon.txt", {"phase": 3}),
    ],
)
def test_an_invented_issue_of_an_unseen_layout_imports_with_its_proposals(name, expected):
    data = (SAMPLES / name).read_bytes()
    issue = services.import_gazette(data, name=name, county="某县", year=2025, number=3).issue
    stored = {}
    for kind in Proposal.objects.filter(document__issue=issue).exclude(kind="unit").values_list("kind", flat=True):
        stored[kind] = stored.get(kind, 0) + 1
    assert stored == expected
