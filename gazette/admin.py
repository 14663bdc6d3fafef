from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import selectors
from .messages import warning_text
from .models import Document, Gazette, ImportJob, Issue


class CountyFilter(admin.SimpleListFilter):
    """The counties of the gazettes the user reads (a plain field filter would list every county's name)."""

    title = _("county")
    parameter_name = "county"

    def lookups(self, request, model_admin):
        return [(name, name) for name in selectors.counties(request.user)]

    def queryset(self, request, queryset):
        return queryset.filter(issue__gazette__county=self.value()) if self.value() else queryset


@admin.register(Gazette)
class GazetteAdmin(admin.ModelAdmin):
    list_display = ("name", "county")
    search_fields = ("name", "county")

    def get_queryset(self, request):
        return selectors.gazettes(request.user)


class DocumentInline(admin.TabularInline):
    model = Document
    fields = ("order", "number", "title", "kind", "signed", "is_public")
    extra = 0
    show_change_link = True


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ("__str__", "year", "number", "cumulative", "published")
    list_filter = (("gazette", admin.RelatedOnlyFieldListFilter), "year")
    search_fields = ("gazette__name", "source_name")
    inlines = [DocumentInline]
    # Stored as message ids with their values: shown translated, not edited as JSON.
    exclude = ("warnings",)
    readonly_fields = ("shown_warnings",)

    def get_queryset(self, request):
        return selectors.issue_list(request.user)

    @admin.display(description=_("warnings"))
    def shown_warnings(self, issue):
        return format_html_join("", "<p>{}</p>", ((warning_text(warning),) for warning in issue.warnings)) or "-"


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "kind", "issuer", "signed", "is_public", "issue")
    list_filter = (CountyFilter, "issue__year", "kind", "series", "is_public")
    search_fields = ("number", "title")
    autocomplete_fields = ("parent",)
    list_select_related = ("issue__gazette",)
    date_hierarchy = "signed"

    def get_queryset(self, request):
        return selectors.document_list(request.user)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("original_name", "status", "outcome", "issue", "created_by", "created", "finished")
    list_filter = ("status", "outcome")
    # The report is kept for the import's page, which shows it translated (warnings are stored as message ids with
    # their values): linked there rather than shown or edited as JSON. Why an import failed is stored the same way
    # and shown translated.
    exclude = ("report", "failure")
    readonly_fields = (
        "report_page",
        "failure_text",
        "issue",
        "created_by",
        "created",
        "started",
        "attempts",
        "finished",
        "outcome",
        "status",
    )

    def get_queryset(self, request):
        return selectors.visible_import_jobs(request.user)

    @admin.display(description=_("error"))
    def failure_text(self, job):
        return job.failure_text()

    @admin.display(description=_("report"))
    def report_page(self, job):
        if job.pk is None:  # the add form: no import yet, no page
            return "-"
        return format_html('<a href="{}">{}</a>', job.get_absolute_url(), _("Shown on the import's page"))
