"""Every cell of every CSV and XLSX file the site writes, made safe to open. No Django: the import templates use
it too.

Whoever can type a task title or a household's name is not whoever opens the export: text a spreadsheet would run
as a formula is neutralised as OWASP advises against CSV injection, and characters no workbook can hold dropped.
"""

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
    """Append a row of ``xlsx_cell``s: how every workbook the site exports writes a row."""
    sheet.append([xlsx_cell(sheet, value, bold=bold) for value in values])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What XML 1.0 does not allow in a document (TAB, LF and CR it does).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_BOLD = Font(bold=True)
