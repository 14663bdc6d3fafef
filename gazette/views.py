from functools import partial

from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import ListView

from common.exports import ExportableListView, PagedTableMixin

from . import jobs, selectors, services
from .filters import DocumentFilter, IssueFilter
from .forms import ImportForm
from .tables import DocumentTable, ImportJobTable, IssueTable, NewestIssuesFirst


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
    exclude_columns = ("snippet",)

    def get_queryset(self):
        # The list shows no body: a page of a search must not read them back.
        return selectors.listed_documents(self.request.user)

    def get_table_data(self):
        documents = super().get_table_data()
        return NewestIssuesFirst(documents, partial(selectors.in_newest_issues, self.request.user, documents))

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        if table.query:
            table.snippets = selectors.snippets([row.record for row in table.page.object_list], table.query)
        return table

    def get_table_kwargs(self):
        query = self.request.GET.get("q", "")
        # Where the words matched is shown only for a search, and never exported.
        return {"query": query} if query.strip() else {"exclude": ("snippet",)}


def document_detail(request, pk):
    return render(request, "gazette/document_detail.html", selectors.document_detail(request.user, pk))


@permission_required("gazette.add_issue", raise_exception=True)
def import_upload(request):
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = [
            services.create_import_job(
                upload=upload, user=request.user, county=data["county"], year=data["year"], number=data["number"]
            )
            for upload in data["files"]
        ]
        for job in created:
            transaction.on_commit(partial(jobs.run_import.delay, job.pk))
        return redirect(created[0] if len(created) == 1 else reverse("gazette:import_list"))
    return render(request, "gazette/import_upload.html", {"form": form})


class ImportListView(PagedTableMixin, ListView):
    table_class = ImportJobTable
    template_name = "gazette/import_list.html"

    def get_queryset(self):
        return selectors.visible_import_jobs(self.request.user)


def import_detail(request, pk):
    job = selectors.import_job(request.user, pk)
    return render(request, "gazette/import_detail.html", {"job": job, "progress": selectors.import_progress(job)})


def import_status(request, pk):
    return JsonResponse(selectors.import_progress(selectors.import_job(request.user, pk)))
