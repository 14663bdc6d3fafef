from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import access, selectors
from .models import (
    CountyAccess,
    CountyProfile,
    LeaderPortfolio,
    Organisation,
    OrganisationAlias,
    Person,
    Post,
    UnitAccess,
)


class AliasInline(admin.TabularInline):
    model = OrganisationAlias
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "parent", "reminder_contact", "is_active", "sort_order")
    list_filter = ("kind", "is_active")
    list_editable = ("sort_order",)
    search_fields = ("name", "short_name", "aliases__alias")
    autocomplete_fields = ("parent", "reminder_contact")
    inlines = [AliasInline]

    def get_queryset(self, request):
        return access.visible_units(request.user)


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("name", "note", "phone", "email", "user")
    search_fields = ("name", "note", "posts__title")
    autocomplete_fields = ("user",)
    inlines = [PostInline]

    def get_queryset(self, request):
        return access.in_counties(request.user, super().get_queryset(request))


@admin.register(Post)
class PostAdmin(SimpleHistoryAdmin):
    list_display = ("person", "organisation", "title", "start", "end")
    list_filter = ("organisation__kind",)
    search_fields = ("person__name", "title", "organisation__name")
    autocomplete_fields = ("person", "organisation")
    list_select_related = ("person", "organisation")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(person__in=access.in_counties(request.user, Person.objects.all()))


@admin.register(UnitAccess)
class UnitAccessAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation")
    search_fields = ("user__username", "organisation__name")
    autocomplete_fields = ("user", "organisation")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisation__in=access.visible_units(request.user))


class UnitAccessInline(admin.TabularInline):
    model = UnitAccess
    extra = 1
    autocomplete_fields = ("organisation",)


class CountyAccessInline(admin.TabularInline):
    model = CountyAccess
    extra = 1
    autocomplete_fields = ("county",)


class LedgerUserAdmin(UserAdmin):
    """The account page also says which units a unit-staff account belongs to, and which counties a data manager's
    or supervisor's."""

    inlines = [*UserAdmin.inlines, UnitAccessInline, CountyAccessInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), LedgerUserAdmin)


@admin.register(LeaderPortfolio)
class LeaderPortfolioAdmin(SimpleHistoryAdmin):
    list_display = ("person", "post", "effective", "is_current", "source_document", "superseded_by")
    list_filter = ("is_current",)
    search_fields = ("person__name", "post", "fields_of_work", "supervised__name", "supervised_text")
    autocomplete_fields = ("person", "supervised", "liaised", "source_document", "superseded_by")
    list_select_related = ("person", "source_document", "superseded_by__person")
    date_hierarchy = "effective"

    def get_queryset(self, request):
        return selectors.visible_portfolios(request.user)


@admin.register(CountyProfile)
class CountyProfileAdmin(SimpleHistoryAdmin):
    list_display = ("county", "number_prefixes")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(county__in=access.counties(request.user))


@admin.register(CountyAccess)
class CountyAccessAdmin(admin.ModelAdmin):
    list_display = ("user", "county")
    search_fields = ("user__username", "county__name")
    autocomplete_fields = ("user", "county")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(county__in=access.counties(request.user))
