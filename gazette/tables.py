import re

import django_tables2 as tables
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_tables2.data import TableQuerysetData

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


class NewestIssuesFirst(TableQuerysetData):
    """A document list's rows, a page of which is looked for first among the newest issues' documents.

    In the list's own order (newest issue first) those come before all others, so when they hold a whole page, it
    is the whole list's page. A common word matches most documents: sorting all 160,000 matches of 工作 for one page
    took 204 ms at 200,000 documents. When they do not hold the page, the page is deep, or the user sorted by a
    column, the whole list is asked as before.

    ``narrowed(issues)``: the rows restricted to the ``issues`` newest issues, or None when there are no more
    (gazette.selectors.in_newest_issues)."""

    # A page of 50 and its look-ahead row are looked for in 25 issues, about 1,400 documents at 55 an issue: a word
    # in one document of 27 fills it.
    ISSUES_PER_ROW = 0.5
    FEWEST_ISSUES = 10
    # Past the tenth page of 50 (and its look-ahead row) the issues to look in would be hundreds: the whole list is
    # asked.
    DEEPEST_ROW = 501

    def __init__(self, data, narrowed):
        super().__init__(data)
        self.narrowed = narrowed

    def order_by(self, aliases):
        super().order_by(aliases)
        self.narrowed = None  # in another order the newest issues' rows are not the first

    def __getitem__(self, key):
        if isinstance(key, slice) and self.narrowed and key.stop is not None and key.stop <= self.DEEPEST_ROW:
            rows = self.narrowed(max(self.FEWEST_ISSUES, int(key.stop * self.ISSUES_PER_ROW)))
            if rows is not None:
                page = list(rows[key])
                if len(page) == len(range(*key.indices(key.stop))):
                    return page
        return super().__getitem__(key)


class DocumentTable(tables.Table):
    number = tables.Column(verbose_name=_("Number"))
    # The title heads the row's card on a phone (static/css/ledger.css).
    title = tables.Column(verbose_name=_("Title"), linkify=True, attrs={"td": {"class": "card-title"}})
    kind = tables.Column(verbose_name=_("Kind"))
    issuer = tables.Column(verbose_name=_("Issuer"))
    signed = tables.DateColumn(verbose_name=_("Signed"), format="Y年n月j日")
    is_public = tables.BooleanColumn(verbose_name=_("Public"))
    issue = tables.Column(verbose_name=_("Issue"), order_by=("issue__year", "issue__number"))
    snippet = tables.Column(verbose_name=_("Where it matches"), orderable=False, empty_values=())

    class Meta:
        model = Document
        default = ""
        fields = ("number", "title", "kind", "issuer", "signed", "is_public", "issue", "snippet")

    def __init__(self, *args, query="", **kwargs):
        self.query = query.strip()
        self.snippets = {}  # {pk: (snippet, start)} of the shown page's rows (gazette.selectors.snippets)
        super().__init__(*args, **kwargs)

    def render_snippet(self, record):
        text, start = self.snippets.get(record.pk, ("", 1))
        if not text or not self.query:
            return ""
        # Split on the searched words, escaping each piece, so the text can hold markup-like characters.
        pieces = re.split(f"({re.escape(self.query)})", text, flags=re.IGNORECASE)
        marked = mark_safe(
            "".join(format_html("<mark>{}</mark>", piece) if n % 2 else escape(piece) for n, piece in enumerate(pieces))
        )
        before = "…" if start > 1 else ""
        return format_html('<span class="snippet">{}{}…</span>', before, marked)


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
        empty_text = _("No gazette has been imported yet.")
