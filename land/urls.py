from django.urls import path

from . import views

app_name = "land"

urlpatterns = [
    path("plans/", views.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/adopt/", views.plan_adopt, name="plan_adopt"),
    path("plans/<int:pk>/revise/", views.plan_revise, name="plan_revise"),
    path("parcels/", views.ParcelListView.as_view(), name="parcel_list"),
    path("parcels/new/", views.parcel_create, name="parcel_create"),
    path("parcels/<int:pk>/", views.parcel_detail, name="parcel_detail"),
    path("parcels/<int:pk>/edit/", views.parcel_edit, name="parcel_edit"),
    path("parcels/<int:pk>/advance/", views.parcel_advance, name="parcel_advance"),
    path("approvals/", views.approval_list, name="approval_list"),
    path("quality/", views.quality_list, name="quality_list"),
]
