from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("proposals/issue/<int:pk>/", views.issue_proposals, name="issue_proposals"),
    path("proposals/issue/<int:pk>/reject/", views.reject_proposals, name="reject_proposals"),
    path("proposals/issue/<int:pk>/accept-units/", views.accept_units, name="accept_units"),
    path("proposals/<int:pk>/", views.proposal_review, name="proposal_review"),
    path("proposals/<int:pk>/reject/", views.proposal_reject, name="proposal_reject"),
    path("proposals/<int:pk>/reopen/", views.proposal_reopen, name="proposal_reopen"),
    path("proposals/<int:pk>/create-unit/", views.create_unit, name="create_unit"),
]
