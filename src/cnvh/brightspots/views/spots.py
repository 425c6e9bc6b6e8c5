"""A model's page: its host, results, decisions, follow-ups and where it was taken
up; and the forms that add a replication or a follow-up decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.brightspots import workflow
from cnvh.brightspots.forms import FollowUpForm, ReplicationForm
from cnvh.brightspots.models import BrightSpot, Decision
from cnvh.brightspots.views.common import add_errors
from cnvh.plan.permissions import require


@require_GET
@login_required
def spot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "brightspots.view_registry")
    spot = get_object_or_404(
        BrightSpot.objects.select_related("ward", "host_agency", "task"), pk=pk
    )
    user = request.user
    nominations = [
        nomination
        for nomination in spot.nominations.select_related("round", "agency").order_by(
            "submitted_at"
        )
        if user.has_perm("brightspots.view_nomination", nomination)
    ]
    context = {
        "spot": spot,
        "results": spot.results.all(),
        "nominations": nominations,
        "decisions": Decision.objects.filter(nomination__spot=spot).select_related(
            "nomination__round"
        ),
        "follow_ups": spot.follow_ups.all(),
        "replications": spot.replications.select_related("target"),
        "recognised": spot.status == BrightSpot.Status.RECOGNISED,
        "can_manage": user.has_perm("brightspots.manage_rounds"),
        "can_replicate": user.has_perm("brightspots.record_replication"),
    }
    return render(request, "brightspots/spot.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def replication_new(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "brightspots.record_replication")
    spot = get_object_or_404(BrightSpot, pk=pk)
    form = ReplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.record_replication(spot, request.user, form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The replication is recorded."))
            return redirect("brightspots-model", spot.pk)
    title = _("Where the model was taken up")
    context = {"spot": spot, "form": form, "title": title}
    return render(request, "brightspots/spot_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def follow_up_new(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "brightspots.manage_rounds")
    spot = get_object_or_404(BrightSpot, pk=pk)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.follow_up(spot, request.user, form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("brightspots-model", spot.pk)
    title = _("Re-assess, extend or revoke the recognition")
    context = {"spot": spot, "form": form, "title": title}
    return render(request, "brightspots/spot_form.html", context)
