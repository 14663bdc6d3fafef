from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.views import ExportableListView
from gazette import selectors as gazette_selectors

from . import selectors, services
from .filters import GroupFilter, PersonFilter
from .forms import LeadingGroupForm, RosterFormSet, roster_lines
from .tables import GroupTable, PersonTable


def home(request):
    user = request.user
    return render(
        request,
        "projects/home.html",
        {
            "group_count": selectors.visible_groups(user).count(),
            "person_count": selectors.people_list(user).count(),
            "organisation_count": len(selectors.organisation_tree()),
            "recent_documents": gazette_selectors.recent_documents(user)[:8],
        },
    )


class GroupListView(ExportableListView):
    table_class = GroupTable
    filterset_class = GroupFilter
    template_name = "projects/group_list.html"
    export_name = "leading-groups"

    def get_queryset(self):
        return selectors.group_list(self.request.user)


def group_detail(request, pk):
    return render(request, "projects/group_detail.html", selectors.group_detail(request.user, pk))


def group_create(request):
    if not selectors.can_create_group(request.user):
        raise PermissionDenied
    return _edit_group(request, group=None)


def group_edit(request, pk):
    return _edit_group(request, group=selectors.group_for_edit(request.user, pk))


def _edit_group(request, group):
    user = request.user
    form = LeadingGroupForm(request.POST or None, instance=group, user=user)
    roster = group.memberships.in_roster_order() if group else None
    formset = RosterFormSet(request.POST or None, instance=group, queryset=roster, prefix="roster")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_group(group=group, data=form.cleaned_data, roster=roster_lines(formset))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
            return redirect(saved)
    return render(request, "projects/group_form.html", {"form": form, "formset": formset, "group": group})


class PersonListView(ExportableListView):
    table_class = PersonTable
    filterset_class = PersonFilter
    template_name = "projects/person_list.html"
    export_name = "people"

    def get_queryset(self):
        return selectors.people_list(self.request.user)


def person_detail(request, pk):
    return render(request, "projects/person_detail.html", selectors.person_detail(request.user, pk))


def organisation_tree(request):
    return render(request, "projects/organisation_tree.html", {"rows": selectors.organisation_tree()})


def organisation_detail(request, pk):
    return render(request, "projects/organisation_detail.html", selectors.organisation_detail(request.user, pk))
