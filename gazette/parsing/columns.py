"""Tables laid out with spaces (as `pdftotext -layout` and some word processors export them): rows whose cells are
separated by two or more spaces become TAB rows, the form the rest of the parser reads tables in.

Only runs of at least two such rows count, each of at least three cells: one line with a wide gap, or a roster
line (组  长：王伟  县长, 王  伟  副县长), is no table. Inside a run, an indented line of a few pieces is the rest of
cells that narrow columns wrapped in the row above: each piece goes under the column it begins in (by display
width, a Chinese character taking two), and the block reader joins them to that row. Lines keep their numbers,
so every value still points at its source line.
"""

import bisect
import re
import unicodedata

_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
# Two characters standing alone with spaces between: a two-character name padded to three (王  伟) or a letter-spaced
# label (组    长): one cell, not two.
_PADDED = re.compile(r"(?:^|(?<=[\s：:]))[\u4e00-\u9fff] {2,}[\u4e00-\u9fff](?=\s|$)")
_MIN_CELLS = 3
_MIN_ROWS = 2
# The first cell of a wrapped line's TAB row, which tells the block reader to join the row to the one above (an
# invisible separator: no gazette prints one, and it is not white space that a strip would take).
WRAPPED = "\u2063"
_ALIGN_SLACK = 1  # a wrapped cell may begin a character right of its column
_LAST_COLUMN = 24  # display columns: the last column's width is not printed; a wrapped rest of it is a few words


def _gaps(line, in_table):
    """The spans of the gaps between cells of a space-aligned row; none when the line is not one (a roster line
    with its label's colon, a line with too few cells). Inside a table, an indented line of fewer cells is a row
    whose first cells are merged with the row above: its indent is one more gap, before an empty cell."""
    text = line.rstrip()
    if "\t" in text or "：" in text or ":" in text:
        return []
    padded = {match.start() + 1 for match in _PADDED.finditer(text)}  # where each padded pair's gap begins
    gaps = [match.span() for match in _GAP.finditer(text) if match.start() not in padded]
    indent = len(text) - len(text.lstrip(" "))
    if in_table and gaps and indent >= 2:
        gaps.insert(0, (0, indent))
    return gaps if len(gaps) + 1 >= _MIN_CELLS else []


def _display(text):
    """The display column each character of ``text`` begins at (a Chinese character takes two, as the exporter and
    a monospaced editor lay it out), and the width of the whole."""
    columns, width = [], 0
    for char in text:
        columns.append(width)
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return columns, width


def _row_columns(line, gaps):
    """(display columns where each cell of the row begins, display width of the row)."""
    columns, width = _display(line.rstrip())
    return [0, *(columns[end] for _start, end in gaps)], width


def _wrapped_cells(line, starts, row_end):
    """The cells of an indented line that continues the row above (cells beginning at display columns ``starts``,
    the row ending at ``row_end``): each piece under the column it begins in, the others empty. None when the line
    is not one: a piece under the first column, two under one, one wider than its column (an indented paragraph
    after the table), or pieces in more than half the columns (a row whose first cells are merged)."""
    text = line.rstrip()
    indent = len(text) - len(text.lstrip(" "))
    if indent < 2 or "\t" in text or len(starts) < _MIN_CELLS:
        return None
    gaps = list(_GAP.finditer(text, indent))
    pieces = list(zip([indent, *(gap.end() for gap in gaps)], [*(gap.start() for gap in gaps), len(text)], strict=True))
    if len(pieces) > (len(starts) - 1) // 2:
        return None
    columns, width = _display(text)
    cells = [WRAPPED, *[""] * (len(starts) - 1)]
    for begin, end in pieces:
        column = bisect.bisect_right(starts, columns[begin] + _ALIGN_SLACK) - 1  # starts ascend
        limit = starts[column + 1] if column + 1 < len(starts) else max(row_end, columns[begin] + _LAST_COLUMN)
        right = columns[end] if end < len(text) else width
        if column == 0 or cells[column] or right > limit + _ALIGN_SLACK:
            return None
        cells[column] = text[begin:end]
    return cells


def tab_spaced_columns(text):
    """``text`` with its space-aligned table rows TAB-separated; everything else as it was."""
    if "  " not in text:
        return text
    lines = text.split("\n")
    run = []  # (index, gaps, cells of a wrapped line or None) of the current run; blank lines do not end it

    def close():
        if sum(cells is None for _index, _gaps, cells in run) >= _MIN_ROWS:
            for index, gaps, cells in run:
                if cells is not None:
                    lines[index] = "\t".join(cells)
                    continue
                line, pieces, position = lines[index], [], 0
                for start, end in gaps:  # joined once: cutting the line again at each gap copied it per cell
                    pieces += [line[position:start], "\t"]
                    position = end
                lines[index] = "".join([*pieces, line[position:]])
        run.clear()

    starts, row_end = [], 0  # display columns where the cells of the run's last row begin, and where it ends
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if run and (cells := _wrapped_cells(line, starts, row_end)) is not None:
            run.append((index, [], cells))
        elif gaps := _gaps(line, bool(run)):
            run.append((index, gaps, None))
            starts, row_end = _row_columns(line, gaps)
        else:
            close()
    close()
    return "\n".join(lines)
