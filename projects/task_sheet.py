"""Task lists (任务清单) as Excel sheets: the template, and reading rows back. No Django."""

import re

from common import sheets
from common.sheets import Message, SheetError, cell_text, gettext_noop, read_rows

COLUMNS = ("序号", "任务", "牵头单位", "责任单位", "责任人", "完成时限", "备注")
REQUIRED = ("任务", "牵头单位", "责任单位", "完成时限")
UNIT_SEPARATORS = re.compile(r"[、，,；;/\s]+")
MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
NO_HEADER = Message(
    gettext_noop(
        "No header row found: the first sheet should have columns such as “任务”, “牵头单位”, “责任单位” and "
        "“完成时限”."
    )
)


class TaskSheetError(SheetError):
    """The file is not a task list this reader understands."""


def template_workbook():
    """An empty task list with the header row and one example, as .xlsx bytes."""
    return sheets.template_workbook(
        title="任务清单",
        columns=COLUMNS,
        examples=[
            (
                "1",
                "完成城区主干道路灯改造",
                "县住建局",
                "蔚汾镇、县交通局",
                "张三",
                "2025年6月底前",
                "示例行，导入前请删除",
            )
        ],
        widths=(6, 40, 16, 24, 10, 18, 24),
    )


def read_task_sheet(data, progress=None):
    """The non-empty rows of the first sheet, found by the header names wherever the header row is."""
    return read_rows(
        data,
        columns=COLUMNS,
        required=REQUIRED,
        marker="任务",
        cell_text=_task_cell,
        max_rows=MAX_ROWS,
        max_bytes=MAX_BYTES,
        progress=progress,
        no_header=NO_HEADER,
        error=TaskSheetError,
    )


def split_units(text):
    return [unit for unit in UNIT_SEPARATORS.split(text or "") if unit]


def _task_cell(value):
    # A date cell is written the way the deadline parser reads a phrase.
    return cell_text(value, date=lambda day: f"{day.year}年{day.month}月{day.day}日")
