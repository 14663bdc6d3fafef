"""The 考核 scorecard's arithmetic: periods, and each unit's figures and rank from its grouped counts. No Django.

A unit's tasks of a period are those it has a part in (any role but supporting) whose deadline falls in the period;
``projects.selectors.scorecard`` counts them in the database, this module turns the counts into rates, a score and
a ranking.

The score (0–100) rewards closing on time and half-rewards closing late:

    score = 100 × (closed on time + ½ × closed late) ÷ (closed on time + closed late + still overdue)

Tasks not yet past their deadline (and its grace) count for nothing either way. Units are ranked by score (highest
first); a tie goes to fewer tasks sent back, then to fewer average days late, then to the unit's name. A unit with
nothing decided yet has no score and is listed last.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

MONTH, QUARTER, YEAR = "month", "quarter", "year"


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    number: int  # the month (1–12), the quarter (1–4), or 1 for a year
    start: datetime.date
    end: datetime.date

    @property
    def code(self):
        """How the period is written in an address: 2025, 2025-Q2, 2025-06."""
        if self.kind == YEAR:
            return str(self.year)
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def label(self):
        if self.kind == YEAR:
            return f"{self.year}年"
        if self.kind == QUARTER:
            return f"{self.year}年第{'一二三四'[self.number - 1]}季度"
        return f"{self.year}年{self.number}月"


def month(year, number):
    return Period(MONTH, year, number, datetime.date(year, number, 1), _month_end(year, number))


def quarter(year, number):
    first = 3 * number - 2
    return Period(QUARTER, year, number, datetime.date(year, first, 1), _month_end(year, first + 2))


def year(number):
    return Period(YEAR, number, 1, datetime.date(number, 1, 1), datetime.date(number, 12, 31))


def quarter_of(day):
    return quarter(day.year, (day.month - 1) // 3 + 1)


def _month_end(year, number):
    return datetime.date(year, number, calendar.monthrange(year, number)[1])


YEARS = (2000, 2100)
_PERIOD = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(0?[1-9]|1[0-2])))?$")


def parse_period(text, today):
    """The period an address names (2025, 2025-Q2, 2025-06); the quarter of ``today`` for anything else."""
    found = _PERIOD.match((text or "").strip().upper())
    if not found or not YEARS[0] <= int(found.group(1)) <= YEARS[1]:
        return quarter_of(today)
    number = int(found.group(1))
    if found.group(2):
        return quarter(number, int(found.group(2)))
    if found.group(3):
        return month(number, int(found.group(3)))
    return year(number)


@dataclass(frozen=True)
class Counts:
    """What the database counted for one unit and period."""

    unit_id: int
    name: str
    due: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    days_late: int = 0  # summed over the tasks closed late and those still overdue
    extensions_asked: int = 0
    extensions_granted: int = 0
    sent_back: int = 0


@dataclass(frozen=True)
class Row:
    counts: Counts
    rank: int
    score: Decimal | None
    on_time_rate: Decimal | None
    average_days_late: Decimal | None

    def __getattr__(self, name):
        return getattr(self.counts, name)


ONE_PLACE = Decimal("0.1")


def _ratio(numerator, denominator):
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def score(counts):
    return _ratio(100 * counts.on_time + 50 * counts.late, counts.on_time + counts.late + counts.overdue)


def rank(all_counts):
    """The units' rows, best first, each with its rank (tied units share none: the order is total)."""
    rows = [
        (
            counts,
            score(counts),
            _ratio(100 * counts.on_time, counts.on_time + counts.late + counts.overdue),
            _ratio(counts.days_late, counts.late + counts.overdue),
        )
        for counts in all_counts
    ]
    rows.sort(
        key=lambda row: (
            row[1] is None,
            -(row[1] or 0),
            row[0].sent_back,
            row[3] or 0,
            row[0].name,
        )
    )
    return [
        Row(counts=counts, rank=number, score=value, on_time_rate=rate, average_days_late=average)
        for number, (counts, value, rate, average) in enumerate(rows, start=1)
    ]


def totals(rows):
    """The county's figures for the period, summed over its units (a task with two units counts for each)."""
    fields = ("due", "on_time", "late", "overdue", "days_late", "extensions_asked", "extensions_granted", "sent_back")
    return {name: sum(getattr(row.counts, name) for row in rows) for name in fields}
