from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import selectors
from .models import LeadingGroup, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    fields = ("role", "position", "member_type", "person", "title", "organisation", "organisation_text")
    autocomplete_fields = ("person", "organisation")

    def get_queryset(self, request):
        return super().get_queryset(request).in_roster_order()


@admin.register(LeadingGroup)
class LeadingGroupAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "status", "office_host", "established", "source_document")
    list_filter = ("kind", "status", ("county", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "memberships__person__name", "memberships__title")
    autocomplete_fields = ("county", "office_host", "office_head", "source_document", "superseded_by")
    list_select_related = ("office_host", "source_document")
    date_hierarchy = "established"
    inlines = [MembershipInline]

    def get_queryset(self, request):
        return selectors.visible_groups(request.user)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("group", "role", "position", "person", "title", "organisation")
    list_filter = ("role", "member_type")
    search_fields = ("group__name", "person__name", "title")
    autocomplete_fields = ("group", "person", "organisation")
    list_select_related = ("group", "person", "organisation")

    def get_queryset(self, request):
        return selectors.visible_memberships(request.user)
