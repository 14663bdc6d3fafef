"""Precision and recall of the extractor against the expected fixtures, per category: used by the tests and by
bench/bench_extract.py. An item counts once per occurrence (a multiset), so a duplicate is a false proposal."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from intake.drafts import phase_dates

from .parcels import PARCELS
from .phases import PHASES
from .rates import RATES
from .rosters import ROSTERS


@dataclass
class Score:
    category: str
    matched: int
    expected: int
    found: int

    @property
    def recall(self):
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self):
        return self.matched / self.found if self.found else 1.0


def _score(category, expected, found):
    expected, found = Counter(expected), Counter(found)
    return Score(category, sum((expected & found).values()), sum(expected.values()), sum(found.values()))


def _decimal(value):
    return None if value is None else Decimal(str(value))


def scores(extractions_by_file):
    """``extractions_by_file``: {file name: extract_gazette(…)} for the three shared gazettes."""
    extractions = [extraction for name in sorted(extractions_by_file) for extraction in extractions_by_file[name]]
    schemes = {document for document, *_ in RATES}
    return [
        _score(
            "roster members (role, name, title)",
            [(r["document"], *member) for rosters in ROSTERS.values() for r in rosters for member in r["members"]],
            [
                (e.document.key, m.role, m.name, m.title)
                for e in extractions
                for roster in e.rosters
                for m in roster.members
            ],
        ),
        _score(
            "roster groups (name, placeholders, office)",
            [
                (r["document"], r["group"], tuple(r["placeholders"]), r["office_host"], r["office_head"])
                for rosters in ROSTERS.values()
                for r in rosters
            ],
            [
                (e.document.key, r.group, tuple(r.placeholders), r.office_host, r.office_head)
                for e in extractions
                for r in e.rosters
            ],
        ),
        _score(
            "phases (label, start, end)",
            [(document, label, start, end) for document, label, start, end in PHASES],
            [
                (e.document.key, p.label, *[day.isoformat() if day else None for day in phase_dates(p)])
                for e in extractions
                for p in e.phases
            ],
        ),
        _score(
            "parcels (every field)",
            [
                tuple(_decimal(v) if k in ("area", "start_price_wan", "deposit_wan") else v for k, v in p.items())
                for p in PARCELS
            ],
            [
                (
                    e.document.key,
                    p.parcel_no,
                    p.location,
                    p.area,
                    p.area_unit,
                    p.method,
                    p.use,
                    p.term_years,
                    p.start_price_wan,
                    p.deposit_wan,
                )
                for e in extractions
                for p in e.parcels
            ],
        ),
        _score(
            "scheme rates (amount, max, unit, line)",
            [(document, line, Decimal(amount), _decimal(top), unit) for document, line, amount, top, unit, _ in RATES],
            [
                (e.document.key, r.span.start, r.amount, r.amount_max, r.unit)
                for e in extractions
                if e.document.key in schemes
                for r in e.rates
            ],
        ),
    ]
