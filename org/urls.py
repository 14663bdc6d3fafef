from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("organisations/", views.organisation_tree, name="organisation_tree"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("audit/", views.audit_log, name="audit"),
    path("counties/", views.county_list, name="county_list"),
    path("counties/new/", views.county_create, name="county_create"),
    path("counties/<int:pk>/edit/", views.county_edit, name="county_edit"),
    path("counties/<int:pk>/units/", views.county_units, name="county_units"),
    path("counties/<int:pk>/units/new/", views.unit_create, name="unit_create"),
    path("counties/<int:pk>/units/<int:unit_pk>/edit/", views.unit_edit, name="unit_edit"),
    path("counties/<int:pk>/units/import/", views.unit_import, name="unit_import"),
    path("counties/<int:pk>/units/import/confirm/", views.unit_import_confirm, name="unit_import_confirm"),
    path("counties/<int:pk>/units/import/template.xlsx", views.unit_import_template, name="unit_import_template"),
]
