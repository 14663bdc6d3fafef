from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.exports import ExportableListView, download
from common.messages import translated
from common.sheets import SheetRow

from . import access, audit, selectors, services
from .filters import PersonFilter
from .forms import AuditForm, CountyForm, UnitForm, UnitImportForm
from .names import split_names
from .tables import PersonTable
from .unit_sheet import UnitSheetError, read_unit_sheet, template_workbook


class PersonListView(ExportableListView):
    table_class = PersonTable
    filterset_class = PersonFilter
    template_name = "org/person_list.html"
    export_name = "people"

    def get_queryset(self):
        return selectors.people_list(self.request.user)


def person_detail(request, pk):
    return render(request, "org/person_detail.html", selectors.person_detail(request.user, pk))


def organisation_tree(request):
    return render(request, "org/organisation_tree.html", {"rows": selectors.organisation_tree(request.user)})


def organisation_detail(request, pk):
    return render(request, "org/organisation_detail.html", selectors.organisation_detail(request.user, pk))


# Setting up counties and their units: data managers of the county


def _require_data_manager(user):
    if not access.is_data_manager(user):
        raise PermissionDenied


def county_list(request):
    _require_data_manager(request.user)
    return render(
        request,
        "org/county_list.html",
        {"counties": selectors.county_list(request.user), "can_create": access.can_create_county(request.user)},
    )


def county_create(request):
    if not access.can_create_county(request.user):
        raise PermissionDenied
    return _edit_county(request, county=None)


def county_edit(request, pk):
    _require_data_manager(request.user)
    return _edit_county(request, county=selectors.managed_county(request.user, pk))


def _edit_county(request, county):
    initial = CountyForm.initial_for(county) if county else None
    form = CountyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.save_county(
                county=county,
                name=data["name"],
                short_name=data["short_name"],
                number_prefixes=data["number_prefixes"],
                aliases=split_names(data["aliases"]),
                notice_prefix=data["notice_prefix"],
                notice_office=data["notice_office"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
            return redirect("org:county_units", pk=saved.pk)
    return render(request, "org/county_form.html", {"form": form, "county": county})


def county_units(request, pk):
    _require_data_manager(request.user)
    county = selectors.managed_county(request.user, pk)
    return render(request, "org/county_units.html", {"county": county, "rows": selectors.county_units(county)})


def unit_create(request, pk):
    _require_data_manager(request.user)
    return _edit_unit(request, selectors.managed_county(request.user, pk), unit=None)


def unit_edit(request, pk, unit_pk):
    _require_data_manager(request.user)
    county = selectors.managed_county(request.user, pk)
    return _edit_unit(request, county, unit=selectors.managed_unit(county, unit_pk))


def _edit_unit(request, county, unit):
    form = UnitForm(request.POST or None, county=county, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                saved = services.save_unit(
                    county=county,
                    unit=unit,
                    name=data["name"],
                    short_name=data["short_name"],
                    kind=data["kind"],
                    parent=data["parent"],
                    sort_order=data["sort_order"],
                    is_active=data["is_active"],
                    aliases=split_names(data["aliases"]),
                )
                services.set_reminder_contact(
                    saved,
                    person=data["contact"],
                    name=data["contact_name"],
                    email=data["contact_email"],
                    phone=data["contact_phone"],
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
            return redirect("org:county_units", pk=county.pk)
    return render(request, "org/unit_form.html", {"form": form, "county": county, "unit": unit})


UNIT_IMPORT_SESSION_KEY = "unit_import"


def unit_import(request, pk):
    _require_data_manager(request.user)
    county = selectors.managed_county(request.user, pk)
    form = UnitImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_unit_sheet(form.cleaned_data["file"].read())
        except UnitSheetError as error:
            form.add_error("file", translated(error.message))
        else:
            request.session[UNIT_IMPORT_SESSION_KEY] = {
                "county": county.pk,
                "rows": [[row.number, row.values] for row in rows],
            }
            return _unit_import_preview(request, county, rows)
    return render(request, "org/unit_import.html", {"form": form, "county": county})


def _unit_import_preview(request, county, rows):
    previews = services.preview_unit_rows(rows, county=county)
    return render(
        request,
        "org/unit_import_preview.html",
        {"county": county, "previews": previews, "blocked": any(preview.errors for preview in previews)},
    )


@require_POST
def unit_import_confirm(request, pk):
    _require_data_manager(request.user)
    county = selectors.managed_county(request.user, pk)
    pending = request.session.get(UNIT_IMPORT_SESSION_KEY)
    if not pending or pending["county"] != county.pk:
        messages.error(request, _("Nothing to import: upload the sheet again."))
        return redirect("org:unit_import", pk=county.pk)
    rows = [SheetRow(number, values) for number, values in pending["rows"]]
    previews = services.preview_unit_rows(rows, county=county)
    try:
        created, updated = services.import_unit_rows(previews, county=county)
    except ValidationError:
        return _unit_import_preview(request, county, rows)
    del request.session[UNIT_IMPORT_SESSION_KEY]
    messages.success(
        request, _("%(created)s units created, %(updated)s updated.") % {"created": created, "updated": updated}
    )
    return redirect("org:county_units", pk=county.pk)


def unit_import_template(request, pk):
    _require_data_manager(request.user)
    selectors.managed_county(request.user, pk)
    return download(template_workbook(translate=translated), "unit-directory-template.xlsx")


# What an account did


def audit_log(request):
    """A chosen account's writes in the records of the data manager's counties, newest first, by pages."""
    if not access.can_audit(request.user):
        raise PermissionDenied
    form = AuditForm(request.GET or None, user=request.user)
    page = None
    if form.is_valid():
        data = form.cleaned_data
        page = audit.actions(
            request.user, data["account"], since=data["since"], until=data["until"], page=_page_number(request)
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "org/audit.html", {"form": form, "page": page, "query": query.urlencode()})


def _page_number(request):
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1
