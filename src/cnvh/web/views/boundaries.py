"""Uploading the official ward boundaries (administrators), and serving them to the map."""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from cnvh.presentation import boundaries, page_cache
from cnvh.presentation.access import permission_required


class BoundaryForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("GeoJSON file"),
        help_text=gettext_lazy("A FeatureCollection of Polygon or MultiPolygon features."),
    )
    code_property = forms.CharField(
        label=gettext_lazy("Property holding the ward code"),
        initial="code",
        max_length=64,
        help_text=gettext_lazy(
            "The name of the feature property that gives the official 5-digit ward code."
        ),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("plan.upload_boundaries")
def upload(request: HttpRequest) -> HttpResponse:
    form = BoundaryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > boundaries.MAX_BYTES:
            limit = {"size": boundaries.MAX_BYTES >> 20}
            form.add_error("file", _("The file is larger than %(size)s MB.") % limit)
        else:
            try:
                saved = boundaries.save(
                    upload.read(),
                    original_name=upload.name or "",
                    code_property=form.cleaned_data["code_property"].strip(),
                    user=request.user,
                )
            except boundaries.BoundaryError as error:
                form.add_error("file", str(error))
            else:
                page_cache.invalidate()  # the overview's ward map draws them
                messages.success(
                    request,
                    _("Ward boundaries saved: %(count)s areas.") % {"count": saved.features},
                )
                return redirect("web-overview")
    context = {"form": form, "current": boundaries.current(), "max_mb": boundaries.MAX_BYTES >> 20}
    return render(request, "web/boundaries.html", context)


@require_safe
def geojson(request: HttpRequest) -> HttpResponseBase:
    """The stored boundaries, public like the overview's map they are drawn on."""
    path = boundaries.geojson_path()
    if not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), content_type="application/geo+json")
    response["Cache-Control"] = "public, max-age=86400"  # the URL changes with each upload
    return response
