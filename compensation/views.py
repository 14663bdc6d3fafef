from django.http import HttpResponse
from django.shortcuts import redirect, render

from . import calculator, exports, selectors
from .forms import HouseholdFactsForm
from .models import HEADING_LABELS


def scheme_list(request):
    return render(request, "compensation/scheme_list.html", {"schemes": selectors.scheme_list(request.user)})


def scheme_detail(request, pk):
    scheme = selectors.scheme_for_view(request.user, pk)
    return redirect(selectors.current_version(scheme) or "compensation:scheme_list")


def version_detail(request, pk):
    return render(request, "compensation/version_detail.html", selectors.version_detail(request.user, pk))


def _compute(request, pk):
    """The version, the form over the query string and, when it is valid, every option's statement."""
    version, scheme = selectors.calculator_for(request.user, pk)
    form = HouseholdFactsForm(request.GET if "option" in request.GET else None, scheme=scheme)
    compared = statement = None
    if form.is_bound and form.is_valid():
        facts = form.to_facts()
        try:
            compared = calculator.compile_scheme(scheme).compare(facts)
        except calculator.SchemeError as error:
            form.add_error(None, str(error))
        else:
            statement = compared[facts.option]
    return version, form, compared, statement


def calculator_page(request, pk):
    version, form, compared, statement = _compute(request, pk)
    return render(
        request,
        "compensation/calculator.html",
        {
            "version": version,
            "form": form,
            "statement": statement,
            "groups": _grouped(statement) if statement else [],
            "comparison": _comparison(compared) if compared else None,
            "query": request.GET.urlencode(),
            "facts_entered": _entered(form) if statement else [],
        },
    )


def calculator_export(request, pk):
    version, form, compared, statement = _compute(request, pk)
    if statement is None:
        return redirect(f"{version.get_absolute_url()}calculator/?{request.GET.urlencode()}")
    response = HttpResponse(
        exports.statement_workbook(version, statement, compared),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="compensation-{version.pk}-{statement.option}.xlsx"'
    return response


def _entered(form):
    """The facts entered, as label and value shown (a choice's label, ✓ for a ticked box), for the printout."""
    entered = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", False, 0):
            continue
        field = form.fields[name]
        shown = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
        entered.append((field.label, "✓" if value is True else shown))
    return entered


def _grouped(statement):
    """The statement's lines under their headings, each heading with its subtotal (None for area-only ones)."""
    groups = {}
    for line in statement.lines:
        groups.setdefault(line.heading, []).append(line)
    return [
        {"heading": HEADING_LABELS[heading], "lines": groups[heading], "subtotal": statement.subtotals.get(heading)}
        for heading in HEADING_LABELS
        if heading in groups
    ]


def _comparison(compared):
    options = list(compared)
    headings = [heading for heading in HEADING_LABELS if any(heading in s.subtotals for s in compared.values())]
    return {
        "options": options,
        "rows": [
            {"label": HEADING_LABELS[heading], "values": [compared[o].subtotals.get(heading) for o in options]}
            for heading in headings
        ],
        "totals": [compared[o].rounded_total for o in options],
        "entitled": [compared[o].flat_entitlement for o in options],
        "wished": [compared[o].flat_wished for o in options],
        "best": max(options, key=lambda option: compared[option].total),
    }
