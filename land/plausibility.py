"""Plausibility checks on a parcel: what looks wrong is shown on the parcel and in the data-quality list."""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _

from . import units
from .models import HousingType, LandUse, SupplyMethod

# The written area and the area entered may differ by rounding, not by more.
AREA_TOLERANCE = Fraction(1, 100)

# 经营性用地 (commercial and commodity housing) goes by tender, auction or listing: never allocated free of
# charge nor transferred by private agreement.
CLOSED_METHODS = {SupplyMethod.ALLOCATION, SupplyMethod.AGREEMENT}
# Uses a contaminated site must not be supplied for (people live or gather there).
SENSITIVE_USES = {LandUse.RESIDENTIAL, LandUse.PUBLIC}


@dataclass(frozen=True)
class Problem:
    code: str
    message: str


def parcel_problems(parcel):
    """What does not look plausible about ``parcel``, in a fixed order."""
    problems = []
    if parcel.deposit is not None and parcel.starting_price is not None and parcel.deposit > parcel.starting_price:
        problems.append(
            Problem(
                "deposit_above_start",
                _("The bid deposit (%(deposit)s 10k yuan) is above the starting price (%(start)s 10k yuan).")
                % {"deposit": _plain(parcel.deposit), "start": _plain(parcel.starting_price)},
            )
        )
    for low, high, label in (
        ("plot_ratio_min", "plot_ratio_max", _("plot ratio")),
        ("green_min", "green_max", _("green ratio")),
    ):
        minimum, maximum = getattr(parcel, low), getattr(parcel, high)
        if minimum is not None and maximum is not None and minimum > maximum:
            problems.append(
                Problem(
                    f"{low}_above_max",
                    _("The minimum %(what)s (%(min)s) is above its maximum (%(max)s).")
                    % {"what": label, "min": _plain(minimum), "max": _plain(maximum)},
                )
            )
    if parcel.area_written is not None and parcel.area_written_unit and parcel.area_m2:
        written = units.to_square_metres(parcel.area_written, parcel.area_written_unit)
        if units.relative_difference(written, parcel.area_m2) > AREA_TOLERANCE:
            problems.append(
                Problem(
                    "area_differs_from_written",
                    _(
                        "The area (%(area)s m²) is far from the figure the document writes "
                        "(%(written)s%(unit)s = %(converted)s m²)."
                    )
                    % {
                        "area": _plain(parcel.area_m2),
                        "written": _plain(parcel.area_written),
                        "unit": units.WRITTEN_BY_UNIT[parcel.area_written_unit],
                        "converted": _plain(units.rounded(written, 2)),
                    },
                )
            )
    if parcel.contamination_risk and parcel.land_use in SENSITIVE_USES:
        problems.append(
            Problem(
                "contaminated_sensitive_use",
                _("The parcel is on a soil-contamination risk list but is supplied for %(use)s.")
                % {"use": LandUse(parcel.land_use).label},
            )
        )
    mismatch = method_mismatch(parcel.land_use, parcel.housing_type, parcel.method)
    if mismatch:
        problems.append(Problem("method_inconsistent_with_use", mismatch))
    return problems


def method_mismatch(land_use, housing_type, method):
    """Why ``method`` does not suit the use, or "" when it does."""
    commercial_use = land_use == LandUse.COMMERCIAL or (
        land_use == LandUse.RESIDENTIAL and housing_type != HousingType.AFFORDABLE
    )
    if commercial_use and method in CLOSED_METHODS:
        return _("%(use)s is for profit and goes by tender, auction or listing, not by %(method)s.") % {
            "use": LandUse(land_use).label,
            "method": SupplyMethod(method).label,
        }
    if land_use == LandUse.INDUSTRIAL and method == SupplyMethod.ALLOCATION:
        return _("Industrial land is transferred for payment, not allocated free of charge.")
    return ""


def _plain(value):
    """A Decimal without trailing zeros or exponent."""
    return f"{value.normalize():f}"
