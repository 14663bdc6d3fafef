"""Task lists (任务清单) as Excel sheets: the template, and reading rows back. No Django."""

import datetime
import io
import re
from dataclasses import dataclass
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

COLUMNS = ("序号", "任务", "牵头单位", "责任单位", "责任人", "完成时限", "备注")
REQUIRED = ("任务", "牵头单位", "责任单位", "完成时限")
UNIT_SEPARATORS = re.compile(r"[、，,；;/\s]+")
MAX_ROWS = 5000


class TaskSheetError(ValueError):
    """The file is not a task list this reader understands; ``message`` says why, in Chinese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row's number in the sheet, as Excel shows it
    values: dict  # column name → text


def template_workbook():
    """An empty task list with the header row and one example, as .xlsx bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "任务清单"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(
        ("1", "完成城区主干道路灯改造", "县住建局", "蔚汾镇、县交通局", "张三", "2025年6月底前", "示例行，导入前请删除")
    )
    for column, width in zip("ABCDEFG", (6, 40, 16, 24, 10, 18, 24), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_task_sheet(data):
    """The non-empty rows of the first sheet, found by the header names wherever the header row is."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as error:
        raise TaskSheetError("文件不是 Excel 工作簿（.xlsx），请使用下载的模板。") from error
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header, header_number = None, 0
    for number, row in enumerate(rows, start=1):
        cells = [_text(value) for value in row]
        if "任务" in cells:
            header, header_number = cells, number
            break
    if header is None:
        raise TaskSheetError("没有找到表头：第一张工作表中应有“任务”“牵头单位”“责任单位”“完成时限”等列。")
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise TaskSheetError("表头缺少以下列：" + "、".join(missing))
    positions = {name: header.index(name) for name in COLUMNS if name in header}
    found = []
    for number, row in enumerate(rows, start=header_number + 1):
        cells = [_text(value) for value in row]
        values = {name: cells[index] if index < len(cells) else "" for name, index in positions.items()}
        if any(values.values()):
            found.append(SheetRow(number, values))
        if len(found) > MAX_ROWS:
            raise TaskSheetError(f"一次最多导入 {MAX_ROWS} 行，请分批导入。")
    return found


def split_units(text):
    return [unit for unit in UNIT_SEPARATORS.split(text or "") if unit]


def _text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"  # a date cell, written the way the parser reads
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
