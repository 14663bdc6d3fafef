"""Draft proposals from parsed gazette documents: rosters, portfolios, tasks, phases, parcels, land-supply plans,
rates; and, from those, the units the documents name (``extract_units``). No Django here.

Every proposal names its document (``DocumentRef``) and the lines it was read from (``Span``, 1-based, inclusive, as
in the gazette file), so that a reviewer sees the source beside the form.
"""

from dataclasses import dataclass, field

from gazette.parsing import tab_spaced_columns
from gazette.parsing.result import ParsedDocument, ParsedIssue

from .common import DocumentRef, Source, document_ref
from .parcels import ParcelProposal, extract_parcels
from .phases import PhaseProposal, extract_phases
from .plans import PlanCategory, PlanProposal, extract_plans
from .portfolios import PortfolioProposal, extract_portfolios
from .rates import RateProposal, extract_rates
from .rosters import MemberProposal, RosterProposal, extract_rosters
from .task_items import TaskProposal, UnitAssignment, extract_tasks
from .units import UnitOccurrence, UnitProposal, extract_units


@dataclass
class DocumentExtraction:
    document: DocumentRef
    rosters: list[RosterProposal] = field(default_factory=list)
    phases: list[PhaseProposal] = field(default_factory=list)
    tasks: list[TaskProposal] = field(default_factory=list)
    parcels: list[ParcelProposal] = field(default_factory=list)
    plans: list[PlanProposal] = field(default_factory=list)
    rates: list[RateProposal] = field(default_factory=list)
    portfolios: list[PortfolioProposal] = field(default_factory=list)


def extract_document(document: ParsedDocument, lines: list[str]) -> DocumentExtraction:
    """Proposals from one document; ``lines`` are the gazette file's lines (text.split("\\n"))."""
    source = Source(document, lines)
    blocks = all_blocks(document)
    return DocumentExtraction(
        document=source.ref,
        rosters=extract_rosters(source),
        phases=extract_phases(source),
        tasks=extract_tasks(source, blocks),
        parcels=extract_parcels(source, document.blocks),
        plans=extract_plans(source, blocks),
        rates=extract_rates(source, blocks),
        portfolios=extract_portfolios(source),
    )


def all_blocks(document: ParsedDocument):
    """The body's blocks, then the instrument's, then each annex's: the document in reading order."""
    blocks = list(document.blocks)
    if document.instrument:
        blocks += document.instrument.blocks
    for attachment in document.attachments:
        blocks += attachment.blocks
    return blocks


def extract_gazette(parsed: ParsedIssue, text: str) -> list[DocumentExtraction]:
    """Proposals from every document of a parsed issue, in body order; ``text`` is the text it was parsed from."""
    lines = tab_spaced_columns(text).split("\n")  # as the parser read them
    return [extract_document(document, lines) for document in parsed.documents]


__all__ = [
    "DocumentExtraction",
    "DocumentRef",
    "MemberProposal",
    "ParcelProposal",
    "PhaseProposal",
    "PlanCategory",
    "PlanProposal",
    "PortfolioProposal",
    "RateProposal",
    "RosterProposal",
    "TaskProposal",
    "UnitAssignment",
    "UnitOccurrence",
    "UnitProposal",
    "all_blocks",
    "document_ref",
    "extract_document",
    "extract_gazette",
    "extract_units",
]
