from django.urls import path

from . import views

app_name = "compensation"

urlpatterns = [
    path("", views.scheme_list, name="scheme_list"),
    path("schemes/<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("versions/<int:pk>/", views.version_detail, name="version_detail"),
    path("versions/<int:pk>/calculator/", views.calculator_page, name="calculator"),
    path("versions/<int:pk>/calculator.xlsx", views.calculator_export, name="calculator_export"),
    path("projects/<int:pk>/", views.project_dashboard, name="project_dashboard"),
    path("projects/<int:pk>/deadlines/", views.project_schedule_deadlines, name="project_schedule_deadlines"),
    path("projects/<int:pk>/households/", views.HouseholdListView.as_view(), name="household_list"),
    path("projects/<int:pk>/households/new/", views.household_create, name="household_create"),
    path("projects/<int:pk>/households/import/", views.survey_import, name="survey_import"),
    path("projects/<int:pk>/households/import/confirm/", views.survey_import_confirm, name="survey_import_confirm"),
    path("projects/<int:pk>/households/import/progress/", views.survey_import_progress, name="survey_import_progress"),
    path("projects/<int:pk>/households/import/template.xlsx", views.survey_import_template, name="survey_template"),
    path("projects/<int:pk>/statements.xlsx", views.project_statements_export, name="project_statements_export"),
    path("proposals/<int:proposal_id>/rule/", views.rate_proposal_rule, name="rate_proposal_rule"),
    path("households/<int:pk>/", views.household_detail, name="household_detail"),
    path("households/<int:pk>/edit/", views.household_edit, name="household_edit"),
    path("households/<int:pk>/advance/", views.household_advance, name="household_advance"),
    path("households/<int:pk>/payments/", views.household_payment, name="household_payment"),
    path("households/<int:pk>/statement/", views.household_statement, name="household_statement"),
    path("households/<int:pk>/statement.xlsx", views.household_statement_export, name="household_statement_export"),
]
