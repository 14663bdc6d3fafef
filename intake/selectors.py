"""Reads for reviewing gazette proposals: data managers only, since accepting writes across every unit's records."""

import copy
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, When
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse

from gazette.extraction.units import guess_kind, normalise_unit, unit_of_title, units_in_list
from gazette.models import Document, Issue
from groups.models import GROUP_KIND_BY_PRINTED_LABEL, LeadingGroup, Membership, Role, role_for_label
from org import access
from org.models import Organisation, Person
from org.names import county_variants, normalise_name
from org.selectors import OrganisationResolver, county_named, county_unit_ids

from .models import Proposal
from .registry import acceptor_url

# The page that creates a county (org's; linked by its address, since intake does not own it).
NEW_COUNTY_URL = "/counties/new/"
_QUANTITY = re.compile(r"^\s*(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>\S{1,20})\s*$")


def can_review(user):
    """Data managers of whole counties: accepting a proposal writes into any of the county's units' records."""
    return access.is_data_manager(user) and access.sees_counties(user)


def _require_reviewer(user):
    if not can_review(user):
        raise PermissionDenied


def reviewable_issues(user):
    """The issues of the reviewer's counties; a province office's also those of counties not yet in the ledger."""
    names = access.county_names(user)
    issues = Issue.objects.select_related("gazette")
    return issues if names is None else issues.filter(gazette__county__in=names)


def issue_for_review(user, issue_pk):
    _require_reviewer(user)
    return get_object_or_404(reviewable_issues(user), pk=issue_pk)


# The review list: one page of the issue's proposals at a time, filtered by kind, status and document.
PER_PAGE = 25
MAX_PER_PAGE = 100
FILTERS = ("kind", "status", "document")


def review_filter(query):
    """The list's filter from a query (a QueryDict): {kind, status, document}, a value that is not one of its
    choices dropped, so a hand-typed address shows the whole list rather than an error."""
    kind, status, document = (query.get(name) or "" for name in FILTERS)
    return {
        "kind": kind if kind in Proposal.Kind.values else "",
        "status": status if status in Proposal.Status.values else "",
        "document": int(document) if document.isdigit() else None,
    }


def filter_query(chosen):
    """The filter as a query string, carried from the list to a proposal's page and back."""
    return urlencode({name: value for name, value in chosen.items() if value})


def _filtered(issue, chosen):
    """The issue's proposals matching the filter, in the list's order: units first (the other proposals find them
    by name once they are in the directory), then document by document as printed."""
    proposals = Proposal.objects.filter(document__issue=issue)
    if chosen["kind"]:
        proposals = proposals.filter(kind=chosen["kind"])
    if chosen["status"]:
        proposals = proposals.filter(status=chosen["status"])
    if chosen["document"]:
        proposals = proposals.filter(document_id=chosen["document"])
    units_first = Case(When(kind=Proposal.Kind.UNIT, then=0), default=1)
    return proposals.order_by(
        units_first, "document__order", "document__parent_id", "document_id", "kind", "position", "pk"
    )


def filtered_proposals(issue, query):
    """The issue's proposals the list shows for ``query``, in its order (what "all matching" rejects)."""
    return _filtered(issue, review_filter(query))


def per_page(query):
    """Rows per page: the list's default, or the one asked for within 10 to MAX_PER_PAGE."""
    asked = query.get("per_page") or ""
    return min(max(int(asked), 10), MAX_PER_PAGE) if asked.isdigit() else PER_PAGE


def issue_proposals(user, issue_pk, query):
    """One page of the issue's proposals as filtered, with the counts by kind, status and document the filter shows.
    A fixed number of queries, whatever the number of proposals."""
    issue = issue_for_review(user, issue_pk)
    chosen = review_filter(query)
    counts = Counter()
    for row in Proposal.objects.filter(document__issue=issue).values("kind", "status").annotate(n=Count("pk")):
        counts[("kind", row["kind"])] += row["n"]
        counts[("status", row["status"])] += row["n"]
        if row["kind"] == Proposal.Kind.UNIT:
            counts[("unit", row["status"])] += row["n"]
    by_document = dict(
        Proposal.objects.filter(document__issue=issue).values_list("document").annotate(n=Count("pk")).order_by()
    )
    documents = Document.objects.filter(pk__in=by_document).order_by("order", "parent_id", "pk")
    matching = _filtered(issue, chosen)
    rows = matching.select_related("document").prefetch_related("accepted_object")
    paginator = Paginator(rows, per_page(query))
    page = paginator.get_page(query.get("page"))
    carried = filter_query(chosen)
    for proposal in page:
        proposal.review_url = with_filter(acceptor_url(proposal) or proposal.get_absolute_url(), carried)
        if proposal.kind == Proposal.Kind.UNIT:
            proposal.unit_kind = kind_label(proposal.payload.get("kind"))
    return {
        "issue": issue,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "ellipsis": Paginator.ELLIPSIS,
        "pending_matching": matching.filter(status=Proposal.Status.PENDING).count(),
        "chosen": chosen,
        "carried": carried,
        "kinds": [(value, label, counts[("kind", value)]) for value, label in Proposal.Kind.choices],
        "statuses": [(value, label, counts[("status", value)]) for value, label in Proposal.Status.choices],
        "documents": [(document, by_document[document.pk]) for document in documents],
        "totals": {status: counts[("status", status)] for status in Proposal.Status.values},
        "has_units": any(counts[("unit", status)] for status in Proposal.Status.values),
        "pending_units": counts[("unit", Proposal.Status.PENDING)],
        "county": county_named(issue.gazette.county),
        "new_county_url": NEW_COUNTY_URL,
    }


def with_filter(url, carried):
    """A proposal's page with the list's filter carried along (``filter=``), so its "accept and open the next"
    follows the list the reviewer came from."""
    if not carried:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode({'filter': carried})}"


def next_review_url(proposal, carried):
    """Where "accept and open the next" leads after ``proposal`` was accepted: the page of the next pending proposal
    of its issue in the list's order under the filter ``carried`` (any status: the next one to review), wrapping to
    the first; the filtered list when none is left."""
    chosen = {**review_filter(QueryDict(carried)), "status": ""}
    issue = proposal.document.issue
    order = list(
        _filtered(issue, chosen)
        .filter(Q(status=Proposal.Status.PENDING) | Q(pk=proposal.pk))
        .values_list("pk", flat=True)
    )
    place = order.index(proposal.pk) if proposal.pk in order else -1
    following = [pk for pk in order[place + 1 :] + order[: max(place, 0)] if pk != proposal.pk]
    carried = filter_query(review_filter(QueryDict(carried)))
    if not following:
        list_url = reverse("intake:issue_proposals", args=[issue.pk])
        return f"{list_url}?{carried}" if carried else list_url
    upcoming = Proposal.objects.select_related("document").get(pk=following[0])
    return with_filter(acceptor_url(upcoming) or upcoming.get_absolute_url(), carried)


def proposal_for_review(user, pk):
    _require_reviewer(user)
    proposals = Proposal.objects.filter(document__issue__in=reviewable_issues(user))
    return get_object_or_404(proposals.select_related("document__issue__gazette", "reviewed_by"), pk=pk)


@dataclass
class SourceLine:
    number: int
    text: str
    marked: bool


def source_lines(proposal):
    """The document's lines as printed, those the proposal was read from marked."""
    document = proposal.document
    lines = document.issue.source_text.split("\n")
    first = min(document.start_line or proposal.span_start, proposal.span_start)
    last = max(document.end_line or proposal.span_end, proposal.span_end)
    spans = [(proposal.span_start, proposal.span_end)]
    if proposal.kind == Proposal.Kind.UNIT:  # every line of the document that names the unit
        spans += [
            (occurrence["span_start"], occurrence["span_end"])
            for occurrence in proposal.payload.get("occurrences") or []
            if occurrence["document"] == document.pk
        ]
    return [
        SourceLine(number, lines[number - 1].rstrip(), any(start <= number <= end for start, end in spans))
        for number in range(first, min(last, len(lines)) + 1)
    ]


def unit_occurrences(proposal):
    """Where a unit proposal's name appears: [{document, span_start, span_end}], the document a Document."""
    occurrences = proposal.payload.get("occurrences") or []
    documents = Document.objects.in_bulk({occurrence["document"] for occurrence in occurrences})
    return [
        {**occurrence, "document": documents[occurrence["document"]]}
        for occurrence in occurrences
        if occurrence["document"] in documents
    ]


def unit_initial(proposal):
    """The unit form's initial values: the names as proposed, below the county."""
    payload = proposal.payload
    return {
        "name": payload["name"],
        "short_name": payload.get("short_name") or "",
        "kind": payload.get("kind") or Organisation.Kind.DEPARTMENT,
        "parent": county_of(proposal.document),
        "aliases": "、".join(payload.get("aliases") or []),
    }


def county_units(county):
    """The county and its units: where a new unit may hang."""
    if county is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=county_unit_ids(county))


def unit_names(proposal):
    """The units a task, roster or portfolio proposal names, as written: a task's units, a roster's office and the
    units of its members' titles and collective lines, a portfolio's units."""
    payload = proposal.payload
    if proposal.kind == Proposal.Kind.TASK:
        names = [unit["name"] for unit in payload.get("units") or []]
    elif proposal.kind == Proposal.Kind.ROSTER:
        names = [payload.get("office_host") or ""]
        for member in payload.get("members") or []:
            is_unit = member.get("kind") == Membership.MemberType.UNIT
            names += [member.get("title")] if is_unit else unit_of_title(member.get("title"))
        names += [unit for text in payload.get("placeholders") or [] for unit in units_in_list(text)]
    elif proposal.kind == Proposal.Kind.PORTFOLIO:
        names = [*(payload.get("supervises") or []), *(payload.get("liaises") or [])]
    else:
        names = []
    return list(dict.fromkeys(name for name in names if name and normalise_unit(name)))


def unresolved_units(proposal):
    """The units the proposal names that its county does not have (none when the county is not in the ledger: then
    the county comes first)."""
    county = county_of(proposal.document)
    if county is None:
        return []
    resolve = OrganisationResolver(county)
    return [name for name in unit_names(proposal) if resolve(name) is None and resolve(normalise_unit(name)) is None]


def unit_kind(name):
    """The kind a unit's name suggests (县…局: a department, …镇: a township), as shown."""
    return kind_label(guess_kind(normalise_unit(name) or name))


def kind_label(kind):
    return Organisation.Kind(kind).label if kind in Organisation.Kind.values else kind


def county_of(document):
    """The county organisation whose gazette printed the document, when one matches its name."""
    return county_named(document.issue.gazette.county)


def people_of(county):
    """The people of a county. Every county has a 王伟: a person is matched by name only among the people of the
    document's county, and none when the site does not know the county yet."""
    return Person.objects.filter(county=county) if county is not None else Person.objects.none()


def people_by_name(names, county):
    """People of the county by normalised name, only where exactly one of them has that name."""
    found = {}
    for person in people_of(county).filter(name__in=names):
        found.setdefault(person.name, []).append(person)
    return {name: people[0] for name, people in found.items() if len(people) == 1}


def roster_initial(proposal):
    """The group form's and the roster rows' initial values; a member maps to a person only when one name matches."""
    payload = proposal.payload
    document = proposal.document
    county = county_of(document)
    resolve = OrganisationResolver(county)
    office_host = resolve(payload.get("office_host") or "")
    group = {
        "name": payload["group"],
        "kind": GROUP_KIND_BY_PRINTED_LABEL.get(payload.get("kind"), LeadingGroup.Kind.OTHER),
        "county": county,
        "source_document": document,
        "established": document.signed,
        "member_change_rule": payload.get("member_change_rule") or "",
        "office_host": office_host,
        "office_host_text": payload.get("office_host") or "",
        "office_head_text": payload.get("office_head") or "",
    }
    people = people_by_name({normalise_name(member["name"]) for member in payload["members"] if member["name"]}, county)
    rows = []
    for member in payload["members"]:
        role = role_for_label(member["role"])
        name = normalise_name(member["name"])
        if member.get("kind") == Membership.MemberType.UNIT:
            # A member unit (成员单位): the county's unit of that name when there is one, and the name as written.
            rows.append(
                {
                    "role": role,
                    "member_type": Membership.MemberType.UNIT,
                    "organisation": resolve(member["title"]),
                    "organisation_text": member["title"],
                }
            )
        elif name:
            rows.append(
                {
                    "role": role,
                    "member_type": "person",
                    "person": people.get(name),
                    "name": name,
                    "title": member["title"],
                    **_represented(member["title"], resolve),
                }
            )
        else:
            rows.append(
                {
                    "role": role,
                    "member_type": "position",
                    "title": member["title"],
                    **_represented(member["title"], resolve),
                }
            )
    for text in payload.get("placeholders") or []:
        rows.append({"role": Role.MEMBER, "member_type": "placeholder", "title": text})
    return group, rows


def _represented(title, resolve):
    """The unit a member's title names (县住建局局长 → 县住建局), when it names exactly one the county has."""
    units = unit_of_title(title)
    organisation = resolve(units[0]) if len(units) == 1 else None
    return {"organisation": organisation} if organisation is not None else {}


def group_to_supersede(proposal):
    """The active group a roster proposal would replace (a 调整 notice's new roster), if any: the same name, with
    or without the county's own (兴县… ↔ 县…), as notices write it either way."""
    return group_named(
        proposal.payload.get("group", ""), county_of(proposal.document), exclude_document=proposal.document
    )


def group_named(name, county, *, exclude_document=None):
    """The county's active group of that name, with or without the county's own (兴县… ↔ 县…), the latest
    established if several; None without a county. A roster read from ``exclude_document`` does not supersede the
    group that document itself set up."""
    if county is None:
        return None
    names = county_variants(normalise_name(name or ""), county.short_name or county.name)
    groups = LeadingGroup.objects.filter(county=county, status=LeadingGroup.Status.ACTIVE, name__in=names)
    if exclude_document is not None:
        groups = groups.exclude(source_document=exclude_document)
    return groups.order_by("-established", "-pk").first()


@dataclass
class RosterChange:
    name: str
    before: str
    after: str


def roster_differences(group, rows):
    """Members added, removed and changed (role or title) between the group's roster and the proposed rows."""

    old = {}
    for membership in group.memberships.select_related("person").in_roster_order():
        name = membership.person.name if membership.person_id else ""
        old[name or membership.title or membership.organisation_text] = (Role(membership.role).label, membership.title)
    new = {}
    for row in rows:
        title = row.get("title") or ""
        new[row.get("name") or title or row.get("organisation_text")] = (Role(row["role"]).label, title)
    changed = [
        RosterChange(key, " ".join(map(str, old[key])), " ".join(map(str, new[key])))
        for key in new
        if key in old and old[key] != new[key]
    ]
    return {
        "added": [RosterChange(key, "", " ".join(map(str, value))) for key, value in new.items() if key not in old],
        "removed": [RosterChange(key, " ".join(map(str, value)), "") for key, value in old.items() if key not in new],
        "changed": changed,
    }


def task_initial(proposal):
    """The task form's and unit rows' initial values; units resolve to organisations, else stay as written."""
    payload = proposal.payload
    document = proposal.document
    if proposal.kind == Proposal.Kind.PHASE:
        task = {"title": payload["label"], "deadline_text": payload.get("dates_text") or "", "category": "work"}
        units = []
    else:
        task = {
            "title": payload["title"],
            "deadline_text": payload.get("deadline_text") or "",
            "responsible_text": payload.get("person") or "",
            "category": "work",
        }
        quantity = _QUANTITY.match(payload.get("quantity") or "")
        described = [payload.get("description") or ""]
        if quantity:
            task.update(quantity=quantity["amount"], quantity_unit=quantity["unit"])
        elif payload.get("quantity"):
            described.insert(0, payload["quantity"])
        if any(described):
            task["description"] = "\n".join(part for part in described if part)
        resolve = OrganisationResolver(county_of(document))
        units = []
        for unit in payload.get("units") or []:
            organisation = resolve(unit["name"])
            units.append(
                {
                    "role": unit["role"],
                    "organisation": organisation,
                    "organisation_text": "" if organisation else unit["name"],
                }
            )
    task["source_document"] = document
    task["county"] = county_of(document)
    return task, units


def resolve_units(names, resolve):
    """Organisations for the names that match exactly one, and the names that match none, in printed order."""
    organisations, unresolved = [], []
    for name in names:
        organisation = resolve(name)
        if organisation is None:
            unresolved.append(name)
        elif organisation not in organisations:
            organisations.append(organisation)
    return organisations, unresolved


def portfolio_initial(proposal):
    """The portfolio form's initial values: the leader's person when exactly one has the name, units resolved."""
    payload = proposal.payload
    name = normalise_name(payload["name"])
    county = county_of(proposal.document)
    resolve = OrganisationResolver(county)
    supervised, supervised_text = resolve_units(payload.get("supervises") or [], resolve)
    liaised, liaised_text = resolve_units(payload.get("liaises") or [], resolve)
    return {
        "person": people_by_name({name}, county).get(name),
        "name": name,
        "post": payload.get("post") or "",
        "fields_of_work": "、".join(payload.get("fields") or []),
        "supervised": supervised,
        "supervised_text": "、".join(supervised_text),
        "liaised": liaised,
        "liaised_text": "、".join(liaised_text),
    }


def resolve_extraction(payload, county):
    """``extract_gazette --json``'s object for one file (``intake.drafts.extraction_as_json``), each name with how it
    would resolve inside ``county`` (an Organisation, or None when the site does not know the county: then nothing
    resolves), as the review would: ``{"id", "name", "county"}`` (the county's short name) or None.

    An object with a ``name`` (a task's unit, a roster's member, a portfolio's leader) gains ``resolved``; a key
    holding a name as text gains ``<key>_resolved`` beside it: a roster's ``group_resolved`` (the active group its
    roster would supersede) and ``office_host_resolved``, a portfolio's ``supervises_resolved`` and
    ``liaises_resolved`` (lists aligned with the names). Returns a copy; a file's error object is returned as is.
    """
    result = copy.deepcopy(payload)
    if "error" in result:
        return result
    county_name = (county.short_name or county.name) if county is not None else ""
    resolve = OrganisationResolver(county)

    def found(record):
        return {"id": record.pk, "name": record.name, "county": county_name} if record is not None else None

    written = [member["name"] for roster in result["rosters"] for member in roster["members"]]
    written += [portfolio["name"] for portfolio in result.get("portfolios", [])]
    people = people_by_name({normalise_name(name) for name in written if name}, county)

    def person(name):
        return found(people.get(normalise_name(name))) if name else None

    for roster in result["rosters"]:
        roster["group_resolved"] = found(group_named(roster["group"], county))
        roster["office_host_resolved"] = found(resolve(roster["office_host"] or ""))
        for member in roster["members"]:
            member["resolved"] = person(member["name"])
    for task in result["tasks"]:
        for unit in task["units"]:
            unit["resolved"] = found(resolve(unit["name"]))
    for portfolio in result.get("portfolios", []):
        portfolio["resolved"] = person(portfolio["name"])
        portfolio["supervises_resolved"] = [found(resolve(name)) for name in portfolio["supervises"]]
        portfolio["liaises_resolved"] = [found(resolve(name)) for name in portfolio["liaises"]]
    return result


def pending_by_issue(user, county=None):
    """The home page's block for reviewers: each issue with proposals awaiting review and how many, most first; of
    ``county`` (an organisation) when given. None for whoever does not review. Two queries however many proposals."""
    if not can_review(user):
        return None
    issues = reviewable_issues(user)
    if county is not None:
        issues = issues.filter(gazette__county__in={county.name, county.short_name} - {""})
    counts = dict(
        Proposal.objects.filter(status=Proposal.Status.PENDING, document__issue__in=issues.values("pk"))
        .values("document__issue")
        .annotate(pending=Count("pk"))
        .order_by()
        .values_list("document__issue", "pending")
    )
    found = issues.filter(pk__in=counts).defer("source_text", "toc", "missing_from_body", "warnings")
    rows = sorted(found, key=lambda issue: (-counts[issue.pk], -issue.year, -issue.number))
    return {
        "issues": [{"issue": issue, "pending": counts[issue.pk]} for issue in rows],
        "pending": sum(counts.values()),
    }
