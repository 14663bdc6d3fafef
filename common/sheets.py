"""Rows of an uploaded Excel sheet under a header row, wherever that row is. No Django.

Shared by the task-list and survey-result imports; each says which columns it reads and how a cell
becomes text, and gets its own error class (a subclass of ``SheetError``) with the reason as a ``Message``:
English text marked for makemessages, translated by the page that shows it (``common.messages``).
"""

import datetime
import io
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile, ZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from .cells import append_row


def gettext_noop(text):
    """``text`` unchanged; the name makes makemessages extract it (this module cannot import Django's)."""
    return text


@dataclass(frozen=True)
class Message:
    """Something to tell the user: an English msgid and the values of its ``%(name)s`` placeholders."""

    text: str
    params: dict = field(default_factory=dict)

    def __str__(self):
        return self.text % self.params


class SheetError(ValueError):
    """The file is not a sheet this reader understands; ``message`` (a ``Message``) says why."""

    def __init__(self, message):
        super().__init__(str(message))
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
NOT_A_WORKBOOK = Message(gettext_noop("The file is not an Excel workbook (.xlsx); use the template you downloaded."))
NOTES_TITLE = Message(gettext_noop("How to fill in"))  # the template's sheet of notes


def read_rows(
    data, *, columns, required, marker, cell_text, max_rows, max_bytes, no_header, error=SheetError, progress=None
):
    """The non-empty rows of the first sheet below the first row that has a ``marker`` cell.

    Read in openpyxl's read-only (streaming) mode, with defusedxml parsing the XML where it is installed; a file
    over ``max_bytes``, with more than ``max_rows`` rows, more than MAX_COLUMNS columns, a cell longer than
    MAX_CELL_CHARS, more than MAX_BLANK_ROWS blank rows, or parts that unpack too large is refused with ``error``.
    ``progress(rows read)`` is called every PROGRESS_EVERY rows of the sheet, where given. ``no_header`` is the
    ``Message`` for a sheet without the header row.
    """
    if len(data) > max_bytes:
        raise error(
            Message(
                gettext_noop("The file is larger than %(mb)s MB; import it in parts."), {"mb": f"{max_bytes / MB:g}"}
            )
        )
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
        raise error(
            Message(
                gettext_noop(
                    "Unpacked, the file is larger than %(mb)s MB: it is not a normal workbook. Check the file or "
                    "import it in parts."
                ),
                {"mb": MAX_UNPACKED_BYTES // MB},
            )
        )
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise error(
                Message(
                    gettext_noop(
                        "The part “%(part)s” of the file is packed unusually tightly (more than %(ratio)s to 1): it "
                        "is not a normal workbook. Check the file."
                    ),
                    {"part": part.filename, "ratio": MAX_RATIO},
                )
            )


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
                raise error(
                    Message(
                        gettext_noop("The sheet has more than %(limit)s blank rows; delete them and import again."),
                        {"limit": MAX_BLANK_ROWS},
                    )
                )
            continue
        cells = [cell_text(value) for value in values]
        if len(cells) > MAX_COLUMNS and cells[MAX_COLUMNS]:
            raise error(
                Message(
                    gettext_noop("Row %(row)s has more than %(limit)s columns; keep only the template's columns."),
                    {"row": number, "limit": MAX_COLUMNS},
                )
            )
        if any(len(cell) > MAX_CELL_CHARS for cell in cells):
            raise error(
                Message(
                    gettext_noop(
                        "Row %(row)s has a cell longer than %(limit)s characters; shorten it and import again."
                    ),
                    {"row": number, "limit": MAX_CELL_CHARS},
                )
            )
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
        # The names are the sheet's own (Chinese) headers, so they are listed the Chinese way in every language.
        raise error(
            Message(gettext_noop("The header lacks these columns: %(columns)s."), {"columns": "、".join(missing)})
        )
    positions = {name: header.index(name) for name in columns if name in header}
    found = []
    for number, cells in rows:
        values = {name: cells[index] if index < len(cells) else "" for name, index in positions.items()}
        if any(values.values()):
            found.append(SheetRow(number, values))
        if len(found) > max_rows:
            # Every import allows thousands of rows, so the plural never needs choosing.
            raise error(
                Message(
                    gettext_noop("Import at most %(max)s rows at a time; import the file in parts."), {"max": max_rows}
                )
            )
    return found


def template_workbook(*, title, columns, examples, widths, notes=(), translate=str):
    """An import template as .xlsx bytes: a bold header row, example rows, column widths, and a sheet of ``notes``
    (``Message``s, one line each, put in words by ``translate``) where given."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    append_row(sheet, columns, bold=True)
    for example in examples:
        append_row(sheet, example)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    if notes:
        explained = workbook.create_sheet(translate(NOTES_TITLE))
        for line in notes:
            append_row(explained, (translate(line),))
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
