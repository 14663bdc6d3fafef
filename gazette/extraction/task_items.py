"""Tasks: rows of task tables, and prose items that end in a responsibility bracket.

Tables are task tables when a column names a deadline (完成时限, 整改时限…) or responsible units (牵头单位, 责任单位…).
Merged cells (empty) take the row above's value, repeated headers are already dropped by the parser, 合计 rows are
dropped here. Where a table lists townships and problem types (乡镇 | 问题类型 …, a cell listing several types), each
township and type is a task of its own, and a deadline cell naming several types gives each its own phrase.

Prose items end in a bracket: （责任单位：…）, （X牵头，Y配合）, （X负责）, （X、Y按职责分工负责）. Unit names are kept
as written; resolving them through the organisations' aliases is the review's work. Deadlines are kept as phrases with
the document's signing date as reference, for the deadline parser to read.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from gazette.parsing.result import Block, Span
from gazette.parsing.text import squeeze

from .common import DocumentRef, Source

LEAD, RESPONSIBLE, SUPPORTING, IMPLEMENTING = "lead", "responsible", "supporting", "implementing"

_DEADLINE_HEADER = re.compile(r"时限|完成时间|时间节点|完成期限|截止时间|整改期限")
_UNIT_HEADERS = (
    (re.compile(r"牵头单位|牵头部门"), LEAD),
    (re.compile(r"配合单位|配合部门|协办单位"), SUPPORTING),
    (re.compile(r"责任单位|责任部门|主体责任|承办单位"), RESPONSIBLE),
    (re.compile(r"实施单位|实施主体"), IMPLEMENTING),
)
_TOWNSHIP_HEADER = re.compile(r"^(?:所属)?(?:乡镇|乡（镇）|乡\(镇\)|镇（街道）|镇\(街道\)|乡镇（街道）|街道)$")
_PERSON_HEADER = re.compile(r"责任人|负责人")
_QUANTITY_HEADER = re.compile(r"面积|数量|规模|任务量|长度|户数")
_TITLE_HEADERS = (
    "主要任务",
    "具体任务",
    "工作任务",
    "任务内容",
    "整改任务",
    "目标任务",
    "重点任务",
    "整改措施",
    "工作措施",
    "治理任务",
    "重点工作",
    "建设内容",
    "项目名称",
    "问题类型",
    "存在问题",
    "问题",
    "指标",
    "考核要求",
    "工作内容",
    "内容",
)
_PROBLEM_HEADER = re.compile(r"问题类型|类型|非粮化|非农化")
_TOTAL = re.compile(r"^(?:合计|总计|小计|共计)$")
_NOT_INHERITED = re.compile(r"序号|备注|编号")
_UNIT_SPLIT = re.compile(r"[、，,；;]|\s+(?=[^\s（(）)]{2,})")
_UNIT_UNIT = re.compile(r"[（(](?P<unit>[^（()）]{1,6})[）)]\s*$")
_NOTE = re.compile(r"^[（(][^（()）]*[）)]$")  # （空白） in a type column: no type given

# Responsibility brackets closing a prose item.
_BRACKET = re.compile(r"[（(](?P<inner>[^（()）]{2,200})[）)]")
_LABELLED = re.compile(
    r"(?P<label>牵头单位|责任单位|配合单位|实施单位|责任部门|牵头部门|配合部门|主体责任单位)[：:](?P<units>[^；;：:]+)"
)
_LEAD_SUPPORT = re.compile(
    r"^(?P<lead>[^，,；;]+?)牵头(?:[，,、；;]\s*(?P<support>[^，,；;]+?)(?:等)?(?:配合|参与|协助))?$"
)
_RESPONSIBLE = re.compile(r"^(?P<units>[^，,；;]+?)(?:按职责分工|按照职责|分别|共同|具体)?负责(?:落实|实施)?$")
_MARKER = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d)|[①-⑳])\s*"
)


@dataclass(frozen=True)
class UnitAssignment:
    name: str  # as written
    role: str  # lead, responsible, supporting, implementing


@dataclass
class TaskProposal:
    document: DocumentRef
    title: str
    units: list[UnitAssignment]
    person: str | None
    deadline_text: str | None  # as written; one cell may hold several phrases (milestones)
    reference: date | None  # the document's signing date, against which the deadline is read
    quantity: str | None  # 650.2405亩
    span: Span
    from_table: bool
    row: dict = field(default_factory=dict)  # the table row by header, merged cells filled, for the reviewer


def extract_tasks(source: Source, blocks) -> list[TaskProposal]:
    """Tasks from the document's blocks (body, instrument and annexes, in order)."""
    tasks = []
    spans = _BlockSpans(source, blocks)
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if block.kind == "table" and block.rows:
            tasks += _table_tasks(source, block, spans)
        elif (
            block.kind == "paragraph"
            and _opens_with_bracket(block)
            and position
            and blocks[position - 1].kind != "table"
        ):
            continue  # read with the paragraph before it
        elif block.kind in ("paragraph", "heading") and following is not None and _opens_with_bracket(following):
            # A bracket printed as a paragraph of its own (after a page break) closes the item before it.
            joined = Block("paragraph", block.text + following.text.strip(), block.line)
            tasks += _prose_tasks(source, joined, spans, last=spans.of(following)[1])
        elif block.kind == "paragraph":
            tasks += _prose_tasks(source, block, spans)
    return tasks


def _opens_with_bracket(block):
    match = _BRACKET.match(block.text.strip()) if block.kind == "paragraph" else None
    return bool(match) and bool(responsibility(match["inner"]))


class _BlockSpans:
    """The source lines of blocks: a block runs from its first line to the line before the next block."""

    def __init__(self, source, blocks):
        self.source = source
        starts = sorted({block.line for block in blocks})
        self.next_start = {
            start: following for start, following in zip(starts, [*starts[1:], source.last + 1], strict=True)
        }

    def of(self, block):
        last = self.next_start.get(block.line, block.line + 1) - 1
        while last > block.line and not self.source.text(last):
            last -= 1
        return block.line, last

    def table_lines(self, block):
        first, last = self.of(block)
        return [number for number in range(first, last + 1) if "\t" in self.source.raw(number)]


# --- Tables -------------------------------------------------------------------------------------------------------


def _columns(header):
    names = [squeeze(cell) for cell in header]
    columns = {"units": []}
    for index, name in enumerate(names):
        if _DEADLINE_HEADER.search(name) and "deadline" not in columns:
            columns["deadline"] = index
        elif _PERSON_HEADER.search(name) and "单位" not in name and "person" not in columns:
            columns["person"] = index
        elif _TOWNSHIP_HEADER.match(name):
            columns["units"].append((index, IMPLEMENTING))
            columns["township"] = index
        elif any(pattern.search(name) for pattern, _ in _UNIT_HEADERS):
            role = next(role for pattern, role in _UNIT_HEADERS if pattern.search(name))
            columns["units"].append((index, role))
        elif _QUANTITY_HEADER.search(name) and "quantity" not in columns:
            columns["quantity"] = index
    for title in _TITLE_HEADERS:
        found = [index for index, name in enumerate(names) if title in name and index not in _used(columns)]
        if found:
            columns["title"] = found[0]
            break
    problems = [
        index for index, name in enumerate(names) if _PROBLEM_HEADER.search(name) and index not in _used(columns)
    ]
    if problems and "township" in columns:
        columns["problem"] = problems[0]
        columns.setdefault("title", problems[0])
    return columns


def _used(columns):
    used = {index for index, _ in columns["units"]}
    return used | {columns[key] for key in ("deadline", "person", "quantity") if key in columns}


def _table_tasks(source, block, spans):
    header, *rows = block.rows
    columns = _columns(header)
    if "deadline" not in columns and not columns["units"]:
        return []
    lines = spans.table_lines(block)
    row_lines = _row_lines(lines, source, rows)
    tasks, previous = [], None
    header_key = [squeeze(cell) for cell in header]
    for position, cells in enumerate(rows):
        cells = cells + [""] * (len(header) - len(cells))
        if [squeeze(cell) for cell in cells] == header_key:
            continue  # the header printed again
        if any(_TOTAL.match(squeeze(cell)) for cell in cells):
            continue  # a total row; its merged cells are not the next rows' either
        filled = _inherit(header, cells, previous, columns.get("title"))
        previous = filled
        if not any(filled[index] for index in range(len(header)) if not _NOT_INHERITED.search(header[index])):
            continue
        line = row_lines[position]
        tasks += _row_tasks(source, header, columns, filled, Span(line, line))
    return tasks


def _row_lines(lines, source, rows):
    """The source line of each row: rows are matched in order to TAB lines that start like them."""
    found, index = [], 0
    for cells in rows:
        key = squeeze("".join(cells))[:6]
        probe = index
        while probe < len(lines) and key and not squeeze(source.raw(lines[probe]).replace("\t", "")).startswith(key):
            probe += 1
        if probe < len(lines):
            index = probe
        found.append(lines[index] if index < len(lines) else (lines[-1] if lines else source.first))
        index = min(index + 1, len(lines))
    return found


def _inherit(header, cells, previous, title_index):
    """Merged cells: an empty cell takes the value of the row above (not 序号 or 备注), unless the row names a group
    of its own in a column left of the title (a township of its own: its empty cells are empty)."""
    group_columns = [
        index for index in range(title_index or 0) if not _NOT_INHERITED.search(header[index]) and index < len(cells)
    ]
    if previous is None or any(cells[index] for index in group_columns):
        return list(cells)
    return [
        cell if cell or _NOT_INHERITED.search(header[index]) else previous[index] for index, cell in enumerate(cells)
    ]


def _row_tasks(source, header, columns, cells, where):
    title_index = columns.get("title")
    if title_index is not None:
        base_title = cells[title_index]
    else:  # no column names the task: the row's other cells do (乡镇 | 行政村 | 治理模式 …)
        used = _used(columns)
        base_title = " ".join(
            cell
            for index, cell in enumerate(cells)
            if cell and index not in used and not _NOT_INHERITED.search(header[index])
        )
    units = []
    for index, role in columns["units"]:
        units += [UnitAssignment(name, role) for name in split_units(cells[index])]
    person = despaced_person(cells[columns["person"]]) if "person" in columns else None
    deadline = cells[columns["deadline"]].strip() if "deadline" in columns else ""
    quantity = _quantity(header, cells, columns)
    row = {squeeze(name): cells[index] for index, name in enumerate(header) if name}
    problems = [base_title]
    if "problem" in columns:
        problems = [part for part in re.split(r"[、，,]", cells[columns["problem"]]) if part.strip()] or [""]
    tasks = []
    for problem in problems:
        problem = problem.strip()
        if "problem" in columns and _NOTE.match(problem):
            problem = ""
        title = base_title if title_index != columns.get("problem") else problem
        if "township" in columns and "problem" in columns:
            title = "".join(part for part in (cells[columns["township"]], title) if part)
        if not (title or base_title).strip():
            continue  # a row naming nothing to do: a sub-header, a section's subtotal, the table's total
        tasks.append(
            TaskProposal(
                document=source.ref,
                title=title or base_title,
                units=units,
                person=person,
                deadline_text=_deadline_for(deadline, problem) or None,
                reference=source.ref.signed,
                quantity=quantity,
                span=where,
                from_table=True,
                row=row,
            )
        )
    return tasks


def _deadline_for(cell, problem):
    """The phrase of a deadline cell naming several problem types (“非农化”问题12月30前…，“非粮化”问题6月30日前…)
    that names this row's type, else the whole cell."""
    pieces = [piece.strip() for piece in re.split(r"[，,；;]", cell) if piece.strip()]
    if problem and len(pieces) > 1:
        named = [piece for piece in pieces if problem in piece]
        if len(named) == 1:
            return named[0]
    return cell


def _quantity(header, cells, columns):
    if "quantity" not in columns or not cells[columns["quantity"]].strip():
        return None
    value = cells[columns["quantity"]].strip()
    unit = _UNIT_UNIT.search(squeeze(header[columns["quantity"]]))
    return f"{value}{unit['unit']}" if unit and re.fullmatch(r"[\d.,]+", value) else value


def split_units(text):
    """Unit names in one cell or clause: separated by 、，； or by spaces between names."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return []
    names = [name.strip(" 等。") for name in _UNIT_SPLIT.split(text)]
    return [name for name in names if len(name) >= 2]


def despaced_person(text):
    text = re.sub(r"\s+", "", text or "")
    return text or None


# --- Prose --------------------------------------------------------------------------------------------------------


def _prose_tasks(source, block, spans, last=None):
    """Items of a paragraph that end in a responsibility bracket; each item starts after the previous one."""
    tasks, start = [], 0
    text = re.sub(r"(?<=\d) (?=\d)", "", block.text)  # a hard wrap inside a number (3月3 | 1日)
    first, own_last = spans.of(block)
    last = last or own_last
    for match in _BRACKET.finditer(text):
        units = responsibility(match["inner"])
        if not units:
            continue
        after = text[match.end() :]
        if after.strip() and not re.match(r"^\s*[。；;，,]", after) and not _MARKER.match(after.strip()):
            # A bracket inside a sentence that goes on is not an item's end, unless an item follows.
            if not re.match(r"^\s*\d", after):
                continue
        title = _MARKER.sub("", text[start : match.start()].strip(" 。；;，,")).strip()
        title = re.sub(r"^[。；;，,]+", "", title)
        tasks.append(
            TaskProposal(
                document=source.ref,
                title=title,
                units=units,
                person=None,
                deadline_text=_prose_deadline(title),
                reference=source.ref.signed,
                quantity=_prose_quantity(title),
                span=_item_span(source, first, last, text[start : match.end()]),
                from_table=False,
            )
        )
        start = match.end()
    return tasks


def responsibility(inner):
    """Units and roles of a responsibility bracket, or [] when the bracket says something else."""
    inner = re.sub(r"\s+", "", inner).strip("。；;")
    labelled = list(_LABELLED.finditer(inner))
    if labelled:
        roles = {"牵头": LEAD, "配合": SUPPORTING, "实施": IMPLEMENTING}
        units = []
        for match in labelled:
            role = next((code for word, code in roles.items() if word in match["label"]), RESPONSIBLE)
            units += [UnitAssignment(name, role) for name in split_units(match["units"])]
        return units
    match = _LEAD_SUPPORT.match(inner)
    if match:
        units = [UnitAssignment(name, LEAD) for name in split_units(match["lead"])]
        return units + [UnitAssignment(name, SUPPORTING) for name in split_units(match["support"] or "")]
    match = _RESPONSIBLE.match(inner)
    if match and len(match["units"]) <= 80 and _looks_like_units(match["units"]):
        return [UnitAssignment(name, RESPONSIBLE) for name in split_units(match["units"])]
    return []


def _looks_like_units(text):
    """Names of organisations (县水利局, 各乡镇人民政府), not a sentence that ends in 负责."""
    names = split_units(text)
    return bool(names) and all(re.search(r"[局委办院部室队站所府镇乡中心公司组会行处]$|各.+$", name) for name in names)


# Deadline phrases in prose: a date with 前/底前/以前 or a 时限 clause.
_PROSE_DEADLINE = re.compile(
    r"(?:(?:\d{4}\s*年\s*)?(?:今年|年底|年内|\d{1,2}\s*月\s*(?:\d{1,2}\s*日?|底|末|中旬|上旬|下旬)?)\s*(?:前|以前|之前)"
    r"|\d{4}\s*年\s*(?:底|末)前?|长期坚持|长期有效|每月\d{1,2}日前|每季度|每年\d{1,2}月(?:底)?前)"
)
_PROSE_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:亩|公顷|平方米|万平方米|公里|千米|米|户|座|处|个|台|辆|所|人次|万元|亿元)"
)


def _prose_deadline(title):
    found = [match.group() for match in _PROSE_DEADLINE.finditer(title)]
    return found[-1] if found else None


def _prose_quantity(title):
    match = _PROSE_QUANTITY.search(title)
    return re.sub(r"\s+", "", match.group()) if match else None


def _item_span(source, first, last, item):
    """The lines of a paragraph the item lies on, found by its first and last characters."""
    squeezed = squeeze(item)
    head, tail = squeezed[:6], squeezed[-6:]
    lines = {number: squeeze(source.text(number)) for number in range(first, last + 1)}
    start = next((number for number, line in lines.items() if head and head in line), first)
    end = next((number for number, line in lines.items() if number >= start and tail and tail in line), start)
    return Span(start, end)


__all__ = ["TaskProposal", "UnitAssignment", "extract_tasks", "responsibility", "split_units"]
