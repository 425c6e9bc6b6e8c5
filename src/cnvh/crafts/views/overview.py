"""The registry's indicators, computed from its records, and the rules it applies."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.crafts import indicators
from cnvh.crafts.forms import ThresholdForm
from cnvh.crafts.models import OcopScheme, RecognitionThreshold
from cnvh.crafts.views.common import edit
from cnvh.plan.permissions import require


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    context = {"found": indicators.compute(timezone.localdate())}
    return render(request, "crafts/overview.html", context)


@require_GET
@login_required
def rules_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "crafts.view_crafts")
    context = {
        "thresholds": RecognitionThreshold.objects.all(),
        "schemes": OcopScheme.objects.prefetch_related("bands"),
        "can_edit": request.user.has_perm("crafts.change_rules"),
    }
    return render(request, "crafts/rules.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def threshold_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    threshold = get_object_or_404(RecognitionThreshold, pk=pk) if pk else None
    require(request.user, "crafts.change_rules")
    return edit(
        request,
        ThresholdForm,
        threshold,
        "crafts.change_rules",
        lambda saved: reverse("crafts-rules"),
        _("Recognition threshold"),
    )
