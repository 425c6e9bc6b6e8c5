"""Start an estimate from imported datasets, and follow it until it is stored."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_safe
from django_htmx.http import HttpResponseClientRefresh

from cnvh import language
from cnvh.presentation.access import permission_required

from .. import display, service
from ..estimating import ROLES
from ..forms import EstimateForm
from ..models import EstimateRun
from ..recovery import settle_run

PERMISSION = "estimates.run_estimate"


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required(PERMISSION)
def run_new(request: HttpRequest) -> HttpResponse:
    form = EstimateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = service.start_estimate(request.user, **form.request())
        except service.EstimateRequestError as error:
            form.add_error(None, language.message(error))
        else:
            return redirect("exchange-run", pk=run.pk)
    recent = EstimateRun.objects.select_related("estimate", "created_by")[:20]
    return render(request, "exchange/run_new.html", {"form": form, "recent": recent})


@require_safe
@permission_required(PERMISSION)
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = settle_run(get_object_or_404(EstimateRun, pk=pk))
    datasets = [
        (ROLES[role], dataset, dataset.import_record) for role, dataset in run.datasets().items()
    ]
    context = {
        "run": run,
        "datasets": datasets,
        "problems": display.problem_rows(run.problems),
    }
    return render(request, "exchange/run_detail.html", context)


@require_safe
@permission_required(PERMISSION)
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    run = settle_run(get_object_or_404(EstimateRun, pk=pk))
    if run.finished:
        if request.headers.get("HX-Request"):
            return HttpResponseClientRefresh()
        return redirect("exchange-run", pk=run.pk)
    return render(request, "exchange/_run_progress.html", {"run": run})
