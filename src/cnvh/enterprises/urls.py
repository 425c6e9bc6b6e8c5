"""The enterprise register's and the support cases' pages: a login, then each checks
its permission."""

from django.urls import path

from cnvh.enterprises.views import cases, indicators, register

urlpatterns = [
    path("enterprises/", register.enterprise_list, name="enterprises-list"),
    path("enterprises/new/", register.enterprise_edit, name="enterprises-new"),
    path("enterprises/programmes/", cases.programme_list, name="enterprises-programmes"),
    path("enterprises/indicators/", indicators.indicator_page, name="enterprises-indicators"),
    path("enterprises/cases/<int:pk>/", cases.case_detail, name="enterprises-case"),
    path("enterprises/cases/<int:pk>/<slug:step>/", cases.case_step, name="enterprises-case-step"),
    path("enterprises/<str:key>/", register.enterprise_detail, name="enterprises-detail"),
    path("enterprises/<str:key>/edit/", register.enterprise_edit, name="enterprises-edit"),
]
