from django.urls import path

from . import views

app_name = "gazette"

urlpatterns = [
    path("issues/", views.IssueListView.as_view(), name="issue_list"),
    path("issues/<int:pk>/", views.issue_detail, name="issue_detail"),
    path("documents/", views.DocumentListView.as_view(), name="document_list"),
    path("documents/<int:pk>/", views.document_detail, name="document_detail"),
]
