"""One document from its heading to the next document's heading.

Order inside: heading and number, addressee (the line ending in ：), body, signature (issuer line, date line,
disclosure marking), then what follows the signature: a 印发 notice's instrument, then annexes each under a 附件 label.
"""

import functools
import re
from dataclasses import dataclass, field

from .blocks import WRAP_SLACK, build_blocks
from .headings import Heading
from .messages import Message, gettext_noop
from .numbers import (
    CJK,
    DATE,
    DATE_HEAD,
    TRAILING_DATE,
    cited_numbers,
    dated_under_title,
    is_date_line,
    parse_date,
)
from .result import Attachment, Instrument, ParsedDocument, Span
from .text import display_join, ends_terminal, full_width_length, squeeze
from .vocabulary import (
    ATTACHMENT_LIST,
    CONTACT,
    DISCLOSURE,
    FURNITURE,
    INSTRUMENT_KINDS,
    ISSUER_AT_END,
    ISSUER_LINE,
    LIST_ITEM,
    MARKER,
    ONLINE_ONLY,
    PAGE_FURNITURE,
    attachment_label,
    instrument_kind,
    is_public,
)

_ADDRESSEE_CHARS = 100
_MEETING_HELD = re.compile(rf"^(?P<date>{DATE.pattern})[，,]?[^。]{{0,60}}?(?:召开|主持)")
_PADDED_END = re.compile(r"[ \u3000]{2,}$")
_COPIED_TO = re.compile(r"^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]")
_ADDRESSEE_LINES = 3
_MARKING_LOOKAHEAD = 4
_SIGNER_CHARS = 10  # a signer printed as a post, such as 县长：
_TITLE_LINE_CHARS = 60
_INSTRUMENT_TITLE_LINES = 3
_ANNEX_LIST_LINES = 2
# A first line ending in ： that is a sentence, not an addressee: 为…，现通告如下： or 根据…：, or minutes' opening
# 2025年6月3日，县长某某主持召开…，研究了以下事项：
_SENTENCE_OPENING = re.compile(r"^(?:为|根据|按照|依据|经|现将|现就|\d{4}\s*年)|如下[：:]$|召开")
_TRAILING_BRACKETS = re.compile(r"[（(][^（()）]*[）)]\s*$")
# A decree is signed by the head of government by name: 县长　王伟, 代县长：李强.
_HEAD_SIGNS = re.compile(rf"^(?:代理|代)?(?:县|市|区|旗)长[：:]?[{CJK}·]{{2,5}}$")


@dataclass
class Signature:
    issuer_line: int | None  # 0-based
    date_line: int
    signed_raw: str
    issuer: str
    marking: str
    end: int  # 0-based index of the last line of the block (date or marking)


@dataclass
class Context:
    """What the whole issue tells about one document's layout."""

    lines: list[str]
    wrap_width: int | None
    slogan_words: set[str]  # words of the masthead's slogans, which the back cover repeats
    warnings: list = field(default_factory=list)  # (1-based line, Message)

    def is_furniture(self, index):
        """Whether the line at 0-based ``index`` is gazette furniture between or after documents: the
        policy-consultation box and the record under a reprinted document (抄送：…, …印发), also where hard
        wrapping cut them over two lines; page numbers and running heads (— 5 —, 某县人民政府公报　2024年第3期)
        where a page broke; the back cover's slogans, words of the masthead's several-word lines (传达政令 公开信息
        指导工作 服务社会)."""
        text = self.lines[index].strip()
        if FURNITURE.match(text) or PAGE_FURNITURE.match(squeeze(text)) or index in self._wrapped_furniture:
            return True
        parts = text.split()
        return len(parts) > 1 and all(part in self.slogan_words for part in parts)

    @functools.cached_property
    def _wrapped_furniture(self):
        """Indexes of the lines of furniture that hard wrapping cut: a record's date cut from its 印发
        (某办公室　2024年12 | 月2日印发), the rest of a 抄送 line that filled the width (抄送：…，县 | 政协办公室。)."""
        found = set()
        if not self.wrap_width:
            return found
        nonblank = [index for index, line in enumerate(self.lines) if line.strip()]
        position = 0
        while position < len(nonblank):
            text = self.lines[nonblank[position]].strip()
            if _COPIED_TO.match(text):
                while self._filled(text) and not text.endswith("。") and position + 1 < len(nonblank):
                    position += 1
                    found.add(nonblank[position])
                    text = self.lines[nonblank[position]].strip()
            elif not FURNITURE.match(text) and (record := self._cut_record(nonblank[position : position + 3])):
                found.update(record)
                position += len(record) - 1
            position += 1
        return found

    def _filled(self, text):
        return full_width_length(text) >= self.wrap_width - WRAP_SLACK

    def _cut_record(self, indexes):
        """The first two or three of ``indexes`` where they make a record that wrapping cut, else None. A record's
        issuer alone above its dated line is cut from it only where padding shows the cut; else it is the signature
        above a record of its own."""
        texts = [self.lines[index].strip() for index in indexes]
        for count in range(2, len(texts) + 1):
            if FURNITURE.match("".join(texts[:count])):
                rest_alone = FURNITURE.match("".join(texts[1:count]))
                if not rest_alone or _PADDED_END.search(self.lines[indexes[0]].rstrip("\r\n")):
                    return indexes[:count]
                return None
        return None

    def warn(self, index, message):
        """A warning about the line at 0-based index."""
        self.warnings.append((index + 1, message))

    def warn_line(self, line, message):
        """A warning about 1-based line."""
        self.warnings.append((line, message))


def _next_nonblank(lines, index, stop):
    while index < stop and not lines[index].strip():
        index += 1
    return index


def _previous_nonblank(lines, index, floor):
    index -= 1
    while index >= floor and not lines[index].strip():
        index -= 1
    return index


def _addressee(lines, first, stop, wrap_width):
    """(addressee, index after it): the line(s) right after the heading ending in ：, else ("", first)."""
    parts, index = [], _next_nonblank(lines, first, stop)
    for _ in range(_ADDRESSEE_LINES if wrap_width else 1):
        if index >= stop:
            break
        text = lines[index].strip()
        if "\t" in text or MARKER.match(text) or FURNITURE.match(text) or attachment_label(text):
            break
        parts.append(text)
        joined = "".join(parts)
        if len(joined) > _ADDRESSEE_CHARS or "。" in joined or _SENTENCE_OPENING.match(joined):
            break
        if joined.endswith(("：", ":")):
            return joined, index + 1
        index = _next_nonblank(lines, index + 1, stop)
    return "", first


def _is_signer(text):
    squeezed = squeeze(text)
    if ISSUER_LINE.match(squeezed) or ISSUER_AT_END.search(squeezed) or _HEAD_SIGNS.match(squeezed):
        return True
    return len(squeezed) <= _SIGNER_CHARS and squeezed.endswith(("：", ":"))


def _marking_after(lines, date_line, stop):
    """(marking, index) of the disclosure marking a few lines after the date, else ("", date_line)."""
    index = date_line
    for _ in range(_MARKING_LOOKAHEAD):
        index = _next_nonblank(lines, index + 1, stop)
        if index >= stop:
            break
        text = squeeze(lines[index])
        match = DISCLOSURE.match(text)
        if match:
            return match["marking"], index
        if "\t" in lines[index] or len(text) > 40:
            break
    return "", date_line


def _date_at(lines, index, first, stop):
    """(date as printed, index of its last line) when the signature date is on line index: a line that is only a
    date, a date wrapped over it and the next line (2023年 | 5月6日), or a date merged at the end of a line (then
    the line before must end in the issuer or a disclosure marking must follow); else None."""
    text = lines[index].strip()
    if "\t" in lines[index]:
        return None
    if DATE_HEAD.match(text):
        following = _next_nonblank(lines, index + 1, stop)
        if following < stop and parse_date(joined := f"{text} {lines[following].strip()}"):
            return joined, following
    if is_date_line(text):
        return text, index
    match = TRAILING_DATE.search(text)
    if not match:
        return None
    before = _previous_nonblank(lines, index, first)
    if before >= first and ISSUER_AT_END.search(squeeze(lines[before])):
        return match["date"], index
    return (match["date"], index) if _marking_after(lines, index, stop)[0] else None


def find_signature(lines, first, stop):
    """The first signature block from line index first: its date, the signer line before, the marking after."""
    for index in range(first, stop):
        found = _date_at(lines, index, first, stop)
        if found is None:
            continue
        signed_raw, last = found
        before = _previous_nonblank(lines, index, first)
        issuer_line = before if before >= first and _is_signer(lines[before]) else None
        issuer = ""
        if issuer_line is not None and (match := ISSUER_AT_END.search(squeeze(lines[issuer_line]))):
            issuer = match["issuer"]
        marking, end = _marking_after(lines, last, stop)
        return Signature(issuer_line, index, signed_raw, issuer, marking, end)
    return None


def _opening_title(lines, first, stop, unfinished_continues=True):
    """(title, index after it): the short unpunctuated line(s) an instrument or annex opens with. A bracketed line
    such as (2021-2025年) or （试行） continues it; for instruments, so does a line after a title that does not yet
    end in 方案, 办法…"""
    index = _next_nonblank(lines, first, stop)
    parts = []
    while index < stop and len(parts) < _INSTRUMENT_TITLE_LINES:
        text = lines[index].strip()
        if "\t" in text or len(text) > _TITLE_LINE_CHARS or ends_terminal(text) or is_date_line(text):
            break
        if parts and MARKER.match(text):
            break
        joined = squeeze("".join(parts))
        bracketed = text.startswith(("(", "（")) and text.endswith((")", "）"))
        if parts and not bracketed and (joined.endswith(INSTRUMENT_KINDS) or not unfinished_continues):
            break
        if parts and ISSUER_LINE.match(squeeze(text)):
            break
        parts.append(text)
        index = _next_nonblank(lines, index + 1, stop)
    return display_join(" ".join(parts)), index


def _names_instrument(lines, first, stop):
    """Content after the signature that opens with the title of a plan, measures, rules…"""
    if MARKER.match(lines[first].strip()):
        return False
    title, _ = _opening_title(lines, first, stop)
    return squeeze(_TRAILING_BRACKETS.sub("", title)).endswith(INSTRUMENT_KINDS)


def _online_only_attachments(lines, first, stop):
    """Annexes the body lists as only published online: 附件：1. 某某名单（见网络版）."""
    found = []
    for index in range(first, stop):
        match = ATTACHMENT_LIST.match(lines[index].strip())
        if not match:
            continue
        items = [(index, match["rest"])]
        following = _next_nonblank(lines, index + 1, stop)
        while following < stop and LIST_ITEM.match(lines[following].strip()):
            items.append((following, lines[following].strip()))
            following = _next_nonblank(lines, following + 1, stop)
        for line, text in items:
            for item in LIST_ITEM.split(text):
                if ONLINE_ONLY.search(item):
                    title = display_join(ONLINE_ONLY.sub("", item)).strip("；;。，, ")
                    found.append(Attachment(title, [], True, Span(line + 1, line + 1)))
    return found


class DocumentParser:
    def __init__(self, context, heading: Heading, stop):
        self.context = context
        self.lines = context.lines
        self.heading = heading
        self.stop = stop  # 0-based, exclusive: the next document's first line

    def blocks(self, first, last):
        return build_blocks(self.lines, first, last, self.context.wrap_width, self.context.is_furniture)

    def parse(self):
        heading, lines = self.heading, self.lines
        dated, dated_last, dated_text = self._dated_under_title()
        first = max(heading.end, dated_last if dated is not None else heading.end) + 1
        addressee, body_start = _addressee(lines, first, self.stop, self.context.wrap_width)
        if not addressee:
            body_start = first
        signature = find_signature(lines, body_start, self.stop)
        if signature is None and dated is not None:
            # Dated under its title and signed by no one at the end: the body runs to its annexes or the next
            # document.
            signature = Signature(None, dated, dated_text, "", "", dated)
            labels = self._labels(body_start)
            body_end = after = labels[0] if labels else self.stop
        elif signature is None and heading.kind == "纪要" and (held := self._meeting_date(body_start)):
            # Minutes signed by no one: the meeting's date, which their first sentence gives, is theirs.
            signature = Signature(None, held[0], held[1], "", "", held[0])
            labels = self._labels(body_start)
            body_end = after = labels[0] if labels else self.stop
        elif signature is None:
            self.context.warn(
                heading.start, Message(gettext_noop("No signed date found for “%(title)s”"), {"title": heading.title})
            )
            body_end, after = self.stop, self.stop
        else:
            body_end = signature.issuer_line if signature.issuer_line is not None else signature.date_line
            after = signature.end + 1
        signed = parse_date(signature.signed_raw) if signature else None
        if signature and signed is None:
            self.context.warn(
                signature.date_line,
                Message(gettext_noop("The signed date “%(date)s” cannot be read"), {"date": signature.signed_raw}),
            )
        blocks = self.blocks(body_start, body_end)
        instrument, attachments, extra = self.after_signature(after)
        blocks += extra
        attachments = _online_only_attachments(lines, body_start, body_end) + attachments
        number = heading.number
        title_normalised = squeeze(heading.title)
        if heading.issuer and title_normalised.startswith(heading.issuer):
            title_normalised = title_normalised[len(heading.issuer) :]
        own = number.normalised if number else None
        cited = []
        for index in range(heading.start, self.stop):
            for found in cited_numbers(lines[index]):
                if found != own and found not in cited:
                    cited.append(found)
        return ParsedDocument(
            issuer=heading.issuer or (signature.issuer if signature else ""),
            title=heading.title,
            title_normalised=title_normalised,
            kind=heading.kind,
            number=own,
            series=number.series if number else None,
            year=number.year if number else None,
            sequence=number.sequence if number else None,
            number_raw=lines[heading.number_line].strip() if number else None,
            addressee=addressee,
            signed=signed,
            signed_raw=signature.signed_raw if signature else None,
            public=is_public(signature.marking) if signature else False,
            toc_page=None,
            blocks=blocks,
            instrument=instrument,
            attachments=attachments,
            cited_numbers=cited,
            span=Span(heading.start + 1, self._last_line() + 1),
            wrap_width=self.context.wrap_width,
        )

    def _dated_under_title(self):
        """(first index, last index, date as printed) of a date printed in brackets under the title (inside the
        heading, before its number, or right after it), else (None, None, None)."""
        following = _next_nonblank(self.lines, self.heading.end + 1, self.stop)
        for index in range(self.heading.start, min(following, self.stop - 1) + 1):
            after = _next_nonblank(self.lines, index + 1, self.stop)
            match, count = dated_under_title(self.lines[index], self.lines[after] if after < self.stop else "")
            if match:
                return index, index if count == 1 else after, match["date"]
        return None, None, None

    def _meeting_date(self, first):
        """(index, date as printed) of the date that opens the minutes' first sentence (2025年5月8日，县长…主持召开…),
        else None."""
        index = _next_nonblank(self.lines, first, self.stop)
        match = _MEETING_HELD.match(self.lines[index].strip()) if index < self.stop else None
        return (index, match["date"]) if match else None

    def _last_line(self):
        index = _previous_nonblank(self.lines, self.stop, self.heading.start)
        while index > self.heading.end and self.context.is_furniture(index):
            index = _previous_nonblank(self.lines, index, self.heading.start)
        return max(index, self.heading.end)

    def _skip_furniture(self, index, stop):
        """The first non-blank line from index that is not gazette furniture, or stop."""
        index = _next_nonblank(self.lines, index, stop)
        while index < stop and self.context.is_furniture(index):
            index = _next_nonblank(self.lines, index + 1, stop)
        return index

    def _labels(self, first):
        """Indexes of the 附件 labels after the signature. A label with a title but no index that the next label
        follows within a few short lines (附件：某某名单 | 名单续行 | 附件) is the annex list, not a label."""
        labels = []
        for index in range(first, self.stop):
            text = self.lines[index].strip()
            label = attachment_label(text) if "\t" not in text else None
            if label and not LIST_ITEM.match(label[1]) and len(label[1]) <= _TITLE_LINE_CHARS:
                labels.append(index)
        following = [*labels[1:], None]
        return [label for position, label in enumerate(labels) if not self._is_annex_list(label, following[position])]

    def _is_annex_list(self, label, following):
        index, title = attachment_label(self.lines[label].strip())
        if following is None or index or not title:
            return False
        between = [
            self.lines[line].strip()
            for line in range(label + 1, following)
            if self.lines[line].strip() and not self.context.is_furniture(line)
        ]
        return len(between) <= _ANNEX_LIST_LINES and all(len(text) <= _TITLE_LINE_CHARS for text in between)

    def after_signature(self, first):
        """(instrument, attachments, extra body blocks) from what follows the signature. What comes before the first
        附件 label is the instrument of a 印发 notice, or of any notice when it opens with a title such as
        某某工作规则; otherwise it is stray body text."""
        labels = self._labels(first)
        lead_end = labels[0] if labels else self.stop
        lead = self._skip_furniture(first, lead_end)
        contact_end = lead
        while contact_end < lead_end and CONTACT.match(self.lines[contact_end].strip()):
            contact_end = self._skip_furniture(contact_end + 1, lead_end)
        extra = self.blocks(lead, contact_end)  # contact lines belong with the signature, in the body
        lead, instrument = contact_end, None
        if lead < lead_end:
            if "印发" in self.heading.title or _names_instrument(self.lines, lead, lead_end):
                instrument = self.instrument(lead, lead_end)
            else:
                self.context.warn(
                    lead,
                    Message(
                        gettext_noop(
                            "In “%(title)s”, what follows the signature and comes before the annexes is taken as "
                            "body text"
                        ),
                        {"title": self.heading.title},
                    ),
                )
                extra += self.blocks(lead, lead_end)
        ends = [*labels[1:], self.stop]
        attachments = [self.attachment(label, ends[position]) for position, label in enumerate(labels)]
        return instrument, attachments, extra

    def instrument(self, first, stop):
        title, body = _opening_title(self.lines, first, stop)
        if not title:
            self.context.warn(
                first,
                Message(
                    gettext_noop("The title of the document “%(title)s” issues could not be recognised"),
                    {"title": self.heading.title},
                ),
            )
        last = max(_previous_nonblank(self.lines, stop, first), first)
        return Instrument(
            title, squeeze(title), instrument_kind(title), self.blocks(body, stop), Span(first + 1, last + 1)
        )

    def attachment(self, label, stop):
        """The annex under a 附件 label, titled inline (附件1：某某表) or by the line under the label."""
        inline = attachment_label(self.lines[label].strip())[1]
        if inline:
            title, body = display_join(inline), label + 1
        else:
            title, body = _opening_title(self.lines, label + 1, stop, unfinished_continues=False)
        last = max(_previous_nonblank(self.lines, stop, label), label)
        return Attachment(title, self.blocks(body, stop), False, Span(label + 1, last + 1))
