"""Every cell of every CSV and XLSX file the site writes, made safe to open. No Django: the import templates use
it too.

Whoever can type a task title or a household's name is not whoever opens the export: text a spreadsheet would run
as a formula is neutralised as OWASP advises against CSV injection, and characters no workbook can hold dropped.
"""

import datetime
import decimal
import re

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font


def csv_cell(value):
    """A CSV cell as Excel should show it: text that Excel would run as a formula (=, +, -, @, a tab or a carriage
    return first) gets a leading apostrophe."""
    if isinstance(value, str):
        value = _XML_ILLEGAL.sub("", value)
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value


def xlsx_cell(sheet, value, *, bold=False):
    """A cell for ``sheet.append`` (write-only or not) holding ``value`` as typed: text is always text, never a
    formula, and text a spreadsheet would run (see ``csv_cell``) carries Excel's own quote prefix (what typing an
    apostrophe first does), so it stays text even when someone edits the cell. Characters XML cannot hold are
    dropped, where openpyxl would refuse the whole workbook."""
    cell = WriteOnlyCell(sheet)  # a Cell that either kind of sheet appends
    if isinstance(value, str):
        value = _XML_ILLEGAL.sub("", value)
        cell.value = value
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    else:
        cell.value = value
    if bold:
        cell.font = _BOLD
    return cell


def append_row(sheet, values, *, bold=False):
    """Append a row of ``xlsx_cell``s: how every openpyxl workbook the site builds writes a row."""
    sheet.append([xlsx_cell(sheet, value, bold=bold) for value in values])


def write_xlsx_row(sheet, row, values, formats, *, bold=False):
    """Write ``values`` to the row numbered ``row`` (from 0) of an XlsxWriter ``sheet``, each cell as ``xlsx_cell``
    makes it: text always as text (``write_string``, never ``write``, which would run "=…" as a formula), with
    Excel's quote prefix where a spreadsheet would run it, characters XML cannot hold dropped; dates in the formats
    openpyxl gives them. ``formats``: the workbook's ``XlsxFormats``."""
    plain, quoted = formats.text[bold]
    for column, value in enumerate(values):
        if isinstance(value, str):  # the most cells, tried first
            if value:
                _write_text(sheet, row, column, value, plain, quoted)
            elif bold:
                sheet.write_blank(row, column, None, plain)
        elif value is None:  # no cell, as openpyxl writes none for None or ""
            if bold:
                sheet.write_blank(row, column, None, plain)
        elif isinstance(value, bool):
            sheet.write_boolean(row, column, value, plain)
        elif isinstance(value, NUMBERS):
            sheet.write_number(row, column, value, plain)
        elif isinstance(value, TIMES):
            sheet.write_datetime(row, column, value, formats.time(bold, value))
        else:
            _write_text(sheet, row, column, str(value), plain, quoted)


def _write_text(sheet, row, column, value, plain, quoted):
    value = _XML_ILLEGAL.sub("", value)
    cell_format = quoted if value.startswith(FORMULA_STARTS) else plain
    if "\r" in value:
        # openpyxl wrote a carriage return as it is, which XML reads as a line feed; XlsxWriter would keep it
        # (as _x000D_): the cell reads as it did.
        value = _NEWLINES.sub("\n", value)
    sheet.write_string(row, column, value, cell_format)


class XlsxFormats:
    """The cell formats of one XlsxWriter workbook: ``text[bold]`` the plain format (None when not bold) and the
    one with the quote prefix; ``time(bold, value)`` that of a date or time, added on first use."""

    def __init__(self, book):
        self._book = book
        self.text = {
            False: (None, book.add_format({"quote_prefix": True})),
            True: (book.add_format({"bold": True}), book.add_format({"bold": True, "quote_prefix": True})),
        }
        self._times = {}

    def time(self, bold, value):
        number_format = next(number_format for kind, number_format in TIME_FORMATS.items() if isinstance(value, kind))
        key = (bold, number_format)
        if key not in self._times:
            self._times[key] = self._book.add_format({"bold": bold, "num_format": number_format})
        return self._times[key]


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBERS = (int, float, decimal.Decimal)
TIMES = (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)
# The number formats openpyxl gives a cell of each kind of time (a datetime is a date too: it comes first).
TIME_FORMATS = {
    datetime.datetime: "yyyy-mm-dd h:mm:ss",
    datetime.date: "yyyy-mm-dd",
    datetime.time: "h:mm:ss",
    datetime.timedelta: "[hh]:mm:ss",
}
# What XML 1.0 does not allow in a document (TAB, LF and CR it does).
_NEWLINES = re.compile(r"\r\n?")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_BOLD = Font(bold=True)
