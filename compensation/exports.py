"""The calculator's statement and comparison as an XLSX workbook."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import HEADING_LABELS, OPTION_LABELS


def statement_workbook(version, statement, compared):
    """Sheet 1 the itemised statement of the chosen option; sheet 2 the options side by side. Amounts exact."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Statement")
    bold = Font(bold=True)
    sheet.append([str(version)])
    sheet.append([_("Option"), str(OPTION_LABELS[statement.option])])
    sheet.append([])
    header = [
        _("Item"),
        _("Heading"),
        _("Quantity"),
        _("Unit"),
        _("Rate"),
        _("Months × times"),
        _("Amount (yuan)"),
        _("Resettlement area (m²)"),
        _("Source document"),
        _("Section"),
        _("Clause as written"),
    ]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for line in statement.lines:
        sheet.append(
            [
                line.label,
                str(HEADING_LABELS[line.heading]),
                line.quantity,
                line.quantity_unit,
                line.rate,
                line.factor,
                line.amount,
                line.area,
                line.source.document,
                line.source.section,
                line.source.text,
            ]
        )
    sheet.append([])
    for heading, subtotal in statement.subtotals.items():
        sheet.append([_("Subtotal"), str(HEADING_LABELS[heading]), None, None, None, None, subtotal])
    sheet.append([_("Total (exact)"), None, None, None, None, None, statement.total])
    sheet.append([_("Total"), None, None, None, None, None, statement.rounded_total])
    sheet[sheet.max_row][0].font = bold
    if statement.third_party:
        sheet.append([])
        sheet.append([_("Paid to others, not in the total")])
        for line in statement.third_party:
            sheet.append([line.label, str(HEADING_LABELS[line.heading]), line.quantity, line.quantity_unit, line.rate,
                          line.factor, line.amount])  # fmt: skip
    for warning in statement.warnings:
        sheet.append([_("Note"), warning])
    for column, width in zip("ABCDEFGHIJK", (34, 18, 12, 6, 10, 10, 14, 12, 20, 14, 60), strict=True):
        sheet.column_dimensions[column].width = width

    comparison = book.create_sheet(_("Comparison"))
    options = list(compared)
    comparison.append([_("Heading"), *[str(OPTION_LABELS[option]) for option in options]])
    for cell in comparison[1]:
        cell.font = bold
    headings = [heading for heading in HEADING_LABELS if any(heading in s.subtotals for s in compared.values())]
    for heading in headings:
        comparison.append([str(HEADING_LABELS[heading]), *[compared[o].subtotals.get(heading) for o in options]])
    comparison.append([_("Total"), *[compared[option].rounded_total for option in options]])
    comparison.append([_("Resettlement flat entitled (m²)"), *[compared[o].flat_entitlement for o in options]])
    comparison.append([_("Resettlement flat wished (m²)"), *[compared[o].flat_wished for o in options]])
    comparison.column_dimensions["A"].width = 30
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
