"""parse_gazette: a gazette issue's extracted text to a ParsedIssue. Works for any county's layout; never names one.

Steps: find the table of contents (if any) and read the masthead before it; find document headings in the rest,
leaving out those without number followed by no body (lines of a contents not recognised as one); cut the body into
documents at the headings and read each; match the contents against the documents.
"""

import functools
from collections import Counter

from .blocks import WRAP_SLACK
from .document import Context, DocumentParser
from .errors import GazetteParseError
from .headings import find_headings
from .masthead import parse_masthead
from .matching import match_toc
from .numbers import DATE, cited_numbers, is_date_line, own_number
from .result import ParsedIssue
from .text import ends_terminal
from .toc import find_toc_start, parse_toc
from .vocabulary import ISSUER_WITH_TITLE

# Hard wrapping: most text lines share one short length (the wrap width); a document's lines are not like that.
_WRAP_MAX = 40
_WRAP_SHARE = 0.5
_WRAP_MIN_LINES = 20
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
    length (lines cut there; half-width characters make some a little longer) and hardly any is longer."""
    lengths = Counter(len(line.strip()) for line in lines[begin:] if line.strip() and "\t" not in line)
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
            context.warn(heading.start, f"《{heading.title}》的发文机关{heading.issuer}不属于本县，按正文处理")
        elif _reprinted(heading, kept[-1] if kept else None, cited, toc_numbers):
            set_aside.add(heading.number_line)
            own = heading.number.normalised
            context.warn(heading.start, f"{own}为上一份公文引用并附印的文件，不作为本期公文")
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
            context.warn(heading.start, f"《{heading.title}》之后没有正文、文号和日期，按目录处理，不作为公文")
        else:
            kept.append(heading)
    return kept


def _warn_stray_numbers(lines, begin, explained, context):
    """Number lines that belong to no heading: reprinted or unrecognised documents, flagged rather than dropped."""
    for index in range(begin, len(lines)):
        number = own_number(lines[index]) if lines[index].strip() else None
        if number and index not in explained:
            context.warn(index, f"文号{number.normalised}旁未识别出本期公文的标题，按正文处理")


def parse_gazette(text: str) -> ParsedIssue:
    if not text or not text.strip():
        raise GazetteParseError("文件内容为空，没有可以读取的公报文字。")
    lines = split_lines(text)
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
            "未找到任何公文：既没有发文字号，也没有“关于……的通知”这样的公文标题，这不像是政府公报的文字。"
        )
    _warn_stray_numbers(lines, begin, set_aside | {heading.number_line for heading in headings}, context)
    stops = [heading.start for heading in headings[1:]] + [len(lines)]
    documents = [DocumentParser(context, heading, stops[position]).parse() for position, heading in enumerate(headings)]
    if not any(document.blocks or document.instrument or document.attachments for document in documents):
        # Contents lines or titles alone would import as an issue with nothing in it.
        raise GazetteParseError(
            f"文件中没有任何公文的正文：找到目录{len(toc.entries) if toc else 0}条、公文标题{len(documents)}个，"
            "但没有一篇有正文。文件可能只含目录，或正文没有提取出来；请检查文件后重新导入。"
        )
    _fill_issuers(documents, context)
    for document in documents:
        if document.number is None and document.signed is None:
            context.warn(document.span.start - 1, f"《{document.title}》既无文号也无落款日期，请核对是否为公文")
    if toc:
        missing, not_in_toc = match_toc(toc.entries, documents, context.warn_line)
        for entry in missing:
            context.warn(entry.line - 1, f"目录中的《{entry.title}》在正文中未找到")
        for document in not_in_toc:
            context.warn(document.span.start - 1, f"正文中的《{document.title}》不在目录中")
    else:
        missing, not_in_toc = [], []
    warnings = [f"第{line}行：{message}" for line, message in sorted(context.warnings, key=lambda item: item[0])]
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
                context.warn(document.span.start - 1, f"《{document.title}》未能确定发文机关")
