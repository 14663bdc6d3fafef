"""Every file the site hands out: list exports (CSV and XLSX), workbooks built elsewhere, and their file names.

Every cell goes through ``common.cells`` (``csv_cell``, ``write_xlsx_row``, ``xlsx_cell``) and every download name
through ``content_disposition``.
"""

import csv
import io
import itertools
import re
import tempfile
import unicodedata
from urllib.parse import quote

import xlsxwriter
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin
from django_tables2.export import ExportMixin

from .cells import XlsxFormats, csv_cell, write_xlsx_row
from .paging import CappedPaginator

# Rows on a page of any list: ``?per_page=`` chooses within 1…PER_PAGE_MAX, anything else gets PER_PAGE.
PER_PAGE = 50
PER_PAGE_MAX = 200


def page_size(requested):
    """The rows per page for a ``per_page`` parameter as typed: a whole number from 1 to PER_PAGE_MAX (larger is
    cut to it), else PER_PAGE."""
    try:
        size = int(requested)
    except (TypeError, ValueError):
        return PER_PAGE
    return min(size, PER_PAGE_MAX) if size >= 1 else PER_PAGE


class PagedTableMixin(SingleTableMixin):
    """A sortable table paginated with the page size bounded: django-tables2 passes any ``per_page`` to the
    paginator, where a negative one is a server error and 100000 reads the whole table."""

    def get_table(self, **kwargs):
        table = self.get_table_class()(data=self.get_table_data(), **kwargs)
        RequestConfig(self.request, paginate=False).configure(table)  # the sort only
        # Not table.paginate(), which would read the first page before the one asked for.
        per_page = page_size(self.request.GET.get(table.prefixed_per_page_field))
        table.paginator = CappedPaginator(table.rows, per_page, records=table.data.data)
        table.page = table.paginator.get_page(self.request.GET.get(table.prefixed_page_field))
        if table.empty_text is None:  # a table says what its own emptiness means; the rest say this, not a bare header
            paging = {table.prefixed_page_field, table.prefixed_per_page_field, table.prefixed_order_by_field}
            filtered = any(value for key, value in self.request.GET.items() if key not in paging)
            table.empty_text = _("No row matches the filter.") if filtered else _("Nothing here yet.")
        return table


class ExportableListView(ExportMixin, PagedTableMixin, FilterView):
    """A filtered, sortable, paginated list whose CSV/XLSX export holds exactly the filtered rows."""

    export_formats = ("csv", "xlsx")
    export_name = "export"

    def get_export_filename(self, export_format):
        return f"{self.export_name}.{export_format}"

    def create_export(self, export_format):
        filename = self.get_export_filename(export_format)
        if export_format == "xlsx":
            return xlsx_response(self._rows(), self.table_class._meta.model._meta.verbose_name_plural, filename)
        return csv_response(self._rows(), filename)

    def _rows(self):
        """The header, then the filtered rows a chunk at a time, so memory does not grow with the rows exported.

        A table with an ``export_rows(queryset, names, chunk_size)`` method (the rows of the queryset as
        ``as_values`` gives them, a list of the columns ``names`` each) writes them itself: django-tables2 inspects
        each cell's functions and renders a template for each date, half a millisecond a row."""
        table = self.get_table(**self.get_table_kwargs())
        exclude = self.exclude_columns
        empty = self.table_class([], order_by=())
        yield next(empty.as_values(exclude_columns=exclude))
        if hasattr(empty, "export_rows"):
            names = [
                column.name
                for column in empty.columns.iterall()
                if not (column.column.exclude_from_export or column.name in exclude)
            ]
            yield from empty.export_rows(table.data.data, names, EXPORT_CHUNK)
            return
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
    # Excel reads UTF-8 only with a byte-order mark.
    response = StreamingHttpResponse(
        itertools.chain(["\ufeff"], _csv_chunks(rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition(filename)
    return response


def xlsx_response(rows, title, filename):
    """The rows (the header first) as an XLSX download, one sheet named ``title``, text kept as text."""
    response = FileResponse(_xlsx_file(rows, title), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition(filename)
    return response


def download(content, filename, content_type=XLSX_TYPE):
    """Bytes (a workbook built with ``append_row``, a template) as a download named ``filename``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    return response


def content_disposition(filename):
    """The Content-Disposition of a download (RFC 6266): an ASCII ``filename`` for old clients and the name as
    given in ``filename*`` (RFC 5987, UTF-8), so a household number in Chinese keeps its name. Neither can carry
    a quote, a line break or a path: the name comes from what users type."""
    name = unicodedata.normalize("NFC", _NAME_UNSAFE.sub("_", str(filename))).strip(" .") or "download"
    fallback = _ASCII_UNSAFE.sub("_", name).strip("_") or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


# Control characters (a CR/LF would end the header), what Windows forbids in a file name, and path separators.
_NAME_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


def _xlsx_file(rows, title):
    """The rows as a workbook in a temporary file, the first row the header in bold, frozen above the rest.

    XlsxWriter's constant-memory mode keeps one row in memory and writes several times faster than openpyxl's
    write-only mode. Every cell goes through ``write_xlsx_row``: a title typed as "=…" must not become a formula
    in the user's spreadsheet.
    """
    file = tempfile.TemporaryFile()
    book = xlsxwriter.Workbook(file, {"constant_memory": True})
    sheet = book.add_worksheet(_SHEET_TITLE_UNSAFE.sub("-", str(title))[:31].strip("'") or "Sheet")
    sheet.freeze_panes(1, 0)
    formats = XlsxFormats(book)
    rows = iter(rows)
    header = next(rows, None)
    if header is not None:
        for column, name in enumerate(header):
            sheet.set_column(column, column, max(12, 2 * len(str(name)) + 4))
        write_xlsx_row(sheet, 0, header, formats, bold=True)
    for number, row in enumerate(rows, start=1):
        write_xlsx_row(sheet, number, row, formats)
    book.close()
    file.seek(0)
    return file


# What Excel refuses in a sheet's name (XlsxWriter refuses it too).
_SHEET_TITLE_UNSAFE = re.compile(r"[\\/*?:\[\]]")


def _csv_chunks(rows):
    """The rows as CSV text, one string per chunk of rows: a string per row made the response's iteration cost
    as much as writing."""
    for chunk in _chunks(rows, EXPORT_CHUNK):
        text = io.StringIO()
        csv.writer(text).writerows([csv_cell(value) for value in row] for row in chunk)
        yield text.getvalue()


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
