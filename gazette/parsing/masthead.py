"""The masthead: gazette name and county, `2023 年第 4 期（总第 10 期）` or `2021 第2期` + `(总第2期)`, `…出版`."""

import re

from .numbers import DATE, parse_date
from .result import IssueMeta
from .text import squeeze

_GAZETTE = re.compile(r"^(?P<county>.{1,12}?(?:县|市|区|旗))(?:人民)?政府公报$")
_ISSUE = re.compile(r"(?P<year>(?:19|20)\d\d)年?第(?P<number>\d{1,3})期")
_CUMULATIVE = re.compile(r"总第(?P<cumulative>\d{1,4})期")
_PUBLISHED = re.compile(rf"(?P<date>{DATE.pattern})出版")


def parse_masthead(lines):
    """Issue data from the lines before the table of contents (or the first document); None where not printed."""
    gazette = county = year = number = cumulative = published = None
    for line in lines:
        text = squeeze(line)
        if gazette is None and (match := _GAZETTE.match(text)):
            gazette, county = text, match["county"]
        if year is None and (match := _ISSUE.search(text)):
            year, number = int(match["year"]), int(match["number"])
        if cumulative is None and (match := _CUMULATIVE.search(text)):
            cumulative = int(match["cumulative"])
        if published is None and (match := _PUBLISHED.search(text)):
            published = parse_date(match["date"])
    return IssueMeta(gazette, county, year, number, cumulative, published)
