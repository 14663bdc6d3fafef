"""The table of contents (目录): where it is and its entries, whatever the layout.

Entries come as title and number on one line or two, with dot leaders of … or ·, the page after a TAB, after the
number's closing bracket or as `- 3 -` on its own; entries may be prefixed by "- "; section headings such as
县政府文件 or 【县政府办公室文件】 stand between them.
"""

import re
from dataclasses import dataclass

from .numbers import OWN_NUMBER_LINE, entry_number, trailing_number
from .result import TocEntry
from .text import display_join, ends_terminal, squeeze
from .vocabulary import ISSUER_WITH_TITLE

TOC_HEADING = re.compile(r"^目\s*[录次]$")
# Page numbers are looked for in a line's last characters only, which keeps long lines of dots linear.
_TAIL = 40
_PAGE_PATTERNS = (
    re.compile(r"[-－—]\s*(?P<page>\d{1,4})\s*[-－—]\s*$"),
    re.compile(r"[…·•.．⋯]{2,}\s*(?P<page>\d{1,4})\s*$"),
    re.compile(r"\t\s*(?P<page>\d{1,4})\s*$"),
    re.compile(r"(?<=[）)])\s*(?P<page>\d{1,4})\s*$"),
)
_LEADERS = re.compile(r"[\s…·•.．⋯\t]+$")
_ENTRY_PREFIX = re.compile(r"^[-－•·]\s+")
_SECTION = re.compile(r"^【.{1,20}】$|^.{0,14}文件$")
# Fragments pending without a page: more than this and the lines are not a table of contents.
_MAX_PENDING = 6


@dataclass
class Toc:
    start: int  # 0-based index of the 目录 line
    end: int  # 0-based index of the last line that belongs to it
    entries: list[TocEntry]


def split_page(line):
    """(text without the page, page) for a line ending in a page number, else (line, None)."""
    head, tail = line[:-_TAIL], line[-_TAIL:]
    for pattern in _PAGE_PATTERNS:
        match = pattern.search(tail)
        if match:
            return head + tail[: match.start()], int(match["page"])
    return line, None


def find_toc_start(lines, stop):
    """The 目录 line before index stop (the first document number or heading), else None."""
    for index in range(min(stop, len(lines))):
        if TOC_HEADING.match(lines[index].strip()):
            return index
    return None


def _is_body_start(text, pending):
    """A line that cannot belong to a table of contents: the body has begun. A bare number line opens a document
    (a bracketed one may open a contents entry)."""
    if ends_terminal(text) or ISSUER_WITH_TITLE.match(text):
        return True
    return not pending and OWN_NUMBER_LINE.match(text) is not None and not text.startswith(("（", "("))


def parse_toc(lines, start):
    """Entries from the line after 目录 until the body begins. Lines after the last completed entry are not taken."""
    entries, ends, pending, section = [], [], [], None
    end = start

    def complete(fragments, page, index):
        entries.append(_entry(fragments, page, section))
        ends.append(index)

    for index in range(start + 1, len(lines)):
        raw = lines[index].strip()
        if not raw:
            continue
        text, page = split_page(raw)
        text = _ENTRY_PREFIX.sub("", text.strip())
        if page is not None:
            if text or pending:
                complete(pending + [(index, text)], page, index)
            elif entries and entries[-1].page is None:
                entries[-1].page, ends[-1] = page, index
            pending = []
        elif _SECTION.match(squeeze(text)) and "关于" not in text:
            if pending:
                complete(pending, None, pending[-1][0])
            pending, section, end = [], text, index
        elif _is_body_start(text, pending) or len(pending) >= _MAX_PENDING:
            break
        else:
            pending.append((index, text))
            if trailing_number(text)[0] is not None:
                complete(pending, None, index)
                pending = []
    # Where entries carry pages, page-less ones at the end are the first document's heading and number.
    if any(entry.page is not None for entry in entries):
        while entries[-1].page is None:
            entries.pop()
            ends.pop()
    return Toc(start, max([end, *ends[-1:]]), entries)


def _entry(fragments, page, section):
    text = ""
    for _, fragment in fragments:
        text = f"{text} {fragment}" if text else fragment
    number, title = entry_number(text)
    title = display_join(_LEADERS.sub("", title))
    return TocEntry(
        title=title,
        title_normalised=squeeze(title),
        number=number.normalised if number else None,
        page=page,
        section=section,
        line=fragments[0][0] + 1,
    )
