"""Areas convert exactly: 1 公顷 = 10,000 m², 1 亩 = 10,000/15 m²."""

from decimal import Decimal
from fractions import Fraction

import pytest

from land import units


def test_a_hectare_is_exactly_ten_thousand_square_metres():
    assert units.to_square_metres(Decimal("1.7773"), units.HECTARE) == Fraction(17773)
    assert units.stored_square_metres(Decimal("1.7773"), units.HECTARE) == Decimal("17773.0000")
    assert units.shown(Decimal("30047.51"), units.HECTARE) == Decimal("3.0048")


def test_fifteen_mu_are_exactly_one_hectare():
    assert units.to_square_metres(15, units.MU) == Fraction(10_000)
    assert units.convert(Decimal("15"), units.MU, units.HECTARE) == 1
    assert units.stored_square_metres(Decimal("30"), units.MU) == Decimal("20000.0000")


def test_one_mu_is_ten_thousand_fifteenths_of_a_square_metre_not_a_rounded_factor():
    assert units.to_square_metres(1, units.MU) == Fraction(2000, 3)
    # 666.67 m² per 亩 would make 8.25 亩 5500.0275 m²; the exact factor gives 5500.
    assert units.stored_square_metres(Decimal("8.25"), units.MU) == Decimal("5500.0000")
    assert units.stored_square_metres(Decimal("1"), units.MU) == Decimal("666.6667")


def test_a_figure_entered_in_mu_shows_back_unchanged():
    for written in ("1", "0.1", "8.25", "123.4567", "650.2405"):
        stored = units.stored_square_metres(Decimal(written), units.MU)
        assert units.shown(stored, units.MU) == Decimal(written).quantize(Decimal("0.0001"))


def test_halves_round_away_from_zero():
    assert units.rounded(Fraction(5, 100000), 4) == Decimal("0.0001")
    assert units.rounded(Fraction(-5, 100000), 4) == Decimal("-0.0001")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        units.to_square_metres(1.5, units.HECTARE)
