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
changes (成员如有变动，由…) from the text after it. A group set up in a sentence only (成立以X为组长、…为成员的
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
_MARKER_PREFIX = re.compile(r"^[（(][一二三四五六七八九十\d]+[）)]\s*|^[一二三四五六七八九十]+、")


@dataclass
class MemberProposal:
    role: str
    name: str  # "" for a member given only by position
    title: str
    span: Span


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


@dataclass
class _Item:
    role: str
    name: str | None  # None for a placeholder
    text: str  # the title, or the placeholder's text
    first: int
    last: int


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


def _label(text):
    """(role, rest) when the line opens with a role label, else None."""
    cells = text.split("\t")
    if len(cells) > 1:
        head = despace(cells[0]).rstrip("：:")
        if head and ROLE.fullmatch(head):
            return head, "\t".join(cells[1:])
        return None
    match = _LABEL.match(text)
    if match and ROLE.fullmatch(despace(match["label"])):
        return despace(match["label"]), match["rest"]
    return None


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
    return 2 <= len(name) <= 4 and not name.startswith(_NOT_NAME_START) and not ROLE.fullmatch(name)


def _title(text):
    return despace(text)


def _placeholder(text):
    """A collective member: 各乡镇乡镇长, 各有关乡（镇）党委书记、乡（镇）长."""
    text = text.strip()
    return text.startswith("各") and len(text) <= _PLACEHOLDER_CHARS and "。" not in text[:-1]


def _continuation(text, item):
    """A wrapped piece of the previous member's title or placeholder: short, one word, no clause punctuation."""
    if item is None:
        return None
    if _SPACED.match(text) and len(despace(text)) <= _SPACED_CHARS:
        return despace(text)
    body = text.strip()
    if item.name is None and body.endswith("。"):
        body = body[:-1]
    if re.search(r"\s", body) or len(body) > _CONTINUATION_CHARS or re.search(r"[，。；：:,;]", body):
        return None
    if body.startswith("各") or MARKER.match(body):
        return None
    return body


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
    return following is not None and _member(source.text(following)) is not None


def _next_text(source, number):
    number += 1
    while number <= source.last and not source.text(number):
        number += 1
    return number if number <= source.last else None


def _read_roster(source, first):
    roster = _Roster(first=first, last=first)
    role, seen, number = None, set(), first
    while number <= source.last:
        text = source.text(number)
        if not text:
            number += 1
            continue
        if _stop_line(text):
            break
        label = _label(text)
        if label:
            if label[0] in seen and label[0] != role:
                break  # the same roles again: the next roster
            role, rest = label
            seen.add(role)
            if rest.strip():
                _add(roster, role, rest, number)
            roster.last = number
        elif (member := _member(text)) is not None and role:
            roster.items.append(_Item(role, member[0], member[1], number, number))
            roster.last = number
        elif _placeholder(text) and role:
            roster.items.append(_Item(role, None, text.strip().rstrip("。"), number, number))
            roster.last = number
        elif (piece := _continuation(text, roster.items[-1] if roster.items else None)) is not None:
            item = roster.items[-1]
            item.text = _title(item.text + piece) if item.name is not None else item.text + piece
            item.last = roster.last = number
        elif MARKER.match(text) and roster.items and (resume := _resume_after(source, number, seen)):
            number = resume
            continue
        else:
            break
        number += 1
    return roster


def _add(roster, role, rest, number):
    member = _member(rest)
    if member:
        roster.items.append(_Item(role, member[0], member[1], number, number))
    else:
        roster.items.append(_Item(role, None, despace(rest).rstrip("。"), number, number))


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
    if label and label[0] not in seen:
        return number
    return None


# --- Group, office, rule ------------------------------------------------------------------------------------------


def _clean_name(name):
    name = _OWN_COUNTY.sub("", name.strip('“”"'))
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
    members = [_member_proposal(item) for item in roster.items if item.name is not None]
    placeholders = [item.text for item in roster.items if item.name is None]
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
    return MemberProposal(item.role, item.name, item.text, Span(item.first, item.last))


def _merge_office(proposal, roster):
    for item in roster.items:
        role = item.role if item.role.startswith("办公室") else "办公室" + item.role
        if item.name is None:
            proposal.placeholders.append(item.text)
        else:
            proposal.members.append(MemberProposal(role, item.name, item.text, Span(item.first, item.last)))
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
            members.append(MemberProposal(role, "", who, where))  # a post only: 县长
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
