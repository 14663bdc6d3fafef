from django.shortcuts import render

from common.views import ExportableListView

from . import selectors
from .filters import DocumentFilter, IssueFilter
from .tables import DocumentTable, IssueTable


class IssueListView(ExportableListView):
    table_class = IssueTable
    filterset_class = IssueFilter
    template_name = "gazette/issue_list.html"
    export_name = "gazette-issues"

    def get_queryset(self):
        return selectors.issue_list(self.request.user)


def issue_detail(request, pk):
    return render(request, "gazette/issue_detail.html", selectors.issue_detail(request.user, pk))


class DocumentListView(ExportableListView):
    table_class = DocumentTable
    filterset_class = DocumentFilter
    template_name = "gazette/document_list.html"
    export_name = "gazette-documents"

    def get_queryset(self):
        return selectors.document_list(self.request.user)


def document_detail(request, pk):
    return render(request, "gazette/document_detail.html", selectors.document_detail(request.user, pk))
