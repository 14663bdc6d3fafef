"""Reading a rate's unit as a scheme prints it (元/平米, 万元/亩, 元/平方米/月, 元/棵) into the calculator's terms.

Pure: the gazette extractor keeps units as written; a draft rule needs its kind, its basis, a unit in one spelling
and amounts in 元 (万元 is converted exactly, as a Decimal).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from . import calculator

_AREA = {"m²", "m2", "㎡", "平方米", "平米", "平方"}
_TEN_THOUSAND = Decimal(10000)
_TIME = {"月", "年"}


@dataclass(frozen=True)
class ReadUnit:
    kind: str  # "" when the calculator has no kind for it: the data manager chooses
    basis: str
    unit: str  # in the spelling the scheme data uses: 元/m², 元/亩, 元/m²/月, 元/棵
    factor: Decimal  # what one printed money unit is in 元


def read_unit(printed):
    """The kind, basis, unit and factor to 元 of a printed unit; an unknown unit keeps its text and no kind."""
    text = re.sub(r"\s+", "", printed or "")
    money, _slash, rest = text.partition("/")
    factor = _TEN_THOUSAND if money == "万元" else Decimal(1)
    pers = [part for part in rest.split("/") if part]
    if money not in ("元", "万元") or not pers:
        return ReadUnit("", "", text, Decimal(1))
    areas = [per for per in pers if per in _AREA]
    times = [per for per in pers if per in _TIME]
    if pers == ["亩"]:
        return ReadUnit(calculator.RATE_PER_MU, calculator.LAND_MU, "元/亩", factor)
    if len(pers) == 1 and areas:
        return ReadUnit(calculator.RATE_PER_M2, calculator.MAIN_AREA, "元/m²", factor)
    if len(pers) == 2 and areas and times == ["月"]:
        return ReadUnit(calculator.MONTHLY_PER_M2, calculator.MAIN_AREA, "元/m²/月", factor)
    if pers == ["户"]:
        return ReadUnit(calculator.ONE_OFF, calculator.HOUSEHOLD_BASIS, "元/户", factor)
    if len(pers) == 1 and not times:
        # Per tree, grave, well, parcel…: a count entered for the rule (元/宗, 元/棵, 元/座).
        return ReadUnit(calculator.RATE_PER_ITEM, calculator.ITEM, f"元/{pers[0]}", factor)
    return ReadUnit("", "", "元/" + "/".join(pers), factor)


def in_yuan(amount, factor):
    """The printed amount in 元, exactly: 1.6 万元 → 16000."""
    if amount in (None, ""):
        return None
    return (Decimal(str(amount)) * factor).normalize() + Decimal(0)  # + 0 turns 1.6E+4 back into 16000


# Words of an item or its condition that point to a statement heading; the first match wins, houses otherwise.
_HEADINGS = (
    (r"搬迁|搬家", calculator.RELOCATION),
    (r"过渡|临时安置|租赁费", calculator.TRANSITION),
    (r"停产|停业|经营损失", calculator.BUSINESS),
    (r"奖励|奖", calculator.BONUS),
    (r"土地|耕地|林地|宅基地|亩", calculator.LAND),
    (r"装修|装饰|附属|附着|树|林木|青苗|坟|井|围墙|大门|棵|株", calculator.ATTACHMENTS),
)
_OPTIONS = ((r"货币补偿", calculator.CASH), (r"产权调换|置换", calculator.EXCHANGE))
_OWNERSHIP = ((r"集体土地", calculator.COLLECTIVE), (r"国有土地", calculator.STATE))
_STOPPAGES = ((r"全部停|全面停", calculator.FULL), (r"部分停", calculator.PARTIAL))


def guess_heading(text, kind):
    for pattern, heading in _HEADINGS:
        if re.search(pattern, text or ""):
            return heading
    if kind == calculator.RATE_PER_MU:
        return calculator.LAND
    if kind == calculator.MONTHLY_PER_M2:
        return calculator.TRANSITION
    return calculator.ATTACHMENTS if kind == calculator.RATE_PER_ITEM else calculator.HOUSE


def guess_conditions(condition):
    """The options, land ownership and stoppage a condition names in words; the rest stays in the note as written."""
    text = condition or ""
    options = [option for pattern, option in _OPTIONS if re.search(pattern, text)]
    owners = [owner for pattern, owner in _OWNERSHIP if re.search(pattern, text)]
    conditions = {}
    if options:
        conditions["options"] = options
    if len(owners) == 1:
        conditions["land_ownership"] = owners[0]
    stoppages = [stoppage for pattern, stoppage in _STOPPAGES if re.search(pattern, text)]
    if len(stoppages) == 1:
        conditions["stoppage"] = stoppages[0]
    return conditions


# Figures that are not money, as the gazette extractor names their kinds.
MONEY, RATIO, AREA, PERCENT, MONTHS = "money", "ratio", "area", "percent", "months"

_EXCHANGE = re.compile(r"置换|调换|安置|还房|回迁")
_EXCHANGE_OPTIONS = [calculator.EXCHANGE, calculator.MIXED]
# Whose area an exchange ratio multiplies, and whose appraised value an uplift raises; the main house otherwise.
_AREA_BASES = (
    (r"非住宅|营业|经营|商铺", calculator.NON_RESIDENTIAL_AREA),
    (r"地下室", calculator.BASEMENT_AREA),
    (r"证载|未动工|未修建", calculator.CERTIFIED_AREA),
)
_VALUE_BASES = (
    (r"装修|装饰", "appraised_decoration"),
    (r"附属|附着", "appraised_attachments"),
    (r"地下室", "appraised_basement"),
    (r"非住宅|营业|经营|商铺", "appraised_non_residential"),
)
_RAISE = re.compile(r"上浮|上调|增加|提高|加")
_LOWER = re.compile(r"下浮|下调|降低|减")
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class ReadFigure:
    """A figure that is not money as the fields of a draft rule; ``kind`` "" where the data manager chooses."""

    kind: str
    heading: str
    basis: str
    unit: str
    amount: Decimal | None
    months: Decimal | None = None
    options: tuple = ()


def read_figure(figure, amount, text):
    """The rule a ratio, area, percent or months figure becomes, from the words of its clause (``text``).

    A ratio in an exchange (1:1.3) is an exchange ratio on the area it names; a multiple of another rate (标准的0.8倍)
    has no kind of its own: the data manager turns it into the rate it scales. An area is resettlement area granted
    per household. A percent is an uplift on the appraised value it names: 上浮20% → 20, 下浮5% → −5, 评估价的120% → 20.
    Months are the months of a monthly allowance (过渡) or of the business-interruption loss (停产停业), whose rate or
    wages the household's own figures give.
    """
    text = text or ""
    amount = Decimal(str(amount))
    if figure == RATIO:
        if not _EXCHANGE.search(text):
            return ReadFigure("", calculator.HOUSE, "", "倍", amount)
        basis = _first(_AREA_BASES, text, calculator.MAIN_AREA)
        return ReadFigure(
            calculator.EXCHANGE_RATIO, calculator.RESETTLEMENT, basis, "倍", amount, options=tuple(_EXCHANGE_OPTIONS)
        )
    if figure == AREA:
        return ReadFigure(
            calculator.EXTRA_AREA,
            calculator.RESETTLEMENT,
            calculator.HOUSEHOLD_BASIS,
            "m²",
            amount,
            options=tuple(_EXCHANGE_OPTIONS),
        )
    if figure == PERCENT:
        if _LOWER.search(text):
            uplift = -amount
        elif _RAISE.search(text):
            uplift = amount
        else:
            uplift = amount - _HUNDRED  # a share of the appraised value
        return ReadFigure(
            calculator.APPRAISED, calculator.HOUSE, _first(_VALUE_BASES, text, "appraised_house"), "%", uplift
        )
    if figure == MONTHS:
        if guess_heading(text, "") == calculator.BUSINESS:
            return ReadFigure(calculator.BUSINESS_LOSS, calculator.BUSINESS, calculator.WAGES, "元/月", None, amount)
        return ReadFigure(
            calculator.MONTHLY_PER_M2, calculator.TRANSITION, calculator.MAIN_AREA, "元/m²/月", None, amount
        )
    raise ValueError(f"unknown figure kind {figure}")


def _first(patterns, text, default):
    return next((value for pattern, value in patterns if re.search(pattern, text)), default)
