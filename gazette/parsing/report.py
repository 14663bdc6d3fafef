"""The stable JSON summary of a parsed issue, read by people and by automated acceptance checks."""

from .result import ParsedIssue


def _day(value):
    return value.isoformat() if value else None


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
        "warnings": list(parsed.warnings),
    }
