"""Rosters: the members of the groups a document sets up (领导小组, 委员会, 指挥部, 联席会议, 工作专班…).

Read from the document's source lines, since a roster's layout lives in its lines: `角色：姓名 职务` lines, TAB rows
(`组 长：<TAB>梁文壮<TAB>县长`, `<TAB>张 超<TAB>副县长`), labels on their own lines, titles wrapped over several
narrow lines (`县现代农业发展` | `服务中心主任`, `副 县 长`), and duty paragraphs (（二）研究制定…) printed between
member lines. A line without a label inherits the last role. Labels are de-spaced (`副 指 挥 长` → 副指挥长), names
lose their padding (`王 玉` → 王玉), titles are kept as printed with their wrapped lines joined. Collective lines
(`各乡镇乡镇长`, a label followed by a list of units) are placeholders. A roster printed for the group's office
(办公室组成人员：主任：…) joins the group's roster with 办公室 before each role.

Group name and kind come from the text before the roster (成立某某领导小组, a heading 某某领导小组成员名单, 技术指导组
成员如下), falling back on the document's title; the office (办公室设在X, 主任由Y兼任) and the rule for member
changes (成员如有变动，由…) from the text after it.

A roster line is a person (`姓名 职务`), a post only (`县发改局局长`) or a unit (`县发改局`, under a 成员单位 label or
when the text names a unit, not a post): lists separated by 、 or ， (`成员：县发改局局长、县财政局局长、…`) give one
line per item, wrapped over as many lines as they are printed on; posts may also stand one per line, after a named
member or after a label on its own line. Each roster also counts, apart from its reading, the members its lines print,
and carries a warning when it read fewer. A group set up in a sentence only (成立以X为组长、…为成员的
某某领导小组) is proposed with what the sentence gives. No rule names a county or a unit.
"""

import re
from dataclasses import dataclass, field

from gazette.parsing.numbers import is_date_line
from gazette.parsing.result import Span
from gazette.parsing.vocabulary import FURNITURE, ISSUER_LINE, MARKER, attachment_label

from .common import CJK, DocumentRef, Source, despace, sentences, squeeze

# Group nouns, longest first so that 工作领导小组 is not read as 小组.
GROUP_NOUNS = (
    "领导小组",
    "领导组",
    "委员会",
    "指挥部",
    "联席会议",
    "工作专班",
    "专班",
    "工作组",
    "指导组",
    "专家组",
    "督导组",
    "小组",
)
_NOUN = "|".join(GROUP_NOUNS)
# Roles as labels, de-spaced: 组长, 常务副组长, 副指挥长, 总召集人, 委员, 办公室主任…
ROLE = re.compile(
    r"(?:办公室)?(?:第一|常务|执行)?副?总?(?:组长|主任委员|主任|指挥长|指挥|召集人|秘书长|委员|成员|顾问|联络员)"
)
_LABEL = re.compile(rf"^(?P<label>[{CJK}](?:[ \u3000]*[{CJK}]){{1,7}}?)[ \u3000]*[：:][ \u3000]*(?P<rest>.*)$")
_NAME = rf"[{CJK}](?:[ \u3000]{{1,3}}[{CJK}]|[{CJK}]{{1,3}})"
# A member: name, an optional （兼）, white space, the title.
_MEMBER = re.compile(rf"^(?P<name>{_NAME})(?:\s*[（(]兼[）)])?[ \u3000]+(?P<title>\S.*)$")
_SPACED = re.compile(rf"^[{CJK}](?:[ \u3000]+[{CJK}])+$")
_NOT_NAME_START = tuple("各县市省区乡镇")
_CONTINUATION_CHARS = 30
_SPACED_CHARS = 6
_PLACEHOLDER_CHARS = 60
_AFTER_LINES = 40  # how far after a roster its office and member-change rule are looked for
_NAME_IN_CONTEXT = re.compile(
    rf"(?:成立|调整|组建|建立|设立|现对|现将|对)[“\"]?(?P<name>[^，。；：、,;:]*?(?:{_NOUN}))"
)
_NAME_BEFORE_LIST = re.compile(
    rf"(?P<name>[^，。；：、,;:]*?(?:{_NOUN}))(?:的)?(?:成员单位及组成人员|组成人员|成员名单|人员名单|成员|人员)"
    r"(?:如下|名单|调整如下|为)"
)
_LIST_HEADING = re.compile(rf"^(?P<name>.*?(?:{_NOUN}))(?:成员|组成人员|人员)?名单$")
_OFFICE_LIST = re.compile(r"办公室(?:组成人员|成员|人员)|下设办公室.{0,40}?(?:组成人员|成员)(?:如下|为)")
_CUT_BEFORE_NAME = re.compile(rf"^.*(?:{_NOUN}|办公室)(?:下设|和|及|与|、)?")
# An annex label before a roster's heading (附件1 某某领导小组成员名单) is no part of the group's name.
_ANNEX_PREFIX = re.compile(r"^附件\s*[\d一二三四五六七八九十]*\s*[：:．.、]?\s*")
_OWN_COUNTY = re.compile(r"^(?:我县|本县|我市|本市|我区|本区)")
_LEADING_WORDS = re.compile(r"^(?:县政府决定|决定|特|现|正式|了|以|和|及|与|下设|对|将)+")
_OFFICE_HOST = re.compile(r"办公室[，,]?(?:办公室)?(?:设在|设于)(?P<host>[^，。；,;]+)")
_OFFICE_HEAD = re.compile(
    r"(?:办公室|办)主任(?:由|[：:])(?P<head>[^，。；,;：:]+?)(?:同志)?(?:兼任|担任|兼|[（(]兼[）)])"
)
_CHANGE_WORDS = re.compile(r"变动|递补|替补|接替|继任|调整|撤销")
_MEMBER_WORDS = re.compile(r"成员|组成人员|人员|专家|小组|委员会|联席会议|指挥部")
_SENTENCE_GROUP = re.compile(
    rf"成立(?:了)?(?:以)?(?P<lead>[^。；，,]*?)为(?P<role>组长|主任|指挥长|总召集人)"
    rf"(?P<rest>(?:[，,、][^。；]*?)?)的(?P<name>[^，。；：,;]*?(?:{_NOUN}))"
)
_OTHERS = re.compile(r"(?P<who>[^，,、]+?)为(?P<role>副组长|成员|副主任|委员|副指挥长)")
# Who a sentence makes a member collectively: 各乡镇乡镇长, 县直有关单位主要负责人, 相关单位负责人.
_COLLECTIVE = re.compile(r"^各|有关|相关|成员单位|各单位")
_POST_END = re.compile(r"^(?P<title>.*(?:长|书记|主任|常委|委员|负责人))(?P<name>[^长记任委人]{2,3})$")
# Kinds of roster line besides a named person (``MemberProposal.kind``); collective lines go to ``placeholders``.
PERSON, POSITION, UNIT = "person", "position", "unit"
_UNIT_LABEL = re.compile(r"(?P<office>办公室)?成员单位")
# How a post ends (局长, 主任, 书记, 负责人, 委员, 常委, 政委, a note such as （兼）), and a unit (局, 中心…).
_POST_END = re.compile(
    r"(?:长|书记|主任|负责人|员|主席|经理|副职|干部|常委|政委|代表|顾问|秘书|师|同志|[（(][^（()）]{1,10}[）)])$"
)
_UNIT_END = re.compile(r"(?:[局委办院部室队站所府镇乡心司团行会社馆处厂校园场台村厅组]|街道|办事处)$")
# What a post left on the next line after a wrapped unit name begins with (县发改局 | 局长、…).
_POST_START = re.compile(r"^(?:常务|主要|分管)?副?(?:局长|长|主任|任|书记|记|负责人|经理|主席|政委|委员|员)")
# Where a post or unit printed on its own line may begin: a level (县, 市…), a township, a state body, 各.
_ENTRY_START = re.compile(r"^(?:[县市省区乡镇国中团各]|驻|人行|人民)")
# Words of a sentence, never of a roster line.
# Where a new unit's name begins, as opposed to a collective line going on (各有关乡（镇）党委书记、乡（镇）长).
_NEW_UNIT = re.compile(r"^[县市省国中团]")
_PROSE = re.compile(
    r"设在|设于|下设|兼任|担任|负责(?!人)|如有|承担|职责|组成|另行|不再|按照|根据|要求|通知|如下|进行|开展|落实"
)
_COLLECTIVE_ITEM = re.compile(r"^各|有关|相关|成员单位|等单位|等部门")
# One collective line listing units: 县农业农村局、县财政局…分管副职各一名.
_EACH = re.compile(r"各[一二两三四五1-9]\s*[名人]")
_BARE_POST = re.compile(
    r"(?:常务)?副?(?:县长|区长|市长|镇长|乡长|局长|主任|书记|部长|队长|站长|所长|院长|行长|经理|主席|委员|政委)"
)
_BRACKETED_PERSON = re.compile(r"^(?P<name>[^（()）]{2,4})[（(](?P<title>[^（()）]+)[）)]$")
_SEPARATORS = "、，,；;"
_LOOKAHEAD = 3  # lines after a roster still looked at when counting the members the text prints
_MARKER_PREFIX = re.compile(r"^[（(][一二三四五六七八九十\d]+[）)]\s*|^[一二三四五六七八九十]+、")


@dataclass
class MemberProposal:
    role: str
    name: str  # "" for a member given only by post or unit
    title: str  # the title, the post, or the unit, as written
    span: Span
    kind: str = PERSON  # person, position or unit


@dataclass
class RosterWarning:
    """The roster read fewer lines than its text prints members (names, posts, units, collective lines)."""

    read: int
    in_text: int


@dataclass
class RosterProposal:
    document: DocumentRef
    group: str
    kind: str  # the group noun: 领导小组, 委员会, 指挥部…
    members: list[MemberProposal]
    placeholders: list[str]  # collective members: 各乡镇乡镇长
    office_host: str | None
    office_head: str | None  # a member's name when the text names one, else the post as written
    member_change_rule: str | None
    span: Span
    from_sentence: bool = False  # set up in a sentence, not listed
    warning: RosterWarning | None = None


@dataclass
class _Item:
    role: str
    kind: str  # PERSON, POSITION, UNIT, or PLACEHOLDER
    name: str
    text: str  # the title, post, unit or collective text
    first: int
    last: int


PLACEHOLDER = "placeholder"


@dataclass
class _Pending:
    """Entry text without a name, gathered over the lines it wraps on until it is split into items."""

    role: str
    units: bool  # under a 成员单位 label
    parts: list[tuple[int, str]] = field(default_factory=list)
    last_item: str = ""  # the text after the last separator, so that each line is looked at once

    def add(self, number, text):
        self.parts.append((number, text))
        pieces = re.split(rf"[{_SEPARATORS}]", text.replace("\t", " ").strip())
        self.last_item = pieces[-1] if len(pieces) > 1 else self.last_item + pieces[0]


@dataclass
class _Roster:
    items: list[_Item] = field(default_factory=list)
    first: int = 0
    last: int = 0


def extract_rosters(source: Source) -> list[RosterProposal]:
    found = _listed_rosters(source)
    proposals = []
    previous_end = source.first - 1
    for index, roster in enumerate(found):
        context = source.joined(previous_end + 1, roster.first - 1)
        if proposals and _OFFICE_LIST.search(context) and _office_is_last(context):
            _merge_office(proposals[-1], roster)
        else:
            proposals.append(_proposal(source, roster, previous_end))
        stop = found[index + 1].first - 1 if index + 1 < len(found) else source.last
        after = source.joined(roster.last + 1, min(stop, roster.last + _AFTER_LINES))
        _office_and_rule(proposals[-1], after, roster)
        previous_end = roster.last
    for proposal in proposals:
        proposal.office_head = _head_name(proposal.office_head, proposal.members)
        proposal.warning = roster_warning(source, proposal)
    if len(proposals) == 1 and proposals[0].office_host is None and proposals[0].office_head is None:
        # The office may be set up in the body while the roster is an annex.
        whole = source.joined(source.first, proposals[0].span.start - 1)
        _office(proposals[0], whole)
        proposals[0].office_head = _head_name(proposals[0].office_head, proposals[0].members)
    return _with_sentence_groups(source, proposals)


# --- Reading the lines --------------------------------------------------------------------------------------------


def _stop_line(text):
    """Lines that end any roster: a signature, a date, an annex label, gazette furniture."""
    # An issuer line has no space inside: `贾俊义 县政府` is a member whose title wrapped.
    return bool(
        ISSUER_LINE.match(text) or is_date_line(text) or attachment_label(text) or FURNITURE.match(squeeze(text))
    )


def _is_label(head):
    return bool(head) and bool(ROLE.fullmatch(head) or _UNIT_LABEL.fullmatch(head))


def _label(text):
    """(label, rest) when the line opens with a role label (组长, 副 组 长, 成员单位…), else None."""
    cells = text.split("\t")
    if len(cells) > 1:
        head = despace(cells[0]).rstrip("：:")
        if _is_label(head):
            return head, "\t".join(cells[1:])
        return None
    match = _LABEL.match(text)
    if match and _is_label(despace(match["label"])):
        return despace(match["label"]), match["rest"]
    return None


def _role_of(label):
    """(role, units): a 成员单位 label lists member units, whose role is 成员."""
    match = _UNIT_LABEL.fullmatch(label)
    if match:
        return (match["office"] or "") + "成员", True
    return label, False


def _member(text):
    """(name, title) of a member line (TAB cells or `姓名 职务`), else None."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) >= 2:
        name = despace(cells[0])
        if _is_name(name):
            return name, _title(" ".join(cells[1:]))
        return None
    if not cells:
        return None
    match = _MEMBER.match(cells[0])
    if not match or _SPACED.match(cells[0]):
        return None
    name = despace(match["name"])
    return (name, _title(match["title"])) if _is_name(name) else None


def _is_name(name):
    return (
        2 <= len(name) <= 4
        and not name.startswith(_NOT_NAME_START)
        and not ROLE.fullmatch(name)
        and not _BARE_POST.fullmatch(name)
    )


def _title(text):
    return despace(text)


def _placeholder(text):
    """A collective member: 各乡镇乡镇长, 各有关乡（镇）党委书记、乡（镇）长."""
    text = text.strip()
    return text.startswith("各") and len(text) <= _PLACEHOLDER_CHARS and "。" not in text[:-1]


def _complete(text):
    """The text ends as a post or a unit does: a wrap did not cut it."""
    text = text.strip()
    return bool(_POST_END.search(text) or _UNIT_END.search(text))


def _continuation(text, item, after_label):
    """A wrapped piece of the previous person's title: short, one word, no clause punctuation; not a post or unit of
    its own (县水务局局长 after a complete title, or anything right after a label)."""
    if item is None or item.kind != PERSON or after_label:
        return None
    if _SPACED.match(text) and len(despace(text)) <= _SPACED_CHARS:
        return despace(text)
    body = text.strip()
    if re.search(r"\s", body) or len(body) > _CONTINUATION_CHARS or re.search(r"[，。；：:,;]", body):
        return None
    if body.startswith("各") or MARKER.match(body):
        return None
    cut = item.text.endswith(tuple(_SEPARATORS)) or body.startswith(("、", "（", "("))
    if not cut and _POST_END.search(item.text) and _ENTRY_START.match(body) and _complete(body):
        return None
    return body


def _entry_line(text):
    """A line that is a post, a unit or a list of them by itself (县水务局分管副局长; 县商务局、县文旅局)."""
    body = text.replace("\t", " ").strip()
    if not body or MARKER.match(body) or re.search(r"[：:]", body) or _PROSE.search(body):
        return False
    pieces = [piece for piece in re.split(rf"[{_SEPARATORS}\s]+", body.rstrip("。")) if piece]
    if not pieces or any(len(piece) > _CONTINUATION_CHARS for piece in pieces):
        return False
    if not all(_complete(piece) for piece in pieces[:-1]):
        return False
    return _complete(pieces[-1]) or bool(_ENTRY_START.match(pieces[-1])) or len(pieces) > 1


def _continues(pending, text):
    """The line carries on a list the previous lines began: the list is cut inside an item or after a separator, or
    the line lists more items."""
    so_far = pending.parts[-1][1].rstrip()
    body = text.replace("\t", " ").strip()
    if so_far.endswith(("。", "：", ":")) or MARKER.match(body) or _member(text) is not None:
        return False
    if re.search(r"[：:]", body) or _PROSE.search(body) and not so_far.endswith(tuple(_SEPARATORS)):
        return False
    if so_far.endswith(tuple(_SEPARATORS)):
        return True
    last = pending.last_item
    if len(last) > _CONTINUATION_CHARS:
        return False  # no roster item is that long: prose
    if not _complete(last):
        return True
    if not pending.units and _UNIT_END.search(last) and _POST_START.match(body):
        return True
    return "、" in body


def _listed_rosters(source):
    rosters, number = [], source.first
    while number <= source.last:
        text = source.text(number)
        if text and not _stop_line(text) and _opens_roster(source, number, text):
            roster = _read_roster(source, number)
            if roster.items:
                rosters.append(roster)
                number = roster.last
        number += 1
    return rosters


def _opens_roster(source, number, text):
    label = _label(text)
    if label is None:
        return False
    if label[1].strip():
        return True
    following = _next_text(source, number)
    if following is None:
        return False
    following_text = source.text(following)
    return _member(following_text) is not None or (
        not _stop_line(following_text) and _label(following_text) is None and _entry_line(following_text)
    )


def _next_text(source, number):
    number += 1
    while number <= source.last and not source.text(number):
        number += 1
    return number if number <= source.last else None


def _read_roster(source, first):
    roster = _Roster(first=first, last=first)
    role, units, seen, number = None, False, set(), first
    pending, after_label = None, False
    while number <= source.last:
        text = source.text(number)
        if not text:
            number += 1
            continue
        if _stop_line(text):
            break
        label = _label(text)
        if pending is not None:
            if label is None and _continues(pending, text):
                pending.add(number, text)
                roster.last = number
                number += 1
                continue
            _flush(roster, pending)
            pending = None
        last_item = roster.items[-1] if roster.items else None
        if label:
            label_role, label_units = _role_of(label[0])
            if label_role in seen and label_role != role:
                break  # the same roles again: the next roster
            role, units, rest = label_role, label_units, label[1]
            seen.add(role)
            after_label = not rest.strip()
            if rest.strip():
                pending = _start(roster, role, units, rest, number)
            roster.last = number
            number += 1
            continue
        if role is None:
            break
        if (member := _member(text)) is not None:
            roster.items.append(_Item(role, PERSON, member[0], member[1], number, number))
            roster.last = number
        elif (piece := _continuation(text, last_item, after_label)) is not None:
            last_item.text = _title(last_item.text + piece)
            last_item.last = roster.last = number
        elif _placeholder(text) or _entry_line(text):
            pending = _Pending(role, units)
            pending.add(number, text)
            roster.last = number
        elif MARKER.match(text) and roster.items and (resume := _resume_after(source, number, seen)):
            number = resume
            continue
        else:
            break
        after_label = False
        number += 1
    if pending is not None:
        _flush(roster, pending)
    return roster


def _start(roster, role, units, rest, number):
    """A label's text: a named member, else the start of a post, unit or list (returned to be gathered)."""
    member = _member(rest)
    if member:
        roster.items.append(_Item(role, PERSON, member[0], member[1], number, number))
        return None
    pending = _Pending(role, units)
    pending.add(number, rest.strip())
    return pending


def _flush(roster, pending):
    """The gathered text as roster lines, one per item of a list, each with the lines it is printed on."""
    chars, lines = [], []
    for number, text in pending.parts:
        piece = text.replace("\t", " ").strip()
        chars.append(piece)
        lines += [number] * len(piece)
    text = "".join(chars)
    whole = despace(text).rstrip("。；;")
    if _EACH.search(whole):  # one collective line: every unit named sends one of its deputies
        roster.items.append(_Item(pending.role, PLACEHOLDER, "", whole, lines[0], lines[-1]))
        return
    collective = None
    for start, end in _items(text):
        raw = text[start:end]
        item = _item(pending, raw, lines[start], lines[end - 1])
        if item is None:
            continue
        if collective is not None and item.kind != PLACEHOLDER and not _NEW_UNIT.match(item.text):
            # 各有关乡（镇）党委书记、乡（镇）长: the collective goes on
            collective.text += "、" + item.text
            collective.last = item.last
            continue
        roster.items.append(item)
        collective = item if item.kind == PLACEHOLDER else None
        roster.last = max(roster.last, item.last)


def _items(text):
    """(start, end) of each item between separators outside brackets, and between blanks when every piece is a whole
    post or unit (县发改局局长  县财政局局长)."""
    spans, depth, start = [], 0, 0
    for index, char in enumerate(text + "、"):
        depth += char in "（("
        depth -= char in "）)"
        if char in _SEPARATORS and depth <= 0:
            spans.append((start, index))
            start = index + 1
    found = []
    for start, end in spans:
        pieces = [match.span() for match in re.finditer(r"\S+", text[start:end])]
        words = [text[start + a : start + b] for a, b in pieces]
        if len(pieces) > 1 and all(len(word) > 2 and _complete(word) and not _is_name(word) for word in words):
            found += [(start + a, start + b) for a, b in pieces]
        elif pieces:
            found.append((start + pieces[0][0], start + pieces[-1][1]))
    return found


def _item(pending, raw, first, last):
    text = despace(raw).strip("。；;，,、")
    if not text:
        return None
    if _COLLECTIVE_ITEM.search(text):
        return _Item(pending.role, PLACEHOLDER, "", text, first, last)
    person = _BRACKETED_PERSON.match(text)
    if person and _is_name(person["name"]):
        return _Item(pending.role, PERSON, person["name"], person["title"], first, last)
    if _POST_END.search(text) and not (pending.units and _UNIT_END.search(text)):
        return _Item(pending.role, POSITION, "", text, first, last)
    if pending.units or _UNIT_END.search(text):
        return _Item(pending.role, UNIT, "", text, first, last)
    return _Item(pending.role, POSITION, "", text, first, last)


def _resume_after(source, number, seen):
    """Duty paragraphs (（二）研究制定…) printed between member lines: the line the roster goes on at, else None."""
    skipped = []
    while number is not None and MARKER.match(source.text(number)):
        skipped.append(source.text(number))
        number = _next_text(source, number)
    if number is None or any("办公室" in text for text in skipped):
        return None
    text = source.text(number)
    label = _label(text)
    if _member(text) is not None and not label:
        return number
    if label and _role_of(label[0])[0] not in seen:
        return number
    return None


# --- Checking the reading ---------------------------------------------------------------------------------------


def roster_warning(source, proposal):
    """A warning when the roster read fewer lines than its text prints members, counted apart from the reading."""
    read = len(proposal.members) + len(proposal.placeholders)
    in_text = _members_in_text(source, proposal.span)
    return RosterWarning(read, in_text) if in_text > read else None


def _members_in_text(source, span):
    """Members the roster's lines print, and the member lines right after them: a line opening with a name counts
    one (the rest of it, and the lines its title wraps on, are its title); the other lines, up to the next label or
    name, are one list, each item of which that begins like a post or unit (县…, 各…) counts one, a wrapped tail
    (…局长 at a line's start) none; a list sending one deputy of each unit (…各一名) is one collective line."""
    count, title, block, extra, number = 0, None, [], 0, span.start
    while number <= source.last and (number <= span.end or extra < _LOOKAHEAD):
        text = source.text(number)
        number += 1
        if not text:
            continue
        if number > span.end + 1:
            if _stop_line(text) or not (_label(text) or _member(text)):
                break
            extra += 1
        label = _label(text)
        rest = (label[1] if label else text).strip()
        member = _member(rest) if rest else None
        if label or member is not None:
            count += _listed(block)
            block, title = [], None
        if member is not None:
            count += 1
            title = member[1]
        elif title is not None and not (_POST_END.search(title) and _ENTRY_START.match(rest)):
            title += rest
        elif rest and (label or _placeholder(rest) or _entry_line(rest)):
            title = None
            block.append((rest, bool(label)))
    return count + _listed(block)


def _listed(block):
    """The items a list's lines print (see _members_in_text)."""
    if not block:
        return 0
    if _EACH.search(despace("".join(text for text, _ in block))):
        return 1
    count, collective = 0, False
    for text, labelled in block:
        pieces = [piece for piece in re.split(rf"[{_SEPARATORS}]", despace(text).rstrip("。")) if piece]
        for index, piece in enumerate(pieces):
            if collective and not _NEW_UNIT.match(piece):
                continue
            if _ENTRY_START.match(piece) or labelled and index == 0:
                count += 1
                collective = bool(_COLLECTIVE_ITEM.search(piece))
    return count


# --- Group, office, rule ------------------------------------------------------------------------------------------


def _clean_name(name):
    name = _OWN_COUNTY.sub("", _ANNEX_PREFIX.sub("", name).strip('“”"'))
    if re.fullmatch(rf"[^的]*的(?:{_NOUN})", name):
        return _noun_of(name)  # 调整后的领导小组: no name of its own
    shorter = _CUT_BEFORE_NAME.sub("", name[: -len(_noun_of(name))]) + _noun_of(name)
    shorter = _LEADING_WORDS.sub("", shorter).strip('“”"')
    if shorter.count("“") != shorter.count("”"):
        shorter = shorter.lstrip("“").rstrip("”")
    return shorter


def _noun_of(name):
    return next((noun for noun in GROUP_NOUNS if name.endswith(noun)), "")


def _pick_name(source, context):
    """The group the roster belongs to: a heading just before it (某某领导小组成员名单), else the last specific name the
    text before it gives (成立某某领导小组, 技术指导组成员如下), else the one the document's title gives."""
    headings = [_clean_name(match["name"]) for line in _context_lines(context) if (match := _LIST_HEADING.match(line))]
    if headings:
        return headings[-1]
    found = []
    for text in (source.document.title, context.replace("\n", "")):
        squeezed = squeeze(text)
        matches = [match for pattern in (_NAME_IN_CONTEXT, _NAME_BEFORE_LIST) for match in pattern.finditer(squeezed)]
        found += [_clean_name(match["name"]) for match in sorted(matches, key=lambda match: match.end())]
    specific = [name for name in found if name not in GROUP_NOUNS]
    chosen = (specific or found or [""])[-1]
    # 我县某某领导小组 in the body, 某县某某领导小组 in the title: the full name.
    return max((name for name in specific if name.endswith(chosen)), key=len, default=chosen)


def _context_lines(context):
    return [squeeze(line) for line in context.split("\n") if 0 < len(squeeze(line)) <= 60]


def _office_is_last(context):
    """The text before the roster names the office after any group."""
    office = context.rfind("办公室")
    group = max((context.rfind(noun) for noun in GROUP_NOUNS), default=-1)
    return office > group


def _proposal(source, roster, previous_end):
    members = [_member_proposal(item) for item in roster.items if item.kind != PLACEHOLDER]
    placeholders = [item.text for item in roster.items if item.kind == PLACEHOLDER]
    name = _pick_name(source, _context_with_breaks(source, roster, previous_end))
    return RosterProposal(
        document=source.ref,
        group=name,
        kind=_noun_of(name),
        members=members,
        placeholders=placeholders,
        office_host=None,
        office_head=None,
        member_change_rule=None,
        span=Span(roster.first, roster.last),
    )


def _context_with_breaks(source, roster, previous_end):
    """The text before the roster, line by line (headings such as 某某领导小组成员名单 stand on lines of their own)."""
    first = max(source.first, previous_end + 1, roster.first - _AFTER_LINES)
    return "\n".join(source.text(number) for number in range(first, roster.first))


def _member_proposal(item):
    return MemberProposal(item.role, item.name, item.text, Span(item.first, item.last), item.kind)


def _merge_office(proposal, roster):
    for item in roster.items:
        role = item.role if item.role.startswith("办公室") else "办公室" + item.role
        if item.kind == PLACEHOLDER:
            proposal.placeholders.append(item.text)
        else:
            proposal.members.append(MemberProposal(role, item.name, item.text, Span(item.first, item.last), item.kind))
        if role == "办公室主任" and item.name and proposal.office_head is None:
            proposal.office_head = item.name
    proposal.span = Span(proposal.span.start, roster.last)


def _office_and_rule(proposal, after, roster):
    _office(proposal, after)
    if proposal.member_change_rule is None:
        rules = [
            _MARKER_PREFIX.sub("", sentence)
            for sentence in sentences(after)
            if _CHANGE_WORDS.search(sentence) and _MEMBER_WORDS.search(sentence)
        ]
        proposal.member_change_rule = "".join(rules) or None


def _office(proposal, text):
    if proposal.office_host is None and (match := _OFFICE_HOST.search(text)):
        proposal.office_host = match["host"].strip()
    if proposal.office_head is None and (match := _OFFICE_HEAD.search(text)):
        proposal.office_head = match["head"].strip()


def _head_name(head, members):
    """The office head as a member's name when the text names a member (县农业农村局局长王志辉 → 王志辉)."""
    if not head:
        return head
    head = despace(head)
    for member in members:
        if member.name and head.endswith(member.name):
            return member.name
    return head


# --- Groups set up in a sentence ----------------------------------------------------------------------------------


def _with_sentence_groups(source, proposals):
    listed = {_group_key(proposal.group): proposal for proposal in proposals}
    found = []
    text = source.joined(source.first, source.last)
    for match in _SENTENCE_GROUP.finditer(text):
        name = _clean_name(match["name"])
        key = _group_key(name)
        if key in listed:
            listed[key].group = name  # the body's wording of the name, rather than an annex heading's
            listed[key].kind = _noun_of(name)
            continue
        if any(_group_key(proposal.group) == key for proposal in found):
            continue
        found.append(_sentence_proposal(source, match, name))
    return proposals + found


def _group_key(name):
    return squeeze(name).replace("领导小组", "领导组")


def _sentence_proposal(source, match, name):
    members, placeholders = [], []
    first, last = _line_of(source, match.group()), _line_of(source, match.group(), from_end=True)
    where = Span(first, max(first, last))
    people = [(match["role"], match["lead"])] + [
        (other["role"], other["who"]) for other in _OTHERS.finditer(match["rest"].lstrip("，,、"))
    ]
    for role, who in people:
        who = who.strip()
        person = _POST_END.match(who)
        if _COLLECTIVE.search(who):
            placeholders.append(who)
        elif person:
            members.append(MemberProposal(role, person["name"], person["title"], where))
        else:
            members.append(MemberProposal(role, "", who, where, POSITION))  # a post only: 县长
    return RosterProposal(
        document=source.ref,
        group=name,
        kind=_noun_of(name),
        members=members,
        placeholders=placeholders,
        office_host=None,
        office_head=None,
        member_change_rule=None,
        span=where,
        from_sentence=True,
    )


def _line_of(source, fragment, from_end=False):
    """The line holding the start (or the end) of fragment; it may wrap, so ever shorter pieces of it are looked for."""
    fragment = squeeze(fragment)
    numbers = list(source.numbers())
    for size in (12, 8, 4):
        probe = fragment[-size:] if from_end else fragment[:size]
        found = [number for number in numbers if probe in squeeze(source.text(number))]
        if found:
            return found[-1] if from_end else found[0]
    return source.first
