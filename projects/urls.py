from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("tasks/", views.TaskListView.as_view(), name="task_list"),
    path("tasks/new/", views.task_create, name="task_create"),
    path("tasks/dashboard/", views.task_dashboard, name="task_dashboard"),
    path("tasks/calendar/", views.task_calendar, name="task_calendar"),
    path("tasks/scorecard/", views.scorecard, name="scorecard"),
    path("tasks/scorecard.xlsx", views.scorecard_xlsx, name="scorecard_xlsx"),
    path("tasks/scorecard/print/", views.scorecard_print, name="scorecard_print"),
    path("tasks/import/", views.task_import, name="task_import"),
    path("tasks/import/confirm/", views.task_import_confirm, name="task_import_confirm"),
    path("tasks/import/progress/", views.task_import_progress, name="task_import_progress"),
    path("tasks/import/template.xlsx", views.task_import_template, name="task_import_template"),
    path("tasks/calendar/reset/", views.task_calendar_reset, name="task_calendar_reset"),
    path("tasks/feed/<str:token>.ics", views.task_feed, name="task_feed"),
    path("tasks/reminders/", views.reminder_overview, name="reminder_overview"),
    path("tasks/reminders/requeue/", views.reminder_requeue, name="reminder_requeue"),
    path("counties/<int:pk>/reminders/", views.county_reminders, name="county_reminders"),
    path(
        "counties/<int:pk>/reminders/days/<int:day_pk>/remove/",
        views.county_workday_remove,
        name="county_workday_remove",
    ),
    path("reminders/mute/<str:token>/", views.reminder_mute, name="reminder_mute"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/evidence/<str:kind>/<int:item>/", views.task_evidence, name="task_evidence"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/report/", views.task_report, name="task_report"),
    path("tasks/<int:pk>/request-closing/", views.task_request_closing, name="task_request_closing"),
    path("tasks/<int:pk>/verify-closing/", views.task_verify_closing, name="task_verify_closing"),
    path("tasks/<int:pk>/status/", views.task_set_status, name="task_set_status"),
    path("tasks/<int:pk>/extension/", views.task_request_extension, name="task_request_extension"),
    path(
        "tasks/<int:pk>/extension/<int:extension_pk>/decide/",
        views.task_decide_extension,
        name="task_decide_extension",
    ),
    path("documents/<int:pk>/instruction/", views.document_instruction, name="document_instruction"),
    path("tasks/<int:pk>/instructions/", views.task_add_instruction, name="task_add_instruction"),
    path(
        "tasks/<int:pk>/instructions/<int:instruction_pk>/answer/",
        views.task_answer_instruction,
        name="task_answer_instruction",
    ),
    path("tasks/<int:pk>/notice/", views.task_notice, name="task_notice"),
    path("units/<int:pk>/notice/", views.unit_notice, name="unit_notice"),
    path("notices/", views.notice_list, name="notice_list"),
    path("notices/<int:pk>/", views.notice_detail, name="notice_detail"),
]
