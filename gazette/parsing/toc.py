"""The table of contents (目录): where it is and its entries, whatever the layout.

Entries come as title and number on one line or two (or a title wrapped anywhere), the number before the title or
after it, with dot leaders of … or ·, the page after a TAB, after the number's closing bracket, after spaces, in
brackets (`（3）`, `……（3）`), as `……第3页`, as `- 3 -` at the end or on its own, before the title
(`5　县人民政府关于…`), or no page at all; narrow wrapping may leave the page alone on the line after its leaders
(`…第7号）……` | `4`, or `（6）`) or cut it inside its digits (`…号）····· 2` | `2`, page 22), and leave a closing
bracket alone on a line (`…21号` | `）` | `- 3 -`, `…的通知（9` | `）`); entries may be prefixed by "- " or by their
issuer (县人民政府关于…); section headings such as 县政府文件 or 【县政府办公室文件】 stand between them. No line of
the contents may become a document, so where the contents end is read back from the first line of the body.
"""

import re
from dataclasses import dataclass

from .numbers import CJK, OWN_NUMBER_LINE, entry_number, is_date_line, trailing_number
from .result import TocEntry
from .text import display_join, ends_terminal, join_fragments, squeeze
from .vocabulary import DEPARTMENT, MINUTES_TITLE, kind_of

# 目录, 目　次, 本期目录, 【目录】, 目录：, CONTENTS 目录 (matched on the stripped line).
TOC_HEADING = re.compile(r"^(?:(?i:contents)\s*)?(?:本期|本刊)?[【\[]?目\s*[录次][】\]]?[：:]?(?:\s*(?i:contents))?$")
# Page numbers are looked for in a line's last characters only, which keeps long lines of dots linear.
_TAIL = 40
_PAGE_PATTERNS = (
    re.compile(r"[-－—]\s*(?P<page>\d{1,4})\s*[-－—]\s*$"),
    # Leaders of two dots or more, or one ellipsis (…, itself three dots: all a narrow column leaves room for).
    re.compile(r"(?:[…⋯]|[…·•.．⋯]{2,})\s*(?P<page>\d{1,4})\s*$"),
    re.compile(r"(?:[…⋯]|[…·•.．⋯]{2,})\s*[（(]\s*(?P<page>\d{1,4})\s*[）)]\s*$"),  # ……（4）
    re.compile(r"(?:[…⋯]|[…·•.．⋯]{2,})\s*第\s*(?P<page>\d{1,4})\s*页\s*$"),  # ……第4页
    re.compile(r"\t\s*(?P<page>\d{1,4})\s*$"),
    re.compile(r"(?<=[）)])\s*(?P<page>\d{1,4})\s*$"),
)
# A page after nothing but white space, or in brackets, counts only after a complete title: `…的通知　　12`,
# `…的通知（12）`; a title may end in brackets of its own, though not in a bare number.
_BARE_PAGE = re.compile(r"\s+(?P<page>\d{1,4})\s*$|[（(]\s*(?P<bracketed>\d{1,4})\s*[）)]\s*$")
_LEADER_CHARS = "…·•.．⋯"
_PAGE_ALONE = re.compile(r"^(?P<page>\d{1,3})$")
_BRACKETED_PAGE_ALONE = re.compile(r"^[（(]\s*(?P<page>\d{1,3})\s*[）)]$")
# The rest of a number's series on the next line, after a line ending in the series' first characters.
_SERIES_GOES_ON = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［]\s*\d{4}")
_CUT_SERIES = re.compile(r"\s[\u4e00-\u9fff]{1,6}$")
_CUT_PAGE = re.compile(r"[…·•.．⋯]\s*\d{1,3}$")
# A page printed before the title: `5　某县人民政府关于…的通知`.
_LEADING_PAGE = re.compile(r"^(?P<page>\d{1,4})[ \t\u3000]+(?P<rest>\S.*)$")
_ENTRY_PREFIX = re.compile(r"^[-－•·]\s+")
_SECTION = re.compile(r"^【.{1,20}】$|^.{0,14}文件$")
# Fragments of one entry: more than this and the lines are not a table of contents.
_MAX_PENDING = 6
# Lines read back from the first line of the body to the start of the first document's heading (issuer, title
# wrapped narrow, number, addressee wrapped).
_HEADING_LINES = 12
# An entry may open with its issuer (县人民政府关于…, 某县人民政府办公室关于…), the county's name printed or not, or
# with the departments that issued it (某县财政局　某县农业农村局关于…); so may the body's first heading. Minutes
# and public notices (县人民政府常务会议纪要, 县人民政府通告（2025年第1号）) are listed by their issuer and kind, which
# comes off as the body's heading's does.
_ONE_ISSUER = (
    rf"(?:[{CJK}]{{0,12}}?(?:县|市|区|旗))?(?:人民)?政府(?:办公室|办公厅)?"
    rf"|(?:中共)?(?!关于)[{CJK}]{{1,12}}?(?:县|市|区|旗){DEPARTMENT}"
)
_PUBLIC_NOTICE = r"(?:通告|公告)(?:[（(]|$)"
_ISSUER_PREFIX = re.compile(
    rf"^(?:{_ONE_ISSUER})(?:\s*(?:{_ONE_ISSUER})){{0,5}}(?=关于|文件$|$|{MINUTES_TITLE}|{_PUBLIC_NOTICE})"
)


@dataclass
class Toc:
    start: int  # 0-based index of the 目录 line
    end: int  # 0-based index of the last line that belongs to it
    entries: list[TocEntry]


def _without_leaders(text):
    """text without the dot leaders and white space that end it. (A pattern such as [ …]+$ would begin at every
    character of a long run and scan the rest of it.)"""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in _LEADER_CHARS):
        end -= 1
    return text[:end]


def split_page(line):
    """(text without the page, page) for a line ending in a page number, else (line, None)."""
    head, tail = line[:-_TAIL], line[-_TAIL:]
    for pattern in _PAGE_PATTERNS:
        match = pattern.search(tail)
        if match:
            return head + tail[: match.start()], int(match["page"])
    match = _BARE_PAGE.search(tail)
    if match and kind_of(_without_leaders(head + tail[: match.start()])):
        return head + tail[: match.start()], int(match["page"] or match["bracketed"])
    return line, None


def find_toc_start(lines, stop):
    """The 目录 line before index stop (the first document number or heading), else None."""
    for index in range(min(stop, len(lines))):
        if TOC_HEADING.match(lines[index].strip()):
            return index
    return None


def _opens_entry(text):
    """A line that starts a contents entry: 关于…, or its issuer before it (县人民政府关于…, on one line or two)."""
    squeezed = squeeze(text)
    return squeezed.startswith("关于") or _ISSUER_PREFIX.match(squeezed) is not None


def _is_issuer(text):
    return _ISSUER_PREFIX.fullmatch(squeeze(text)) is not None


def _is_own_number(text):
    """A bare number line: a document's own. A bracketed one may close a contents entry."""
    return OWN_NUMBER_LINE.match(text) is not None and not text.startswith(("（", "("))


class _Reader:
    """Entries as they complete: on their page, on their number, or when the next entry opens. Each keeps its
    fragments (line index, text), so that lines of the first document's heading can be given back to the body."""

    def __init__(self, start):
        self.entries = []  # (fragments, page, section)
        self.pending = []
        self.section = None
        self.boundary = start  # the last line surely of the contents: 目录, a line with a page, a section heading
        self.leading_page = None  # a page printed before the pending entry's title
        self.last_raw = ""

    def complete(self, page=None):
        page, self.leading_page = (self.leading_page if page is None else page), None
        if not all(_is_issuer(text) for _, text in self.pending):
            self.entries.append((self.pending, page, self.section))
        self.pending = []

    def _issuer_goes_on(self, text):
        """The pending lines are issuers that narrow wrapping cut, which ``text`` goes on with (中共某县委办公室　某
        | 县人民政府办公室关于…)."""
        so_far = squeeze("".join(fragment for _, fragment in self.pending))
        if not so_far or "关于" in so_far:
            return False
        match = _ISSUER_PREFIX.match(so_far + squeeze(text))
        return match is not None and match.end() > len(so_far)

    def _close_bracket(self, closers):
        """Closes the bracket the last line read left open; the page, where the bracket held it."""
        fragments = self.pending or (self.entries[-1][0] if self.entries else [])
        if not fragments or not _open_bracket(fragments[-1][1]):
            return None
        index, text = fragments[-1]
        text, page = split_page(text + closers)
        fragments[-1] = (index, text)
        if page is not None and self.pending:
            return page
        if page is not None and self.entries[-1][1] is None:
            self.entries[-1] = (fragments, page, self.entries[-1][2])
        return None

    def _paged(self):
        """The last entry is complete and has its page."""
        return not self.pending and bool(self.entries) and self.entries[-1][1] is not None

    def _cut_before_page(self):
        """The last line read ends in dot leaders: its page follows."""
        last = self.pending[-1][1] if self.pending else self.entries[-1][0][-1][1] if self.entries else ""
        return last.rstrip().endswith(tuple(_LEADER_CHARS))

    def _add(self, index, text):
        opens = _opens_entry(text) and not all(_is_issuer(fragment) for _, fragment in self.pending)
        if opens and not self._issuer_goes_on(text):
            self.complete()
        self.pending.append((index, text))

    def read(self, index, raw):
        """Take one non-blank line; False on the first line of the body (a sentence, an addressee, a date, a
        number printed before its heading) or when no entry can be this long."""
        previous, self.last_raw = self.last_raw, raw
        text, page = split_page(raw)
        text = _ENTRY_PREFIX.sub("", text.strip())
        if text and not text.strip("）) "):
            # The closing bracket that wrapping left on a line of its own, or before the page: `…8号` | `）……6`,
            # `…21号` | `）` | `- 3 -`; a page in brackets cut so (`…的通知（9` | `）`) is the entry's page.
            bracketed = self._close_bracket(text.replace(" ", ""))
            page = bracketed if page is None else page
            if page is None:
                self.boundary = index
                return True
            text = ""
        if page is None and (leading := _LEADING_PAGE.match(text)) and _opens_entry(leading["rest"]):
            if self.pending:
                self.complete()
            text, self.leading_page, self.boundary = leading["rest"], int(leading["page"]), index
        alone = page is None and (_PAGE_ALONE.match(text) or _BRACKETED_PAGE_ALONE.match(text))
        if alone and self._cut_before_page():
            # The page that narrow wrapping cut from its leaders: `…第7号）……` | `4`, `…33号………` | `（6）`.
            text, page = "", int(alone["page"])
        elif alone and _PAGE_ALONE.match(text) and _CUT_PAGE.search(previous) and self._paged():
            # The rest of a page's digits, cut by narrow wrapping: `…10号）····· 2` | `2` is page 22.
            fragments, first, section = self.entries[-1]
            self.entries[-1] = (fragments, int(f"{first}{text}"), section)
            self.boundary = index
            return True
        if page is not None:
            self.boundary = index
            if text:
                self._add(index, text)
            if self.pending:
                self.complete(page)
            elif self.entries and self.entries[-1][1] is None:
                fragments, _, section = self.entries[-1]
                self.entries[-1] = (fragments, page, section)
            return True
        if _SECTION.match(squeeze(text)) and "关于" not in text:
            self.complete()
            self.section, self.boundary = text, index
            return True
        if ends_terminal(_without_leaders(text)) or is_date_line(text) or (not self.pending and _is_own_number(text)):
            return False
        self._add(index, text)
        if trailing_number(text)[0] is not None:
            self.complete()
        return len(self.pending) < _MAX_PENDING


def _previous_nonblank(lines, index, floor):
    """The non-blank line before index, None when there is none after floor."""
    index -= 1
    while index > floor and not lines[index].strip():
        index -= 1
    return index if index > floor else None


def _heading_start(lines, body, floor):
    """Where the first document's heading begins, read back from its first line of body (0-based index body): its
    title line opening with 关于 (or its issuer), the issuer line above it, and the number above that when none
    follows the title. Lines up to floor are the contents'; None when no heading is found after floor."""
    found, number_after, index, following = None, False, body, ""
    for _ in range(_HEADING_LINES):
        index = _previous_nonblank(lines, index, floor)
        if index is None:
            return None
        text = lines[index].strip()
        if _is_own_number(text):
            number_after = True
        elif (_opens_entry(text) or _opens_entry(text + following)) and not _is_issuer(text):
            # Also a title line that narrow wrapping cut inside its issuer or 关于 (某某人民政府关 | 于印发…).
            found = index
            break
        following = text
    for _ in range(2):
        above = _previous_nonblank(lines, found, floor) if found is not None else None
        if above is None:
            break
        text = lines[above].strip()
        if _is_issuer(text) or (not number_after and _is_own_number(text)):
            number_after = number_after or _is_own_number(text)
            found = above
        else:
            break
    return found


def parse_toc(lines, start):
    """Entries from the line after 目录 until the body begins. The body begins with the first document's heading,
    read back from its first line of body: those lines are never entries, whatever they look like."""
    reader = _Reader(start)
    body = len(lines)
    for index in range(start + 1, len(lines)):
        raw = lines[index].strip()
        if raw and not reader.read(index, raw):
            body = index
            break
    if body == len(lines):
        heading = body
    elif not reader.pending and _is_own_number(lines[body].strip()):
        heading = body  # the number printed before its heading
    else:
        heading = _heading_start(lines, body, reader.boundary)
        if heading is None:
            heading = reader.pending[0][0] if reader.pending else body
    reader.complete()
    entries = []
    for fragments, page, section in reader.entries:
        kept = [(index, text) for index, text in fragments if index < heading]
        if kept and not all(_is_issuer(text) for _, text in kept):
            entries.append(_entry(kept, page if len(kept) == len(fragments) else None, section))
    end = _previous_nonblank(lines, heading, start)
    return Toc(start, start if end is None else end, entries)


def _open_bracket(text):
    opened = max(text.rfind("（"), text.rfind("("))
    return opened >= 0 and max(text.rfind("）"), text.rfind(")")) < opened


def _entry(fragments, page, section):
    text = ""
    for _, fragment in fragments:
        if _open_bracket(text) or (text and _SERIES_GOES_ON.match(fragment) and _CUT_SERIES.search(text)):
            # A number that narrow wrapping cut, even inside its series (（中旗政办 | 发〔2025〕45号）, …的通知　石 |
            # 政办发〔2025〕33号).
            text = join_fragments(text, fragment)
        else:
            text = f"{text}\n{fragment}" if text else fragment  # display_join reads the break
    number, title = entry_number(_without_leaders(text))
    title = display_join(_without_leaders(title))
    title = _ISSUER_PREFIX.sub("", title, count=1)
    return TocEntry(
        title=title,
        title_normalised=squeeze(title),
        number=number.normalised if number else None,
        page=page,
        section=section,
        line=fragments[0][0] + 1,
    )
