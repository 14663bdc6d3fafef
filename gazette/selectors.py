"""Reads of gazette issues and documents.

Gazette documents are published acts of a county government: every signed-in user of that county may read them.
Which counties a user works in is decided by the access module above this app (org.access), which registers it here
(``register_county_scope``); gazette knows no app above it.
"""

import hashlib
import re
import uuid

from django.contrib.postgres.fields import ArrayField
from django.core.cache import cache
from django.db import connection
from django.db.models import Case, Count, F, Func, Q, TextField, Value, When
from django.db.models.functions import Greatest, StrIndex, Substr, Upper
from django.shortcuts import get_object_or_404

from .models import Document, Gazette, ImportJob, Issue
from .parsing.report import collect_alerts

_county_scope = None


def register_county_scope(county_names):
    """``county_names(user)`` gives the names of the counties whose gazettes the user reads, or None for all."""
    global _county_scope
    _county_scope = county_names


def county_names(user):
    """The names of the counties whose gazettes the user reads, or None for every county."""
    return _county_scope(user) if _county_scope is not None else None


def _readable(user, queryset, gazette="gazette"):
    """``gazette``: the lookup to the row's gazette, or "pk" for gazettes themselves."""
    names = _county_scope(user) if _county_scope is not None else None
    if names is None:
        return queryset
    lookup = "county__in" if gazette == "pk" else f"{gazette}__county__in"
    return queryset.filter(**{lookup: names})


def gazettes(user):
    return _readable(user, Gazette.objects.all(), gazette="pk")


def issue_list(user):
    return (
        _readable(user, Issue.objects.all())
        .select_related("gazette")
        .annotate(document_count=Count("documents"))
        .order_by("-year", "-number", "pk")
    )


def issue_detail(user, pk):
    issue = get_object_or_404(issue_list(user), pk=pk)
    documents = issue.documents.filter(parent__isnull=True).order_by("order")
    return {"issue": issue, "documents": documents, "alerts": stored_alerts(issue, documents)}


def stored_alerts(issue, documents):
    """The parser's alerts (gazette.parsing.report) read back from a stored issue and its documents."""
    missing = [(entry.get("line"), entry.get("title"), entry.get("number")) for entry in issue.missing_from_body]
    return collect_alerts(issue.has_toc, len(issue.toc), documents, missing)


def document_list(user):
    return _readable(user, Document.objects.all(), "issue__gazette").select_related("issue__gazette")


# What a list of documents leaves out: their bodies and their issue's whole text, tens of kilobytes a row each.
UNLISTED_FIELDS = (
    "raw_text",
    "blocks",
    "attachments",
    "cited_numbers",
    "issue__source_text",
    "issue__toc",
    "issue__missing_from_body",
    "issue__warnings",
)


def in_newest_issues(user, documents, issues):
    """``documents`` (in their own order, newest issue first: Document.Meta.ordering) narrowed to those of the
    user's ``issues`` newest issues and of any issue as new as the last of them (another county's issue of the same
    year and number), or None when the user reads no more issues than that.

    Those documents come before every other in that order, so the first rows of the narrowed list are the first
    rows of the whole. Two small queries find the issues; their ids are given as values, so that PostgreSQL can
    intersect them with a search's pair index instead of reading every match."""
    readable = _readable(user, Issue.objects.order_by("-year", "-number"))
    edge = list(readable.values_list("year", "number")[issues - 1 : issues])
    if not edge:
        return None
    year, number = edge[0]
    newest = readable.filter(Q(year__gt=year) | Q(year=year, number__gte=number)).values_list("pk", flat=True)
    return documents.filter(issue_id__in=list(newest))


def listed_documents(user):
    """``document_list`` without what a list does not show."""
    return document_list(user).defer(*UNLISTED_FIELDS)


def recent_documents(user):
    """The signed documents, newest first, read in the order of their index (document_newest_signed): sorting a
    province's 200,000 documents for the five on every home page took 92 ms. A document whose date could not be
    read is not among the recent ones."""
    return listed_documents(user).filter(signed__isnull=False).order_by("-signed", "-pk")


PAIR = re.compile(r"\S\S")  # two characters side by side: a query the pair index can serve


class SearchBigrams(Func):
    """The set of upper-cased character pairs of a title, number and text (gazette_search_bigrams of migration
    0007, PostgreSQL only): the expression its GIN index is built on."""

    function = "gazette_search_bigrams"
    output_field = ArrayField(TextField())


def search_documents(queryset, text):
    """Documents whose title, number or text contains ``text``.

    On PostgreSQL a query with two characters side by side is narrowed first through the index of each document's
    character pairs, which the planner uses by itself; the ``icontains`` keeps the result of a longer query exact.
    A single character has no pair: it is looked for in every document, as on other databases."""
    text = text.strip()
    if not text:
        return queryset
    matches = Q(title__icontains=text) | Q(number__icontains=text) | Q(raw_text__icontains=text)
    if connection.vendor == "postgresql" and PAIR.search(text):
        queryset = queryset.alias(search_bigrams=SearchBigrams("title", "number", "raw_text")).filter(
            search_bigrams__contains=SearchBigrams(Value(text), Value(""), Value(""))
        )
        if len(text) == 2:
            # The one pair is the whole query, and the index's answer is exact: no body is read to check it.
            return queryset
    return queryset.filter(matches)


SNIPPET_BEFORE, SNIPPET_LENGTH = 30, 100


def snippets(documents, text):
    """For each of ``documents`` (a page of results), the stretch of its text around the first place ``text``
    occurs and where that stretch starts (1-based): {pk: (snippet, start)}, the snippet empty when only the title
    or number matched. One query, cut in the database so that a page does not read whole bodies; asked for the
    page's rows only, since computing it in the list's own query reads the body of every match before the sort
    (4.8 s for a word in 16,870 of 200,000 documents)."""
    text = text.strip()
    found_at = StrIndex(Upper("raw_text"), Upper(Value(text)))
    start = Greatest(F("found_at") - SNIPPET_BEFORE, Value(1))
    rows = (
        Document.objects.filter(pk__in=[document.pk for document in documents])
        .alias(found_at=found_at)
        .annotate(
            snippet=Case(When(found_at__gt=0, then=Substr("raw_text", start, SNIPPET_LENGTH)), default=Value("")),
            snippet_from=start,
        )
        .values_list("pk", "snippet", "snippet_from")
    )
    return {pk: (snippet, start) for pk, snippet, start in rows}


def document_detail(user, pk):
    document = get_object_or_404(document_list(user).select_related("parent"), pk=pk)
    cited, not_in_database = cited_documents(document)
    return {
        "document": document,
        "instruments": document.instruments.order_by("order"),
        "linked_records": linked_records(user, document),
        "actions": [found for action in _document_actions if (found := action(user, document))],
        "cited": cited,
        "cited_elsewhere": not_in_database,
    }


# Ledger apps register what a user may do from a document's page: ``action(user, document)`` gives a
# (label, url) pair, or None where the user may not.
_document_actions = []


def register_document_action(action):
    _document_actions.append(action)


# Ledger apps register, per model that points at Document, the selector that scopes it to a user.
_linked_selectors = {}


def register_linked_selector(model, selector):
    _linked_selectors[model] = selector


def linked_records(user, document):
    """What the ledger apps created from this document, as far as the user may see it.

    gazette/ imports no ledger app: it walks the reverse relations and asks each model's registered
    selector for the user's scope. A model that registered none is not shown.
    """
    found = []
    for relation in document._meta.related_objects:
        selector = _linked_selectors.get(relation.related_model)
        if selector is None or not relation.one_to_many:
            continue
        records = list(selector(user).filter(**{relation.field.name: document})[:100])
        if records:
            found.append({"label": relation.related_model._meta.verbose_name_plural, "records": records})
    return found


# Imports


def visible_import_jobs(user):
    """Those who manage imports (data managers) see every one; anyone else only their own."""
    jobs = ImportJob.objects.select_related("issue__gazette", "created_by")
    if user.has_perm("gazette.change_importjob"):
        names = _county_scope(user) if _county_scope is not None else None
        if names is None:
            return jobs
        return jobs.filter(Q(created_by=user) | Q(county__in=names) | Q(issue__gazette__county__in=names))
    return jobs.filter(created_by=user)


def import_job(user, pk):
    return get_object_or_404(visible_import_jobs(user), pk=pk)


def import_progress(job):
    """Where an import stands, for the progress bar."""
    done_statuses = {ImportJob.Status.DONE, ImportJob.Status.FAILED}
    counts = cache.get(progress_key(job.pk)) or {}
    total = counts.get("total") or len(job.report.get("documents", [])) or 0
    done = total if job.status in done_statuses else counts.get("done", 0)
    return {
        "status": job.status,
        "status_label": job.get_status_display(),
        "done": done,
        "total": total,
        "finished": job.status in done_statuses,
        "error": job.failure_text(),
    }


def progress_key(job_id):
    """Where the worker leaves an import's progress for the web server to read."""
    return f"gazette-import-progress-{job_id}"


def cited_documents(document):
    """The documents this one cites that are in the database, and the numbers of those that are not."""
    numbers = list(document.cited_numbers)
    # Another county's documents have numbers of their own series, so a number is looked up in the same county.
    same_county = Document.objects.filter(issue__gazette__county=document.issue.gazette.county)
    found = {cited.number: cited for cited in same_county.filter(number__in=numbers, parent__isnull=True)}
    return [found[number] for number in numbers if number in found], [n for n in numbers if n not in found]


def counties(user):
    return gazettes(user).order_by("county").values_list("county", flat=True).distinct()


def series(user):
    return _distinct_values(user, "series")


def kinds(user):
    return _distinct_values(user, "kind")


CHOICES_VERSION = "gazette:choices-version"


def _distinct_values(user, field):
    """The values of a document field among the documents the user reads, for the list's choices. Kept in the cache
    until a document is written (``forget_document_choices``), and at most for the cache's default timeout (a bulk
    write sends no signal): a DISTINCT over every document on every page of the list took 65 ms of a search's 250
    at 200,000 documents."""
    names = county_names(user)
    scope = "all" if names is None else "\n".join(sorted(names))
    version = cache.get_or_set(CHOICES_VERSION, _new_version, None)
    key = f"gazette:choices:{version}:{field}:{hashlib.sha256(scope.encode()).hexdigest()}"
    values = cache.get(key)
    if values is None:
        documents = document_list(user).exclude(**{field: ""}).order_by(field)
        values = list(documents.values_list(field, flat=True).distinct())
        cache.set(key, values)
    return values


def forget_document_choices(**kwargs):
    """A document was written or deleted: the choices are read again (connected in gazette.apps)."""
    cache.set(CHOICES_VERSION, _new_version(), None)


def _new_version():
    # Never a value used before: choices kept under an old version (for the cache's default timeout) stay unread.
    return uuid.uuid4().hex
