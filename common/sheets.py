"""Rows of an uploaded Excel sheet under a header row, wherever that row is. No Django.

Shared by the task-list and survey-result imports; each says which columns it reads and how a cell
becomes text, and gets its own error class (a subclass of ``SheetError``) with the reason in Chinese.
"""

import datetime
import io
from dataclasses import dataclass
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException


class SheetError(ValueError):
    """The file is not a sheet this reader understands; ``message`` says why, in Chinese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row's number in the sheet, as Excel shows it
    values: dict  # column name → text


def read_rows(data, *, columns, required, marker, cell_text, max_rows, no_header, error=SheetError):
    """The non-empty rows of the first sheet below the first row that has a ``marker`` cell."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as problem:
        raise error("文件不是 Excel 工作簿（.xlsx），请使用下载的模板。") from problem
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header, header_number = None, 0
    for number, row in enumerate(rows, start=1):
        cells = [cell_text(value) for value in row]
        if marker in cells:
            header, header_number = cells, number
            break
    if header is None:
        raise error(no_header)
    missing = [name for name in required if name not in header]
    if missing:
        raise error("表头缺少以下列：" + "、".join(missing))
    positions = {name: header.index(name) for name in columns if name in header}
    found = []
    for number, row in enumerate(rows, start=header_number + 1):
        cells = [cell_text(value) for value in row]
        values = {name: cells[index] if index < len(cells) else "" for name, index in positions.items()}
        if any(values.values()):
            found.append(SheetRow(number, values))
        if len(found) > max_rows:
            raise error(f"一次最多导入 {max_rows} 行，请分批导入。")
    return found


def template_workbook(*, title, columns, examples, widths, notes=()):
    """An import template as .xlsx bytes: a bold header row, example rows, column widths, and a 说明 sheet with
    ``notes`` (one line each) where given."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for example in examples:
        sheet.append(example)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if notes:
        explained = workbook.create_sheet("说明")
        for line in notes:
            explained.append((line,))
        explained.column_dimensions["A"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_text(value, *, date=lambda day: day.isoformat()):
    """A cell as the text a person typed: empty for a blank cell, ``date(day)`` for a date cell, and a whole
    number without ".0" (Excel keeps every number as a float; a phone number or household number typed as a
    number reads back as typed, and 120.5 through its shortest repr, not its binary expansion)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return date(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
