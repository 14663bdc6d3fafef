import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Document, Issue


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
