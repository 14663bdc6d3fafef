"""parse_gazette: a gazette issue's extracted text to a ParsedIssue. Works for any county's layout; never names one.

Steps: find the table of contents (if any) and read the masthead before it; find document headings in the rest,
leaving out those without number followed by no body (lines of a contents not recognised as one); cut the body into
documents at the headings and read each; match the contents against the documents.
"""

import functools
from collections import Counter

from .blocks import WRAP_SLACK
from .columns import tab_spaced_columns
from .document import Context, DocumentParser
from .errors import GazetteParseError
from .headings import find_headings
from .masthead import parse_masthead
from .matching import match_toc
from .messages import Message, ParseWarning, gettext_noop
from .numbers import DATE, cited_numbers, is_date_line, own_number
from .result import ParsedIssue
from .text import ends_terminal, full_width_length
from .toc import find_toc_start, parse_toc
from .vocabulary import ISSUER_WITH_TITLE

# Hard wrapping: most text lines share one short length (the wrap width); a document's lines are not like that.
_WRAP_MAX = 40
_WRAP_SHARE = 0.3
_WRAP_MIN_LINES = 12
_WRAP_MIN_LENGTH = 8
_WRAP_LONGER_SHARE = 0.05


def split_lines(text):
    """Lines as numbered by the caller (text.split("\\n")), without carriage returns."""
    return [line.rstrip("\r") for line in text.split("\n")]


def _first_document_line(lines):
    """The first number line or one-line heading: a table of contents must come before it."""
    for index, line in enumerate(lines):
        text = line.strip()
        if text and (own_number(text) or ISSUER_WITH_TITLE.match(text)):
            return index
    return len(lines)


def _wrap_width(lines, begin):
    """The wrap width when the text is hard-wrapped, else None: most lines are about as long as the most common
    length (lines cut there), in full-width characters (digits are half as wide), and hardly any is longer."""
    lengths = Counter(full_width_length(line.strip()) for line in lines[begin:] if line.strip() and "\t" not in line)
    lengths = Counter({length: count for length, count in lengths.items() if length >= _WRAP_MIN_LENGTH})
    total = sum(lengths.values())
    if total < _WRAP_MIN_LINES:
        return None
    width = lengths.most_common(1)[0][0]
    full = sum(count for length, count in lengths.items() if width - WRAP_SLACK <= length <= width + WRAP_SLACK)
    longer = sum(count for length, count in lengths.items() if length > width + WRAP_SLACK)
    if width > _WRAP_MAX or full / total < _WRAP_SHARE or longer / total > _WRAP_LONGER_SHARE:
        return None
    return width


def _slogan_words(masthead):
    """Words of the masthead's several-word lines (传达政令 公开信息), without numbers (dates, issue numbers)."""
    words = set()
    for line in masthead:
        parts = line.split()
        if len(parts) > 1:
            words.update(part for part in parts if not any(char.isdigit() for char in part))
    return words


def _county_of(headings):
    """Without a masthead, the county is the one most headings name; headings of other issuers are reprints."""
    counties = Counter(heading.county for heading in headings if heading.county)
    return counties.most_common(1)[0][0] if counties else None


def _reprinted(heading, previous, cited, toc_numbers):
    """A heading inside the previous document that the previous document cites and the contents do not list is a
    document it reprints (an annex), not one of the issue's own. cited(index) gives a line's cited numbers."""
    if previous is None or heading.number is None or not toc_numbers or heading.number.normalised in toc_numbers:
        return False
    own = heading.number.normalised
    return any(own in cited(index) for index in range(previous.start, heading.start))


def _accepted_headings(lines, begin, county, toc_numbers, context):
    """Headings of this issue's documents, and the number lines of the ones set aside (warned about here)."""
    headings = find_headings(lines, begin, county, toc_numbers)
    county = county or _county_of(headings)
    kept, set_aside = [], set()
    cited = functools.cache(lambda index: cited_numbers(lines[index]))
    for heading in headings:
        if heading.county and county and heading.county != county:
            set_aside.add(heading.number_line)
            context.warn(
                heading.start,
                Message(
                    gettext_noop("The issuer of “%(title)s”, %(issuer)s, is not of this county; read as body text"),
                    {"title": heading.title, "issuer": heading.issuer},
                ),
            )
        elif _reprinted(heading, kept[-1] if kept else None, cited, toc_numbers):
            set_aside.add(heading.number_line)
            context.warn(
                heading.start,
                Message(
                    gettext_noop(
                        "%(number)s is a document the previous one cites and reprints; not one of this issue's "
                        "documents"
                    ),
                    {"number": heading.number.normalised},
                ),
            )
        else:
            kept.append(heading)
    return kept, set_aside


def _has_body(lines, first, stop):
    """A sentence, an addressee, a date or a table row among lines[first:stop]."""
    for index in range(first, stop):
        text = lines[index].strip()
        if text and ("\t" in text or ends_terminal(text) or is_date_line(text) or DATE.search(text)):
            return True
    return False


def _with_body(lines, headings, context):
    """Headings without a number followed by nothing but titles and page numbers up to the next heading are lines
    of a table of contents the parser did not recognise as one: never documents."""
    kept = []
    for position, heading in enumerate(headings):
        stop = headings[position + 1].start if position + 1 < len(headings) else len(lines)
        if heading.number is None and not _has_body(lines, heading.end + 1, stop):
            context.warn(
                heading.start,
                Message(
                    gettext_noop(
                        "“%(title)s” is followed by no body, number or date; read as a line of the table of contents, "
                        "not as a document"
                    ),
                    {"title": heading.title},
                ),
            )
        else:
            kept.append(heading)
    return kept


def _warn_stray_numbers(lines, begin, explained, context):
    """Number lines that belong to no heading: reprinted or unrecognised documents, flagged rather than dropped."""
    for index in range(begin, len(lines)):
        number = own_number(lines[index]) if lines[index].strip() else None
        if number and index not in explained:
            context.warn(
                index,
                Message(
                    gettext_noop(
                        "No title of this issue's documents recognised beside the number %(number)s; read as body text"
                    ),
                    {"number": number.normalised},
                ),
            )


def parse_gazette(text: str) -> ParsedIssue:
    if not text or not text.strip():
        raise GazetteParseError(Message(gettext_noop("The file is empty: there is no gazette text to read.")))
    lines = split_lines(tab_spaced_columns(text))
    first_document = _first_document_line(lines)
    toc_start = find_toc_start(lines, first_document)
    toc = parse_toc(lines, toc_start) if toc_start is not None else None
    begin = toc.end + 1 if toc else 0
    masthead = lines[: toc.start if toc else first_document]
    meta = parse_masthead(masthead)
    toc_numbers = {entry.number for entry in toc.entries if entry.number} if toc else set()
    context = Context(lines, _wrap_width(lines, begin), _slogan_words(masthead))
    headings, set_aside = _accepted_headings(lines, begin, meta.county, toc_numbers, context)
    headings = _with_body(lines, headings, context)
    if not headings and not (toc and toc.entries):
        raise GazetteParseError(
            Message(
                gettext_noop(
                    "No documents found: no document numbers and no titles such as “Notice on …”; this does not look "
                    "like the text of a government gazette."
                )
            )
        )
    _warn_stray_numbers(lines, begin, set_aside | {heading.number_line for heading in headings}, context)
    stops = [heading.start for heading in headings[1:]] + [len(lines)]
    documents = [DocumentParser(context, heading, stops[position]).parse() for position, heading in enumerate(headings)]
    if not any(document.blocks or document.instrument or document.attachments for document in documents):
        # Contents lines or titles alone would import as an issue with nothing in it.
        raise GazetteParseError(
            Message(
                gettext_noop(
                    "No document in the file has a body: %(entries)s entries of the table of contents and %(titles)s "
                    "document titles found, none with a body. The file may hold only the contents, or its body was "
                    "not extracted; check the file and import it again."
                ),
                {"entries": len(toc.entries) if toc else 0, "titles": len(documents)},
            )
        )
    _fill_issuers(documents, context)
    for document in documents:
        if document.number is None and document.signed is None:
            context.warn(
                document.span.start - 1,
                Message(
                    gettext_noop("“%(title)s” has neither a number nor a signed date; check that it is a document"),
                    {"title": document.title},
                ),
            )
    if toc:
        missing, not_in_toc = match_toc(toc.entries, documents, context.warn_line)
        for entry in missing:
            context.warn(
                entry.line - 1,
                Message(
                    gettext_noop("“%(title)s” in the table of contents is not found in the body"),
                    {"title": entry.title},
                ),
            )
        for document in not_in_toc:
            context.warn(
                document.span.start - 1,
                Message(
                    gettext_noop("“%(title)s” in the body is not in the table of contents"), {"title": document.title}
                ),
            )
    else:
        missing, not_in_toc = [], []
    warnings = [ParseWarning(line, message) for line, message in sorted(context.warnings, key=lambda item: item[0])]
    return ParsedIssue(
        meta=meta,
        toc=toc.entries if toc else [],
        has_toc=toc is not None,
        documents=documents,
        missing_from_body=missing,
        not_in_toc=not_in_toc,
        warnings=warnings,
    )


def _fill_issuers(documents, context):
    """A heading without issuer and a signature without one: the issuer of another document of the same series."""
    by_series = {document.series: document.issuer for document in documents if document.series and document.issuer}
    for document in documents:
        if not document.issuer:
            document.issuer = by_series.get(document.series, "")
            if not document.issuer:
                context.warn(
                    document.span.start - 1,
                    Message(
                        gettext_noop("The issuer of “%(title)s” could not be determined"), {"title": document.title}
                    ),
                )
