"""Where documents begin: a heading (issuer and title) and the number printed next to it.

Layouts seen: `某县人民政府办公室 关于…的通知` on one line; the issuer on its own line and the title (wrapped over
several lines) after it; the number after the title or before it; a title without issuer next to its number; no
number at all. Only the number line right before or after the heading is the document's own.
"""

import re
from dataclasses import dataclass

from .numbers import Number, cn_number, dated_under_title, decree_number, is_date_line, own_number
from .text import display_join, ends_terminal, squeeze
from .vocabulary import (
    DISCLOSURE,
    FURNITURE,
    ISSUER_LINE,
    ISSUER_WITH_TITLE,
    MARKER,
    NAMED_HEADING,
    ORDINAL_LINE,
    attachment_label,
    issuer_names,
    kind_of,
)

_MAX_TITLE_LINES = 8
_MAX_TITLE_CHARS = 200
_MAX_TITLE_LINE = 100
# The longest issuer with the space after it and 关 (某某自治县人民政府办公室 关).
_MAX_ISSUER_CHARS = 24
# The longest name a named heading gives after its issuer (第12次常务会议纪要 and the like).
_MAX_NAMED_TITLE_CHARS = 20
# The rules a decree promulgates, named in its first sentence: 《某县某某办法》已经…通过，现予公布…
_PROMULGATED = re.compile(r"《(?P<title>[^《》]{2,60})》.{0,80}?(?:公布|发布|施行)")
_PROMULGATION_LINES = 8
_PROMULGATION_CHARS = 160


@dataclass
class Heading:
    start: int  # 0-based index of the first line (number, issuer or title)
    end: int  # 0-based index of the last line (title or number)
    title: str  # display form
    kind: str
    issuer: str  # as printed, squeezed; "" when the heading does not print it
    county: str | None
    number: Number | None
    number_line: int | None


def _could_continue_title(text, title_so_far):
    """A line that can be part of a wrapped title (not a number, addressee, date, marker, table row or sentence)."""
    return not (
        "\t" in text
        or len(text) > _MAX_TITLE_LINE
        or ends_terminal(text)
        or own_number(text)
        or is_date_line(text)
        or MARKER.match(text)
        # Right after 关于 a line is the title's subject even where it reads like an issuer (…办公室关于 |
        # 调整某县安全生产委员会 | 组成人员的通知).
        or (ISSUER_LINE.match(squeeze(text)) and not squeeze(title_so_far).endswith("关于"))
        or ISSUER_WITH_TITLE.match(text)
        or attachment_label(text)
        or DISCLOSURE.match(squeeze(text))
        or FURNITURE.match(text)
        or (text.startswith("关于") and kind_of(title_so_far))
    )


class _Scanner:
    """Walks the non-blank lines from the end of the table of contents and collects headings."""

    def __init__(self, lines, begin, county, toc_numbers):
        self.lines = lines
        self.nonblank = [index for index in range(begin, len(lines)) if lines[index].strip()]
        self.position_of = {index: position for position, index in enumerate(self.nonblank)}
        self.county = county
        self.toc_numbers = toc_numbers
        self.known_series = {number.split("〔")[0] for number in toc_numbers}

    def text(self, position):
        return self.lines[self.nonblank[position]].strip()

    def number_at(self, position):
        if 0 <= position < len(self.nonblank):
            return own_number(self.text(position))
        return None

    def title_from(self, position, first):
        """(last position, title) of the longest run of title lines from position that ends in a 文种."""
        fragments = [first]
        best = (position, first) if kind_of(first) else None
        cursor = position + 1
        while cursor < len(self.nonblank) and len(fragments) < _MAX_TITLE_LINES:
            text = self.text(cursor)
            joined = " ".join(fragments)
            if len(joined) + len(text) > _MAX_TITLE_CHARS or not _could_continue_title(text, joined):
                break
            fragments.append(text)
            if kind_of(fragments[-2][-2:] + text):  # narrow wrapping may cut the 文种 itself: …的通 | 知
                best = (cursor, "\n".join(fragments))
            cursor += 1
        if best is None:
            return None
        return best[0], display_join(best[1])

    def heading_at(self, position):
        text = self.text(position)
        if (match := ISSUER_WITH_TITLE.match(text)) and _could_continue_title(match["title"], ""):
            return self._with_issuer(position, position, match["title"], match)
        match = ISSUER_LINE.match(text) or ISSUER_LINE.match(squeeze(text))  # joint issuers keep their gap
        if match and position + 1 < len(self.nonblank):
            following = self.text(position + 1)
            if following.startswith("关于") and _could_continue_title(following, ""):
                return self._with_issuer(position, position + 1, following, match)
        if text.startswith("关于") and _could_continue_title(text, ""):
            return self._bare(position, text)
        if match := NAMED_HEADING.match(squeeze(text)):
            return self._named(position, match)
        return self._wrapped_issuer(position, text) or self._wrapped_named(position, text)

    def _wrapped_named(self, position, text):
        """A named heading that narrow hard-wrapping cut: `某县人民政府常务会议纪` | `要` | `（第8次）`."""
        if position + 1 >= len(self.nonblank) or len(text) > _MAX_ISSUER_CHARS + _MAX_NAMED_TITLE_CHARS:
            return None
        match = NAMED_HEADING.match(squeeze(text + self.text(position + 1)))
        return self._named(position, match, position + 1) if match else None

    def _named(self, position, match, end=None):
        """A decree (某县人民政府令 | 第5号), minutes (某县人民政府常务会议纪要 | （第28次）) or a public notice
        (某县人民政府通告 | （2025年第1号）). A decree needs its 第N号; the others their ordinal, a number or a date
        under the title. A decree's title is that of the rules
        it promulgates, where its first sentence names them."""
        end = position if end is None else end  # the heading's last line before its ordinal
        last, ordinal, counter = end, match["ordinal"], match["counter"]
        following = ORDINAL_LINE.match(squeeze(self.text(end + 1))) if end + 1 < len(self.nonblank) else None
        if ordinal is None and following:
            last, ordinal, counter = end + 1, following["ordinal"], following["counter"]
        issuer = match["issuer"]
        if match["title"] == "令":
            if counter != "号":
                return None
            try:
                number = decree_number(issuer + "令", cn_number(ordinal))
            except (KeyError, ValueError):
                return None
            title = self._promulgated(last) or f"{issuer}令第{number.sequence}号"
            return self._heading(position, last, title, issuer, match["county"], number, last, kind="令")
        number_position, number = self._adjacent_number(position, last)
        dated = self._dated_lines(last + 1)
        if ordinal is None and number is None and not dated:
            return None
        title = display_join("\n".join(self.text(index) for index in range(position, last + 1)))
        kind = "纪要" if match["title"].endswith("纪要") else match["title"]
        return self._heading(position, last, title, issuer, match["county"], number, number_position, kind=kind)

    def _dated_lines(self, position):
        """How many lines a date under a title printed at ``position`` takes (0: none; 2: wrapping cut it)."""
        if position >= len(self.nonblank):
            return 0
        following = self.text(position + 1) if position + 1 < len(self.nonblank) else ""
        return dated_under_title(self.text(position), following)[1]

    def _promulgated(self, last):
        # The sentence's lines joined: narrow wrapping cuts it anywhere (《…办法》已经2025 | 年4月8日…通过，现予公布).
        text = ""
        for position in range(last + 1, min(last + 1 + _PROMULGATION_LINES, len(self.nonblank))):
            text += self.text(position)
            if found := _PROMULGATED.search(text):
                return found["title"]
            if len(text) >= _PROMULGATION_CHARS:
                break
        return None

    def _wrapped_issuer(self, position, text):
        """A heading hard-wrapped inside its issuer or inside 关于: `某县人民政府办公室 关` | `于加强…的通知`, or an
        issuer wrapped over two lines above its title."""
        if position + 1 >= len(self.nonblank) or len(text) > _MAX_ISSUER_CHARS:
            return None
        joined = text + self.text(position + 1)
        match = ISSUER_WITH_TITLE.match(joined)
        if not match and position + 2 < len(self.nonblank):
            # Joint issuers wrapped over two lines, the title under them: `中共某县委办公室　某县人民政` | `府办公室`.
            issuer = ISSUER_LINE.match(joined) or ISSUER_LINE.match(squeeze(joined))
            following = self.text(position + 2)
            if issuer and following.startswith("关于") and _could_continue_title(following, ""):
                return self._with_issuer(position, position + 2, following, issuer)
        if not match or match.start("title") + len("关于") <= len(text):
            return None
        title = match["title"]
        if not _could_continue_title(title, ""):
            return None
        return self._with_issuer(position, position + 1, title, match)

    def _adjacent_number(self, first, last):
        """The number right after the heading (or after a date printed under it), else right before it:
        (position, Number) or (None, None)."""
        after = last + 1 + self._dated_lines(last + 1)
        for position in (after, first - 1):
            number = self.number_at(position)
            if number:
                return position, number
        return None, None

    def _with_issuer(self, issuer_position, title_position, first, match):
        """Issuer printed: the title must end in a 文种, or stand next to a number (then its 文种 stays unknown)."""
        last, title = self.title_from(title_position, first) or (title_position, None)
        number_position, number = self._adjacent_number(issuer_position, last)
        if title is None:
            if number is None:
                return None
            title = display_join(first)
        issuer = issuer_names(match["issuer"])
        return self._heading(issuer_position, last, title, issuer, match["county"], number, number_position)

    def _bare(self, position, text):
        """A title printed without issuer counts only next to its own number, of a series this gazette uses."""
        found = self.title_from(position, text)
        if found is None:
            return None
        last, title = found
        number_position, number = self._adjacent_number(position, last)
        if number is None:
            return None
        issuer, county, letterhead = "", None, None
        if 0 < number_position < position:
            letterhead = ISSUER_LINE.match(squeeze(self.text(number_position - 1)))
        if letterhead:
            issuer, county = squeeze(letterhead["issuer"]), letterhead["county"]
        elif not self._series_fits(number):
            return None
        return self._heading(position, last, title, issuer, county, number, number_position)

    def _series_fits(self, number):
        if self.toc_numbers:
            return number.normalised in self.toc_numbers
        governmental = any(word in number.series for word in ("政", "府", "办"))  # 某政发, 某府函 (广东), 某政办发
        if self.known_series:
            # Another series of the same office's abbreviation (惠溪府 then 惠溪府函), not a reprinted document of
            # another government's (晋政办发 among 兴政发).
            return number.series in self.known_series or (
                governmental and any(number.series[0] == known[0] for known in self.known_series)
            )
        return governmental

    def _heading(self, start, last, title, issuer, county, number, number_position, kind=None):
        if county and self.county and county != self.county:
            return None
        if number_position is not None:
            start, last = min(start, number_position), max(last, number_position)
            self.known_series.add(number.series)
            if start == number_position and start > 0 and ISSUER_LINE.match(squeeze(self.text(start - 1))):
                start -= 1  # the letterhead (某县人民政府文件) above the number
        line = self.nonblank
        return Heading(
            start=line[start],
            end=line[last],
            title=title,
            kind=kind or kind_of(title),
            issuer=issuer,
            county=county,
            number=number,
            number_line=line[number_position] if number_position is not None else None,
        )

    def scan(self):
        headings, position = [], 0
        while position < len(self.nonblank):
            heading = self.heading_at(position)
            if heading is None:
                position += 1
                continue
            headings.append(heading)
            position = self.position_of[heading.end] + 1
        return headings


def find_headings(lines, begin, county, toc_numbers):
    """Document headings from line index begin on, in body order. county (when known) rules out other issuers;
    toc_numbers (the table of contents' numbers, may be empty) decide whether a title without issuer is a heading."""
    return _Scanner(lines, begin, county, set(toc_numbers)).scan()
