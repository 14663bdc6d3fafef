from django.urls import path

from . import views

app_name = "rollup"

urlpatterns = [
    path("rollup/", views.rollup, name="rollup"),
    path("rollup/recount/", views.recount, name="recount"),
]
