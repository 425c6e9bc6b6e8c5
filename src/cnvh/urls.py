"""URL configuration for cnvh."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("cnvh.web.urls")),
    path("", include("cnvh.plan.urls")),
    path("", include("cnvh.procedures.urls")),
    path("", include("cnvh.crafts.urls")),
    path("", include("cnvh.brightspots.urls")),
    path("", include("cnvh.unesco.urls")),
    path("", include("cnvh.enterprises.urls")),
    path("", include("cnvh.events.urls")),
    path("", include("cnvh.exchange.urls")),
    path("", include("cnvh.exports.urls")),
    path("", include("cnvh.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("health/", include("cnvh.web.health")),
]
