"""Rows of an uploaded Excel sheet under a header row, wherever that row is. No Django.

Shared by the task-list and survey-result imports; each says which columns it reads and how a cell
becomes text, and gets its own error class (a subclass of ``SheetError``) with the reason in Chinese.
"""

import datetime
import io
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile, ZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .cells import append_row


class SheetError(ValueError):
    """The file is not a sheet this reader understands; ``message`` says why, in Chinese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row's number in the sheet, as Excel shows it
    values: dict  # column name → text


MB = 1024 * 1024
# Limits every upload shares; each import gives its own file size and row count. A hostile workbook is refused
# before the work it would cause: its zip entries by their declared sizes (zipfile never inflates an entry past
# its declared size; it fails the CRC instead), its rows and cells as they stream in.
MAX_COLUMNS = 50
MAX_CELL_CHARS = 2000
MAX_BLANK_ROWS = 10_000  # rows with nothing in them, read before the file is refused
MAX_UNPACKED_BYTES = 50 * MB  # all the workbook's parts together, uncompressed
MAX_RATIO = 100  # uncompressed against compressed, for a part above RATIO_FROM
RATIO_FROM = 1 * MB
PROGRESS_EVERY = 500
NOT_A_WORKBOOK = "文件不是 Excel 工作簿（.xlsx），请使用下载的模板。"


def read_rows(
    data, *, columns, required, marker, cell_text, max_rows, max_bytes, no_header, error=SheetError, progress=None
):
    """The non-empty rows of the first sheet below the first row that has a ``marker`` cell.

    Read in openpyxl's read-only (streaming) mode, with defusedxml parsing the XML where it is installed; a file
    over ``max_bytes``, with more than ``max_rows`` rows, more than MAX_COLUMNS columns, a cell longer than
    MAX_CELL_CHARS, more than MAX_BLANK_ROWS blank rows, or parts that unpack too large is refused with ``error``.
    ``progress(rows read)`` is called every PROGRESS_EVERY rows of the sheet, where given.
    """
    if len(data) > max_bytes:
        raise error(f"文件超过 {max_bytes / MB:g} MB，请分批导入。")
    _check_parts(data, error)
    workbook = None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # Sheets are parsed as the rows are read, so a broken or hostile sheet fails here, not when loading.
        return _rows_below_header(
            _bounded_rows(workbook.worksheets[0], cell_text, error, progress),
            columns=columns,
            required=required,
            marker=marker,
            max_rows=max_rows,
            no_header=no_header,
            error=error,
        )
    except SheetError:
        raise
    except (
        InvalidFileException,
        BadZipFile,
        ParseError,
        KeyError,
        IndexError,
        OSError,
        ValueError,
        TypeError,
    ) as problem:
        raise error(NOT_A_WORKBOOK) from problem
    finally:
        if workbook is not None:
            workbook.close()  # a read-only workbook keeps its archive open


def _check_parts(data, error):
    """Refuse a workbook whose parts would unpack into more than MAX_UNPACKED_BYTES, or one of whose large parts
    is packed more tightly than MAX_RATIO (a 300 KB file can hold a 300 MB shared string), before openpyxl
    unpacks anything."""
    try:
        with ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (BadZipFile, OSError, ValueError) as problem:
        raise error(NOT_A_WORKBOOK) from problem
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise error(f"文件解压后超过 {MAX_UNPACKED_BYTES // MB} MB，不是正常的工作簿，请检查文件或分批导入。")
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise error(f"文件中的“{part.filename}”压缩比异常（超过 {MAX_RATIO} 倍），不是正常的工作簿，请检查文件。")


def _bounded_rows(sheet, cell_text, error, progress=None):
    """(row number, cells as text) for every row of the sheet, at most MAX_COLUMNS wide; blank rows count
    against MAX_BLANK_ROWS and cost no cell reading."""
    # The size a sheet declares is not believed: a declared XFD1048576 would make every missing row 16,384
    # cells wide, and a declared A1:C10 would hide the rows below the tenth.
    sheet.reset_dimensions()
    blank = 0
    rows = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
    for number, values in enumerate(rows, start=1):
        if progress and number % PROGRESS_EVERY == 0:
            progress(number)
        if all(value is None for value in values):
            blank += 1
            if blank > MAX_BLANK_ROWS:
                raise error(f"表格中空行超过 {MAX_BLANK_ROWS} 行，请删除空行后再导入。")
            continue
        cells = [cell_text(value) for value in values]
        if len(cells) > MAX_COLUMNS and cells[MAX_COLUMNS]:
            raise error(f"第 {number} 行超过 {MAX_COLUMNS} 列，请只保留模板中的列。")
        if any(len(cell) > MAX_CELL_CHARS for cell in cells):
            raise error(f"第 {number} 行有单元格超过 {MAX_CELL_CHARS} 个字，请精简后再导入。")
        yield number, cells


def _rows_below_header(rows, *, columns, required, marker, max_rows, no_header, error):
    header = None
    for _number, cells in rows:
        if marker in cells:
            header = cells
            break
    if header is None:
        raise error(no_header)
    missing = [name for name in required if name not in header]
    if missing:
        raise error("表头缺少以下列：" + "、".join(missing))
    positions = {name: header.index(name) for name in columns if name in header}
    found = []
    for number, cells in rows:
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
    append_row(sheet, columns, bold=True)
    for example in examples:
        append_row(sheet, example)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if notes:
        explained = workbook.create_sheet("说明")
        for line in notes:
            append_row(explained, (line,))
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
