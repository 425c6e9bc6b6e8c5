from django.urls import URLPattern, URLResolver, path

from cnvh.exchange.views import imports, runs

urlpatterns: list[URLPattern | URLResolver] = [
    path("imports/", imports.import_list, name="exchange-imports"),
    path("imports/new/", imports.import_new, name="exchange-new"),
    path("imports/<int:pk>/", imports.import_detail, name="exchange-import"),
    path("imports/<int:pk>/confirm/", imports.import_confirm, name="exchange-confirm"),
    path("imports/<int:pk>/progress/", imports.import_progress, name="exchange-progress"),
    path("estimate-runs/new/", runs.run_new, name="exchange-run-new"),
    path("estimate-runs/<int:pk>/", runs.run_detail, name="exchange-run"),
    path("estimate-runs/<int:pk>/progress/", runs.run_progress, name="exchange-run-progress"),
]
