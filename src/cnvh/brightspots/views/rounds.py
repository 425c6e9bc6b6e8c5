"""The rounds: their list with the registry's models, a new round, and a round with
its nominations and ranking."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.brightspots import ranking, workflow
from cnvh.brightspots.forms import RoundForm
from cnvh.brightspots.models import BrightSpot, Replication, Round
from cnvh.brightspots.views import tables
from cnvh.brightspots.views.common import add_errors
from cnvh.plan.permissions import require
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    require(request.user, "brightspots.view_registry")
    spots = BrightSpot.objects.select_related("ward").order_by("name_vi", "pk")
    if file_format := requested_format(request):
        table = tables.spot_table(spots, request.user, request.build_absolute_uri())
        return table_response(table, file_format)
    context = {
        "rounds": Round.objects.select_related("rubric"),
        "spots": spots,
        "can_manage": request.user.has_perm("brightspots.manage_rounds"),
    }
    return render(request, "brightspots/index.html", context)


@require_GET
@login_required
def replication_download(request: HttpRequest) -> HttpResponse:
    """Every replication, as CSV or XLSX (?format=csv|xlsx; XLSX when not said)."""
    require(request.user, "brightspots.view_registry")
    replications = Replication.objects.select_related("spot__ward", "target").order_by(
        "spot__name_vi", "started_on", "pk"
    )
    table = tables.replication_table(replications, request.build_absolute_uri())
    return table_response(table, requested_format(request) or "xlsx")


@require_http_methods(["GET", "POST"])
@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    require(request.user, "brightspots.manage_rounds")
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = workflow.make_round(
                request.user, form.save(commit=False), form.cleaned_data["council"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The round is saved."))
            return redirect("brightspots-round", made.pk)
    return render(request, "brightspots/round_form.html", {"form": form})


@require_GET
@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "brightspots.view_registry")
    round_ = get_object_or_404(Round.objects.select_related("rubric"), pk=pk)
    user = request.user
    nominations = [
        nomination
        for nomination in round_.nominations.select_related("spot", "agency")
        if user.has_perm("brightspots.view_nomination", nomination)
    ]
    context = {
        "round": round_,
        "criteria": round_.rubric.criteria.order_by("position"),
        "council": round_.seats.select_related("member").order_by("member__username"),
        "nominations": nominations,
        "ranking": ranking.ranking(round_),
        "can_nominate": round_.is_open() and user.has_perm("brightspots.nominate", round_),
        "can_manage": user.has_perm("brightspots.manage_rounds"),
    }
    return render(request, "brightspots/round_detail.html", context)
