"""Importing gazette files: decode, parse, and write one issue with its documents in one transaction."""

import dataclasses
import datetime
import hashlib
import logging
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from common.history import acting_as

from .models import Document, Gazette, ImportJob, Issue
from .parsing import GazetteParseError, Message, as_json, decode_gazette_bytes, parse_gazette
from .selectors import progress_key
from .signals import issue_imported

logger = logging.getLogger(__name__)


@dataclass
class ImportOutcome:
    """What importing one file did: ``outcome`` is created, updated, unchanged or dry-run."""

    outcome: str
    report: dict
    issue: Issue | None = None


def read_gazette_bytes(data):
    """The file's text, or GazetteParseError with a message saying why it cannot be read."""
    if len(data) > settings.GAZETTE_MAX_BYTES:
        raise GazetteParseError(
            Message(
                gettext_noop("The file is %(size)s MB; at most %(limit)s MB can be imported."),
                {"size": round(len(data) / 1024 / 1024, 1), "limit": settings.GAZETTE_MAX_BYTES // 1024 // 1024},
            )
        )
    return decode_gazette_bytes(data)


def import_gazette(data, *, name, county="", year=None, number=None, dry_run=False, progress=None):
    """Parse one gazette file and, unless ``dry_run``, write it. Same file twice: the second changes nothing.

    ``county``, ``year`` and ``number`` fill in what a file without a masthead cannot say.
    ``progress(done, total)`` is called as documents are written.
    """
    text = read_gazette_bytes(data)
    parsed = parse_gazette(text)
    report = as_json(parsed, name)
    # What the issue is filed under: the masthead, else what was entered (a file with no masthead names nothing).
    report["issue"].update(_identity(parsed.meta, county, year, number))
    report["not_in_toc"] = [{"number": document.number, "title": document.title} for document in parsed.not_in_toc]
    if dry_run:
        return ImportOutcome("dry-run", report)
    digest = hashlib.sha256(data).hexdigest()
    existing = Issue.objects.filter(source_hash=digest).first()
    if existing is not None:
        _announce(existing, "unchanged")
        return ImportOutcome("unchanged", report, existing)
    issue, outcome = _write_issue(
        parsed, text, name=name, digest=digest, county=county, year=year, number=number, progress=progress
    )
    report["warnings"] = list(issue.warnings)  # the parser's, and what writing added
    _announce(issue, outcome)
    return ImportOutcome(outcome, report, issue)


def _announce(issue, outcome):
    """Tell listeners (the ledger's proposals) that the issue is written; their failure does not undo the import."""
    for receiver, result in issue_imported.send_robust(sender=Issue, issue=issue, outcome=outcome):
        if isinstance(result, Exception):
            logger.error("after importing issue %s, %r failed", issue.pk, receiver, exc_info=result)


@transaction.atomic
def _identity(meta, county, year, number):
    """The gazette, county, year and number an issue is filed under: the county as entered (it overrides a
    masthead naming another), the year and number as printed, each else from the other source."""
    county = (county or "").strip() or meta.county or None
    return {
        "gazette": meta.gazette or (f"{county}人民政府公报" if county else None),
        "county": county,
        "year": meta.year or year,
        "number": meta.number or number,
    }


def _write_issue(parsed, text, *, name, digest, county, year, number, progress):
    meta = parsed.meta
    # Stored untranslated (msgid and parameters, with no line for the import's own): translated when shown.
    warnings = [warning.as_json() for warning in parsed.warnings]
    entered = (county or "").strip()
    if entered and meta.county and entered != meta.county:
        warnings.append(
            {
                "text": gettext_noop("The masthead names %(printed)s; imported under %(entered)s as entered."),
                "params": {"printed": meta.county, "entered": entered},
            }
        )
    identity = _identity(meta, county, year, number)
    county, year, number = identity["county"], identity["year"], identity["number"]
    if not county:
        raise GazetteParseError(
            Message(gettext_noop("The file names no county (it has no masthead); please enter the county."))
        )
    if not (year and number):
        raise GazetteParseError(Message(gettext_noop("The file gives no issue year and number; please enter them.")))
    gazette, _created = Gazette.objects.get_or_create(county=county, name=identity["gazette"])
    issue = Issue.objects.filter(gazette=gazette, year=year, number=number).first()
    outcome = "updated" if issue else "created"
    issue = issue or Issue(gazette=gazette, year=year, number=number)
    issue.cumulative = meta.cumulative or issue.cumulative
    issue.published = meta.published or issue.published
    issue.source_name, issue.source_hash, issue.source_text = name, digest, text
    issue.has_toc = parsed.has_toc
    issue.toc = [_plain(entry) for entry in parsed.toc]
    issue.missing_from_body = [_plain(entry) for entry in parsed.missing_from_body]
    issue.warnings = warnings
    issue.full_clean()
    issue.save()
    _write_documents(issue, parsed.documents, text.split("\n"), progress)
    return issue, outcome


def _write_documents(issue, documents, lines, progress):
    """Update documents matched by number (or, without one, by title); create the rest; drop the stale."""
    old = list(issue.documents.filter(parent__isnull=True))
    by_number = {document.number: document for document in old if document.number}
    by_title = {document.title_normalised: document for document in old if not document.number}
    kept = set()
    for order, parsed in enumerate(documents, start=1):
        match = by_number.get(parsed.number) if parsed.number else by_title.get(parsed.title_normalised)
        document = match or Document(issue=issue)
        _fill(document, parsed, lines, order)
        document.save()
        kept.add(document.pk)
        _write_instrument(document, parsed, lines)
        if progress:
            progress(order, len(documents))
    for document in old:
        if document.pk in kept:
            continue
        if _is_referenced(document):
            issue.warnings.append(
                {
                    "text": gettext_noop("“%(title)s” is no longer in the file but records point to it; it was kept."),
                    "params": {"title": document.title},
                }
            )
            issue.save(update_fields=["warnings"])
        else:
            document.delete()


def _fill(document, parsed, lines, order):
    document.number = parsed.number or ""
    document.number_raw = parsed.number_raw or ""
    document.series = parsed.series or ""
    document.year = parsed.year
    document.sequence = parsed.sequence
    document.issuer = parsed.issuer[: Document._meta.get_field("issuer").max_length]  # six joint issuers can be longer
    document.title = parsed.title
    document.title_normalised = parsed.title_normalised
    document.kind = parsed.kind
    document.addressee = parsed.addressee
    document.signed = parsed.signed
    document.signed_raw = parsed.signed_raw or ""
    document.is_public = parsed.public
    document.toc_page = parsed.toc_page
    document.order = order
    document.start_line, document.end_line = parsed.span.start, parsed.span.end
    document.raw_text = "\n".join(lines[parsed.span.start - 1 : parsed.span.end])
    document.blocks = [_plain(block) for block in parsed.blocks]
    document.attachments = [_plain(attachment) for attachment in parsed.attachments]
    document.cited_numbers = list(parsed.cited_numbers)


def _write_instrument(document, parsed, lines):
    """The plan a 印发 notice issues is a document of its own, so that it can be found and pointed at."""
    child = document.instruments.first()
    instrument = parsed.instrument
    if instrument is None:
        if child is not None and not _is_referenced(child):
            child.delete()
        return
    child = child or Document(issue=document.issue, parent=document)
    child.title = instrument.title
    child.title_normalised = instrument.title_normalised
    child.kind = instrument.kind
    child.issuer = document.issuer
    child.signed = document.signed
    child.is_public = document.is_public
    child.order = document.order
    child.start_line, child.end_line = instrument.span.start, instrument.span.end
    child.raw_text = "\n".join(lines[instrument.span.start - 1 : instrument.span.end])
    child.blocks = [_plain(block) for block in instrument.blocks]
    child.save()


def _is_referenced(document):
    """Whether any record outside gazette/ (a group, a task…) points at this document."""
    for relation in document._meta.related_objects:
        if relation.related_model._meta.app_label == "gazette" or not relation.one_to_many:
            continue
        if relation.related_model._default_manager.filter(**{relation.field.name: document}).exists():
            return True
    return False


def _plain(value):
    return dataclasses.asdict(value)


# Background imports


def create_import_job(*, upload, user, county="", year=None, number=None):
    return ImportJob.objects.create(
        file=upload, original_name=upload.name, county=county, year=year, number=number, created_by=user
    )


# A job whose worker died twice while importing it is not tried a third time: the file itself may be the cause.
MAX_IMPORT_ATTEMPTS = 2


def run_import_job(job_id):
    """Import one uploaded file, recording progress in the cache and the result on the job."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    if job.status in {ImportJob.Status.DONE, ImportJob.Status.FAILED}:
        return job
    job.attempts += 1
    job.started = timezone.now()
    if job.attempts > MAX_IMPORT_ATTEMPTS:
        reason = gettext_noop("The worker stopped twice while importing this file; it was not tried again.")
        return _fail(job, Message(reason))
    if job.created_by is None:
        return _run_import_job(job)
    # The worker writes the issue, its documents and the proposals read from them for the uploader.
    with acting_as(job.created_by):
        return _run_import_job(job)


def _run_import_job(job):
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status", "started", "attempts"])

    def progress(done, total):
        cache.set(progress_key(job.pk), {"done": done, "total": total}, timeout=3600)

    try:
        with job.file.open("rb") as handle:
            data = handle.read()
        result = import_gazette(
            data, name=job.original_name, county=job.county, year=job.year, number=job.number, progress=progress
        )
    except GazetteParseError as error:
        return _fail(job, error.message)
    except SoftTimeLimitExceeded:
        logger.warning("gazette import %s stopped after %s s", job.pk, settings.GAZETTE_IMPORT_SOFT_TIME_LIMIT)
        return _fail(job, _time_limit_message())
    except Exception:
        logger.exception("gazette import %s failed", job.pk)
        return _fail(job, Message(gettext_noop("An internal error stopped the import; nothing was written.")))
    job.status, job.report, job.issue, job.outcome = (
        ImportJob.Status.DONE,
        result.report,
        result.issue,
        result.outcome,
    )
    job.finished = timezone.now()
    job.save()
    return job


def _fail(job, reason):
    """``reason`` (a Message) is stored as its msgid and values, for each reader to see in their language."""
    job.status, job.failure, job.finished = ImportJob.Status.FAILED, _failure(reason), timezone.now()
    job.save()
    return job


def _failure(reason):
    return {"text": reason.text, "params": reason.params}


def _time_limit_message():
    return Message(
        gettext_noop(
            "The import was stopped after %(minutes)s minutes without finishing; nothing was written. The file may "
            "be too large or laid out in a way the importer cannot read quickly."
        ),
        {"minutes": settings.GAZETTE_IMPORT_SOFT_TIME_LIMIT // 60},
    )


def fail_stalled_imports(now=None):
    """Mark failed the imports still running after the hard time limit: their worker was killed or stopped, and
    nothing else would ever finish them. Returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.GAZETTE_IMPORT_TIME_LIMIT)
    # A job started before imports recorded their start has only its upload time.
    stalled = ImportJob.objects.filter(
        Q(started__lt=cutoff) | Q(started__isnull=True, created__lt=cutoff), status=ImportJob.Status.RUNNING
    )
    reason = Message(
        gettext_noop(
            "The worker stopped while importing this file (it was still running after %(minutes)s minutes); "
            "nothing was written. Please upload it again."
        ),
        {"minutes": settings.GAZETTE_IMPORT_TIME_LIMIT // 60},
    )
    return stalled.update(status=ImportJob.Status.FAILED, failure=_failure(reason), finished=now)
