"""The procedures and working days pages: a login, then each checks its permission."""

from django.urls import path

from cnvh.procedures import views

urlpatterns = [
    path("procedures/", views.procedure_list, name="procedures-list"),
    path("procedures/new/", views.procedure_edit, name="procedures-new"),
    path("procedures/<int:pk>/edit/", views.procedure_edit, name="procedures-edit"),
    path("procedures/working-days/", views.working_days, name="procedures-working-days"),
    path("procedures/working-days/new/", views.adjustment_edit, name="procedures-day-new"),
    path(
        "procedures/working-days/<int:pk>/edit/",
        views.adjustment_edit,
        name="procedures-day-edit",
    ),
    path(
        "procedures/working-days/<int:pk>/delete/",
        views.adjustment_delete,
        name="procedures-day-delete",
    ),
]
