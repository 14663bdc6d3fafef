"""Document numbers (文号) and dates as printed, and their normalised forms."""

import re
from dataclasses import dataclass
from datetime import date

from .text import squeeze

CJK = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_OPEN = re.escape("〔（([［【")
_CLOSE = re.escape("〕）)]］】")
# Some offices print a 第 before the sequence (某政发〔2025〕第3号); the normalised number leaves it out.
# White space inside and around a number is bounded (_S): an unbounded run, tried from each space of a long run in a
# search, would make the search quadratic in the line's length.
_S = r"\s{0,4}"
_CORE = (
    rf"(?P<series>[{CJK}]{{1,12}}){_S}[{_OPEN}]{_S}(?P<year>(?:19|20)\d\d){_S}[{_CLOSE}]"
    rf"{_S}第?{_S}(?P<sequence>\d{{1,4}}){_S}号"
)

# A line that is nothing but a number, the form a document's own number is printed in (brackets allowed).
OWN_NUMBER_LINE = re.compile(rf"^[（(]?{_S}{_CORE}{_S}[）)]?$")
# A number at the end (or, in some layouts, the start) of a table-of-contents entry, usually in brackets.
TRAILING_NUMBER = re.compile(rf"[（(]?{_S}{_CORE}{_S}[）)]?\s*$")
LEADING_NUMBER = re.compile(rf"^[（(]?{_S}{_CORE}{_S}[）)]?\s*")
CITED_NUMBER = re.compile(_CORE)

# Words that run into a cited number's series in prose: 严格按照某政发〔2022〕3号 is series 某政发.
_LEADING_WORDS = re.compile(r"根据|按照|依据|依照|参照|贯彻|落实|执行|详见|印发|见|和|及|与|或|的|暨|号|即")


# A decree (政府令) is numbered without a year, in one series for the government's whole life: 某县人民政府令 第5号,
# cited as 县政府令第5号. Its series is normalised to that short form, which the contents and the body share.
DECREE_SERIES = re.compile(r"^(?:.*?(?P<level>县|市|区|旗))?(?:人民)?政府令$")
_DECREE_CITED = (
    rf"(?P<series>(?:[{CJK}]{{0,12}}?(?:县|市|区|旗))?(?:人民)?政府令){_S}[（(]?{_S}第{_S}(?P<sequence>\d{{1,4}}){_S}号"
)
TRAILING_DECREE = re.compile(rf"[（(]?{_S}{_DECREE_CITED}{_S}[）)]?{_S}[）)]?\s*$")


@dataclass(frozen=True)
class Number:
    series: str
    year: int | None  # None for a decree
    sequence: int

    @property
    def normalised(self):
        if self.year is None:
            return f"{self.series}第{self.sequence}号"
        return f"{self.series}〔{self.year}〕{self.sequence}号"


def decree_number(series, sequence):
    """The Number of 某县人民政府令 第N号: series 县政府令 (市政府令, 区政府令…)."""
    match = DECREE_SERIES.match(series)
    level = match["level"] if match and match["level"] else "县"
    return Number(f"{level}政府令", None, int(sequence))


def _from_match(match):
    return Number(match["series"], int(match["year"]), int(match["sequence"]))


def own_number(line):
    """The number when the whole line is one (`某政发〔2023〕19号`, `（某政办函（2022）7 号）`), else None."""
    match = OWN_NUMBER_LINE.match(line.strip())
    return _from_match(match) if match else None


def trailing_number(text):
    """A number closing a table-of-contents entry, with the text before it: a 文号, or a decree's
    (`某某办法（县政府令第5号）`)."""
    match = TRAILING_NUMBER.search(text)
    if match:
        return _from_match(match), text[: match.start()]
    match = TRAILING_DECREE.search(text)
    if match:
        return decree_number(match["series"], match["sequence"]), text[: match.start()]
    return None, text


def entry_number(text):
    """(number, title) of a table-of-contents entry whose number closes it or, failing that, opens it."""
    number, title = trailing_number(text)
    if number is None and (match := LEADING_NUMBER.match(text)):
        return _from_match(match), text[match.end() :]
    return number, title


def cited_numbers(text):
    """Every number in running text, normalised, series trimmed of the words that precede it in prose."""
    found = []
    for match in CITED_NUMBER.finditer(text):
        series = _LEADING_WORDS.split(match["series"])[-1]
        if series:
            found.append(f"{series}〔{int(match['year'])}〕{int(match['sequence'])}号")
    return found


# Dates: 2023年12月28日, 2023 年 12 月 28 日, 二〇二三年十二月二十八日.
_CN_DIGITS = {char: value for value, chars in enumerate(("〇○零ＯO", *"一二三四五六七八九")) for char in chars}
_CN = CN_NUMERALS = "〇○零Ｏ一二三四五六七八九十"
DATE = re.compile(
    rf"(?P<year>\d{{4}}|[{_CN}]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*"
    rf"(?P<day>\d{{1,2}}|[{_CN}]{{1,3}})\s*日"
)
# A line that is only a date (the signature's date line), possibly malformed.
# White space bounded (_S): around an optional part, unbounded runs make a failing match try every split of them.
DATE_LINE = re.compile(rf"^(?:\d{{4}}|[{_CN}]{{4}}){_S}年{_S}[\d{_CN}]{{1,3}}{_S}月{_S}[\d{_CN}]{{0,3}}{_S}日?$")
# The first part of a date wrapped over two lines: 2023年 | 5月6日, 2023 年 11 月 | 28 日.
DATE_HEAD = re.compile(rf"^(?:\d{{4}}|[{_CN}]{{4}}){_S}年(?:{_S}[\d{_CN}]{{1,3}}{_S}月)?$")
# A date printed in brackets under a title instead of a signature at the end (决定, 讲话, rules adopted at a meeting):
# （2024年11月5日）, （2024年3月5日县人民政府第12次常务会议通过）.
DATED_UNDER_TITLE = re.compile(rf"^[（(]\s*(?P<date>{DATE.pattern})[^（()）]{{0,40}}[）)]$")


def dated_under_title(text, following=""):
    """(match, lines) of a date printed in brackets under a title (（2024年12月10日县人民政府第35次常务会议通过）),
    on ``text``'s line or cut by narrow wrapping onto the ``following`` one; (None, 0) when it is not."""
    if match := DATED_UNDER_TITLE.match(squeeze(text)):
        return match, 1
    if (
        following
        and text.lstrip().startswith(("（", "("))
        and (match := DATED_UNDER_TITLE.match(squeeze(text + following)))
    ):
        return match, 2
    return None, 0


# A date closing a line after white space: a signature merged with the line before it in extraction.
TRAILING_DATE = re.compile(rf"\s(?P<date>{DATE.pattern})\s*$")


def cn_number(text):
    """Chinese numerals as written in dates: 二〇二三 digit by digit, 二十八 with tens."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        value = 0
        for char in text:
            value = value * 10 + _CN_DIGITS[char]
        return value
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def parse_date(text):
    """The first date in text as a date, None when there is none or it is not a real day."""
    match = DATE.search(text)
    if not match:
        return None
    try:
        return date(cn_number(match["year"]), cn_number(match["month"]), cn_number(match["day"]))
    except (KeyError, ValueError):
        return None


def is_date_line(line):
    return bool(DATE_LINE.match(line.strip()))
