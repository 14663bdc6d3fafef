"""A run of source lines as blocks: headings, paragraphs with page-break splits rejoined, TAB tables as rows."""

import re

from .columns import WRAPPED
from .result import Block
from .text import (
    CLOSERS,
    TERMINAL,
    clean_inline,
    ends_terminal,
    full_width_length,
    join_fragments,
    spaced_at_break,
    squeeze,
)
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
# A line ending in a label just opened in a bracket (…致富。（牵头单位：) was cut by a page break: the units follow.
_OPEN_LABEL_CHARS = 16
_OPEN_LABEL = re.compile(r"[（(][^（()）]{0,12}[：:]$")
# The labels of a task's units, leader and deadline, whose wrapped rest opens a line as a roster label would.
_TASK_LABEL = re.compile(
    r"(?:牵头|责任|配合|实施|协办|主体责任|分管|包联)(?:单位|部门|领导)|(?:完成|整改)(?:时限|时间|期限)"
    r"|截止时间|时间节点|时限要求|责任人"
)
_CUT_LABEL_CHARS = 5
_SENTENCE_PUNCTUATION = re.compile(r"[。；！？;!?]")
_MINUTES_OPENING = re.compile(r"^会议(?:听取|要求|同意|指出|决定|研究|认为|强调|审议|原则|讨论|明确|议定)")


def table_cells(line):
    """The cells of a TAB-separated row (empty cells kept: merged cells), or None when the line is not one; a
    single trailing TAB after a line of text is not a table."""
    cells = line.strip(" \u3000\r\n").split("\t")
    if len(cells) < 2 or (len(cells) == 2 and not cells[1].strip()):
        return None
    return [_CELL_SPACES.sub(" ", clean_inline(cell)).strip() for cell in cells]


# A narrow unit column prints one unit a line: 县自然资源局 | 县生态环境局 are two units, kept apart by a space (a
# cell's units may be separated by spaces); any other wrapped text joins as a wrapped sentence does.
_UNIT_END = re.compile(r"(?:局|委|办|中心|政府|镇|乡|街道|公司|队|所|院|站)$")
_UNIT_START = re.compile(r"^(?:县|市|区|各)")


def _join_wrapped(mine, rest):
    if _UNIT_END.search(mine) and _UNIT_START.match(rest):
        return f"{mine} {rest}"
    return join_fragments(mine, rest)


def _is_heading(text):
    """一、总体要求 or （三）工作措施: a numbered line, short, without a sentence in it."""
    short = len(text) <= _HEADING_CHARS and not ends_terminal(text)
    return bool(HEADING_MARKER.match(text)) and short and not _SENTENCE_PUNCTUATION.search(text)


class _Builder:
    def __init__(self, wrap_width):
        self.blocks = []
        self.wrap_width = wrap_width
        self.last_line_length = 0
        self.last_line = ""
        self.broken = False  # a blank line (page or paragraph break) since the last table row
        self.roster = set()  # ids of the blocks that are roster lines
        # The last block's text as fragments, joined once it is complete: appending to a growing string copied it
        # on every line (a 30,000-line paragraph took minutes). What _continues asks of it is kept as it grows.
        self.parts = []
        self.length = 0  # of the last block's text so far
        self.terminal = False  # whether it ends a sentence (ends_terminal)
        self.cut = False  # whether a heading has a 、 or ， in it after its number: cut mid-phrase
        self.open_brackets = 0  # brackets the last block opened and has not closed yet

    def _open(self, block):
        """Start collecting ``block``'s text; the block before it is complete."""
        self.finish()
        self.blocks.append(block)
        if block.kind != "table":
            self.parts, self.length, self.terminal, self.cut, self.open_brackets = [], 0, False, False, 0
            self._extend(block.text)

    def _extend(self, text):
        if not text:
            return
        # As join_fragments glues two pieces; but a line that hard wrapping filled was cut wherever the width fell,
        # inside a code too (…的QS2024-03号、Q | S2024-04号).
        if self.parts and spaced_at_break(self.parts[-1][-1], text[0]) and not (self.wrap_width and self._filled()):
            text = " " + text
        self.cut = self.cut or "，" in text or "、" in text[max(0, 2 - self.length) :]
        self.parts.append(text)
        self.length += len(text)
        self.open_brackets += text.count("（") + text.count("(") - text.count("）") - text.count(")")
        stripped = text.rstrip().rstrip(CLOSERS)
        if stripped:
            self.terminal = stripped[-1] in TERMINAL and not _OPEN_LABEL.search(stripped[-_OPEN_LABEL_CHARS:])

    def finish(self):
        if self.blocks and self.blocks[-1].kind != "table":
            self.blocks[-1].text = "".join(self.parts)

    def add_row(self, number, cells):
        if cells[0] == WRAPPED and not (self.blocks and self.blocks[-1].kind == "table"):
            cells = ["", *cells[1:]]
        table = self.blocks[-1] if self.blocks and self.blocks[-1].kind == "table" else None
        if table is None:
            self._open(Block("table", "", number, [cells]))
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
            self._open(Block("table", "", number, [cells]))  # another table after a break
        elif cells[0] == WRAPPED and len(cells) == len(previous):
            # The rest of cells that their narrow columns wrapped onto a line of their own (a table laid out with
            # spaces, see columns.py): each joins its cell.
            pairs = zip(previous[1:], cells[1:], strict=True)
            joined = [_join_wrapped(mine, rest) if rest else mine for mine, rest in pairs]
            table.rows[-1] = [previous[0], *joined]
        else:
            table.rows.append(cells)
        self.broken = False

    def add_text(self, number, text):
        previous = self.blocks[-1] if self.blocks else None
        if previous is not None and self._continues(previous, text):
            self._extend(text)
            if ends_terminal(text) or "。" in text:
                previous.kind = "paragraph"
        elif _is_heading(text):
            self._open(Block("heading", text, number))
        else:
            block = Block("paragraph", text, number)
            # A roster line, or a short member line after one (各乡镇乡镇长), is a line of its own.
            member = previous is not None and id(previous) in self.roster and len(text) <= _MEMBER_CHARS
            if ROSTER_LINE.match(text) or (member and not ends_terminal(text)):
                self.roster.add(id(block))
            self._open(block)
        self.last_line_length = full_width_length(text)
        self.last_line = text

    def _continues(self, previous, text):
        if previous.kind == "table" or MARKER.match(text):
            return False
        if ROSTER_LINE.match(text) and self.open_brackets > 0 and any(closer in text for closer in "）)"):
            return True  # a label closing the bracket a line break left open: （责任单位：…； | 完成时限：…）
        if ROSTER_LINE.match(text) and not (
            self.wrap_width and self._filled() and (self.open_brackets > 0 or self._cut_label(text))
        ):
            # Inside a bracket that wrapping cut, 任单位：… is the rest of a label (（责 | 任单位：…）), no roster
            # line; so is the rest of a task's label the wrap cut (…。责任 | 领导：李红；牵头单 | 位：…).
            return False
        if self.terminal and not (self.wrap_width and self._filled()):
            # A sentence that ends the line filled to the wrap width may not end its paragraph: an item's heading
            # sentence (（一）做好农资储备检查。) goes on with its text on the next line.
            return False
        if id(previous) in self.roster and not self.wrap_width:
            # A roster line wrapped in its narrow column goes on with the rest of the post, which is no sentence.
            # A collective member (各乡镇乡镇长) is a line of its own.
            return not text.startswith("各") and (len(text) <= _ROSTER_WRAP_CHARS or "，" not in text)
        if self.wrap_width:
            # Hard-wrapped text: a line filled to the wrap width was cut; a shorter one ended its paragraph. An
            # agenda item's heading may fill the line (一、关于春季森林防火工作): the minutes' 会议要求… opens its text.
            if previous.kind == "heading" and _MINUTES_OPENING.match(text):
                return False
            return self._filled()
        if previous.kind == "heading" and self.open_brackets > 0:
            return True  # cut inside its bracket: （二）集中整治阶段（2025年7月1日 | 至9月30日）。…
        if previous.kind == "heading":
            # Only a heading cut mid-phrase (一、提高政治站位，深入) goes on with a short line.
            short = self.cut and len(text) <= _HEADING_CONTINUATION_CHARS and not ends_terminal(text)
            return short or bool(_FIRST_SENTENCE.match(text))
        return True

    def _cut_label(self, text):
        head = squeeze(re.split(r"[：:]", text, maxsplit=1)[0])
        tail = self.last_line[-_CUT_LABEL_CHARS:]
        return any(_TASK_LABEL.fullmatch(tail[-size:] + head) for size in range(1, len(tail) + 1))

    def _filled(self):
        return self.last_line_length >= self.wrap_width - WRAP_SLACK


def build_blocks(lines, first, last, wrap_width=None, skip=None):
    """Blocks for lines[first:last] (0-based, end exclusive); Block.line is 1-based. skip(index) drops furniture."""
    builder = _Builder(wrap_width)
    for index in range(first, last):
        raw = lines[index]
        text = raw.strip()
        if not text:
            builder.broken = True
            continue
        if skip is not None and skip(index):
            continue
        cells = table_cells(raw)
        if cells is not None:
            builder.add_row(index + 1, cells)
        else:
            builder.add_text(index + 1, clean_inline(text))
    builder.finish()
    for block in builder.blocks:
        if block.kind == "table":
            block.text = "\n".join("\t".join(row) for row in block.rows)
    return builder.blocks
