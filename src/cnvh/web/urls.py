from django.urls import path

from cnvh.web import views

urlpatterns = [
    path("", views.overview, name="web-overview"),
    path("estimates/<int:pk>/", views.estimate_detail, name="web-estimate"),
]
