"""Tasks: rows of task tables, and prose items that end in a responsibility bracket.

Tables are task tables when a column names a deadline (完成时限, 整改时限…) or responsible units (牵头单位, 责任单位…).
Merged cells (empty) take the row above's value, repeated headers are already dropped by the parser, 合计 and 小计
rows are dropped here, and so are section rows (一、防洪工程 in the 序号 column, no task named). A row with no number
of its own whose task cell is empty or repeats the row above's (a merged cell, or a row the page break wrapped)
continues the task above: its units, deadline and other cells are added to that task. Columns that say neither the
task, its units, deadline, person nor quantity (工程措施, 建设内容, 考核要求, 备注…) go to the description as
`header：value` lines. Where a table lists townships and problem types (乡镇 | 问题类型 …, a cell listing several
types), each township and type is a task of its own, and a deadline cell naming several types gives each its own
phrase.

Prose items end in a bracket: （责任单位：…）, （X牵头，Y配合）, （X负责）, （X、Y按职责分工负责）, brackets inside
it kept (（责任单位：县住建局（县城管局）、县财政局）), a deadline inside it read too (（牵头单位：…。2024年底前完成）).
Or their units follow under labels outside brackets, after a finished sentence, in the item's paragraph or on lines
of their own (1.开展…整治。牵头单位：县公安局；配合单位：县交通运输局。完成时限：2024年10月底前), a deadline and a
leader (牵头领导：) under labels of their own. Or a sentence after the heading names them: role clauses
(县生态环境局牵头，县水利局配合), or units as a clause's subject charged with a dated duty (各乡镇人民政府要于…前完成…,
minutes' 会议要求，县住建局要于…前…); an item that is such a charge alone (一、县林业局要于3月10日前组织…) is
titled by it. The item's title is its heading sentence (to the first 。, or to a colon after a short numbered
heading), the rest its description. Unit names are kept as written, less the words that give their role (牵头, 配合,
按照职责分工负责, 落实, 等相关单位); resolving them through the organisations' aliases is the review's work. The
deadline is a phrase in the item: one with 前 (`2023年底前`, the last of several), or else its one target date
(`2025年达到三级医院标准`, `到2025年`; two target dates are milestones, not a deadline). Deadlines are kept as
phrases with the document's signing date as reference, for the deadline parser to read.
"""

import bisect
import itertools
import re
from dataclasses import dataclass, field
from datetime import date

from gazette.parsing.columns import WRAPPED
from gazette.parsing.result import Block, Span
from gazette.parsing.text import squeeze

from .common import DocumentRef, Source, split_outside_brackets

LEAD, RESPONSIBLE, SUPPORTING, IMPLEMENTING = "lead", "responsible", "supporting", "implementing"

_DEADLINE_HEADER = re.compile(r"时限|完成时间|时间节点|完成期限|截止时间|整改期限")
_UNIT_HEADERS = (
    (re.compile(r"牵头单位|牵头部门"), LEAD),
    (re.compile(r"配合单位|配合部门|协办单位"), SUPPORTING),
    (re.compile(r"责任单位|责任部门|主体责任|承办单位"), RESPONSIBLE),
    (re.compile(r"实施单位|实施主体"), IMPLEMENTING),
)
_TOWNSHIP_HEADER = re.compile(r"^(?:所属)?(?:乡镇|乡（镇）|乡\(镇\)|镇（街道）|镇\(街道\)|乡镇（街道）|街道)$")
_PERSON_HEADER = re.compile(r"责任人|负责人|(?:责任|牵头|分管|包联|联系)县?领导")
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
_TOTAL = re.compile(r"^(?:合计|总计|小计|共计)|(?:合计|总计|小计|共计)[:：]?$")
_NOT_INHERITED = re.compile(r"序号|备注|编号")
_NUMBER_HEADER = re.compile(r"序号|编号")
_ROW_NUMBER = re.compile(r"^[（(]?\d{1,4}[）).．、]?$")  # a row's own number, not a section's (一、防洪工程)
_UNIT_SPLIT = re.compile(r"[、，,；;]|\s+(?=[^\s（(）)]{2,})")
_UNIT_UNIT = re.compile(r"[（(](?P<unit>[^（()）]{1,6})[）)]\s*$")
_NOTE = re.compile(r"^[（(][^（()）]*[）)]$")  # （空白） in a type column: no type given

# Responsibility brackets closing a prose item: labels, and the words after a unit that give its role.
_LABEL_WORDS = r"牵头单位|责任单位|配合单位|实施单位|责任部门|牵头部门|配合部门|主体责任单位"
_LABEL = re.compile(rf"(?P<label>{_LABEL_WORDS})[：:]")
_DEADLINE_LABEL_WORDS = r"完成时限|完成时间|完成期限|整改时限|整改期限|时限要求|截止时间|时间节点|时限"
_PERSON_LABEL_WORDS = r"牵头领导|责任领导|分管领导|包联领导|牵头县领导|责任人"
# The labels of an item written outside brackets; a label's value ends at the next label or sentence.
_ITEM_LABEL = re.compile(
    rf"(?P<label>{_LABEL_WORDS})[：:]|(?P<deadline>{_DEADLINE_LABEL_WORDS})[：:]|(?P<person>{_PERSON_LABEL_WORDS})[：:]"
)
_LABEL_LINE = re.compile(rf"^(?:{_LABEL_WORDS}|{_DEADLINE_LABEL_WORDS}|{_PERSON_LABEL_WORDS})[：:]")
# Labels begin after a sentence, not inside one.
_SENTENCE_ENDS = "。；;！？!?"
_VALUE_END = re.compile(r"[。]")
_SEGMENT_END = re.compile(rf"。|(?:{_DEADLINE_LABEL_WORDS}|{_PERSON_LABEL_WORDS})[：:]")
# What a leader's or deadline label inside a bracket gives runs to the next clause or label.
_BRACKET_VALUE_END = re.compile(rf"[；;。，,]|(?:{_LABEL_WORDS}|{_DEADLINE_LABEL_WORDS}|{_PERSON_LABEL_WORDS})[：:]")
_LABEL_ROLES = {"牵头": LEAD, "配合": SUPPORTING, "实施": IMPLEMENTING}
_ROLE_WORDS = re.compile(
    r"(?:(?P<lead>牵头(?:负责)?)"
    r"|(?P<support>(?:积极|共同|协同)?(?:配合|参与|协助|协办))"
    r"|(?P<responsible>(?:按职责分工|按照职责分工|按照职责|按职责|依职责|根据职责|分别|共同|具体|各自)?负责(?:落实|实施|推进)?"
    r"|(?:具体|抓好|负责)?落实))$"
)
_WRAPPED_NUMBER = re.compile(r"(?<=\d) (?=\d)")
_CLOSING_DEADLINE = re.compile(r"[（(][^（()）]*(?:前|底|完成)[^（()）]*[）)]$")
_ROLE_MARKER = re.compile(r"[（(](?P<word>牵头|主责|负责|配合|协助|参与)(?:单位)?[）)]$")
_ET_CETERA = re.compile(r"等(?:相关|有关|其他)?(?:单位|部门)?$")
_CLAUSE = "，,；;"
# A clause's subject before the duty it is charged with: 各乡镇人民政府要于…, 县住建局要在…前, 县财政局须….
_CHARGE_WORD = re.compile(r"要|须|应")
_NAME_SPLIT = re.compile(r"[、和及与]")
_SUBJECT_NAME = re.compile(r"[县市区旗各]|.{1,10}(?:乡|镇|街道)")
_SUBJECT = re.compile(r"(?:由)?(?P<units>[^，,。；;：:（()）要须应]{2,60}?)(?:必须|要|须|应)")
# What minutes put before the roles of an agreed item: 会议要求，县林业局牵头… | 会议同意实施某某工程，由县住建局负责…
_MEETING_OPENING = re.compile(r"^会议(?:要求|强调|指出|明确|议定|决定|同意|研究|认为)")
_MARKER_TEXT = r"(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、](?!\d)|[①-⑳])\s*"
_MARKER = re.compile(rf"^{_MARKER_TEXT}")
_AFTER_ITEM = re.compile(rf"\s*(?:$|[。；;，,\d]|{_MARKER_TEXT})")  # what may follow a bracket that ends an item
_HEADING_END = re.compile(r"[。！？!?]")
_HEADING_COLON = re.compile(r"[：:]")
_HEADING_COLON_WITHIN = 30  # 1. 加快污水处理设施建设：… — a colon further on is inside a sentence
_SECTION = re.compile(r"^[一二三四五六七八九十]+、")
_AGENDA_ITEM = re.compile(r"^[一二三四五六七八九十]+、\s*关于")
_ITEM_HEADING_LENGTH = 40
_FIRST_CLAUSE = re.compile(r"[^，,。；;！？!?：:]*")
_CUT_WORD_LENGTH = 10  # the rest of a heading a page break cut is a few words, not a sentence
_RESPONSIBILITY_CHARS = 400  # a bracket longer than this is text, not a list of units


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
    description: str = ""  # the item's text after its heading sentence; a table's other columns as header：value


def extract_tasks(source: Source, blocks) -> list[TaskProposal]:
    """Tasks from the document's blocks (body, instrument and annexes, in order)."""
    tasks = []
    spans = _BlockSpans(source, blocks)
    position = 0
    while position < len(blocks):
        block = blocks[position]
        if block.kind == "table" and block.rows:
            tasks += _table_tasks(source, block, spans)
            position += 1
            continue
        parts = _item_blocks(blocks, position)
        labels = _label_blocks(blocks, position + len(parts)) if block.kind in ("paragraph", "heading") else []
        if labels and not _LABEL_LINE.match(block.text.strip()):
            # An item whose units and deadline follow on lines of their own (责任单位：… | 完成时限：…).
            texts = [part.text.strip().rstrip("。") for part in [*parts, *labels]]
            joined = Block("paragraph", "。".join(texts), block.line)
            tasks += _labelled_tasks(source, joined, spans, last=spans.of(labels[-1])[1])
            position += len(parts) + len(labels)
            continue
        if len(parts) > 1:
            # An item printed over several paragraphs: a numbered heading on a line of its own, its body, and a
            # bracket printed as a paragraph of its own (after a page break) that closes it.
            texts = [part.text.strip() for part in parts]
            agenda = _AGENDA_ITEM.match(texts[0])
            if _is_item_heading(block) and texts[0][-1] not in "。！？!?" and (agenda or not _continues(*texts[:2])):
                texts[0] += "。"  # a heading of its own line: it is the item's title
            joined = Block("paragraph", "".join(texts), block.line)
            last = spans.of(parts[-1])[1]
            found = _prose_tasks(source, joined, spans, last=last)
            if not found and agenda:
                found = _role_sentence_tasks(source, joined, spans, last=last)
            tasks += found
        elif block.kind == "paragraph" and not (_opens_with_bracket(block) and position):
            tasks += (
                _prose_tasks(source, block, spans)
                or _labelled_tasks(source, block, spans)
                or _role_sentence_tasks(source, block, spans)
            )
        elif block.kind == "paragraph" and blocks[position - 1].kind == "table":
            tasks += _prose_tasks(source, block, spans)  # a bracket after a table: an item of its own
        position += len(parts)
    return tasks


def _item_blocks(blocks, position):
    """The blocks one prose item is printed over, from ``position``: itself, the body after a short numbered heading,
    and a bracket paragraph that closes it."""
    block = blocks[position]
    parts = [block]
    if block.kind not in ("paragraph", "heading"):
        return parts
    following = position + 1
    if (
        _is_item_heading(block)
        and following < len(blocks)
        and blocks[following].kind == "paragraph"
        and not _MARKER.match(blocks[following].text.strip())
        and not _opens_with_bracket(blocks[following])
        and not _LABEL_LINE.match(blocks[following].text.strip())  # its units, under labels of their own
    ):
        parts.append(blocks[following])
        following += 1
    if following < len(blocks) and _opens_with_bracket(blocks[following]):
        parts.append(blocks[following])
    return parts


def _label_blocks(blocks, position):
    """The paragraphs from ``position`` that are each one label and its value (牵头单位：县公安局, 完成时限：…)."""
    found = []
    while (
        position < len(blocks)
        and blocks[position].kind == "paragraph"
        and _LABEL_LINE.match(blocks[position].text.strip())
    ):
        found.append(blocks[position])
        position += 1
    return found


def _labelled_tasks(source, block, spans, last=None):
    """The item of a paragraph whose units follow under labels outside brackets, after a sentence: its text before
    the first label is the item; a deadline label's value is its deadline, a leader's (牵头领导：) its person."""
    text = _unwrapped(block.text)
    labels = _outside_brackets(text, _ITEM_LABEL.finditer(text))
    if not labels:
        return []
    item = text[: labels[0].start()]
    if item.rstrip() and item.rstrip()[-1] not in _SENTENCE_ENDS:
        return []  # inside a sentence: …县文旅局，责任单位：… is the rest of a bracket a page break split
    title, description = _heading(item)
    units, deadline, person = [], None, None
    for label, following in zip(labels, [*labels[1:], None], strict=True):
        value = text[label.end() : following.start() if following else len(text)]
        value = _VALUE_END.split(value, maxsplit=1)[0].strip("；;，,、 ")
        if label["deadline"]:
            deadline = deadline or value or None
        elif label["person"]:
            person = person or value or None
        else:
            role = next((code for word, code in _LABEL_ROLES.items() if word in label["label"]), RESPONSIBLE)
            units += _clause_units(value, role)
    if not title or not units:
        return []
    first_line, own_last = spans.of(block)
    lines = _ParagraphLines(source, first_line, last or own_last)
    return [
        TaskProposal(
            document=source.ref,
            title=title,
            units=units,
            person=person,
            deadline_text=deadline or _prose_deadline(item),
            reference=source.ref.signed,
            quantity=_prose_quantity(item),
            span=lines.span_of(text),
            from_table=False,
            description=description,
        )
    ]


def _role_sentence_tasks(source, block, spans, last=None):
    """The item of a numbered paragraph whose units are a sentence of role clauses after its heading, with no
    bracket or label: （一）编制规划。县农业农村局牵头，县水利局配合，2024年11月底前完成编制。 A unit may follow
    由 (由县能源局牵头); a deadline in a bracket closing a clause (各乡镇人民政府配合（2024年12月底前完成）) names
    no unit; minutes open the sentence with what the meeting said (会议要求，…) under an agenda item of their own
    (一、关于春季植树造林工作), which is no section heading. An item that is one sentence charging units with a
    dated duty (一、各乡镇要在3月15日前完成防火隔离带清理。) is a task of those units, titled by that sentence."""
    text = _unwrapped(block.text).strip()
    if not _MARKER.match(text):
        return []
    title, description = _heading(text)
    agenda = bool(_AGENDA_ITEM.match(text))
    if _SECTION.match(text) and not agenda:
        description = ""  # a section's heading: only a charge of its own makes it a task
    units = []
    for sentence in re.split(r"[。；;]", description):
        clauses, opening = [], True
        for clause in split_outside_brackets(sentence, _CLAUSE):
            clause = _CLOSING_DEADLINE.sub("", clause.strip())
            # What the meeting said before the roles: 会议指出，农村公路养护关系群众出行安全，县交通运输局负责…
            opening = opening and (agenda or bool(_MEETING_OPENING.match(clause)))
            if not clauses and opening and not _ROLE_WORDS.search(clause):
                continue
            if not _ROLE_WORDS.search(clause):
                break
            clauses.append(clause.rpartition("由")[2])  # 由县能源局牵头, 日常管理由所属乡镇负责
        units = _clause_units("，".join(clauses), None) if clauses else []
        if units and _looks_like_units([unit.name for unit in units]):
            break
        units = _subject_units(sentence)
        if units:
            break
    charge = not units and not description and _subject_units(title)
    if charge:
        units = charge
    said = title if charge else description  # where its deadline and quantity are
    if not title or not units:
        return []
    if agenda:
        title = title.removeprefix("关于")
    first_line, last_line = spans.of(block)
    return [
        TaskProposal(
            document=source.ref,
            title=title,
            units=units,
            person=None,
            deadline_text=_prose_deadline(said),
            reference=source.ref.signed,
            quantity=_prose_quantity(said),
            span=_ParagraphLines(source, first_line, last or last_line).span_of(text),
            from_table=False,
            description=description,
        )
    ]


def _subject_units(sentence):
    """The units a sentence charges with a dated duty as the subject of a clause (各乡镇人民政府要于2025年10月31日前
    完成…; 县住建局、县财政局须在6月底前…; in minutes after what the meeting said: 会议要求，县住建局要于…), the
    deadline in that clause or in the clauses after it before another subject; responsible. [] when no clause is
    such a charge: without a deadline a sentence is an exhortation (各乡镇要高度重视), not a task."""
    if not _CHARGE_WORD.search(sentence) or not _PROSE_DEADLINE.search(sentence):
        return []
    charged = []
    for clause in split_outside_brackets(sentence.strip(), "，,"):
        clause = clause.strip()
        if match := _SUBJECT.match(clause):
            names = [name for name in _NAME_SPLIT.split(match["units"]) if name]
            # Named as a county's units are (县…, 各…, a township), not by what they do (主管部门要…).
            valid = names and _looks_like_units(names) and all(_SUBJECT_NAME.match(name) for name in names)
            charged = names if valid else []
        if charged and _PROSE_DEADLINE.search(clause):
            return [UnitAssignment(name, RESPONSIBLE) for name in charged]
    return []


def _unwrapped(text):
    """A paragraph's text without the space a hard wrap left inside a number (3月3 | 1日)."""
    return _WRAPPED_NUMBER.sub("", text)


def _outside_brackets(text, matches):
    """The ``matches`` (in order) that begin outside brackets, the text read once: a bracket left open keeps what
    follows inside it, a closing one with none open counts for nothing."""
    kept, depth, position = [], 0, 0
    for match in matches:
        for char in text[position : match.start()]:
            depth += char in "（("
            depth = max(depth - (char in "）)"), 0)
        position = match.start()
        if not depth:
            kept.append(match)
    return kept


def _is_item_heading(block):
    """An item's number and one short sentence with no bracket after it (（五）改善就医交通条件。), or the start of
    one that a page break cut (8. 深入推进保健食品行业专); a section's heading (二、重点任务) is none, an agenda item of
    minutes (一、关于春季植树造林工作) is one."""
    text = block.text.strip()
    marker = _MARKER.match(text)
    return (
        bool(marker)
        and (not _SECTION.match(text) or bool(_AGENDA_ITEM.match(text)))
        and len(text) <= _ITEM_HEADING_LENGTH
        and not _brackets(text[marker.end() :])
    )


def _continues(heading, body):
    """Whether the body goes on with the heading's sentence: a page break cut it (8. 深入推进保健食品行业专 |
    项清理整治行动。…) rather than the heading standing on a line of its own ((一) 编制总体规划 | 加快推进…)."""
    if heading[-1] in "。！？!?：:；;":
        return False
    if heading[-1] in "，,、":
        return True
    return len(_FIRST_CLAUSE.match(body).group()) <= _CUT_WORD_LENGTH


def _opens_with_bracket(block):
    if block.kind != "paragraph":
        return False
    text = block.text.strip()
    if not text.startswith(("（", "(")):
        return False  # most paragraphs: no need to pair their brackets
    close = _closing(text)
    return close is not None and bool(responsibility(text[1:close]))


def _closing(text):
    """Where the bracket opening ``text`` closes, brackets inside it paired first; None when it does not."""
    depth = 0
    for index, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
            if depth == 0:
                return index
    return None


def _brackets(text):
    """(open, close) of each pair of brackets in ``text``, by opening position; brackets inside brackets are pairs of
    their own. An unmatched bracket pairs with nothing. Their text is not cut out here: nested brackets would copy
    it once per depth."""
    pairs, stack = [], []
    for index, char in enumerate(text):
        if char in "（(":
            stack.append(index)
        elif char in "）)" and stack:
            opened = stack.pop()
            pairs.append((opened, index))
    pairs.sort()
    return pairs


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
    title = columns.get("title")
    number = next((index for index, name in enumerate(header) if _NUMBER_HEADER.search(squeeze(name))), None)
    header_key = [squeeze(cell) for cell in header]
    sub_header = None  # the header's second line (乡镇 | 村数 under 建设地点), printed again after page breaks
    tasks, previous, above = [], None, []  # above: the tasks of the last row that named one, as _Continued
    for position, cells in enumerate(rows):
        cells = cells + [""] * (len(header) - len(cells))
        key = [squeeze(cell) for cell in cells]
        if key in (header_key, sub_header) or (title is not None and key[title] and key[title] == header_key[title]):
            continue  # the header printed again
        if any(_TOTAL.search(cell) for cell in key):
            above = []
            continue  # a total row; its merged cells are not the next rows' either
        line = row_lines[position]
        own_number = number is not None and key[number]
        if title is not None and not key[title] and own_number and not _ROW_NUMBER.match(key[number]):
            previous, above = None, []
            continue  # a section row (一、防洪工程), with or without its subtotal
        if title is not None and not own_number and not _own_group(header, cells, title):
            if above and (not key[title] or key[title] == squeeze(above[0].task.row.get(header_key[title], ""))):
                for continued in above:
                    continued.extend(header, columns, cells, line)
                continue
            if not key[title] and previous is None and not tasks:
                sub_header = key
                continue
        filled = _inherit(header, cells, previous, title)
        previous = filled
        if not any(filled[index] for index in range(len(header)) if not _NOT_INHERITED.search(header[index])):
            continue
        found = _row_tasks(source, header, columns, filled, Span(line, _wrapped_end(lines, source, line)))
        described = _described(header, columns, filled) if title is not None else []
        above = [_Continued(task, described) for task in found]
        tasks += above
    for continued in tasks:
        continued.finish()
    return [continued.task for continued in tasks]


def _own_group(header, cells, title):
    """Whether the row names a group of its own in a column left of the title (a township of its own)."""
    return any(cells[index] for index in range(title) if not _NOT_INHERITED.search(header[index]))


class _Continued:
    """A table task that continuation rows add to: units, deadlines and cells gathered, written back once at the
    table's end, so that many continuation rows cost each their own length."""

    def __init__(self, task, described):
        self.task = task
        self.units = list(task.units)
        self.seen = set(self.units)
        self.deadlines = [task.deadline_text] if task.deadline_text else []
        self.described = {name: [value] for name, value in described}

    def extend(self, header, columns, cells, line):
        for index, role in columns["units"]:
            for unit in _cell_units(cells[index], role):
                if unit not in self.seen:
                    self.seen.add(unit)
                    self.units.append(unit)
        deadline = cells[columns["deadline"]].strip() if "deadline" in columns else ""
        if deadline and (not self.deadlines or deadline != self.deadlines[-1]):
            self.deadlines.append(deadline)
        task = self.task
        if "person" in columns and not task.person:
            task.person = despaced_person(cells[columns["person"]])
        task.quantity = task.quantity or _quantity(header, cells, columns)
        for name, value in _described(header, columns, cells):
            self.described.setdefault(name, []).append(value)
        task.span = Span(task.span.start, line)

    def finish(self):
        self.task.units = self.units
        self.task.deadline_text = "；".join(self.deadlines) or None
        self.task.description = "\n".join(f"{name}：{'；'.join(values)}" for name, values in self.described.items())


def _described(header, columns, cells):
    """(header, value) of the row's cells that are not its title, units, deadline, person, quantity or number."""
    used = _used(columns) | {columns[key] for key in ("title", "township", "problem") if key in columns}
    return [
        (squeeze(name), cells[index].strip().rstrip("。；;"))
        for index, name in enumerate(header)
        if index not in used and not _NUMBER_HEADER.search(squeeze(name)) and cells[index].strip() and squeeze(name)
    ]


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


def _wrapped_end(lines, source, line):
    """The last line of the row on ``line``: the lines after it that carry the rest of its wrapped cells (a table
    laid out with spaces, see gazette.parsing.columns) are its own."""
    position, end = bisect.bisect_right(lines, line), line
    while position < len(lines) and source.raw(lines[position]).startswith(WRAPPED):
        end, position = lines[position], position + 1
    return end


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
        units += _cell_units(cells[index], role)
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


def _cell_units(text, role):
    """The units of a table cell with the column's ``role``, unless the cell gives one: a marker after the unit
    (县市场监管局（牵头）) or a role word closing a clause (…，县自然资源局、县行政审批局配合)."""
    units = []
    for clause in split_outside_brackets(text or "", "，,；;"):
        words = _ROLE_WORDS.search(clause.strip())
        own = role
        if words:
            clause = clause.strip()[: words.start()]
            own = LEAD if words["lead"] else SUPPORTING if words["support"] else RESPONSIBLE
        for name in split_units(clause):
            marker = _ROLE_MARKER.search(name)
            if marker:
                name = name[: marker.start()]
                word = marker["word"]
                marked = LEAD if word == "牵头" else SUPPORTING if word in ("配合", "协助", "参与") else RESPONSIBLE
            if len(name) >= 2:
                units.append(UnitAssignment(name, marked if marker else own))
    return units


def despaced_person(text):
    text = re.sub(r"\s+", "", text or "")
    return text or None


# --- Prose --------------------------------------------------------------------------------------------------------


def _prose_tasks(source, block, spans, last=None):
    """Items of a paragraph that end in a responsibility bracket; each item starts after the previous one."""
    tasks, start = [], 0
    text = _unwrapped(block.text)
    first, own_last = spans.of(block)
    lines = _ParagraphLines(source, first, last or own_last)
    for opened, closed in _brackets(text):
        if opened < start or closed - opened > _RESPONSIBILITY_CHARS or not _AFTER_ITEM.match(text, closed + 1):
            # Inside the bracket that closed the item before, too long to list units, or inside a sentence that
            # goes on. Reading every bracket of deeply nested ones would read their text again at each depth.
            continue
        units = responsibility(text[opened + 1 : closed])
        if not units:
            continue  # not a responsibility bracket
        item = text[start:opened]
        title, description = _heading(item)
        person, deadline = _bracket_labels(text[opened + 1 : closed])
        tasks.append(
            TaskProposal(
                document=source.ref,
                title=title,
                units=units,
                person=person,
                deadline_text=deadline or _prose_deadline(item) or _prose_deadline(text[opened + 1 : closed]),
                reference=source.ref.signed,
                quantity=_prose_quantity(item),
                span=lines.span_of(text[start : closed + 1]),
                from_table=False,
                description=description,
            )
        )
        start = closed + 1
    return tasks


def _bracket_labels(inner):
    """(person, deadline) a responsibility bracket gives under labels (责任领导：赵军；完成时限：2024年11月),
    each None where it gives none."""
    inner = re.sub(r"\s+", "", inner)
    found = {}
    for match in _ITEM_LABEL.finditer(inner):
        kind = "deadline" if match["deadline"] else "person" if match["person"] else None
        if kind and kind not in found:
            end = _BRACKET_VALUE_END.search(inner, match.end())
            found[kind] = inner[match.end() : end.start() if end else len(inner)] or None
    return found.get("person"), found.get("deadline")


def _heading(item):
    """(title, description) of an item: its heading sentence, to the first 。 or to a colon soon after its number,
    and the rest."""
    # Lines joined without the white space around each break; a pattern \s*\n\s* would try every space of a long
    # run without a break (quadratic).
    item = "".join(line.strip() for line in item.split("\n")).lstrip("。；;，,").strip()
    marker = _MARKER.match(item)
    body = item[marker.end() :] if marker else item
    body = body.strip().rstrip("，,；;").strip()
    end = _HEADING_END.search(body)
    colon = _HEADING_COLON.search(body, 0, _HEADING_COLON_WITHIN + 1) if marker else None
    if colon and (end is None or colon.start() < end.start()):
        end = colon
    if end is None:
        return body, ""
    return body[: end.start()].strip(), body[end.end() :].strip().lstrip("。；;，,").strip()


def responsibility(inner):
    """Units and roles of a responsibility bracket, or [] when the bracket says something else. A label (责任单位：)
    gives the role of the units after it up to the next label; a role word after a unit (牵头, 配合, 负责) gives that
    unit's own. Without a label, every clause must end in a role word and name units."""
    inner = re.sub(r"\s+", "", inner).strip("。；;")
    labels = list(_LABEL.finditer(inner))
    if labels:
        units = []
        for label, following in zip(labels, [*labels[1:], None], strict=True):
            role = next((code for word, code in _LABEL_ROLES.items() if word in label["label"]), RESPONSIBLE)
            segment = inner[label.end() : following.start() if following else len(inner)]
            # What follows the units in the bracket (。2024年底前完成, 完成时限：…) names none.
            segment = _SEGMENT_END.split(segment.lstrip("。"), maxsplit=1)[0]
            units += _clause_units(segment, role)
        return units
    # A deadline beside the units (县卫生健康局负责，2024年12月底前完成) names none.
    clauses = [
        clause
        for clause in split_outside_brackets(inner, _CLAUSE)
        if _ROLE_WORDS.search(clause) or not _PROSE_DEADLINE.search(clause)
    ]
    if not clauses or len(inner) > 120 or not all(_ROLE_WORDS.search(clause) for clause in clauses):
        return []
    units = _clause_units("，".join(clauses), None)
    return units if units and _looks_like_units([unit.name for unit in units]) else []


def _clause_units(text, role):
    """The units of each clause of ``text``, with the role its role word gives, else ``role``."""
    units = []
    for clause in split_outside_brackets(text, _CLAUSE):
        words = _ROLE_WORDS.search(clause)
        own = role
        if words:
            clause = clause[: words.start()]
            own = LEAD if words["lead"] else SUPPORTING if words["support"] else (role or RESPONSIBLE)
        names = [_ET_CETERA.sub("", name.strip("等。")) for name in split_outside_brackets(clause, "、，,；;")]
        units += [UnitAssignment(name, own or RESPONSIBLE) for name in names if len(name) >= 2]
    return units


def _looks_like_units(names):
    """Names of organisations (县水利局, 各乡镇人民政府, 县直相关部门), not a sentence that ends in 负责."""
    return all(re.search(r"[局委办院部室队站所府镇乡中心公司组会行处门位社]$|^各.+$", name) for name in names)


# Deadline phrases in prose: a date with 前/底前/以前 or a 时限 clause.
_PROSE_DEADLINE = re.compile(
    r"(?:(?:\d{4}\s*年\s*)?(?:今年|年底|年内|\d{1,2}\s*月\s*(?:\d{1,2}\s*日?|底|末|中旬|上旬|下旬)?|\d{1,2}\s*(?:底|末))"
    r"\s*(?:前|以前|之前)"
    r"|\d{4}\s*年\s*(?:底|末)前?|长期坚持|长期有效|每月\d{1,2}日前|每季度|每年\d{1,2}月(?:底)?前"
    r"|(?:\d{4}\s*年\s*|明年|今年)?(?:春节|元旦|五一|劳动节|国庆节?)\s*(?:前|以前|之前)(?!后))"
)
# A target date without 前: 2025年达到三级医院标准, 到2025年.
_TARGET = re.compile(
    r"(?<!\d)(?P<date>\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:底|末)?)"
    r"(?=(?:基本|全面|全部|力争|确保|要|将)?(?:达到|完成|建成|实现|建立|覆盖|开通|投入使用|投用|竣工|通过|创建|创成))"
    r"|(?:到|至)(?P<by>\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:底|末)?)"
)
_PROSE_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:亩|公顷|平方米|万平方米|公里|千米|米|户|座|处|个|台|辆|所|人次|万元|亿元)"
)


def _prose_deadline(item):
    """The item's deadline: its last phrase with 前, else its one target date (several are milestones)."""
    found = [match.group() for match in _PROSE_DEADLINE.finditer(item)]
    if found:
        return found[-1]
    targets = {re.sub(r"\s+", "", match["date"] or match["by"]) for match in _TARGET.finditer(item)}
    return targets.pop() if len(targets) == 1 else None


def _prose_quantity(item):
    match = _PROSE_QUANTITY.search(item)
    return re.sub(r"\s+", "", match.group()) if match else None


class _ParagraphLines:
    """The lines a paragraph's items lie on. Items are looked for in order, each from where the one before ended
    and within its own length of there, in the paragraph's lines squeezed and joined once: looking at every line
    for every item made a paragraph of many items quadratic."""

    _SLACK = 64  # characters the block's text may differ from its lines by (markup, bullets) before an item

    def __init__(self, source, first, last):
        squeezed = [squeeze(source.text(number)) for number in range(first, last + 1)]
        self.first = first
        self.starts = list(itertools.accumulate((len(line) for line in squeezed[:-1]), initial=0))
        self.joined = "".join(squeezed)
        self.cursor = 0

    def span_of(self, item):
        """The lines of ``item`` by its first and last characters; the next item is looked for after it."""
        squeezed = squeeze(item)
        head, tail = squeezed[:6], squeezed[-6:]
        limit = self.cursor + len(squeezed) + self._SLACK
        begin = self.joined.find(head, self.cursor, limit) if head else -1
        begin = self.cursor if begin < 0 else begin
        end = self.joined.find(tail, begin, limit) if tail else -1
        end = begin if end < 0 else end + len(tail) - 1
        self.cursor = max(self.cursor, end + 1)
        return Span(self._line(begin), self._line(end))

    def _line(self, offset):
        return self.first + max(bisect.bisect_right(self.starts, offset) - 1, 0)


__all__ = ["TaskProposal", "UnitAssignment", "extract_tasks", "responsibility", "split_units"]
