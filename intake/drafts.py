"""The gazette extractor's proposals with their dates read, as plain JSON data. No Django here.

The pure extractor (gazette.extraction) keeps deadline and phase dates as written with the document's signing date
as reference, since the gazette app does not know the deadline parser; this module, on the projects side of the
arrow, reads them with projects.deadlines. Names are printed as written: resolving them needs the database
(intake.selectors.resolve_extraction).
"""

import dataclasses
from datetime import date

from gazette.extraction import DocumentExtraction
from projects.deadlines import parse_deadline, parse_deadlines


def phase_dates(phase) -> tuple[date | None, date | None]:
    """(start, end) of a phase: a range gives both; one period (（2021年）, （10月）) runs from its first to its last
    day; a phase only due by a day (（2021年8月底前）) has no start."""
    if not phase.dates_text or phase.reference is None:
        return None, None
    deadline = parse_deadline(phase.dates_text, phase.reference)
    start = deadline.start
    if start is None and deadline.due and "前" not in phase.dates_text:
        start = _period_start(deadline)
    return start, deadline.due


def _period_start(deadline):
    due = deadline.due
    if deadline.precision == "year":
        return date(due.year, 1, 1)
    if deadline.precision == "half":
        return date(due.year, due.month - 5, 1)
    if deadline.precision == "quarter":
        return date(due.year, due.month - 2, 1)
    if deadline.precision == "month":
        return date(due.year, due.month, 1)
    return None


def task_milestones(task):
    """Each deadline of the task's deadline cell (several in one cell become separate milestones)."""
    if not task.deadline_text or task.reference is None:
        return []
    return parse_deadlines(task.deadline_text, task.reference)


def task_due(task):
    """The day the task is due by: the last of its milestones that has a day."""
    if not task.deadline_text or task.reference is None:
        return None
    return parse_deadline(task.deadline_text, task.reference).due


def _iso(day):
    return day.isoformat() if day else None


def _number(value):
    """A Decimal as a JSON number: an int when whole, else a float (the printed figure, e.g. 46705.2)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def extraction_as_json(name: str, extractions: list[DocumentExtraction]) -> dict:
    """One gazette file's proposals in the shape `extract_gazette --json` prints."""
    rosters, tasks, phases, parcels, rates, portfolios, plans = [], [], [], [], [], [], []
    for extraction in extractions:
        key = extraction.document.key
        for roster in extraction.rosters:
            rosters.append(
                {
                    "document": key,
                    "group": roster.group,
                    "members": [
                        {"role": m.role, "name": m.name, "title": m.title, "kind": m.kind} for m in roster.members
                    ],
                    "placeholders": roster.placeholders,
                    "office_host": roster.office_host,
                    "office_head": roster.office_head,
                    "warning": dataclasses.asdict(roster.warning) if roster.warning else None,
                }
            )
        for task in extraction.tasks:
            tasks.append(
                {
                    "document": key,
                    "title": task.title,
                    "units": [{"name": unit.name, "role": unit.role} for unit in task.units],
                    "person": task.person,
                    "deadline_text": task.deadline_text,
                    "due": _iso(task_due(task)),
                    "quantity": task.quantity,
                    "description": task.description,
                    "milestones": [
                        {"deadline_text": milestone.text, "due": _iso(milestone.due)}
                        for milestone in task_milestones(task)
                    ],
                }
            )
        for phase in extraction.phases:
            start, end = phase_dates(phase)
            phases.append(
                {"document": key, "label": phase.label, "start": _iso(start), "end": _iso(end), "raw": phase.raw}
            )
        for parcel in extraction.parcels:
            parcels.append(
                {
                    "document": key,
                    "parcel_no": parcel.parcel_no,
                    "location": parcel.location,
                    "area": _number(parcel.area),
                    "area_unit": parcel.area_unit,
                    "method": parcel.method,
                    "use": parcel.use,
                    "term_years": parcel.term_years,
                    "start_price_wan": _number(parcel.start_price_wan),
                    "deposit_wan": _number(parcel.deposit_wan),
                }
            )
        for rate in extraction.rates:
            rates.append(
                {
                    "document": key,
                    "item": rate.item,
                    "amount": _number(rate.amount),
                    "amount_max": _number(rate.amount_max),
                    "unit": rate.unit,
                    "condition": rate.condition,
                    "kind": rate.kind,
                }
            )
        for portfolio in extraction.portfolios:
            portfolios.append(
                {
                    "document": key,
                    "name": portfolio.name,
                    "post": portfolio.post,
                    "fields": portfolio.fields,
                    "supervises": portfolio.supervises,
                    "liaises": portfolio.liaises,
                }
            )
        for plan in extraction.plans:
            plans.append(
                {
                    "document": key,
                    "year": plan.year,
                    "total_ha": _number(plan.total_ha),
                    "categories": [
                        {"name": category.name, "area_ha": _number(category.area_ha)} for category in plan.categories
                    ],
                }
            )
    return {
        "file": name,
        "rosters": rosters,
        "tasks": tasks,
        "phases": phases,
        "parcels": parcels,
        "rates": rates,
        "portfolios": portfolios,
        "plans": plans,
    }
