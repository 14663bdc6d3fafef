from django.conf.urls.i18n import set_language
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from common.health import health
from projects.views import home

admin.site.site_header = _("County Ledger administration")
admin.site.site_title = _("County Ledger")
admin.site.index_title = _("Data management")

urlpatterns = [
    path("", home, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("health/", health, name="health"),
    path("admin/", admin.site.urls),
    path("gazette/", include("gazette.urls")),
    path("land/", include("land.urls")),
    path("compensation/", include("compensation.urls")),
    path("", include("accounts.urls")),
    path("", include("rollup.urls")),
    path("", include("org.urls")),
    path("", include("groups.urls")),
    path("", include("projects.urls")),
    path("", include("intake.urls")),
]
