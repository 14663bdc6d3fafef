import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Document, ImportJob, Issue


class IssueTable(tables.Table):
    issue = tables.Column(verbose_name=_("Issue"), accessor="pk", linkify=True, order_by=("year", "number"))
    cumulative = tables.Column(verbose_name=_("Cumulative number"))
    published = tables.DateColumn(verbose_name=_("Publication date"), format="Y年n月j日")
    document_count = tables.Column(verbose_name=_("Documents"))

    class Meta:
        model = Issue
        default = ""
        fields = ("issue", "cumulative", "published", "document_count")

    def render_issue(self, record):
        return str(record)


class DocumentTable(tables.Table):
    number = tables.Column(verbose_name=_("Number"))
    title = tables.Column(verbose_name=_("Title"), linkify=True)
    kind = tables.Column(verbose_name=_("Kind"))
    issuer = tables.Column(verbose_name=_("Issuer"))
    signed = tables.DateColumn(verbose_name=_("Signed"), format="Y年n月j日")
    is_public = tables.BooleanColumn(verbose_name=_("Public"))
    issue = tables.Column(verbose_name=_("Issue"), order_by=("issue__year", "issue__number"))

    class Meta:
        model = Document
        default = ""
        fields = ("number", "title", "kind", "issuer", "signed", "is_public", "issue")


class ImportJobTable(tables.Table):
    original_name = tables.Column(verbose_name=_("File"), linkify=True)
    status = tables.Column(verbose_name=_("Status"))
    outcome = tables.Column(verbose_name=_("Outcome"))
    issue = tables.Column(verbose_name=_("Issue"), linkify=True)
    created_by = tables.Column(verbose_name=_("Uploaded by"))
    created = tables.DateTimeColumn(verbose_name=_("Uploaded"), format="Y年n月j日 H:i")

    class Meta:
        model = ImportJob
        default = ""
        fields = ("original_name", "status", "outcome", "issue", "created_by", "created")
        orderable = False
