from django.urls import path

from . import proposal_views, views

app_name = "projects"

urlpatterns = [
    path("groups/", views.GroupListView.as_view(), name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/<int:pk>/", views.person_detail, name="person_detail"),
    path("organisations/", views.organisation_tree, name="organisation_tree"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("tasks/", views.TaskListView.as_view(), name="task_list"),
    path("tasks/new/", views.task_create, name="task_create"),
    path("tasks/dashboard/", views.task_dashboard, name="task_dashboard"),
    path("tasks/calendar/", views.task_calendar, name="task_calendar"),
    path("tasks/import/", views.task_import, name="task_import"),
    path("tasks/import/confirm/", views.task_import_confirm, name="task_import_confirm"),
    path("tasks/import/template.xlsx", views.task_import_template, name="task_import_template"),
    path("tasks/calendar/reset/", views.task_calendar_reset, name="task_calendar_reset"),
    path("tasks/feed/<str:token>.ics", views.task_feed, name="task_feed"),
    path("tasks/reminders/", views.reminder_overview, name="reminder_overview"),
    path("tasks/reminders/requeue/", views.reminder_requeue, name="reminder_requeue"),
    path("reminders/mute/<str:token>/", views.reminder_mute, name="reminder_mute"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/report/", views.task_report, name="task_report"),
    path("tasks/<int:pk>/request-closing/", views.task_request_closing, name="task_request_closing"),
    path("tasks/<int:pk>/verify-closing/", views.task_verify_closing, name="task_verify_closing"),
    path("tasks/<int:pk>/status/", views.task_set_status, name="task_set_status"),
    path("proposals/issue/<int:pk>/", proposal_views.issue_proposals, name="issue_proposals"),
    path("proposals/<int:pk>/", proposal_views.proposal_review, name="proposal_review"),
    path("proposals/<int:pk>/reject/", proposal_views.proposal_reject, name="proposal_reject"),
    path("proposals/<int:pk>/reopen/", proposal_views.proposal_reopen, name="proposal_reopen"),
]
