"""Rosters: the members of the groups a document sets up (领导小组, 委员会, 指挥部, 联席会议, 工作专班…).

Read from the document's source lines, since a roster's layout lives in its lines: `角色：姓名 职务` lines, TAB rows
(`组 长：<TAB>梁文壮<TAB>县长`, `<TAB>张 超<TAB>副县长`), labels padded without a colon (`主　任　　刘国强　县长`),
labels on their own lines, titles wrapped over several narrow lines (`县现代农业发展` | `服务中心主任`, `副 县 长`),
bracketed posts closed on the next line (`刘国强（县委副书` | `记、县长）`), and duty paragraphs (（二）研究制定…)
printed between member lines. A line without a label inherits the last role. Labels are de-spaced (`副 指 挥 长` →
副指挥长), names lose their padding (`王 玉` → 王玉), titles are kept as printed with their wrapped lines joined.
Collective lines (`各乡镇乡镇长`, a label followed by a list of units) are placeholders. A roster printed for the
group's office (办公室组成人员：主任：…) joins the group's roster with 办公室 before each role.

Group name and kind come from the text before the roster (成立某某领导小组, a heading 某某领导小组成员名单, 技术指导组
成员如下), falling back on the document's title; the office (办公室设在X, 主任由Y兼任) and the rule for member
changes (成员如有变动，由…) from the text after it.

A roster line is a person (`姓名 职务`), a post only (`县发改局局长`) or a unit (`县发改局`, under a 成员单位 label or
when the text names a unit, not a post): lists separated by 、 or ， (`成员：县发改局局长、县财政局局长、…`) give one
line per item, wrapped over as many lines as they are printed on; posts may also stand one per line, after a named
member or after a label on its own line. Each roster also counts, apart from its reading, the members its lines print,
and carries a warning when it read fewer.

A group set up in sentences only is proposed with what they give, when they give at least one person, post or unit:
成立某某领导小组，由X任组长，…为成员; 成立以/由X为组长、…为成员的某某领导小组; 组长由X担任，成员由A、B组成;
某某委员会主任由X担任，成员由Y和下列部门负责人担任：A、B…; a heading 某某委员会 then 设主任一名，由X担任. A person's
title may come before the name or after it (梁文壮县长); units sharing one post (A、B公司主要负责人) are the units; a
description of many (各…, 相关…, a list ending 等部门…) is one placeholder. A group others are told to set up (各乡镇
要成立…) and an office's roles (办公室主任由X兼任) are no roster lines. No rule names a county or a unit.
"""

import bisect
import functools
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
_GAP = re.compile(r"[ \u3000]+")
_LABEL_CHARS = 8
_LABEL_FIRST = frozenset("办第常执副总组主指召秘委成顾联")  # how a role label (ROLE, 成员单位) can begin
_PADDED_START = re.compile(rf"[{CJK}][{CJK} \u3000]{{0,15}}?[ \u3000]")  # a few characters, then padding
_LABEL_HEAD = re.compile(rf"[{CJK} \u3000]+")
_NAME = rf"[{CJK}](?:[ \u3000]{{1,3}}[{CJK}]|[{CJK}]{{1,3}})"
# A roster that prints each member's role after them, in brackets: 李　明　县委常委、常务副县长（常务副组长）.
_TRAILING_ROLE = re.compile(r"^(?P<rest>.+?)[（(](?P<role>[^（()）]{2,10})[）)]$")
# A member: name, an optional （兼）, white space, the title.
_MEMBER = re.compile(rf"^(?P<name>{_NAME})(?:\s*[（(]兼[）)])?[ \u3000]+(?P<title>\S.*)$")
# A post, padding, then the name (县委常委、常务副县长　　陈立): the post comes first where names are aligned right.
_TITLE_FIRST = re.compile(rf"^(?P<title>\S.*?\S)(?P<gap>[ \u3000]+)(?P<name>{_NAME})$")
# A post padded to its line's end, its name wrapped onto the next line alone.
_PADDED_END = re.compile(r"\S[ \u3000]+$")
_LONE_NAME = re.compile(_NAME)
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
# 现将调整后的县防汛抗旱指挥部成员名单…: the group as it is now, named as the title names it.
_CHANGED = re.compile(r"^(?:调整后|变更后|更新后|调整|新调整|上述|原)的")
_OWN_COUNTY = re.compile(r"^(?:我县|本县|我市|本市|我区|本区)")
_LEADING_WORDS = re.compile(r"^(?:县政府决定|决定|特|现|正式|了|以|和|及|与|下设|对|将)+")
_OFFICE_HOST = re.compile(r"(?:办公室|办)[，,]?(?:办公室)?(?:设在|设于)(?P<host>[^，。；,;]+)")
_OFFICE_HEAD = re.compile(
    r"(?:办公室|办)主任(?:由|[：:])(?P<head>[^，。；,;：:]+?)(?:同志)?(?:兼任|担任|兼|[（(]兼[）)])"
)
# 办公室设在县某局，由X兼任办公室主任 (or X同志兼任办公室主任, a clause of its own): the head named before the post.
_OFFICE_HEAD_BEFORE = re.compile(
    r"(?:由|(?<=[，,。；;：:]))(?P<head>[^，。；,;：:由]+?)(?:同志)?(?:兼任|担任)(?:办公室|办)主任"
)
_CHANGE_WORDS = re.compile(r"变动|递补|替补|接替|继任|调整|撤销")
_MEMBER_WORDS = re.compile(r"成员|组成人员|人员|专家|小组|委员会|联席会议|指挥部")
# Kinds of roster line besides a named person (``MemberProposal.kind``); collective lines go to ``placeholders``.
PERSON, POSITION, UNIT = "person", "position", "unit"
_UNIT_LABEL = re.compile(r"(?P<office>办公室)?成员单位")
# How a post ends (局长, 主任, 书记, 负责人, 委员, 常委, 政委, a note such as （兼）), and a unit (局, 中心…).
_POST_END = re.compile(
    r"(?:长|书记|主任|负责人|员|主席|经理|副职|干部|常委|政委|代表|顾问|秘书|师|同志|[（(][^（()）]{1,10}[）)])$"
)
_POST_WORD_END = re.compile(r"(?:长|书记|主任|负责人|主席|经理|政委)$")
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
_DUTY_LINES = 8  # lines a duty paragraph between member lines may be wrapped over
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
    """(label, rest) when the line opens with a role label (组长, 副 组 长, 成员单位…) or a member's line closes with
    one in brackets, else None."""
    cells = text.split("\t")
    if len(cells) > 1:
        head = despace(cells[0]).rstrip("：:")
        if _is_label(head):
            return head, "\t".join(cells[1:])
        return None
    match = _LABEL.match(text)
    if match and _is_label(despace(match["label"])):
        return despace(match["label"]), match["rest"]
    match = _TRAILING_ROLE.match(text)  # 王建国　县委副书记、县长（组长）: the role after the member
    if match and ROLE.fullmatch(role := despace(match["role"])) and _member(match["rest"]):
        return role, match["rest"]
    return _padded_label(text)


def _padded_label(text):
    """(label, rest) of a line whose label has no colon but padding after it (`主　任　　刘国强　县长`, `委　员　　赵
    刚　县林业局局长`), as rosters laid out like a table print them; the rest must be a member, post or unit."""
    if text[:1] not in _LABEL_FIRST or not _PADDED_START.match(text):
        return None
    for gap in _GAP.finditer(text):
        head = text[: gap.start()]
        if not head or len(despace(head)) > _LABEL_CHARS or not _LABEL_HEAD.fullmatch(head):
            return None
        rest = text[gap.end() :]
        if _is_label(despace(head)) and rest and (_member(rest) or _placeholder(rest) or _entry_line(rest)):
            return despace(head), rest
    return None


def _role_of(label):
    """(role, units): a 成员单位 label lists member units, whose role is 成员."""
    match = _UNIT_LABEL.fullmatch(label)
    if match:
        return (match["office"] or "") + "成员", True
    return label, False


def _member(text):
    """(name, title) of a member line (TAB cells, `姓名 职务`, `职务　　姓名` padded, or `姓名（职务）`), else None."""
    cells = [cell.strip() for cell in text.split("\t") if cell.strip()]
    if len(cells) >= 2:
        name = despace(cells[0])
        if _is_name(name):
            return name, _title(" ".join(cells[1:]))
        return None
    if not cells:
        return None
    match = _MEMBER.match(cells[0])
    if match and not _SPACED.match(cells[0]) and _is_name(name := despace(match["name"])):
        return name, _title(match["title"])
    match = _TITLE_FIRST.match(cells[0])
    # One space suffices after a post named as such (县市场监管局局长　李　强, where the label took the padding);
    # a marker or a note in brackets before a word is no post (（二）　机构设置).
    padded = match and (
        len(match["gap"]) > 1 or (_POST_WORD_END.search(match["title"]) and not MARKER.match(match["title"]))
    )
    if padded and _POST_END.search(match["title"]) and _is_name(name := despace(match["name"])):
        return name, _title(match["title"])
    match = _BRACKETED_PERSON.match(despace(cells[0]))  # 孙丽华（副县长）
    if match and _is_name(match["name"]):
        return match["name"], _title(match["title"])
    return None


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
        closing = _bracket_closed_after(source, number, text)
        if closing is not None:
            text += source.text(closing)
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
        name_line, name = _name_wrapped_after(source, number) if closing is None else (closing, None)
        if name is not None:
            text = f"{label[1] if label else text}\u3000\u3000{name}"
        if label:
            label_role, label_units = _role_of(label[0])
            if label_role in seen and label_role != role:
                break  # the same roles again: the next roster
            role, units, rest = label_role, label_units, label[1] if name is None else text
            seen.add(role)
            after_label = not rest.strip()
            if rest.strip():
                pending = _start(roster, role, units, rest, number)
                if name_line is not None and roster.items and roster.items[-1].first == number:
                    roster.items[-1].last = name_line
            roster.last = number = name_line or number
            number += 1
            continue
        if role is None:
            break
        if name_line is not None and (member := _member(text)) is not None:
            roster.items.append(_Item(role, PERSON, member[0], member[1], number, name_line))
            roster.last = number = name_line
        elif (member := _member(text)) is not None:
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


def _name_wrapped_after(source, number):
    """(line, name) of a name that a narrow column wrapped onto the next line, where the post before it is padded
    to align names right (`总 指 挥：县长　　　　` | `　刘长青`), else (None, None)."""
    if number >= source.last or not (padded := _PADDED_END.search(source.raw(number).rstrip("\r\n"))):
        return None, None
    if len(padded[0]) < 3 and not source.raw(number + 1)[:1].isspace():
        return None, None  # one space of padding: only where the name's line opens with the rest of it
    name = source.text(number + 1)
    if not _LONE_NAME.fullmatch(name) or not _is_name(despace(name)):
        return None, None
    return number + 1, despace(name)


def _bracket_closed_after(source, number, text):
    """The next line, where it closes a bracket that a narrow column cut (`总指挥：刘国强（县委副书` | `记、县长）`,
    `黄丽华（副县长` | `）`) and the two lines make one member's, else None."""
    if number >= source.last or text.count("（") + text.count("(") <= text.count("）") + text.count(")"):
        return None
    following = source.text(number + 1)
    if not following or following[-1] not in "）)" or len(following) > _CONTINUATION_CHARS:
        return None
    joined = text + following
    label = _label(joined)
    return number + 1 if _member(label[1] if label else joined) else None


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
    collective, listed = None, len(roster.items)
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
    _units_sharing_a_post(roster.items[listed:])


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
    while number is not None and (MARKER.match(text := source.text(number)) or _duty_goes_on(skipped, text)):
        skipped.append(text)
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


def _duty_goes_on(skipped, text):
    """The line is the rest of a duty paragraph that narrow wrapping cut (（二）研究制定…规划 | 和年度计划。)."""
    return (
        bool(skipped)
        and not skipped[-1].endswith(("。", "；", ";"))
        and len(skipped) < _DUTY_LINES
        and _member(text) is None
        and _label(text) is None
    )


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
    shorter = _CHANGED.sub("", _LEADING_WORDS.sub("", shorter).strip('“”"'))
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
    if proposal.office_head is None:
        found = [match for pattern in (_OFFICE_HEAD, _OFFICE_HEAD_BEFORE) if (match := pattern.search(text))]
        if found:
            proposal.office_head = min(found, key=lambda match: match.start())["head"].strip()


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
# 成立某某领导小组，由X任组长，Y任副组长，Z为成员 | 成立以X为组长、…为成员的某某领导小组 | 成立由X任组长，…组成的领导
# 小组 | 组长由X担任，成员由…组成 | 某某委员会主任由X担任 | 某某委员会 设主任一名，由X担任.

_SET_UP = re.compile(r"成立(?:了)?")
# 要成立, 也应成立, 可以成立: a group others are told to set up, not this document's.
_OTHERS_SET_UP = re.compile(r"要(?!求)|应当|须|也|可以")
_NAMED = re.compile(rf"^(?P<name>[^，。；：、,;:（(]*?(?:{_NOUN}))")
_NAMED_AFTER = re.compile(rf"的(?P<name>[^，。；：、,;:的]*?(?:{_NOUN}))")
_ROLES = ROLE.pattern
# 组长由X担任; 成员由A、B组成; 成员由X和下列部门负责人担任：A、B…
_GIVEN = re.compile(rf"^(?P<pre>.*?)(?P<role>{_ROLES})由(?P<who>.+?)(?:担任|兼任|组成)(?:[：:](?P<list>.+))?$")
# (由|以)X任组长, 领导小组由X任组长; X为指挥部成员; X为成员单位的某某领导小组
_TAKES = re.compile(
    rf"^(?:[^，,]*?(?:{_NOUN})(?:由|以)|由|以)?(?P<who>.+?)(?:担任|任|为)(?:{_NOUN})?(?P<role>{_ROLES})(?:单位)?(?:的.+)?$"
)
_MADE_OF = re.compile(r"^(?:由|以)?(?P<who>.+?)(?:共同)?组成的.+$")
_POST_GIVEN = re.compile(rf"^(?P<pre>.*?)设(?P<role>{_ROLES})[一二两三四五六七八九十\d]+名$")
_BY = re.compile(r"^由(?P<who>.+?)(?:担任|兼任)$")
# Assignments listed with 、 (以县长为组长、分管副县长为副组长、…): each one a clause of its own.
_ASSIGNED = re.compile(rf"(?:任|为)(?:{_NOUN})?(?:{_ROLES})(?:单位)?(?=、)")
_OFFICE_WORDS = re.compile(r"办公室|办$")
_MANY = re.compile(r"各|有关|相关|所涉|所属|^(?:乡镇|乡（镇）|部门|单位)")
_SOME_OF = re.compile(r"等.{0,2}(?:部门|单位)")  # a list given by example: …、县供销社等相关部门
_PERSON_AFTER = re.compile(rf"^(?P<title>.*(?:长|书记|主任|主席|委员|常委|员|负责人|经理))(?P<name>[{CJK}]{{2,3}})$")
_PERSON_BEFORE = re.compile(
    rf"^(?!分管|主管|主要|常务|各|县|市|乡|镇|驻)(?P<name>[{CJK}]{{2,3}})(?P<title>{_BARE_POST.pattern})$"
)
_SHARED_POST = re.compile(r"(?:主要|分管)?(?:负责人|负责同志|领导)$")
_AND = re.compile(r"以及|及")
_LIST_REFERENCE = re.compile(r"(?:和|及|以及)?下列.*$")


@dataclass
class _Said:
    """A group a sentence sets up, with the roster lines the sentences give."""

    name: str
    first: int
    last: int
    items: list[_Item] = field(default_factory=list)


def _with_sentence_groups(source, proposals):
    listed = {_group_key(proposal.group): proposal for proposal in proposals}
    skipped = [(proposal.span.start, proposal.span.end) for proposal in proposals]
    said = _said_groups(source, skipped)
    found = []
    for index, group in enumerate(said):
        key = _group_key(group.name)
        if key in listed and group.items:
            listed[key].group = group.name  # the body's wording of the name, rather than an annex heading's
            listed[key].kind = _noun_of(group.name)
            continue
        if any(item.kind != PLACEHOLDER for item in group.items) and key not in {_group_key(p.group) for p in found}:
            stop = said[index + 1].first - 1 if index + 1 < len(said) else source.last
            found.append(_said_proposal(source, group, stop))
    if len(proposals) + len(found) == 1 and found:
        # The office may be set up anywhere in the document (县食安办设在… before the roster's article).
        _office(found[0], source.joined(source.first, source.last))
        found[0].office_head = _head_name(found[0].office_head, found[0].members)
    return proposals + found


def _group_key(name):
    return squeeze(name).replace("领导小组", "领导组")


def _said_proposal(source, group, stop):
    proposal = RosterProposal(
        document=source.ref,
        group=_full_name(source, group.name),
        kind=_noun_of(group.name),
        members=[_member_proposal(item) for item in group.items if item.kind != PLACEHOLDER],
        placeholders=[item.text for item in group.items if item.kind == PLACEHOLDER],
        office_host=None,
        office_head=None,
        member_change_rule=None,
        span=Span(group.first, max(item.last for item in group.items)),
        from_sentence=True,
    )
    _office(proposal, source.joined(group.first, min(stop, group.last + _AFTER_LINES)))
    proposal.office_head = _head_name(proposal.office_head, proposal.members)
    return proposal


def _full_name(source, name):
    """县某某委员会 in the body, 某县某某委员会 in the title: the county's name from the issuer put before it."""
    county = re.match(r"^(?P<county>.+?[县市区旗])人民政府", source.document.issuer or "")
    if county and name[:1] == county["county"][-1:] and not name.startswith(county["county"]):
        longer = county["county"] + name[1:]
        if longer in squeeze(source.document.title):
            return longer
    return name


def _paragraphs(source, skipped):
    """(text, offsets, line numbers) of each paragraph, each line starting at its offset: lines joined, a paragraph
    ending before a numbered line and around the lines of a listed roster."""
    paragraphs, parts, offsets, numbers = [], [], [], []
    spans = iter(sorted(skipped))
    span = next(spans, None)
    size = 0

    def close():
        if parts:
            paragraphs.append(("".join(parts), list(offsets), list(numbers)))
        parts.clear()
        offsets.clear()
        numbers.clear()

    for number in source.numbers():
        while span is not None and span[1] < number:
            span = next(spans, None)
        if span is not None and span[0] <= number:
            close()
            continue
        text = source.text(number).replace("\t", " ").strip()
        if not text:
            continue
        if marker := MARKER.match(text):
            close()
            text = text[marker.end() :].strip() or text
        if not parts:
            size = 0
        parts.append(text)
        offsets.append(size)
        numbers.append(number)
        size += len(text)
    close()
    return paragraphs


def _line_at(offsets, numbers, offset):
    return numbers[bisect.bisect_right(offsets, offset) - 1]


def _pieces(text, separators):
    """(offset, piece) of text cut at separators outside brackets."""
    pieces, depth, start = [], 0, 0
    for match in _cuts(separators).finditer(text + separators[0]):
        char, index = match.group(), match.start()
        depth += char in "（("
        depth -= char in "）)"
        if char in separators and depth <= 0:
            if text[start:index].strip():
                pieces.append((start, text[start:index]))
            start = index + 1
    return pieces


@functools.cache
def _cuts(separators):
    return re.compile(f"[（()）{re.escape(separators)}]")


def _clauses(sentence):
    for offset, clause in _pieces(sentence, "，,"):
        start = 0
        for match in _ASSIGNED.finditer(clause):
            yield offset + start, clause[start : match.end()]
            start = match.end() + 1
        yield offset + start, clause[start:]


def _said_groups(source, skipped):
    groups = []
    for text, offsets, numbers in _paragraphs(source, skipped):
        group = None
        if not (ROLE.search(text) or _SET_UP.search(text)):
            continue
        for start, sentence in _pieces(text, "。；;！？!?"):
            if not (ROLE.search(sentence) or _SET_UP.search(sentence)):
                continue
            role, office = None, False
            for offset, clause in _clauses(sentence):
                first = _line_at(offsets, numbers, start + offset)
                last = _line_at(offsets, numbers, start + offset + len(clause) - 1)
                clause = clause.strip()
                if (setup := _SET_UP.search(clause)) is not None:
                    before = sentence[: offset + setup.start()][-12:]
                    named = _set_up_name(clause[setup.end() :], sentence[offset + setup.end() :])
                    if named is None or _OTHERS_SET_UP.search(before):
                        group = None
                        continue
                    name, clause = named
                    group = _Said(
                        _clean_name(squeeze(name)), _line_at(offsets, numbers, start + offset + setup.start()), last
                    )
                    groups.append(group)
                if office or _OFFICE_WORDS.search(clause.split("由")[0]):
                    office = True  # 领导小组下设办公室，办公室主任由X兼任，副主任由Y兼任: the office, not the roster
                    continue
                found = _assignment(clause, role)
                if found is None:
                    continue
                pre, role, who, listed = found
                if pre and _noun_of(pre) and pre not in GROUP_NOUNS and not (group and group.name.endswith(pre)):
                    group = _Said(_clean_name(squeeze(pre)), first, last)  # 某某委员会主任由X担任
                    groups.append(group)
                if group is not None and who:
                    group.items += _who(role, who, listed, first, last)
                    group.last = max(group.last, last)
    return groups


def _set_up_name(rest, sentence_rest):
    """(name, what the clause says after it) of the group 成立 sets up: 成立某某领导小组, 成立由/以…的某某领导小组 or
    成立X为组长，…的某某领导小组."""
    if rest.startswith(("由", "以")) or _TAKES.match(rest):
        match = _NAMED_AFTER.search(sentence_rest)
        return (match["name"], rest) if match else None
    match = _NAMED.match(rest)
    return (match["name"], rest[match.end() :]) if match else None


def _assignment(clause, pending):
    """(text before the role, role, who, listed units) a clause gives; a role set (设主任一名) is given by the next."""
    clause = clause.strip()
    if match := _GIVEN.match(clause):
        return _strip_marker(match["pre"]), despace(match["role"]), match["who"], match["list"]
    if match := _TAKES.match(clause):
        return "", despace(match["role"]), match["who"], None
    if match := _MADE_OF.match(clause):
        return "", "成员", match["who"], None
    if match := _POST_GIVEN.match(clause):
        return _strip_marker(match["pre"]), despace(match["role"]), "", None
    if pending and (match := _BY.match(clause)):
        return "", pending, match["who"], None
    return None


def _strip_marker(text):
    text = despace(text)
    marker = MARKER.match(text)
    return text[marker.end() :] if marker else text


def _who(role, who, listed, first, last):
    """The roster lines of who (and of the units listed after a colon): people with the title before or after the
    name, posts, units, and collective descriptions as one placeholder."""
    who = _LIST_REFERENCE.sub("", despace(who))
    segments = [segment for segment in _AND.split(who) if segment]
    items = []
    if segments and _collective(segments[0]):
        segments = [who]  # 相关部门以及乡镇主要负责同志: one description
        items.append(_Item(role, PLACEHOLDER, "", who, first, last))
    for segment in segments if not items else ():
        if _collective(segment):
            items.append(_Item(role, PLACEHOLDER, "", segment, first, last))
        else:
            items += _listed_people(role, [piece for _, piece in _pieces(segment, "、")], first, last)
    if listed:
        pieces = [despace(piece).strip("。") for _, piece in _pieces(listed, "、，,")]
        items += [_Item(role, UNIT, "", piece, first, last) for piece in pieces if piece]
    return items


def _collective(segment):
    pieces = [piece for _, piece in _pieces(segment, "、")]
    return bool(_SOME_OF.search(pieces[-1])) or (len(pieces) == 1 and bool(_MANY.search(pieces[0])))


def _listed_people(role, pieces, first, last):
    items, title = [], []
    for index, piece in enumerate(pieces):
        person = _person(piece)
        if person:
            items.append(_Item(role, PERSON, person[0], "、".join([*title, person[1]]), first, last))
            title = []
        elif index + 1 < len(pieces) and _person(pieces[index + 1]) and _POST_END.search(piece):
            title.append(piece)  # 县委副书记、政府县长梁文壮: the title goes on
        elif _MANY.search(piece):
            items.append(_Item(role, PLACEHOLDER, "", piece, first, last))
        elif _unit_like(piece):
            items.append(_Item(role, UNIT, "", piece, first, last))
        else:
            items.append(_Item(role, POSITION, "", piece, first, last))
    _units_sharing_a_post(items)
    return items


def _units_sharing_a_post(items):
    """A、B公司主要负责人: the units, each sending its head; the last item loses the post they share."""
    shared = _SHARED_POST.search(items[-1].text) if len(items) > 1 and items[-1].kind == POSITION else None
    unit = items[-1].text[: shared.start()] if shared else ""
    if shared and _unit_like(unit) and all(item.kind == UNIT for item in items[:-1]):
        items[-1].kind, items[-1].text = UNIT, unit


def _unit_like(text):
    return bool(_UNIT_END.search(text)) or text.endswith("机构")


def _person(piece):
    """(name, title) of 县长梁文壮 or 梁文壮县长, else None."""
    piece = piece.removesuffix("同志")
    for pattern in (_PERSON_AFTER, _PERSON_BEFORE):
        match = pattern.match(piece)
        if match and _is_name(match["name"]) and not _POST_END.search(match["name"]):
            return match["name"], match["title"]
    return None
