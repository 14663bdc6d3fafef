"""Area units and exact conversion between them. No Django here.

1 公顷 = 10,000 m² and 1 亩 = 10,000/15 m²: conversions go through ``Fraction`` so that nothing is lost
until a figure is rounded for storage or display.
"""

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

SQUARE_METRE = "m2"
HECTARE = "ha"
MU = "mu"

# Square metres in one unit.
SQUARE_METRES_PER = {
    SQUARE_METRE: Fraction(1),
    HECTARE: Fraction(10_000),
    MU: Fraction(10_000, 15),
}

# How the documents write each unit (reading them is gazette.extraction.parcels' work).
WRITTEN_BY_UNIT = {SQUARE_METRE: "平方米", HECTARE: "公顷", MU: "亩"}

# Places kept when a figure is stored (m², 4 places: 1 cm²) or shown in a unit.
STORED_PLACES = 4
SHOWN_PLACES = {SQUARE_METRE: 2, HECTARE: 4, MU: 4}


def _fraction(value):
    if isinstance(value, float):
        raise TypeError("areas are Decimal or int, never float")
    return Fraction(value)


def to_square_metres(value, unit):
    """The exact area in m² of ``value`` written in ``unit``."""
    return _fraction(value) * SQUARE_METRES_PER[unit]


def from_square_metres(square_metres, unit):
    """The exact area in ``unit`` of an area in m²."""
    return _fraction(square_metres) / SQUARE_METRES_PER[unit]


def convert(value, from_unit, to_unit):
    return _fraction(value) * SQUARE_METRES_PER[from_unit] / SQUARE_METRES_PER[to_unit]


def rounded(fraction, places):
    """A Fraction as a Decimal with ``places`` decimal places, halves rounded up (as 四舍五入)."""
    quantum = Decimal(1).scaleb(-places)
    numerator, denominator = Decimal(fraction.numerator), Decimal(fraction.denominator)
    # Enough digits for the division to be exact up to the rounding place.
    digits = len(str(abs(fraction.numerator) // fraction.denominator)) + places + 10
    with localcontext() as context:
        context.prec = digits
        return (numerator / denominator).quantize(quantum, rounding=ROUND_HALF_UP)


def stored_square_metres(value, unit):
    """The m² figure kept in the database for an area entered in ``unit``."""
    return rounded(to_square_metres(value, unit), STORED_PLACES)


def shown(square_metres, unit, places=None):
    """An area in m² as shown in ``unit``."""
    return rounded(from_square_metres(square_metres, unit), SHOWN_PLACES[unit] if places is None else places)


def tidy(value):
    """A Decimal without trailing zeros and never in exponent form (154370, not 1.5437E+5)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def relative_difference(first, second):
    """|first − second| / max(first, second), exactly; 0 for two zeros."""
    first, second = _fraction(first), _fraction(second)
    largest = max(abs(first), abs(second))
    return abs(first - second) / largest if largest else Fraction(0)
