"""Survey results (入户调查结果) as Excel sheets: the template, reading rows back, and reading a row's cells as a
household's particulars and facts. No Django.

A row's facts come out in the form ``calculator.facts_to_dict`` writes, holding only the columns filled in, so an
import can lay them over a household's facts already entered.
"""

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook

from common.cells import append_row
from common.sheets import Message, SheetError, cell_text, gettext_noop, read_rows

from . import calculator as c

# Storeys of the main house, each with its area and structure, in the sheet and the household form.
STOREYS = 4
PARTICULARS = {"户号": "number", "户主": "head_name", "身份证号": "id_number", "联系电话": "phone", "地址": "address",
               "地块": "plot", "备注": "notes"}  # fmt: skip
STOREY_COLUMNS = [(f"{n}层面积", f"{n}层结构") for n in range(1, STOREYS + 1)]
DECIMAL_FACTS = {
    "宅基地面积": "homestead_area",
    "地下室面积": "basement_area",
    "地下室净高": "basement_height",
    "阳台面积": "balcony_area",
    "非住宅面积": "non_residential_area",
    "房屋评估价": "appraised_house",
    "附属物评估价": "appraised_attachments",
    "装修评估价": "appraised_decoration",
    "地下室评估价": "appraised_basement",
    "非住宅评估价": "appraised_non_residential",
}
CHOICE_FACTS = {
    "土地性质": (
        "land_ownership",
        {"集体": c.COLLECTIVE, "集体土地": c.COLLECTIVE, "国有": c.STATE, "国有土地": c.STATE},
    ),
    "用途": ("use", {"住宅": c.RESIDENTIAL, "非住宅": c.NON_RESIDENTIAL, "住改非": c.CONVERTED}),
    "产权": (
        "title_status",
        {
            "合法": c.LEGAL,
            "完全产权": c.LEGAL,
            "不完全产权": c.INCOMPLETE,
            "无宅基地证明": c.NO_CERTIFICATE,
            "已批未建": c.APPROVED_UNBUILT,
        },
    ),  # fmt: skip
    "意向补偿方式": (
        "option",
        {"货币补偿": c.CASH, "产权调换": c.EXCHANGE, "混合": c.MIXED, "货币补偿与产权调换相结合": c.MIXED},
    ),
}
COLUMNS = (
    "户号",
    "户主",
    "身份证号",
    "联系电话",
    "地址",
    "地块",
    "土地性质",
    "用途",
    "产权",
    *[name for pair in STOREY_COLUMNS for name in pair],
    *DECIMAL_FACTS,
    "意向补偿方式",
    "备注",
)
REQUIRED = ("户号", "户主")
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
NO_HEADER = Message(gettext_noop("No header row found: the first sheet should have columns such as “户号” and “户主”."))

# What is wrong with a cell, for the caller to word: a required cell empty, not a number, not one of the choices.
MISSING, NOT_A_NUMBER, NEGATIVE, UNKNOWN_CHOICE = "missing", "not_a_number", "negative", "unknown_choice"
BAD_ID_NUMBER = "bad_id_number"
# A resident ID: 18 characters (the last may be X), or the old 15 digits. Excel turns one typed into a number
# cell into 1.41123E+17 and loses its last digits, so the template keeps these columns as text.
ID_NUMBER = re.compile(r"^(\d{17}[\dXx]|\d{15})$")
TEXT_COLUMNS = ("户号", "身份证号", "联系电话")


class SurveySheetError(SheetError):
    """The file is not a survey sheet this reader understands."""


@dataclass
class ParsedRow:
    particulars: dict  # Household field → text
    facts: dict  # the facts filled in, as facts_to_dict writes them
    structures: list  # structures named, for the caller to check against the scheme
    problems: list = field(default_factory=list)  # (column, problem, value)


def template_workbook():
    """An empty survey sheet with the header row and one example, as .xlsx bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "入户调查结果"
    append_row(sheet, COLUMNS, bold=True)
    example = {"户号": "示例-001", "户主": "示例户主", "地址": "蔚汾镇示例村1号", "土地性质": "集体", "用途": "住宅",
               "产权": "合法", "1层面积": "120", "2层面积": "80", "宅基地面积": "200", "附属物评估价": "15000",
               "意向补偿方式": "产权调换", "备注": "示例行，导入前请删除"}  # fmt: skip
    append_row(sheet, [example.get(name, "") for name in COLUMNS])
    for index, name in enumerate(COLUMNS, start=1):
        column = sheet.column_dimensions[sheet.cell(1, index).column_letter]
        column.width = max(10, len(name) * 2 + 2)
        if name in TEXT_COLUMNS:
            column.number_format = "@"
            column.width = 22
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_survey_sheet(data, progress=None):
    """The non-empty rows of the first sheet, found by the header names wherever the header row is."""
    return read_rows(
        data,
        columns=COLUMNS,
        required=REQUIRED,
        marker="户号",
        cell_text=cell_text,
        max_rows=MAX_ROWS,
        max_bytes=MAX_BYTES,
        progress=progress,
        no_header=NO_HEADER,
        error=SurveySheetError,
    )


def parse_row(values):
    """A row's particulars and facts, with what is wrong in which column."""
    problems = []
    particulars = {name: values.get(column, "") for column, name in PARTICULARS.items() if column in values}
    for column in REQUIRED:
        if not values.get(column):
            problems.append((column, MISSING, ""))
    id_number = values.get("身份证号", "")
    if id_number and not ID_NUMBER.match(id_number):
        problems.append(("身份证号", BAD_ID_NUMBER, id_number))
    facts = {}
    for column, (name, choices) in CHOICE_FACTS.items():
        text = values.get(column, "")
        if text:
            if text in choices:
                facts[name] = choices[text]
            else:
                problems.append((column, UNKNOWN_CHOICE, text))
    for column, name in DECIMAL_FACTS.items():
        number = _decimal(values.get(column, ""), column, problems)
        if number is not None:
            facts[name] = str(number)
    storeys, structures = [], []
    for storey, (area_column, structure_column) in enumerate(STOREY_COLUMNS, start=1):
        area = _decimal(values.get(area_column, ""), area_column, problems)
        structure = values.get(structure_column, "")
        if structure:
            structures.append((structure_column, structure))
        if area:
            storeys.append({"storey": storey, "area": str(area), "structure": structure})
    if storeys:
        facts["storeys"] = storeys
    return ParsedRow(particulars=particulars, facts=facts, structures=structures, problems=problems)


def _decimal(text, column, problems):
    if not text:
        return None
    cleaned = re.sub(r"[,，\s]|平方米|㎡|m²|元|米|m$", "", text)
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        problems.append((column, NOT_A_NUMBER, text))
        return None
    if not number.is_finite():
        problems.append((column, NOT_A_NUMBER, text))
        return None
    if number < 0:
        problems.append((column, NEGATIVE, text))
        return None
    return number
