"""The calculator's statement and comparison as an XLSX workbook."""

import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from common.cells import append_row

from .models import HEADING_LABELS, OPTION_LABELS
from .selectors import mask_name


def statement_workbook(version, statement, compared):
    """Sheet 1 the itemised statement of the chosen option; sheet 2 the options side by side. Amounts exact."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Statement")
    bold = Font(bold=True)
    append_row(sheet, [str(version)])
    append_row(sheet, [_("Option"), str(OPTION_LABELS[statement.option])])
    append_row(sheet, [])
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
    append_row(sheet, header)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for line in statement.lines:
        append_row(
            sheet,
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
            ],
        )
    append_row(sheet, [])
    for heading, subtotal in statement.subtotals.items():
        append_row(sheet, [_("Subtotal"), str(HEADING_LABELS[heading]), None, None, None, None, subtotal])
    append_row(sheet, [_("Total (exact)"), None, None, None, None, None, statement.total])
    append_row(sheet, [_("Total"), None, None, None, None, None, statement.rounded_total])
    sheet[sheet.max_row][0].font = bold
    if statement.third_party:
        append_row(sheet, [])
        append_row(sheet, [_("Paid to others, not in the total")])
        for line in statement.third_party:
            append_row(sheet, [line.label, str(HEADING_LABELS[line.heading]), line.quantity, line.quantity_unit,
                               line.rate, line.factor, line.amount])  # fmt: skip
    for warning in statement.warnings:
        append_row(sheet, [_("Note"), warning])
    for column, width in zip("ABCDEFGHIJK", (34, 18, 12, 6, 10, 10, 14, 12, 20, 14, 60), strict=True):
        sheet.column_dimensions[column].width = width

    comparison = book.create_sheet(_("Comparison"))
    options = list(compared)
    append_row(comparison, [_("Heading"), *[str(OPTION_LABELS[option]) for option in options]])
    for cell in comparison[1]:
        cell.font = bold
    headings = [heading for heading in HEADING_LABELS if any(heading in s.subtotals for s in compared.values())]
    for heading in headings:
        append_row(comparison, [str(HEADING_LABELS[heading]), *[compared[o].subtotals.get(heading) for o in options]])
    append_row(comparison, [_("Total"), *[compared[option].rounded_total for option in options]])
    append_row(comparison, [_("Resettlement flat entitled (m²)"), *[compared[o].flat_entitlement for o in options]])
    append_row(comparison, [_("Resettlement flat wished (m²)"), *[compared[o].flat_wished for o in options]])
    comparison.column_dimensions["A"].width = 30
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _decimal(value):
    return None if value is None else Decimal(value)


def household_statement_workbook(household, data, *, personal):
    """A household's statement as kept: frozen at signing, or computed now and marked provisional."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Statement")
    bold = Font(bold=True)
    head = household.head_name if personal else mask_name(household.head_name)
    append_row(sheet, [household.project.name])
    append_row(sheet, [_("Household number"), household.number, _("Head of household"), head])
    append_row(sheet, [_("Address"), household.address, _("Plot"), household.plot])
    append_row(sheet, [_("Scheme version"), data["version_label"]])
    append_row(sheet, [_("Option"), str(OPTION_LABELS[data["option"]])])
    if household.is_signed:
        append_row(sheet, [_("Agreement signed on"), household.signed_on])
        sheet[sheet.max_row][1].number_format = "yyyy-mm-dd"
    else:
        append_row(sheet, [_("Not signed: computed now under the rules in force, for information only.")])
    append_row(sheet, [])
    append_row(sheet, [_("Item"), _("Heading"), _("Quantity"), _("Unit"), _("Rate"), _("Months × times"),
                       _("Amount (yuan)"), _("Resettlement area (m²)"), _("Source document"), _("Section"),
                       _("Clause as written")])  # fmt: skip
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for line in data["lines"]:
        append_row(sheet, [line["label"], str(HEADING_LABELS[line["heading"]]), _decimal(line["quantity"]),
                           line["quantity_unit"], _decimal(line["rate"]), line["note"], _decimal(line["amount"]),
                           _decimal(line["area"]), line["document"], line["section"], line["text"]])  # fmt: skip
    append_row(sheet, [])
    for heading, subtotal in data["subtotals"].items():
        append_row(sheet, [_("Subtotal"), str(HEADING_LABELS[heading]), None, None, None, None, Decimal(subtotal)])
    append_row(sheet, [_("Total (exact)"), None, None, None, None, None, Decimal(data["total"])])
    append_row(sheet, [_("Total"), None, None, None, None, None, Decimal(data["rounded_total"])])
    sheet[sheet.max_row][0].font = bold
    for warning in data["warnings"]:
        append_row(sheet, [_("Note"), warning])
    for column, width in zip("ABCDEFGHIJK", (34, 18, 12, 6, 10, 12, 14, 12, 20, 14, 60), strict=True):
        sheet.column_dimensions[column].width = width
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def project_statements_workbook(project, households, estimates, *, personal):
    """Sheet 1 one row per signed household: its frozen subtotals by heading, total and what has been paid.
    Sheet 2 one row per household not yet signed, from ``selectors.estimated_statements``."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Signed statements")
    headings = [heading for heading in HEADING_LABELS if any(heading in h.signed_subtotals for h in households)]
    append_row(sheet, [project.name])
    append_row(sheet, [_("Household number"), _("Head of household"), _("Agreement type"), _("Agreement signed on"),
                       *[str(HEADING_LABELS[heading]) for heading in headings], _("Total at signing (yuan)"),
                       _("Paid (yuan)")])  # fmt: skip
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for household in households:
        subtotals = household.subtotals
        append_row(sheet, [household.number, household.head_name if personal else mask_name(household.head_name),
                           str(OPTION_LABELS[household.agreement_type]), household.signed_on,
                           *[subtotals.get(heading) for heading in headings], household.signed_total,
                           household.paid])  # fmt: skip
        sheet[sheet.max_row][3].number_format = "yyyy-mm-dd"
    _estimates_sheet(book.create_sheet(_("Estimates, not signed")), project, estimates, personal=personal)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _estimates_sheet(sheet, project, estimates, *, personal):
    """Each household not yet signed under its chosen option, computed now, and their sum."""
    bold = Font(bold=True)
    statements = [statement for _household, statement, _error in estimates if statement is not None]
    headings = [heading for heading in HEADING_LABELS if any(heading in s.subtotals for s in statements)]
    append_row(sheet, [project.name])
    append_row(sheet, [_("Not signed: each household's statement under its chosen option, computed now under the "
                         "rules in force, for budgeting only.")])  # fmt: skip
    append_row(sheet, [_("Household number"), _("Head of household"), _("Status"), _("Option"),
                       *[str(HEADING_LABELS[heading]) for heading in headings], _("Estimated total (yuan)"),
                       _("Note")])  # fmt: skip
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for household, statement, error in estimates:
        head = household.head_name if personal else mask_name(household.head_name)
        if statement is None:
            append_row(sheet, [household.number, head, household.get_status_display(), None,
                               *[None for _heading in headings], None, error])  # fmt: skip
            continue
        append_row(sheet, [household.number, head, household.get_status_display(),
                           str(OPTION_LABELS[statement.option]),
                           *[statement.subtotals.get(heading) for heading in headings], statement.rounded_total,
                           "；".join(statement.warnings)])  # fmt: skip
    append_row(sheet, [_("Total"), None, None, None, *[None for _heading in headings],
                       sum((statement.rounded_total for statement in statements), Decimal(0))])  # fmt: skip
    sheet[sheet.max_row][0].font = bold
