"""What every extractor shares: the document's identity, its source lines, and text helpers. No Django here."""

import bisect
import re
from dataclasses import dataclass
from datetime import date

from gazette.parsing.numbers import CJK
from gazette.parsing.result import ParsedDocument
from gazette.parsing.text import clean_inline, squeeze
from gazette.parsing.vocabulary import MARKER

# A bullet some extractions put before list lines: `- 组 长：…`, `• 王玉 …`.
_BULLET = re.compile(r"^[-•·]\s+")
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])|\n")


@dataclass(frozen=True)
class DocumentRef:
    """The document a proposal comes from: ``key`` is its normalised number, or its normalised title without one."""

    key: str
    number: str | None
    title: str
    signed: date | None


def document_ref(document: ParsedDocument) -> DocumentRef:
    return DocumentRef(document.number or document.title_normalised, document.number, document.title, document.signed)


class Source:
    """A document's lines, numbered as in the gazette file (1-based), each cleaned of stray markup and bullets."""

    def __init__(self, document: ParsedDocument, lines: list[str]):
        self.document = document
        self.ref = document_ref(document)
        self.first = document.span.start
        self.last = document.span.end
        self._lines = lines
        self._texts = {}  # every extractor reads every line: cleaned once
        self._squeezed = {}

    def raw(self, number):
        return self._lines[number - 1]

    def text(self, number):
        """The line stripped of white space at its ends, markup and a leading bullet; TABs kept."""
        if (text := self._texts.get(number)) is None:
            line = self._lines[number - 1].strip(" \u3000\r\n")
            text = self._texts[number] = _BULLET.sub("", clean_inline(line)) if line else ""
        return text

    def squeezed(self, number):
        """The line's text with all white space removed, computed once: extractors look for sentences in it."""
        if number not in self._squeezed:
            self._squeezed[number] = squeeze(self.text(number))
        return self._squeezed[number]

    def numbers(self):
        return range(self.first, self.last + 1)

    def joined(self, first, last):
        """Lines first..last as one text, the breaks between them removed (they are wraps or page breaks), except
        before a numbered line (一、 （二） 3.), which starts a paragraph of its own."""
        paragraphs, current = [], []
        for number in range(first, min(last, self.last) + 1):
            text = self.text(number)
            if text and MARKER.match(text) and current:
                paragraphs.append(join_lines(current))
                current = []
            current.append(text)
        paragraphs.append(join_lines(current))
        return "\n".join(paragraph for paragraph in paragraphs if paragraph)


class Paragraph:
    """A paragraph block's text and the source lines ``first``..``end`` it was built from, so that what is read in
    the text (a figure, an item) can name its lines. ``text`` may be given longer: a piece the extraction moved far
    away, put back at its end, counts as the paragraph's last line."""

    def __init__(self, source, text, first, end):
        self.source, self.text, self.first, self.end = source, text, first, end
        self._lines = None

    def line_of(self, offset):
        """The source line holding the ``offset``-th character of the text (white space does not count)."""
        lines = self._owners()
        return lines[min(offset, len(lines) - 1)] if lines else self.first

    def text_of_lines(self, first, last):
        """The text's characters that lie on lines ``first``..``last``: what a value read from them was read from."""
        lines = self._owners()
        begin = bisect.bisect_left(lines, first)
        end = bisect.bisect_right(lines, last)
        return self.text[begin:end].strip()

    def _owners(self):
        """For each character of the text, its line (ascending): the text is the lines' non-space characters, in
        order."""
        if self._lines is None:
            owners = [
                number for number in range(self.first, self.end + 1) for _char in squeeze(self.source.text(number))
            ]
            self._lines, seen = [], 0
            for char in self.text:
                self._lines.append(owners[min(seen, len(owners) - 1)] if owners else self.first)
                seen += not char.isspace()
        return self._lines


def paragraphs(source, blocks):
    """The text blocks (headings and paragraphs, not tables) of ``source``'s document, each as a ``Paragraph``: a
    block's lines run to the line before the next block's."""
    found = []
    for index, block in enumerate(blocks):
        if block.kind == "table" or not block.text or not (source.first <= block.line <= source.last):
            continue
        following = blocks[index + 1].line if index + 1 < len(blocks) else source.last + 1
        end = following - 1 if following > block.line else source.last
        found.append(Paragraph(source, block.text, block.line, min(end, source.last)))
    return found


def join_lines(parts):
    pieces = []  # joined once: adding to a growing string copies it
    for part in parts:
        part = part.replace("\t", " ").strip()
        if not part:
            continue
        last = pieces[-1][-1] if pieces else ""
        if last.isascii() and last.isalpha() and part[0].isascii() and part[0].isalpha():
            pieces.append(" ")  # two words of a Latin name; a wrap inside a number (3月3 | 1日) is no space
        pieces.append(part)
    return "".join(pieces)


def sentences(text):
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def despace(text):
    """Letter spacing and padding removed (`组 长` → 组长, `王 玉` → 王玉); a space between ASCII words is kept."""
    text = text.strip()
    return re.sub(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])", "", text)


__all__ = [
    "CJK",
    "DocumentRef",
    "Paragraph",
    "Source",
    "despace",
    "document_ref",
    "join_lines",
    "paragraphs",
    "sentences",
    "squeeze",
]


def split_outside_brackets(text, separators="、，,"):
    """Items separated by ``separators`` outside brackets (县工信局（县商务局、县民营经济发展促进局） stays one item);
    empty items dropped."""
    items, depth, current = [], 0, []
    for char in text:
        depth += char in "（("
        depth -= char in "）)"
        if char in separators and depth <= 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item for item in items if item]
