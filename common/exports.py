import csv
import itertools
import re
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin
from django_tables2.export import ExportMixin
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter


class ExportableListView(ExportMixin, SingleTableMixin, FilterView):
    """A filtered, sortable, paginated list whose CSV/XLSX export holds exactly the filtered rows."""

    export_formats = ("csv", "xlsx")
    # The table paginates; ListView's own pagination would count the rows a second time.
    table_pagination = {"per_page": 50}
    export_name = "export"

    def get_export_filename(self, export_format):
        return f"{self.export_name}.{export_format}"

    def create_export(self, export_format):
        filename = self.get_export_filename(export_format)
        if export_format == "xlsx":
            return xlsx_response(self._rows(), self.table_class._meta.model._meta.verbose_name_plural, filename)
        return csv_response(self._rows(), filename)

    def _rows(self):
        """The header, then the filtered rows a chunk at a time, so memory does not grow with the rows exported."""
        table = self.get_table(**self.get_table_kwargs())
        exclude = self.exclude_columns
        yield next(self.table_class([], order_by=()).as_values(exclude_columns=exclude))
        for chunk in _chunks(table.data.data.iterator(chunk_size=EXPORT_CHUNK), EXPORT_CHUNK):
            values = self.table_class(chunk, order_by=()).as_values(exclude_columns=exclude)
            next(values)  # the header, written once above
            yield from values
            # A prefetched relation points back at its row (a reference cycle only the slow cycle
            # collector would free); dropping it lets each chunk go as soon as it is written.
            for record in chunk:
                record.__dict__.pop("_prefetched_objects_cache", None)


EXPORT_CHUNK = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_response(rows, filename):
    """The rows (the header first; any iterable, read as it is written) as a CSV download Excel opens as UTF-8,
    no cell run as a formula."""
    writer = csv.writer(_Echo())
    lines = (writer.writerow([_csv_text(value) for value in row]) for row in rows)
    # Excel reads UTF-8 only with a byte-order mark.
    response = StreamingHttpResponse(itertools.chain(["\ufeff"], lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(rows, title, filename):
    """The rows (the header first) as an XLSX download, one sheet named ``title``, text kept as text."""
    return FileResponse(_xlsx_file(rows, title), as_attachment=True, filename=filename, content_type=XLSX_TYPE)


def _csv_text(value):
    """A cell as Excel should show it: text that Excel would run as a formula (=, +, -, @ first) gets a leading
    apostrophe, as OWASP advises against CSV injection; whoever can type a task title is not whoever opens the
    export."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _xlsx_file(rows, title):
    """The rows as a workbook in a temporary file, the first row the header.

    openpyxl's write-only mode keeps no cell in memory once written, where tablib built the whole sheet first.
    Text is stored as text: a title typed as "=…" must not become a formula in the user's spreadsheet.
    """
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_SHEET_TITLE_UNSAFE.sub("-", str(title))[:31] or "Sheet")
    sheet.freeze_panes = "A2"
    header = True
    for row in rows:
        if header:
            for column, name in enumerate(row, start=1):
                sheet.column_dimensions[get_column_letter(column)].width = max(12, 2 * len(str(name)) + 4)
        cells = []
        for value in row:
            if header or (isinstance(value, str) and value.startswith("=")):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                if header:
                    cell.font = _BOLD
                value = cell
            cells.append(value)
        sheet.append(cells)
        header = False
    file = tempfile.TemporaryFile()
    book.save(file)
    file.seek(0)
    return file


_SHEET_TITLE_UNSAFE = re.compile(r"[\\/*?:\[\]]")
_BOLD = Font(bold=True)


class _Echo:
    def write(self, value):
        return value


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
