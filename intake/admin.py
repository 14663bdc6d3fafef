from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common.admin import ReadOnlyAdmin

from . import selectors
from .models import Proposal


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    """Proposals are reviewed on their own pages, which write through the services; here data managers find them."""

    list_display = ("label", "kind", "status", "document", "issue", "reviewed_by", "reviewed_at", "review_link")
    list_filter = ("kind", "status", ("document__issue", admin.RelatedOnlyFieldListFilter))
    search_fields = ("label", "document__title", "document__number")
    list_select_related = ("document__issue__gazette", "reviewed_by")
    exclude = ("content_type", "object_id")
    ordering = ("document__issue", "document__order", "kind", "position", "pk")

    def _reviewer(self, request):
        return selectors.can_review(request.user)

    def has_module_permission(self, request):
        return self._reviewer(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._reviewer(request) and super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        proposals = super().get_queryset(request)
        if not self._reviewer(request):
            return proposals.none()
        return proposals.filter(document__issue__in=selectors.reviewable_issues(request.user))

    @admin.display(description=_("issue"), ordering="document__issue")
    def issue(self, proposal):
        return proposal.document.issue

    @admin.display(description=_("review"))
    def review_link(self, proposal):
        return format_html('<a href="{}">{}</a>', proposal.get_absolute_url(), _("Open"))
