"""Deadline phrases of county documents (完成时限, 整改时限, dates in running text) read as dates. No Django here.

`parse_deadline(text, reference)` reads one phrase; `parse_deadlines(text, reference)` splits a cell that holds
several (`“非农化”问题12月30前完成整改，“非粮化”问题6月30日前完成整改`) and reads each. Neither raises: what
cannot be read comes back with due and precision None and the raw text kept, for a person to look at.

The reference date is the day the document was signed; phrases are read relative to it.

- Full-width digits and punctuation, Chinese numerals (十二月, 二〇二三年, 两年内) and white space anywhere
  (`2023 年 12 月 30 日前`, a date wrapped over two lines) are normalised first.
- A phrase without a year takes the reference year, unless its due date would then fall more than three months
  before the reference date, that is strictly before the same day three calendar months earlier (clamped to the
  month's end: three months before 31 May is 28 or 29 February); then it takes the next year. 今年/本年/当年,
  明年/次年/来年 and 去年/上年 name the year relative to the reference; 本月/当月 and 下月/次月 the month.
- due is the last day the phrase allows: a day as written (`12月30前`, the 日 missing, is the 30th); a month
  alone or with 底/末/前 its last day (`2022年5底前`, 月 missing before 底, 末 or a 旬, is still May's);
  上旬/中旬/下旬 the 10th, 20th and last day (初 as 上旬); 一季度/第一季度 31 March and so on;
  上半年 30 June, 下半年 31 December; a year alone, 年底, 年末 and 年内 31 December. Words such as
  前, 之前, 到, 截至 change nothing. Numeric dates (2021/10/1, 2021.10.31, 2021-10-31) are days.
- precision says how exact due is: "day" (also for a 旬, whose due is a day), "month", "quarter", "half", "year".
- A range (…—…, …-…, …~…, …至…, …到…, …起至…) gives start, the first day of its first part, and due as above for
  its last part. An end without a year takes the start's year (the next year if it would fall before the start);
  a start without a year takes the end's (the year before if it would fall after the end); with no year on either
  side the rule above places the end. A phase label (`（一）前期摸底阶段（2023年11月30日—2023年12月15日）`) is
  text around a range; a phase of one period (`（2021年）`) has a due and no start.
- A date followed by 起, 开始, 以来, 以后 or 之后 is a start, not a due: `从2024年1月1日起长期执行`.
- A holiday (春节前, 清明节前, 五一前, 端午节前, 中秋节前, 国庆节前, 元旦前) is due the day before it: of the year
  written (2025年春节前 is 28 January 2025), else the first such day on or after the reference date. The lunar
  holidays come from lunardate (1900–2099), 清明 from chinese_calendar's solar terms; a year outside them is left
  unparsed.
- Ongoing work (长期有效, 长期坚持, 持续推进, 常态化, 常年, 长效) is ongoing, with no due unless one is also given.
- 立即, 立行立改 and the like are due on the reference date; N日内, N天内, N周内, N个月内 and N年内 count from it
  (`方案印发之日起3日内`), or from the start when one is given (`通告之日（2023年9月22日）起三个月内`); N个工作日内
  counts working days by the Chinese calendar (projects.workdays). A count after an event the phrase does not date
  (`收到通知后5日内`) is left unparsed.
- Dates that do not exist (2月30日, 13月) are left unparsed rather than moved to a nearby day.
- A phrase with several separate deadlines: parse_deadline returns the one due last, parse_deadlines each of them.

Recurring deadlines carry a recurrence code; their due is the first occurrence on or after the reference date, and
`Deadline.next_due(after)` gives the first occurrence strictly after a day (after a progress report, say):

    code          written as                              due
    daily         每日, 每天                              every day
    weekly        每周, 按周                              each Sunday
    weekly:D      每周一 … 每周日 (D = 1 … 7)             weekday D, ISO numbering: Monday 1, Sunday 7
    monthly       每月, 每月底前, 每月月底前, 按月        each month's last day
    monthly:D     每月20日前 (D = 1 … 31)                 day D of each month, the last day in shorter months
    quarterly     每季度, 每季, 按季度                    31 March, 30 June, 30 September, 31 December
    half-yearly   每半年                                  30 June and 31 December
    yearly        每年, 按年                              each 31 December
    yearly:M      每年3月前, 每年3月底前, 每年上半年      each last day of month M (precision "half" for 上半年)
    yearly:M-D    每年7月1日前                            each day D of month M (28 February for 2-29 in common years)

Every-other intervals (每两周, 每2个月) have no code and are left unparsed.
"""

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import chinese_calendar
from lunardate import LunarDate

from projects.workdays import add_working_days


@dataclass(frozen=True)
class Deadline:
    text: str
    due: date | None = None
    start: date | None = None
    precision: str | None = None
    ongoing: bool = False
    recurrence: str | None = None

    def next_due(self, after: date) -> date | None:
        """For a recurring deadline the first due date strictly after `after`; otherwise simply `due`."""
        if self.recurrence is None:
            return self.due
        return _occurrence(self.recurrence, after + timedelta(days=1))

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "due": _iso(self.due),
            "start": _iso(self.start),
            "precision": self.precision,
            "ongoing": self.ongoing,
            "recurrence": self.recurrence,
        }


def _iso(day):
    return day.isoformat() if day else None


# --- Normalisation ---------------------------------------------------------------------------------------------

# Chinese numerals are read only where a date or count unit follows, so that 十四五 or 一把手 stay as they are.
_CN_NUMBER = re.compile(r"[〇○零O一二三四五六七八九十两]+(?=年|月|日|号|季|个|星期|周|天|点|时)")
_CN_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "两": 2,
    **{char: value for value, char in enumerate("一二三四五六七八九", 1)},
}


def _cn_to_digits(numeral):
    if "十" not in numeral:
        return "".join(str(_CN_DIGITS[char]) for char in numeral)
    tens, _, units = numeral.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return numeral  # not a number between 10 and 99: leave it for the phrase to stay unparsed
    return str(_CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(units, 0))


def _normalise(text):
    """The text in the form the patterns read (NFKC, no white space, Arabic digits) and, for each of its characters,
    the index of the character of `text` it came from, so that a split can cut the raw text at the same place."""
    chars, origins = [], []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char):
            if not piece.isspace():
                chars.append(piece)
                origins.append(index)
    flat = "".join(chars)
    parts, part_origins, position = [], [], 0
    for match in _CN_NUMBER.finditer(flat):
        digits = _cn_to_digits(match.group())
        parts += [flat[position : match.start()], digits]
        part_origins += origins[position : match.start()] + [origins[match.start()]] * len(digits)
        position = match.end()
    parts.append(flat[position:])
    part_origins += origins[position:]
    return "".join(parts), part_origins


# --- Patterns on the normalised text -----------------------------------------------------------------------------

_SEP = r"(?:起)?(?:[—–―−\-~〜]+|至|到)"
# After a day written without 日 (12月30前, 2022年4月29—5月10日): what may follow so that the number is a day.
_DAY_END = r"(?=前|止|起|之|以|[—–―−\-~〜至到,;:。)\]]|$)"
_PART = r"底|末|初|上旬|中旬|下旬"

_POINT = re.compile(
    rf"""
    (?<!\d)(?P<num_year>\d{{4}})(?P<num_sep>[./-])(?P<num_month>\d{{1,2}})(?P=num_sep)(?P<num_day>\d{{1,2}})(?!\d)
  | (?:(?<!\d)(?P<year>\d{{4}})年|(?P<rel_year>今年|本年|当年|明年|次年|来年|去年|上年))?
    (?:
        (?<!\d)(?P<month>\d{{1,2}})(?:月份?|(?=(?:{_PART})))(?:(?P<day>\d{{1,2}})(?:日|号|{_DAY_END})|(?P<part>{_PART}))?
      | 第?(?<!\d)(?P<quarter>[1-4])季度(?:末|底)?
      | (?P<half>上半年|下半年)
      | (?<!\d)(?P<bare_month>\d{{1,2}})(?={_SEP}(?:\d{{4}}年)?\d{{1,2}}月)
    )
  | (?:(?<!\d)(?P<whole_year>\d{{4}})|(?P<rel_whole>今|本|当|明|次|来|去|上))年(?:度(?=底|末|内)|(?!度))(?:底|末|内)?
  | (?<![\d每上下半全近多历往])年(?:底|末|内)
  | (?<!\d)(?P<bare_year>\d{{4}})(?={_SEP}\d{{4}}年)
  | (?P<rel_month>本月|当月|下个月|下月|次月)(?:(?P<rel_day>\d{{1,2}})(?:日|号|{_DAY_END})|(?P<rel_part>{_PART}))?
    """,
    re.VERBOSE,
)
_RANGE_SEP = re.compile(_SEP)
_RANGE_DAY_END = re.compile(rf"{_SEP}(?P<day>\d{{1,2}})(?:日|号)")
# 之日（2023年9月22日）起: the bracket around the date may come before the mark.
_START_MARK = re.compile(r"\)?(?:起|开始|以来|以后|之后)")

_RECURRENCE = re.compile(
    rf"""
    (?:每|按)(?:
        (?P<daily>日|天)
      | (?:周|个?星期)(?P<weekday>[1-7一二三四五六日天](?!次|个|遍|轮|批|期))?
      | (?P<monthly>个?月)(?:(?P<month_day>\d{{1,2}})(?:日|号|{_DAY_END})|月?(?:底|末))?
      | (?P<quarterly>个?季度?)(?:末|底)?
      | (?P<half_yearly>半年)
      | (?P<yearly>年)度?(?:
            (?P<year_month>\d{{1,2}})(?:月份?|(?=底|末))(?:(?P<year_day>\d{{1,2}})(?:日|号|{_DAY_END})|底|末)?
          | (?P<year_half>上半年|下半年)
        )?
    )
    """,
    re.VERBOSE,
)
_WEEKDAYS = {
    **{str(day): day for day in range(1, 8)},
    **{char: day for day, char in enumerate("一二三四五六日", 1)},
    "天": 7,
}

# Holidays named as deadlines: 春节前, 端午节前, 中秋节前 (lunar dates, from lunardate, which knows 1900–2099), 清明节前
# (a solar term, from chinese_calendar), 元旦前, 五一前, 国庆节前. Due the day before the holiday; without a year, the
# first such day on or after the reference.
_LUNAR_HOLIDAYS = {"春节": (1, 1), "端午": (5, 5), "中秋": (8, 15)}
_FIXED_HOLIDAYS = {"元旦": (1, 1), "五一": (5, 1), "劳动节": (5, 1), "国庆": (10, 1)}
_HOLIDAY = re.compile(
    r"(?:(?<!\d)(?P<year>\d{4})年|(?P<relative>今年|本年|当年|明年|次年|来年))?"
    r"(?P<holiday>春节|元旦|五一|劳动节|国庆|端午|中秋|清明)节?(?:假期)?(?:前|之前|以前)(?!后)"
)
_ONGOING = re.compile(r"(?<!中)长期|(?<!可)持续|常态|常年|长效")
_IMMEDIATE = re.compile(r"立即|立行立改|立查立改|立知立改|即知即改|即查即改|马上|当即|即时")
_WITHIN = re.compile(r"(?<!\d)(?P<count>\d{1,3})(?P<unit>个?工作日|个月|个?星期|周|天|日|年)(?:之内|以内|内)")

# Where a cell is cut into phrases: clause punctuation (in normalised form), never white space, which may be a wrap.
_CLAUSE_END = re.compile(r"[,;:。]")


# --- Points and ranges ----------------------------------------------------------------------------------------------

_LAST = -1  # a day that stands for the last day of its month (no written day is negative)


@dataclass(frozen=True)
class _Point:
    """A date as written, before its year is known: the span of days it covers and how precise it is."""

    year: int | None
    first_month: int
    last_month: int
    first_day: int
    last_day: int
    precision: str
    begin: int  # span in the normalised text
    end: int

    def first(self, year):
        return _day(year, self.first_month, self.first_day)

    def last(self, year):
        return _day(year, self.last_month, self.last_day)


def _day(year, month, day):
    return date(year, month, calendar.monthrange(year, month)[1] if day == _LAST else day)


def _month_part(part):
    """(first day, last day, precision) of a month part: 底, 末, 初, 上旬, 中旬, 下旬 or none."""
    return {
        None: (1, _LAST, "month"),
        "底": (_LAST, _LAST, "month"),
        "末": (_LAST, _LAST, "month"),
        "初": (1, 10, "day"),
        "上旬": (1, 10, "day"),
        "中旬": (11, 20, "day"),
        "下旬": (21, _LAST, "day"),
    }[part]


def _point(match, reference):
    groups = match.groupdict()
    span = {"begin": match.start(), "end": match.end()}
    if groups["num_year"]:
        day = int(groups["num_day"])
        month = int(groups["num_month"])
        return _Point(int(groups["num_year"]), month, month, day, day, "day", **span)
    if groups["rel_month"]:
        month_index = reference.year * 12 + reference.month - 1 + (groups["rel_month"] not in ("本月", "当月"))
        year, month = divmod(month_index, 12)
        return _month_point(year, month + 1, groups["rel_day"], groups["rel_part"], span)
    if groups["bare_year"] or groups["whole_year"] or groups["rel_whole"] or match.group().startswith("年"):
        year = _year(groups["bare_year"] or groups["whole_year"], groups["rel_whole"], reference)
        return _Point(year, 1, 12, 1, _LAST, "year", **span)
    year = _year(groups["year"], groups["rel_year"] and groups["rel_year"][0], reference)
    if groups["month"] or groups["bare_month"]:
        return _month_point(year, int(groups["month"] or groups["bare_month"]), groups["day"], groups["part"], span)
    if groups["quarter"]:
        quarter = int(groups["quarter"])
        return _Point(year, quarter * 3 - 2, quarter * 3, 1, _LAST, "quarter", **span)
    first_month = 1 if groups["half"] == "上半年" else 7
    return _Point(year, first_month, first_month + 5, 1, _LAST, "half", **span)


def _month_point(year, month, day, part, span):
    if day:
        return _Point(year, month, month, int(day), int(day), "day", **span)
    first_day, last_day, precision = _month_part(part)
    return _Point(year, month, month, first_day, last_day, precision, **span)


_RELATIVE_YEARS = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1, "来": 1, "去": -1, "上": -1}


def _year(written, relative, reference):
    if written:
        return int(written)
    if relative:
        return reference.year + _RELATIVE_YEARS[relative]
    return None


def _shift_months(day, months):
    """The same day `months` calendar months later (earlier if negative), clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _place(point, reference):
    """The year of a point written without one: the reference year, or the next when the point would then be due
    more than three months before the reference date. A day that does not exist in the reference year (29 February)
    is looked for in the next."""
    try:
        due = point.last(reference.year)
    except ValueError:
        return reference.year + 1
    return reference.year + (due < _shift_months(reference, -3))


@dataclass(frozen=True)
class _Item:
    """One deadline found in a phrase: a single point or a range, or a point that only says when work starts."""

    first: _Point
    last: _Point
    begin: int
    end: int
    starts_only: bool = False

    @property
    def is_range(self):
        return self.first is not self.last  # a single point is both first and last

    def resolve(self, reference):
        """(start, due) as dates."""
        first, last = self.first, self.last
        if not self.is_range:
            year = last.year if last.year is not None else _place(last, reference)
            return (last.first(year) if self.starts_only else None), last.last(year)
        if last.year is not None:
            due = last.last(last.year)
            start_year = first.year if first.year is not None else last.year - (first.first(last.year) > due)
            return first.first(start_year), due
        if first.year is not None:
            start = first.first(first.year)
            return start, last.last(first.year + (last.last(first.year) < start))
        due_year = _place(last, reference)
        due = last.last(due_year)
        return first.first(due_year - (first.first(due_year) > due)), due


def _items(normal, reference):
    points = [_point(match, reference) for match in _POINT.finditer(normal)]
    items, index = [], 0
    while index < len(points):
        point = points[index]
        following = points[index + 1] if index + 1 < len(points) else None
        if following and _RANGE_SEP.fullmatch(normal, point.end, following.begin):
            items.append(_Item(point, following, point.begin, following.end))
            index += 2
            continue
        day_end = _RANGE_DAY_END.match(normal, point.end)
        if day_end and point.precision == "day":
            day = int(day_end["day"])
            last = _Point(point.year, point.last_month, point.last_month, day, day, "day", point.begin, day_end.end())
            items.append(_Item(point, last, point.begin, day_end.end()))
        else:
            starts_only = bool(_START_MARK.match(normal, point.end))
            items.append(_Item(point, point, point.begin, point.end, starts_only))
        index += 1
    return items


# --- Recurrence ---------------------------------------------------------------------------------------------------


def _recurrence(match):
    """(code, precision) of a recurrence match."""
    groups = match.groupdict()
    if groups["daily"]:
        return "daily", "day"
    if groups["monthly"]:
        return (f"monthly:{int(groups['month_day'])}", "day") if groups["month_day"] else ("monthly", "month")
    if groups["quarterly"]:
        return "quarterly", "quarter"
    if groups["half_yearly"]:
        return "half-yearly", "half"
    if groups["yearly"]:
        if groups["year_half"]:
            return ("yearly:6" if groups["year_half"] == "上半年" else "yearly:12"), "half"
        if groups["year_day"]:
            month, day = int(groups["year_month"]), int(groups["year_day"])
            date(2000, month, day)  # a leap year, so 2-29 passes; 2月30日 raises ValueError and stays unparsed
            return f"yearly:{month}-{day}", "day"
        if groups["year_month"]:
            return f"yearly:{int(groups['year_month'])}", "month"
        return "yearly", "year"
    if groups["weekday"]:
        return f"weekly:{_WEEKDAYS[groups['weekday']]}", "day"
    return "weekly", "day"


def _split_recurrence(normal):
    """The recurrence match, if any, and the text with it blanked out (same length): the recurrence's own numbers
    (每年3月前) are not dates."""
    recurrence = _RECURRENCE.search(normal)
    if recurrence:
        normal = normal[: recurrence.start()] + "#" * len(recurrence.group()) + normal[recurrence.end() :]
    return recurrence, normal


def _occurrence(code, day):
    """The first due date of a recurrence on or after `day`; ValueError for a code that names no date."""
    kind, _, argument = code.partition(":")
    if kind == "daily":
        return day
    if kind == "weekly":
        weekday = int(argument or 7)
        if not 1 <= weekday <= 7:
            raise ValueError(code)
        return day + timedelta(days=(weekday - day.isoweekday()) % 7)
    if kind == "monthly":
        return _next_in_months(day, range(1, 13), int(argument or 31))
    if kind == "quarterly":
        return _next_in_months(day, (3, 6, 9, 12), 31)
    if kind == "half-yearly":
        return _next_in_months(day, (6, 12), 31)
    if kind == "yearly":
        month, _, month_day = (argument or "12").partition("-")
        return _next_in_months(day, (int(month),), int(month_day or 31))
    raise ValueError(code)


def _next_in_months(day, months, month_day):
    """The first date on or after `day` that falls on `month_day` (or the month's last day, if shorter) of one of
    `months`."""
    if not 1 <= month_day <= 31 or not all(1 <= month <= 12 for month in months):
        raise ValueError(month_day)
    for year in (day.year, day.year + 1):
        for month in months:
            candidate = date(year, month, min(month_day, calendar.monthrange(year, month)[1]))
            if candidate >= day:
                return candidate
    raise ValueError(day)


# --- Phrases ------------------------------------------------------------------------------------------------------


def parse_deadline(text: str, reference: date) -> Deadline:
    """One deadline phrase read against the reference date (the document's signing date); see the module notes."""
    normal, _ = _normalise(text)
    try:
        return _read(text, normal, reference)
    except (ValueError, OverflowError):
        # A day that does not exist (2月30日, month 13) or a year out of the calendar's range: left to a person.
        return Deadline(text, ongoing=bool(_ONGOING.search(normal)))


def _read(text, normal, reference):
    ongoing = bool(_ONGOING.search(normal))
    recurrence, normal = _split_recurrence(normal)
    holiday = _HOLIDAY.search(normal)
    if holiday:  # its year is the holiday's, not a deadline of its own
        normal = normal[: holiday.start()] + "，" + normal[holiday.end() :]
    items = _items(normal, reference)
    resolved = [(item, *item.resolve(reference)) for item in items]
    starts = [start for item, start, _ in resolved if item.starts_only]
    first_start = min(starts, default=None)
    if recurrence:
        code, precision = _recurrence(recurrence)
        due = _occurrence(code, max(reference, first_start or reference))
        return Deadline(text, due, first_start, precision, ongoing, code)
    dated = [(due, start, item.last.precision) for item, start, due in resolved if not item.starts_only]
    if holiday and (due := _before_holiday(holiday, reference)):
        dated.append((due, None, "day"))
    if dated:
        due, start, precision = max(dated, key=lambda entry: entry[0])
        return Deadline(text, due, start or first_start, precision, ongoing)
    within = _WITHIN.search(normal)
    # 收到通知后5日内 counts from an event the phrase does not date; 印发之日起3日内 from the document itself, and
    # 通告之日（2023年9月22日）起三个月内 from the date given.
    if within and not normal[: within.start()].endswith("后"):
        due = _add(first_start or reference, int(within["count"]), within["unit"])
        return Deadline(text, due, first_start, "day", ongoing)
    if _IMMEDIATE.search(normal):
        return Deadline(text, reference, first_start, "day", ongoing)
    return Deadline(text, start=first_start, ongoing=ongoing)


def _holiday(name, year):
    try:
        if name in _LUNAR_HOLIDAYS:
            return LunarDate(year, *_LUNAR_HOLIDAYS[name]).to_solar_date()
        if name == "清明":
            terms = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10))
            return next(day for day, term in terms if term == "清明")
    except (ValueError, NotImplementedError):
        return None  # a year the calendars do not know
    return date(year, *_FIXED_HOLIDAYS[name])


def _before_holiday(match, reference):
    """The day before the holiday ``match`` names: of the year written, else the first one not before reference."""
    name = match["holiday"]
    if match["year"] or match["relative"]:
        year = _year(match["year"], match["relative"] and match["relative"][0], reference)
        day = _holiday(name, year)
        return day - timedelta(days=1) if day else None
    for year in (reference.year, reference.year + 1):
        day = _holiday(name, year)
        if day and day - timedelta(days=1) >= reference:
            return day - timedelta(days=1)
    return None


def _add(day, count, unit):
    if unit.endswith("工作日"):
        return add_working_days(day, count)
    if unit in ("天", "日"):
        return day + timedelta(days=count)
    if unit in ("周", "星期", "个星期"):
        return day + timedelta(weeks=count)
    months = count * (12 if unit == "年" else 1)
    return _shift_months(day, months)


def parse_deadlines(text: str, reference: date) -> list[Deadline]:
    """Each deadline of a cell that may hold several, with its own raw text. A cell is cut at clause punctuation
    (，；：。) and, inside a clause, before each further date, range or recurrence. Pieces with neither a deadline
    nor a digit (`完成整改`) are dropped; a piece with digits that cannot be read (`按期完成3项`) is kept unparsed.
    A cell with nothing readable comes back whole, unparsed; an empty cell gives an empty list."""
    if not text.strip():
        return []
    normal, origins = _normalise(text)
    origins.append(len(text))
    found = []
    for begin, end in _pieces(normal, reference):
        raw = text[origins[begin] : origins[end]].strip(" \t\r\n,;:，；：。、")
        deadline = parse_deadline(raw, reference)
        if (
            deadline.due
            or deadline.ongoing
            or deadline.recurrence
            or deadline.start
            or re.search(r"\d", normal[begin:end])
        ):
            found.append(deadline)
    return found or [parse_deadline(text.strip(), reference)]


def _pieces(normal, reference):
    """(begin, end) spans of the normalised text, one per phrase. Inside a clause a phrase begins at its deadline or,
    when that stands in a bracket opened after the previous deadline (…报回（2022年度…于4月15日前报回）), at the
    bracket."""
    clause_begin = 0
    for clause_end in [match.start() for match in _CLAUSE_END.finditer(normal)] + [len(normal)]:
        clause = normal[clause_begin:clause_end]
        spans = sorted(_deadline_spans(clause, reference))
        cuts = []
        for (_, previous_end), (begin, _) in pairwise(spans):
            bracket = clause.rfind("(", previous_end, begin)
            cuts.append(bracket if bracket >= 0 else begin)
        for begin, end in zip([0, *cuts], [*cuts, len(clause)], strict=True):
            yield clause_begin + begin, clause_begin + end
        clause_begin = clause_end + 1


def _deadline_spans(clause, reference):
    """(begin, end) of each deadline in a clause: dates and ranges that are due (not starts), and a recurrence."""
    recurrence, clause = _split_recurrence(clause)
    spans = {(item.begin, item.end) for item in _items(clause, reference) if not item.starts_only}
    return spans | {recurrence.span()} if recurrence else spans
