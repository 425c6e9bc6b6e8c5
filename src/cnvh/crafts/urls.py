"""The crafts registry's pages: officers' pages after a login, each checking its
permission; the public product page and its EPCIS export need none."""

from django.urls import path

from cnvh.crafts.views import overview, products, public, villages

urlpatterns = [
    path("crafts/", overview.overview, name="crafts-home"),
    path("crafts/rules/", overview.rules_list, name="crafts-rules"),
    path("crafts/rules/thresholds/new/", overview.threshold_edit, name="crafts-threshold-new"),
    path(
        "crafts/rules/thresholds/<int:pk>/edit/",
        overview.threshold_edit,
        name="crafts-threshold-edit",
    ),
    path("crafts/villages/", villages.village_list, name="crafts-villages"),
    path("crafts/villages/new/", villages.village_edit, name="crafts-village-new"),
    path("crafts/villages/<int:pk>/", villages.village_detail, name="crafts-village"),
    path("crafts/villages/<int:pk>/edit/", villages.village_edit, name="crafts-village-edit"),
    path("crafts/crafts/", villages.craft_list, name="crafts-crafts"),
    path("crafts/crafts/new/", villages.craft_edit, name="crafts-craft-new"),
    path("crafts/crafts/<int:pk>/edit/", villages.craft_edit, name="crafts-craft-edit"),
    path("crafts/artisans/new/", villages.artisan_edit, name="crafts-artisan-new"),
    path("crafts/artisans/<int:pk>/edit/", villages.artisan_edit, name="crafts-artisan-edit"),
    path("crafts/marks/new/", villages.mark_edit, name="crafts-mark-new"),
    path("crafts/marks/<int:pk>/edit/", villages.mark_edit, name="crafts-mark-edit"),
    path("crafts/products/", products.product_list, name="crafts-products"),
    path("crafts/products/new/", products.product_edit, name="crafts-product-new"),
    path("crafts/products/<int:pk>/", products.product_detail, name="crafts-product"),
    path("crafts/products/<int:pk>/edit/", products.product_edit, name="crafts-product-edit"),
    path("crafts/products/<int:pk>/propose/", products.propose, name="crafts-propose"),
    path(
        "crafts/products/<int:pk>/steps/new/",
        products.trace_event_new,
        name="crafts-trace-new",
    ),
    path("crafts/ratings/<int:pk>/score/", products.score, name="crafts-score"),
    path("crafts/ratings/<int:pk>/decide/", products.decide, name="crafts-decide"),
    path("p/<slug:code>/", public.product_page, name="crafts-public"),
    path("p/<slug:code>/epcis.jsonld", public.product_epcis, name="crafts-epcis"),
]
