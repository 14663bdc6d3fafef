"""The stable JSON summary of a parsed issue, read by people and by automated acceptance checks."""

from .result import ParsedIssue


def _day(value):
    return value.isoformat() if value else None


# What makes an import look wrong, for the review page to show before anything else.
TOC_UNREAD = "toc_unread"  # a 目录 heading, no entry read under it
NO_NUMBER_NO_DATE = "no_number_no_date"  # a document with neither: perhaps no document at all
TOC_ENTRY_WITHOUT_BODY = "toc_entry_without_body"  # listed in the contents, not found in the body


def alerts(parsed: ParsedIssue) -> list[dict]:
    """The signs that an import went wrong, each {"kind", "line", "title", "number"} (line 1-based or None)."""
    missing = [(entry.line, entry.title, entry.number) for entry in parsed.missing_from_body]
    return collect_alerts(parsed.has_toc, len(parsed.toc), parsed.documents, missing)


def collect_alerts(has_toc, toc_entries, documents, missing):
    """Alerts from what an issue holds, parsed or stored: documents have start_line, title, number and signed;
    missing lists the contents entries without body as (line, title, number)."""
    found = []
    if has_toc and not toc_entries:
        found.append({"kind": TOC_UNREAD, "line": None, "title": None, "number": None})
    for document in documents:
        if not document.number and document.signed is None:
            found.append(
                {"kind": NO_NUMBER_NO_DATE, "line": document.start_line, "title": document.title, "number": None}
            )
    for line, title, number in missing:
        found.append({"kind": TOC_ENTRY_WITHOUT_BODY, "line": line, "title": title, "number": number or None})
    return found


def as_json(parsed: ParsedIssue, file: str) -> dict:
    meta = parsed.meta
    return {
        "file": file,
        "issue": {
            "gazette": meta.gazette,
            "county": meta.county,
            "year": meta.year,
            "number": meta.number,
            "cumulative": meta.cumulative,
            "published": _day(meta.published),
        },
        "toc_entries": len(parsed.toc) if parsed.has_toc else None,
        "documents": [
            {
                "number": document.number,
                "issuer": document.issuer,
                "title": document.title_normalised,
                "kind": document.kind,
                "signed": _day(document.signed),
                "public": document.public,
                "toc_page": document.toc_page,
                "instrument_title": document.instrument.title_normalised if document.instrument else None,
                "start_line": document.start_line,
            }
            for document in parsed.documents
        ],
        "missing_from_body": [
            {"number": entry.number, "title": entry.title_normalised} for entry in parsed.missing_from_body
        ],
        "warnings": [warning.as_json() for warning in parsed.warnings],
        "alerts": alerts(parsed),
    }
