from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by the application alone (the reminder sweep, the proposal review): shown, never edited."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
