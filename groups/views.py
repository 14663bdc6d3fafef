from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.exports import ExportableListView

from . import selectors, services
from .filters import GroupFilter
from .forms import LeadingGroupForm, RosterFormSet, roster_lines
from .tables import GroupTable


class GroupListView(ExportableListView):
    table_class = GroupTable
    filterset_class = GroupFilter
    template_name = "groups/group_list.html"
    export_name = "leading-groups"

    def get_queryset(self):
        return selectors.group_list(self.request.user)


def group_detail(request, pk):
    return render(request, "groups/group_detail.html", selectors.group_detail(request.user, pk))


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
    formset = RosterFormSet(
        request.POST or None, instance=group, queryset=roster, prefix="roster", form_kwargs={"user": user}
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_group(group=group, data=form.cleaned_data, roster=roster_lines(formset))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(name)s”.") % {"name": saved.name})
            return redirect(saved)
    return render(request, "groups/group_form.html", {"form": form, "formset": formset, "group": group})
