"""The public product page a QR code on the product points to, and its
traceability chain as EPCIS 2.0 JSON-LD. No login: what is shown here is what a
buyer may read (never a household's personal ID number)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from cnvh.crafts import epcis, workflow
from cnvh.crafts.models import ProducerKind, Product


def _product(code: str) -> Product:
    return get_object_or_404(Product.objects.select_related("ward", "village", "craft"), code=code)


@require_GET
def product_page(request: HttpRequest, code: str) -> HttpResponse:
    product = _product(code)
    today = timezone.localdate()
    rating = workflow.current_rating(product)
    context = {
        "product": product,
        "rating": rating if rating and rating.expires_on and rating.expires_on >= today else None,
        "show_tax_code": product.producer_kind != ProducerKind.HOUSEHOLD,
        "marks": product.marks.all(),
        "events": product.trace_events.all(),
        "url": request.build_absolute_uri(),
    }
    return render(request, "crafts/public_product.html", context)


@require_GET
def product_epcis(request: HttpRequest, code: str) -> HttpResponse:
    product = _product(code)
    url = request.build_absolute_uri(reverse("crafts-public", args=[product.code]))
    body = epcis.document(product, url, timezone.now())
    return JsonResponse(
        body, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False}
    )
