from django.shortcuts import render

from common.exports import ExportableListView

from . import selectors
from .filters import PersonFilter
from .tables import PersonTable


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
