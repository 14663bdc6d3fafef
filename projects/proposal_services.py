"""Proposals read from imported gazettes: storing them, and accepting or rejecting them into the ledger.

Nothing a gazette says enters the ledger unreviewed: ``propose_for_issue`` only stores what the pure extractor
read; a data manager accepts each proposal (possibly corrected) through the same services staff use by hand.
"""

import dataclasses
import hashlib
import json
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gazette.extraction import extract_gazette
from gazette.parsing import parse_gazette
from gazette.parsing.text import squeeze

from .models import LeadingGroup, Membership, Proposal, Task
from .proposals import phase_dates
from .services import TASK_FIELDS, RosterLine, create_person, create_task, save_group

# Which list of a DocumentExtraction holds each kind, and the text that names a proposal of it.
KINDS = (
    ("rosters", Proposal.Kind.ROSTER, lambda item: item.group),
    ("tasks", Proposal.Kind.TASK, lambda item: item.title),
    ("phases", Proposal.Kind.PHASE, lambda item: item.label),
    ("parcels", Proposal.Kind.PARCEL, lambda item: item.parcel_no),
    ("rates", Proposal.Kind.RATE, lambda item: f"{item.item} {item.amount}{item.unit}"),
    ("portfolios", Proposal.Kind.PORTFOLIO, lambda item: f"{item.name} {item.post}"),
)


def fingerprint(document_key, kind, text, occurrence=1):
    """Stable across extractions of the same text: white space does not count; the n-th repeat of a text is its own."""
    basis = f"{document_key}|{kind}|{squeeze(text)}|{occurrence}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def as_payload(item):
    """The proposal dataclass as JSON data: dates as ISO strings, Decimals as strings."""
    return json.loads(json.dumps(dataclasses.asdict(item), cls=DjangoJSONEncoder))


@transaction.atomic
def propose_for_issue(issue):
    """Store what the extractor reads in the issue's text; returns counts of created, updated and dropped.

    Reviewed proposals are never touched; pending ones are refreshed, and dropped when no longer read.
    """
    counts = Counter(created=0, updated=0, dropped=0)
    if not issue.source_text:
        return counts
    text = issue.source_text
    extractions = extract_gazette(parse_gazette(text), text)
    documents = list(issue.documents.all())
    top = {document.number or document.title_normalised: document for document in documents if not document.parent_id}
    children = {}
    for document in documents:
        if document.parent_id:
            children.setdefault(document.parent_id, []).append(document)
    existing = {(p.document_id, p.kind, p.key): p for p in Proposal.objects.filter(document__issue=issue)}
    seen = set()
    for extraction in extractions:
        parent = top.get(extraction.document.key)
        if parent is None:
            continue
        for attribute, kind, name in KINDS:
            repeats = Counter()
            for position, item in enumerate(getattr(extraction, attribute)):
                label = " ".join(name(item).split())
                repeats[squeeze(label)] += 1
                key = fingerprint(extraction.document.key, kind, label, repeats[squeeze(label)])
                start, end = (item.span.start, item.span.end) if item.span else (parent.start_line, parent.end_line)
                document = _narrowest(parent, children.get(parent.pk, ()), start, end)
                values = {
                    "label": label[:500],
                    "payload": as_payload(item),
                    "span_start": start or 1,
                    "span_end": end or start or 1,
                    "position": position,
                }
                seen.add((document.pk, kind, key))
                proposal = existing.get((document.pk, kind, key))
                if proposal is None:
                    Proposal.objects.create(document=document, kind=kind, key=key, **values)
                    counts["created"] += 1
                elif proposal.status == Proposal.Status.PENDING and any(
                    getattr(proposal, field) != value for field, value in values.items()
                ):
                    for field, value in values.items():
                        setattr(proposal, field, value)
                    proposal.save()
                    counts["updated"] += 1
    for identity, proposal in existing.items():
        if identity not in seen and proposal.status == Proposal.Status.PENDING:
            proposal.delete()
            counts["dropped"] += 1
    return counts


def _narrowest(parent, children, start, end):
    """The instrument a 印发 notice issues when the lines lie in it (a task belongs to the plan), else the notice."""
    for child in children:
        if child.start_line and child.start_line <= start and end <= child.end_line:
            return child
    return parent


# Reviewing


def _pending(proposal, kinds):
    """The proposal, locked, if it is still waiting and of one of ``kinds``."""
    proposal = Proposal.objects.select_for_update().select_related("document").get(pk=proposal.pk)
    if proposal.kind not in kinds:
        raise ValidationError(_("This proposal cannot be accepted here."))
    if proposal.status != Proposal.Status.PENDING:
        raise ValidationError(_("This proposal has already been reviewed."))
    return proposal


def _reviewed(proposal, status, user, record=None):
    proposal.status, proposal.reviewed_by, proposal.reviewed_at = status, user, timezone.now()
    if record is not None:
        proposal.accepted_object = record
    proposal.save()
    return proposal


@dataclass
class ProposedMember(RosterLine):
    """A roster line from a proposal; ``name`` makes a new person when no existing one was chosen."""

    name: str = ""


@transaction.atomic
def accept_roster(proposal, *, data, roster, user, supersede=None):
    """Create the group the proposal describes (as corrected), linked to its document; with ``supersede``, the new
    group is that group's next version, and the old one is marked superseded by it."""
    proposal = _pending(proposal, {Proposal.Kind.ROSTER})
    for line in roster:
        if line.member_type == Membership.MemberType.PERSON and line.person is None and line.name.strip():
            line.person = create_person(name=line.name)
    group = save_group(data={**data, "source_document": proposal.document}, roster=roster)
    if supersede is not None:
        if supersede.status != LeadingGroup.Status.ACTIVE or supersede.pk == group.pk:
            raise ValidationError(_("Only an active group can be replaced by a new version."))
        save_group(group=supersede, data={"status": LeadingGroup.Status.SUPERSEDED, "superseded_by": group})
    _reviewed(proposal, Proposal.Status.ACCEPTED, user, group)
    return group


@transaction.atomic
def accept_task(proposal, *, data, assignments, user):
    """Create the task (or, for a phase, a milestone task) as corrected, linked to its document and passage."""
    proposal = _pending(proposal, {Proposal.Kind.TASK, Proposal.Kind.PHASE})
    document = proposal.document
    fields = {name: data[name] for name in TASK_FIELDS if name in data and name != "deadline_text"}
    fields["source_document"] = document
    task = create_task(
        deadline_text=data.get("deadline_text") or "",
        reference=document.signed,
        assignments=assignments,
        origin=Task.Origin.GAZETTE,
        source_passage=source_passage(proposal),
        **fields,
    )
    if proposal.kind == Proposal.Kind.PHASE and task.start is None and task.deadline_text:
        # A phase printed as one period (（10月）) starts on its first day, which a deadline phrase does not say.
        start, _due = phase_dates(_Phase(task.deadline_text, document.signed))
        if start is not None and (task.due is None or start <= task.due):
            task.start = start
            task.save(update_fields=["start"])
    _reviewed(proposal, Proposal.Status.ACCEPTED, user, task)
    return task


@dataclass
class _Phase:
    dates_text: str
    reference: object


@transaction.atomic
def accept_with_record(proposal, record, user):
    """Mark a proposal accepted by a record another app created for it (a parcel from land's prefilled form)."""
    proposal = _pending(proposal, {Proposal.Kind.PARCEL, Proposal.Kind.RATE})
    return _reviewed(proposal, Proposal.Status.ACCEPTED, user, record)


@transaction.atomic
def reject(proposal, user):
    proposal = _pending(proposal, set(Proposal.Kind.values))
    return _reviewed(proposal, Proposal.Status.REJECTED, user)


def source_passage(proposal):
    """The proposal's lines as printed in the issue's text."""
    lines = proposal.document.issue.source_text.split("\n")
    return "\n".join(line.rstrip() for line in lines[proposal.span_start - 1 : proposal.span_end])
