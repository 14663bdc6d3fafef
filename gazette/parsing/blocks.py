"""A run of source lines as blocks: headings, paragraphs with page-break splits rejoined, TAB tables as rows."""

import re

from .result import Block
from .text import clean_inline, ends_terminal, join_fragments, squeeze
from .vocabulary import HEADING_MARKER, MARKER, ROSTER_LINE

_HEADING_CHARS = 40
# A heading cut by a page break continues with a short unpunctuated line; longer lines start the text under it.
_HEADING_CONTINUATION_CHARS = 40
# A paragraph with a numbered start cut by a page break looks like a heading; its rest opens with a few characters
# closing the first sentence (（十）推进危险化学品安全专 | 项整治。推进…).
_CUT_SENTENCE_CHARS = 6
_FIRST_SENTENCE = re.compile(rf"^[^。；！？]{{1,{_CUT_SENTENCE_CHARS}}}[。；！？]")
# A hard-wrapped line this much shorter than the wrap width ended its paragraph.
WRAP_SLACK = 2
_ROSTER_WRAP_CHARS = 12
_MEMBER_CHARS = 15
_CELL_SPACES = re.compile(r"\s+")
_SENTENCE_PUNCTUATION = re.compile(r"[。；！？;!?]")


def table_cells(line):
    """The cells of a TAB-separated row (empty cells kept: merged cells), or None when the line is not one; a
    single trailing TAB after a line of text is not a table."""
    cells = line.strip(" \u3000\r\n").split("\t")
    if len(cells) < 2 or (len(cells) == 2 and not cells[1].strip()):
        return None
    return [_CELL_SPACES.sub(" ", clean_inline(cell)).strip() for cell in cells]


def _is_heading(text):
    """一、总体要求 or （三）工作措施: a numbered line, short, without a sentence in it."""
    short = len(text) <= _HEADING_CHARS and not ends_terminal(text)
    return bool(HEADING_MARKER.match(text)) and short and not _SENTENCE_PUNCTUATION.search(text)


class _Builder:
    def __init__(self, wrap_width):
        self.blocks = []
        self.wrap_width = wrap_width
        self.last_line_length = 0
        self.broken = False  # a blank line (page or paragraph break) since the last table row
        self.roster = set()  # ids of the blocks that are roster lines

    def add_row(self, number, cells):
        table = self.blocks[-1] if self.blocks and self.blocks[-1].kind == "table" else None
        if table is None:
            self.blocks.append(Block("table", "", number, [cells]))
            return
        header = [squeeze(cell) for cell in table.rows[0]]
        if self.broken and len(table.rows) > 1 and [squeeze(cell) for cell in cells] == header:
            return  # the header printed again at the top of the next page
        previous = table.rows[-1]
        if self.broken and len(previous) < len(header) and len(previous) + len(cells) - 1 == len(header):
            # A row cut by the page break inside a cell: its halves share that cell.
            table.rows[-1] = previous[:-1] + [join_fragments(previous[-1], cells[0])] + cells[1:]
        elif self.broken and len(previous) < len(header) and len(previous) + len(cells) == len(header):
            table.rows[-1] = previous + cells  # cut between two cells
        elif self.broken and len(cells) != len(header):
            self.blocks.append(Block("table", "", number, [cells]))  # another table after a break
        else:
            table.rows.append(cells)
        self.broken = False

    def add_text(self, number, text):
        previous = self.blocks[-1] if self.blocks else None
        if previous is not None and self._continues(previous, text):
            previous.text = join_fragments(previous.text, text)
            if ends_terminal(text) or "。" in text:
                previous.kind = "paragraph"
        elif _is_heading(text):
            self.blocks.append(Block("heading", text, number))
        else:
            block = Block("paragraph", text, number)
            # A roster line, or a short member line after one (各乡镇乡镇长), is a line of its own.
            member = previous is not None and id(previous) in self.roster and len(text) <= _MEMBER_CHARS
            if ROSTER_LINE.match(text) or (member and not ends_terminal(text)):
                self.roster.add(id(block))
            self.blocks.append(block)
        self.last_line_length = len(text)

    def _continues(self, previous, text):
        if previous.kind == "table" or ends_terminal(previous.text) or MARKER.match(text) or ROSTER_LINE.match(text):
            return False
        if id(previous) in self.roster and not self.wrap_width:
            # A roster line wrapped in its narrow column goes on with the rest of the post, which is no sentence.
            # A collective member (各乡镇乡镇长) is a line of its own.
            return not text.startswith("各") and (len(text) <= _ROSTER_WRAP_CHARS or "，" not in text)
        if self.wrap_width:
            # Hard-wrapped text: a line filled to the wrap width was cut; a shorter one ended its paragraph.
            return self.last_line_length >= self.wrap_width - WRAP_SLACK
        if previous.kind == "heading":
            # Only a heading cut mid-phrase (一、提高政治站位，深入) goes on with a short line.
            cut = "，" in previous.text or "、" in previous.text[2:]
            short = cut and len(text) <= _HEADING_CONTINUATION_CHARS and not ends_terminal(text)
            return short or bool(_FIRST_SENTENCE.match(text))
        return True


def build_blocks(lines, first, last, wrap_width=None, skip=None):
    """Blocks for lines[first:last] (0-based, end exclusive); Block.line is 1-based. skip(text) drops furniture."""
    builder = _Builder(wrap_width)
    for index in range(first, last):
        raw = lines[index]
        text = raw.strip()
        if not text:
            builder.broken = True
            continue
        if skip is not None and skip(text):
            continue
        cells = table_cells(raw)
        if cells is not None:
            builder.add_row(index + 1, cells)
        else:
            builder.add_text(index + 1, clean_inline(text))
    for block in builder.blocks:
        if block.kind == "table":
            block.text = "\n".join("\t".join(row) for row in block.rows)
    return builder.blocks
