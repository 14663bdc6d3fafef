from django.urls import path

from . import views

app_name = "gazette"

urlpatterns = [
    path("issues/", views.IssueListView.as_view(), name="issue_list"),
    path("issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    path("documents/", views.DocumentListView.as_view(), name="document_list"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
    path("imports/", views.ImportListView.as_view(), name="import_list"),
    path("imports/new/", views.import_upload, name="import_upload"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
]
