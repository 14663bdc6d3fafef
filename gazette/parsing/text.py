"""Character-level helpers: white space, punctuation, stray markup. Pure functions on strings."""

import re
import unicodedata

# Characters after which a paragraph is complete; a paragraph ending otherwise was usually cut by a page break.
TERMINAL = "。；：！？…!?;:"
# Closing marks that may follow the terminal character: 。” or ；）
CLOSERS = "”’」』）)》〉】\"'"

_SPACES = re.compile(r"\s+")
_MARKUP = [
    (re.compile(r"\*\*"), ""),
    (re.compile(r"\\text\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\frac\{([^{}]*)\}\{([^{}]*)\}"), r"\1/\2"),
    (re.compile(r"\\times"), "×"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\cdot"), "·"),
    (re.compile(r"[_^]\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\$([^$]*)\$"), r"\1"),
    (re.compile(r"</?p\s*>|<br\s*/?>", re.IGNORECASE), " "),
]
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "―": "-", "～": "-", "~": "-"})
_QUOTES = re.compile(r"[“”‘’\"'「」『』]")


def full_width_length(text):
    """How many full-width characters ``text`` is as wide as, a digit or Latin letter being half of one: a line
    hard-wrapped at 12 characters holds 12 Chinese ones, or 10 and 4 digits (2026年4月3)."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    return (columns + 1) // 2


def squeeze(text):
    """All white space removed: the form in which titles are compared and normalised."""
    return _SPACES.sub("", text)


def display_join(text):
    """White space next to an ASCII letter or digit is kept as one space (`关于 2022 年`, `PPP 项目`); other white
    space marks where the title wrapped or letter spacing (`实施 方案的 通 知`, `规划 (2021—2025年)`) and goes. A
    line break (the title's lines joined with "\n") is a space only between two ASCII words (`…县20` | `26年度…`)."""
    text = text.strip()

    def replace(match):
        before = text[match.start() - 1]
        after = text[match.end()] if match.end() < len(text) else ""
        if "\n" in match.group():  # where the title's lines were joined: see spaced_at_break
            return " " if spaced_at_break(before, after) else ""
        return " " if ascii_word(before) or ascii_word(after) else ""

    return _SPACES.sub(replace, text)


def ascii_word(char):
    return char.isascii() and char.isalnum()


def spaced_at_break(before, after):
    """Whether a line break between the characters ``before`` and ``after`` stood for a space: between two ASCII
    words, but not inside a number, which only wrapping cuts (2026年4月3 | 0日前)."""
    return ascii_word(before) and ascii_word(after) and not (before.isdigit() and after.isdigit())


def join_fragments(first, second):
    """Glue two pieces of one paragraph: a space only where the break removed one (``spaced_at_break``)."""
    if first and second and spaced_at_break(first[-1], second[0]):
        return f"{first} {second}"
    return first + second


def comparison_key(title):
    """Titles printed twice (table of contents and body) differ in bracket width, dashes and quotes; compare without."""
    key = unicodedata.normalize("NFKC", squeeze(title)).translate(_DASHES)
    return _QUOTES.sub("", key)


def clean_inline(text):
    """Stray Markdown bold, LaTeX (PM_{2.5}, \\frac) and HTML paragraph tags left by the extraction."""
    if not any(mark in text for mark in "*\\_^$<"):
        return text
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


def ends_terminal(text):
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def within_one_edit(first, second):
    """True when the strings differ by at most one inserted, deleted or replaced character (linear time)."""
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    index = 0
    while index < len(first) and first[index] == second[index]:
        index += 1
    if len(first) == len(second):
        return first[index + 1 :] == second[index + 1 :]
    return first[index:] == second[index + 1 :]
