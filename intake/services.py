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
from simple_history.utils import bulk_update_with_history

from gazette.extraction import extract_gazette, extract_units
from gazette.extraction.units import guess_kind, normalise_unit
from gazette.parsing import parse_gazette
from gazette.parsing.text import squeeze
from groups.models import LeadingGroup, Membership
from groups.services import RosterLine, save_group
from org.models import LeaderPortfolio, Organisation
from org.names import county_variants, normalise_name
from org.selectors import OrganisationResolver, county_named, county_unit_ids
from org.services import add_post, create_organisation, create_person
from projects.models import Task
from projects.services import TASK_FIELDS, create_task
from projects.task_sheet import split_units

from .drafts import phase_dates
from .models import Proposal
from .selectors import county_of, people_by_name, resolve_units, unresolved_units

# Which list of a DocumentExtraction holds each kind, and the text that names a proposal of it.
KINDS = (
    ("rosters", Proposal.Kind.ROSTER, lambda item: item.group),
    ("tasks", Proposal.Kind.TASK, lambda item: item.title),
    ("phases", Proposal.Kind.PHASE, lambda item: item.label),
    ("parcels", Proposal.Kind.PARCEL, lambda item: item.parcel_no or item.project),
    ("plans", Proposal.Kind.PLAN, lambda item: f"{item.year or ''} {item.total_ha.normalize():f} 公顷"),
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
    """Store what the extractor reads in the issue's text; returns counts of created, updated, dropped and
    entered (rosters whose group is already in the ledger).

    Reviewed proposals are never touched; pending ones are refreshed, and dropped when no longer read.
    """
    counts = Counter(created=0, updated=0, dropped=0, entered=0)
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

    def store(document, kind, key, values):
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
                store(document, kind, key, values)
    by_pk = {document.pk: document for document in documents}
    for position, (document, key, payload) in enumerate(_unit_proposals(issue, extractions, top, children, by_pk)):
        occurrence, label = payload["occurrences"][0], payload["name"]
        values = {
            "label": label[:500],
            "payload": payload,
            "span_start": occurrence["span_start"],
            "span_end": occurrence["span_end"],
            "position": position,
        }
        store(document, Proposal.Kind.UNIT, key, values)
    for identity, proposal in existing.items():
        if identity not in seen and proposal.status == Proposal.Status.PENDING:
            proposal.delete()
            counts["dropped"] += 1
    counts["entered"] = accept_entered_rosters(Proposal.objects.filter(document__issue=issue))
    return counts


def _unit_proposals(issue, extractions, top, children, by_pk):
    """(document, fingerprint, payload) of each unit the issue's documents name that its county does not have yet (by
    name, short name or alias, with or without the county's name) and that no other issue of the county proposes
    (pending) or proposed (rejected). Without the county in the ledger every unit is proposed: the county is created
    first, then they are accepted. The proposal lies in the document the unit is first named in."""
    county = county_named(issue.gazette.county)
    resolve = OrganisationResolver(county)
    short = normalise_name(county.short_name or county.name) if county else ""
    elsewhere = _units_named_elsewhere(issue, county, short)
    found = []
    for unit in extract_units(extractions, county=issue.gazette.county):
        if any(resolve(form) is not None for form in unit.forms):
            continue
        if any(county_variants(normalise_name(form), short) & elsewhere for form in unit.forms):
            continue
        occurrences = []
        for occurrence in unit.occurrences:
            parent = top.get(occurrence.document.key)
            if parent is None:
                continue
            start, end = occurrence.span.start, occurrence.span.end
            if not start:  # a portfolio without lines: the document's
                start, end = parent.start_line or 1, parent.end_line or parent.start_line or 1
            document = _narrowest(parent, children.get(parent.pk, ()), start, end)
            entry = {"document": document.pk, "span_start": start, "span_end": end}
            if entry not in occurrences:
                occurrences.append(entry)
        if not occurrences:
            continue
        first = by_pk[occurrences[0]["document"]]
        key = fingerprint(first.number or first.title_normalised, Proposal.Kind.UNIT, unit.name)
        payload = {
            "name": unit.name,
            "short_name": unit.short_name,
            "aliases": unit.aliases,
            "kind": unit.kind,
            "occurrences": occurrences,
        }
        found.append((first, key, payload))
    return found


def _units_named_elsewhere(issue, county, short):
    """The names (and their county variants) of the unit proposals of the county's other issues that are pending or
    rejected: an issue does not propose again what another one is proposing or was refused."""
    if county is None and not issue.gazette.county:
        return set()
    same_county, other_counties = {issue.gazette.county}, set()
    others = Proposal.objects.filter(
        kind=Proposal.Kind.UNIT, status__in=[Proposal.Status.PENDING, Proposal.Status.REJECTED]
    ).exclude(document__issue=issue)
    names = set()
    for proposal in others.select_related("document__issue__gazette"):
        written = proposal.document.issue.gazette.county
        if written in other_counties:
            continue
        if written not in same_county:
            if county is None or county_named(written) != county:
                other_counties.add(written)
                continue
            same_county.add(written)
        payload = proposal.payload
        for form in [payload.get("name"), payload.get("short_name"), *(payload.get("aliases") or [])]:
            if form:
                names |= county_variants(normalise_name(form), short)
    return names


def accept_entered_rosters(proposals):
    """Record as accepted the pending roster proposals whose group was entered without them (from the same
    document, or the notice whose attachment holds the roster, under the same name), linked to that group: the
    ledger has it, so nobody is asked again. Groups typed in before an issue was proposed (``propose_gazette`` on
    earlier imports), and the demo's, are such. Returns how many."""
    pending = list(
        proposals.filter(kind=Proposal.Kind.ROSTER, status=Proposal.Status.PENDING).select_related("document")
    )
    documents = {pk for proposal in pending for pk in (proposal.document_id, proposal.document.parent_id) if pk}
    groups = {
        (group.source_document_id, normalise_name(group.name)): group
        for group in LeadingGroup.objects.filter(source_document__in=documents).order_by("pk")
    }
    accepted = 0
    for proposal in pending:
        name = normalise_name(proposal.payload.get("group", ""))
        group = groups.get((proposal.document_id, name)) or groups.get((proposal.document.parent_id, name))
        if group is not None:
            _reviewed(proposal, Proposal.Status.ACCEPTED, None, group)
            accepted += 1
    return accepted


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
    county = data.get("county")
    if county is None:
        raise ValidationError(_("Choose the county the group belongs to."))
    for line in roster:
        if line.member_type == Membership.MemberType.PERSON and line.person is None and line.name.strip():
            line.person = create_person(county=county, name=line.name)
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
    if fields.get("county") is None:
        raise ValidationError(_("The gazette's county is not in the ledger yet; create the county first."))
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
    """Mark a proposal accepted by a record another app created for it (a parcel or plan from land's prefilled
    form, a rule from compensation's)."""
    proposal = _pending(proposal, {Proposal.Kind.PARCEL, Proposal.Kind.PLAN, Proposal.Kind.RATE})
    return _reviewed(proposal, Proposal.Status.ACCEPTED, user, record)


@transaction.atomic
def accept_portfolio(proposal, *, data, user):
    """Create the leader's portfolio as corrected, linked to its document; it replaces the leader's current one
    unless that one comes from a later notice (accepted first), which then replaces this one instead. A current
    portfolio also gives the leader the post at the county government, from the notice's date, unless they hold it.

    ``data``: person (or name, matched to the one person of that name, else a new person), post, fields_of_work,
    supervised and liaised (organisations) with supervised_text and liaised_text (names, 、-separated); written
    names that match one organisation are linked, the others kept as written.
    """
    proposal = _pending(proposal, {Proposal.Kind.PORTFOLIO})
    document = proposal.document
    post = (data.get("post") or "").strip()
    if not post:
        raise ValidationError(_("A portfolio needs the leader's post."))
    county = county_of(document)
    person = data.get("person") or _person_named(data.get("name") or "", county)
    resolve = OrganisationResolver(county)
    supervised, supervised_text = _units(data.get("supervised"), data.get("supervised_text"), resolve)
    liaised, liaised_text = _units(data.get("liaised"), data.get("liaised_text"), resolve)
    current = LeaderPortfolio.objects.select_for_update().filter(person=person, is_current=True).first()
    later = current is not None and None not in (current.effective, document.signed)
    later = later and current.effective > document.signed
    if current is not None and not later:
        current.is_current = False
        current.save(update_fields=["is_current"])
    portfolio = LeaderPortfolio(
        person=person,
        post=post,
        fields_of_work=(data.get("fields_of_work") or "").strip(),
        supervised_text=supervised_text,
        liaised_text=liaised_text,
        source_document=document,
        source_passage=source_passage(proposal),
        effective=document.signed,
        is_current=not later,
        superseded_by=current if later else None,
    )
    portfolio.full_clean()
    portfolio.save()
    portfolio.supervised.set(supervised)
    portfolio.liaised.set(liaised)
    if current is not None and not later:
        current.superseded_by = portfolio
        current.save(update_fields=["superseded_by"])
    if county is not None and not later and not person.posts.filter(organisation=county, title=post, end=None).exists():
        add_post(person=person, organisation=county, title=post, start=document.signed)
    _reviewed(proposal, Proposal.Status.ACCEPTED, user, portfolio)
    return portfolio


def _person_named(name, county):
    """The one person of the county with that name; a new person when none or several have it (a name alone cannot
    tell two apart)."""
    name = normalise_name(name)
    if not name:
        raise ValidationError(_("Choose a person or write the name of a new one."))
    people = list(people_by_name({name}, county).values())
    if county is None:
        raise ValidationError(_("The gazette's county is not in the ledger yet; create the county first."))
    return people[0] if people else create_person(county=county, name=name)


def _units(chosen, written, resolve):
    """The chosen organisations plus those the written names match; the names matching none, 、-separated."""
    organisations = list(chosen or [])
    resolved, unresolved = resolve_units(split_units(written), resolve)
    organisations += [organisation for organisation in resolved if organisation not in organisations]
    return organisations, "、".join(unresolved)


def _no_county():
    return ValidationError(_("The gazette's county is not in the ledger yet; create the county first."))


@transaction.atomic
def accept_unit(proposal, *, data, user):
    """Create the unit a proposal names (as corrected) below the county, with its aliases; after this the names
    resolve to it, in this issue's other proposals as everywhere in the county.

    ``data``: name, short_name, kind, parent (a unit of the county; the county when None), aliases (a list, or a
    text separated by 、).
    """
    proposal = _pending(proposal, {Proposal.Kind.UNIT})
    county = county_of(proposal.document)
    if county is None:
        raise _no_county()
    organisation = _create_unit(county, **data)
    _reviewed(proposal, Proposal.Status.ACCEPTED, user, organisation)
    return organisation


@transaction.atomic
def accept_units(issue, user):
    """Accept every pending unit proposal of the issue as proposed, all or none; returns the units created."""
    proposals = Proposal.objects.filter(
        document__issue=issue, kind=Proposal.Kind.UNIT, status=Proposal.Status.PENDING
    ).order_by("document__order", "document_id", "position", "pk")
    county = county_named(issue.gazette.county)
    if county is None:
        raise _no_county()
    created = []
    for proposal in proposals:
        payload = proposal.payload
        data = {
            "name": payload["name"],
            "short_name": payload.get("short_name") or "",
            "kind": payload.get("kind") or Organisation.Kind.DEPARTMENT,
            "aliases": payload.get("aliases") or [],
        }
        try:
            created.append(accept_unit(proposal, data=data, user=user))
        except ValidationError as error:
            raise ValidationError(
                _("“%(name)s”: %(error)s Nothing was accepted.")
                % {"name": payload["name"], "error": " ".join(error.messages)}
            ) from error
    return created


@transaction.atomic
def create_unit_for(proposal, written, user):
    """Create, below the document's county, a unit a task, roster or portfolio proposal names and the county does not
    have: under the name as written, of the kind the name suggests. The proposal itself stays to be reviewed."""
    county = county_of(proposal.document)
    if county is None:
        raise _no_county()
    if proposal.status != Proposal.Status.PENDING:
        raise ValidationError(_("This proposal has already been reviewed."))
    if written not in unresolved_units(proposal):
        raise ValidationError(_("The proposal names no unit “%(name)s” that the county lacks.") % {"name": written})
    name = normalise_unit(written) or written
    return _create_unit(county, name=name, kind=guess_kind(name))


def _create_unit(county, *, name, kind, short_name="", parent=None, aliases=()):
    """A new unit below ``parent`` (a unit of the county, the county itself when None); refused when one of its
    names already names a unit of the county."""
    name, short_name = normalise_name(name), normalise_name(short_name)
    if isinstance(aliases, str):
        aliases = split_units(aliases)
    forms = [name, short_name, *(normalise_name(alias) for alias in aliases)]
    if not name:
        raise ValidationError(_("A unit needs a name."))
    if kind == Organisation.Kind.COUNTY or kind not in Organisation.Kind.values:
        raise ValidationError(_("Choose the kind of unit."))
    parent = parent or county
    if parent.pk not in county_unit_ids(county):
        raise ValidationError(_("The parent must be a unit of the gazette's county."))
    resolve = OrganisationResolver(county)
    for form in forms:
        existing = resolve(form) if form else None
        if existing is not None:
            raise ValidationError(
                _("“%(name)s” already names %(other)s in the county.") % {"name": form, "other": existing.name}
            )
    aliases = [form for form in dict.fromkeys(forms[2:]) if form and form not in (name, short_name)]
    return create_organisation(
        name=name, short_name="" if short_name == name else short_name, kind=kind, parent=parent, aliases=aliases
    )


@transaction.atomic
def reject(proposal, user, reason=""):
    proposal = _pending(proposal, set(Proposal.Kind.values))
    proposal.rejection_reason = reason.strip()
    return _reviewed(proposal, Proposal.Status.REJECTED, user)


@transaction.atomic
def reject_many(issue, proposals, *, reason, user):
    """Reject the issue's pending ``proposals`` (a queryset) with one reason, all or none: a proposal of another
    issue, or one reviewed meanwhile, rejects nothing. Returns how many were rejected."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for rejecting."))
    chosen = list(proposals.select_for_update().values_list("pk", "status", "document__issue_id"))
    if not chosen:
        raise ValidationError(_("Choose the proposals to reject."))
    if any(issue_id != issue.pk for _pk, _status, issue_id in chosen):
        raise ValidationError(_("A chosen proposal is not of this issue. Nothing was rejected."))
    if any(status != Proposal.Status.PENDING for _pk, status, _issue in chosen):
        raise ValidationError(_("A chosen proposal has already been reviewed. Nothing was rejected."))
    rejected = list(Proposal.objects.filter(pk__in=[pk for pk, _status, _issue in chosen]))
    now = timezone.now()
    for proposal in rejected:
        proposal.status, proposal.reviewed_by, proposal.reviewed_at = Proposal.Status.REJECTED, user, now
        proposal.rejection_reason = reason
    # In bulk, and each rejection still in the proposal's history (who, when) as a single one is.
    bulk_update_with_history(
        rejected, Proposal, ["status", "reviewed_by", "reviewed_at", "rejection_reason"], default_user=user
    )
    return len(chosen)


@transaction.atomic
def reopen(proposal, user):
    """Put a rejected proposal back to review; who reopened it and when is kept, the rejection stays in history."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Proposal.Status.REJECTED:
        raise ValidationError(_("Only a rejected proposal can be reopened."))
    proposal.status, proposal.reviewed_by, proposal.reviewed_at = Proposal.Status.PENDING, None, None
    proposal.rejection_reason = ""
    proposal.reopened_by, proposal.reopened_at = user, timezone.now()
    proposal.save()
    return proposal


def source_passage(proposal):
    """The proposal's lines as printed in the issue's text."""
    lines = proposal.document.issue.source_text.split("\n")
    return "\n".join(line.rstrip() for line in lines[proposal.span_start - 1 : proposal.span_end])
