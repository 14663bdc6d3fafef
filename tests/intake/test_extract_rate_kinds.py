"""`extract_gazette --json`: every rate says its kind (money, ratio, area, percent, months), the other keys kept."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.gazette.extracted import SAMPLES


@pytest.mark.django_db
def test_each_rate_of_the_json_says_its_kind():
    out = StringIO()
    call_command("extract_gazette", str(SAMPLES / "extract-scheme-figures.txt"), json=True, stdout=out)
    rates = json.loads(out.getvalue())["rates"]
    assert {tuple(rate) for rate in rates} == {
        ("document", "item", "amount", "amount_max", "unit", "condition", "kind")
    }
    assert [(rate["kind"], rate["amount"], rate["unit"]) for rate in rates[:5]] == [
        ("percent", 15, "%"),
        ("money", 40, "元/平方米"),
        ("ratio", 1.2, "倍"),
        ("ratio", 1.05, "倍"),
        ("area", 10, "平方米"),
    ]
    assert {rate["kind"] for rate in rates} == {"money", "ratio", "area", "percent", "months"}
