"""Tables laid out with spaces (as `pdftotext -layout` and some word processors export them): rows whose cells are
separated by two or more spaces become TAB rows, the form the rest of the parser reads tables in.

Only runs of at least two such rows count, each of at least three cells: one line with a wide gap, or a roster
line (组  长：王伟  县长, 王  伟  副县长), is no table. Lines keep their numbers, so every value still points at
its source line.
"""

import re

_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
# Two characters standing alone with spaces between: a two-character name padded to three (王  伟) or a letter-spaced
# label (组    长): one cell, not two.
_PADDED = re.compile(r"(?:^|(?<=[\s：:]))[\u4e00-\u9fff] {2,}[\u4e00-\u9fff](?=\s|$)")
_MIN_CELLS = 3
_MIN_ROWS = 2


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


def tab_spaced_columns(text):
    """``text`` with its space-aligned table rows TAB-separated; everything else as it was."""
    if "  " not in text:
        return text
    lines = text.split("\n")
    run = []  # (index, gaps) of the current run of rows; blank lines (page breaks) do not end it

    def close():
        if len(run) >= _MIN_ROWS:
            for index, gaps in run:
                line, pieces, position = lines[index], [], 0
                for start, end in gaps:  # joined once: cutting the line again at each gap copied it per cell
                    pieces += [line[position:start], "\t"]
                    position = end
                lines[index] = "".join([*pieces, line[position:]])
        run.clear()

    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if gaps := _gaps(line, bool(run)):
            run.append((index, gaps))
        else:
            close()
    close()
    return "\n".join(lines)
