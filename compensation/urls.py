from django.urls import path

from . import views

app_name = "compensation"

urlpatterns = [
    path("", views.scheme_list, name="scheme_list"),
    path("schemes/<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("versions/<int:pk>/", views.version_detail, name="version_detail"),
    path("versions/<int:pk>/calculator/", views.calculator_page, name="calculator"),
    path("versions/<int:pk>/calculator.xlsx", views.calculator_export, name="calculator_export"),
]
