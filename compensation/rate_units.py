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
    """The options and land ownership a condition names in words; the rest stays in the note as written."""
    text = condition or ""
    options = [option for pattern, option in _OPTIONS if re.search(pattern, text)]
    owners = [owner for pattern, owner in _OWNERSHIP if re.search(pattern, text)]
    conditions = {}
    if options:
        conditions["options"] = options
    if len(owners) == 1:
        conditions["land_ownership"] = owners[0]
    return conditions
