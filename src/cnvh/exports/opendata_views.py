"""Open data at stable addresses, for everyone: the page that lists the datasets, the
DCAT catalogue, and the files. The same for every visitor, logged in or not: only
what is published. Conditional requests (ETag, Last-Modified) get 304 Not Modified."""

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from cnvh.exports import opendata, opendata_catalog, opendata_files
from cnvh.exports.opendata_files import Served
from cnvh.presentation import page_cache

MAX_AGE = 300  # seconds a browser or proxy may reuse a file without asking


def _respond(request: HttpRequest, served: Served | None, filename: str) -> HttpResponse:
    if served is None:
        raise Http404
    response = HttpResponse(served.body, content_type=served.content_type)
    response["ETag"] = served.etag
    if served.last_modified is not None:
        response["Last-Modified"] = http_date(served.last_modified.timestamp())
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    # Open data: any web page may read it (no cookies are sent with such a request).
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    last_modified = served.last_modified.timestamp() if served.last_modified else None
    conditional = get_conditional_response(
        request,
        etag=served.etag,
        last_modified=int(last_modified) if last_modified is not None else None,
        response=response,
    )
    return conditional if conditional is not None else response


def _scope(request: HttpRequest) -> str | None:
    return request.GET.get("scope") or None


@require_safe
def estimates(request: HttpRequest, file_format: str) -> HttpResponse:
    scope = _scope(request)
    served = opendata_files.estimates_file(file_format, scope)
    name = f"cnvh-estimates-{scope}" if scope else "cnvh-estimates"
    return _respond(request, served, f"{name}.{file_format}")


@require_safe
def indicators(request: HttpRequest, file_format: str) -> HttpResponse:
    return _respond(
        request, opendata_files.indicators_file(file_format), f"cnvh-indicators.{file_format}"
    )


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    page = request.build_absolute_uri(reverse("open-data"))
    address = request.build_absolute_uri(reverse("open-data-catalogue"))

    def build() -> Served:
        found = opendata_catalog.datasets(request.build_absolute_uri)
        document = opendata_catalog.catalogue(found, page, address)
        body = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        modified = opendata.latest_change(item.modified for item in found)
        return opendata_files.served(body, opendata_files.JSON_LD, modified)

    served = opendata_files.kept(f"catalogue:{address}", build)
    return _respond(request, served, "catalog.jsonld")


@require_safe
def page(request: HttpRequest) -> HttpResponse:
    return page_cache.public_page(request, lambda extra: _page(request, extra))


def _page(request: HttpRequest, extra: dict[str, Any]) -> HttpResponse:
    found = opendata_catalog.datasets(request.build_absolute_uri)
    context = {
        "datasets": found,
        "any_estimates": any(item.version for item in found),
        "licence": opendata.licence(),
        "catalogue": reverse("open-data-catalogue"),
    }
    return render(request, "exports/opendata.html", context | extra)
