"""The enterprise register's and the support cases' pages: a login, then each checks
its permission."""

from django.urls import path

from cnvh.enterprises.views import register

urlpatterns = [
    path("enterprises/", register.enterprise_list, name="enterprises-list"),
    path("enterprises/new/", register.enterprise_edit, name="enterprises-new"),
    path("enterprises/<str:key>/", register.enterprise_detail, name="enterprises-detail"),
    path("enterprises/<str:key>/edit/", register.enterprise_edit, name="enterprises-edit"),
]
