from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/verify/", views.verify, name="verify"),
    path("account/two-factor/", views.two_factor, name="two_factor"),
    path("account/lockouts/", views.lockout_list, name="lockout_list"),
    path("account/lockouts/unlock/", views.lockout_unlock, name="lockout_unlock"),
]
