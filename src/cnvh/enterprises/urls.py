"""The enterprise register's, the support cases' and the investment projects' pages: a
login, then each checks its permission; the list of published grants is public. Fixed
words come before `<str:key>`, which is an enterprise's tax code."""

from django.urls import path

from cnvh.enterprises.views import (
    cases,
    grants,
    indicators,
    investment,
    investment_steps,
    programmes,
    register,
)

urlpatterns = [
    # Public, no login: the grants of the programmes that publish theirs.
    path("support/grants/", grants.grant_list, name="enterprises-grants"),
    path("enterprises/", register.enterprise_list, name="enterprises-list"),
    path("enterprises/new/", register.enterprise_edit, name="enterprises-new"),
    path("enterprises/programmes/", cases.programme_list, name="enterprises-programmes"),
    path(
        "enterprises/programmes/new/",
        programmes.programme_edit,
        name="enterprises-programme-new",
    ),
    path(
        "enterprises/programmes/<slug:code>/edit/",
        programmes.programme_edit,
        name="enterprises-programme-edit",
    ),
    path(
        "enterprises/programmes/<slug:code>/cases/new/",
        programmes.case_new,
        name="enterprises-case-new",
    ),
    path("enterprises/indicators/", indicators.indicator_page, name="enterprises-indicators"),
    path("enterprises/cases/<int:pk>/", cases.case_detail, name="enterprises-case"),
    path("enterprises/cases/<int:pk>/<slug:step>/", cases.case_step, name="enterprises-case-step"),
    path("enterprises/projects/", investment.project_list, name="enterprises-projects"),
    path("enterprises/projects/new/", investment.project_edit, name="enterprises-project-new"),
    path("enterprises/projects/<int:pk>/", investment.project_detail, name="enterprises-project"),
    path(
        "enterprises/projects/<int:pk>/edit/",
        investment.project_edit,
        name="enterprises-project-edit",
    ),
    path(
        "enterprises/projects/<int:pk>/<slug:step>/",
        investment_steps.project_step,
        name="enterprises-project-step",
    ),
    path("enterprises/<str:key>/", register.enterprise_detail, name="enterprises-detail"),
    path("enterprises/<str:key>/edit/", register.enterprise_edit, name="enterprises-edit"),
    path("enterprises/<str:key>/ip/new/", programmes.filing_edit, name="enterprises-filing-new"),
    path(
        "enterprises/<str:key>/ip/<int:pk>/edit/",
        programmes.filing_edit,
        name="enterprises-filing-edit",
    ),
    path(
        "enterprises/<str:key>/certifications/new/",
        programmes.certification_edit,
        name="enterprises-certification-new",
    ),
    path(
        "enterprises/<str:key>/certifications/<int:pk>/edit/",
        programmes.certification_edit,
        name="enterprises-certification-edit",
    ),
]
