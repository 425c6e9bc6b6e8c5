"""Start an estimate from imported datasets, and follow it until it is stored
(`cnvh.exchange.service.start_estimate`, as the page that starts one)."""

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from cnvh import language
from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS, ApiError
from cnvh.api.fields import MAX_ID, Code, IdInPath, Text
from cnvh.api.imports import ProblemOut, problem_out
from cnvh.exchange import service
from cnvh.exchange.models import EstimateRun
from cnvh.exchange.recovery import settle_run
from cnvh.plan.permissions import require

router = Router(tags=["imports"], auth=auth.member)
PERMISSION = "estimates.run_estimate"
DatasetId = int | None


class EstimateIn(Schema):
    scope: Code | None = Field(None, description="A shipped scope's key, e.g. 'hanoi-plan'.")
    scope_dataset_id: DatasetId = Field(None, ge=1, le=MAX_ID, description="Or an imported scope.")
    totals_dataset_id: int = Field(ge=1, le=MAX_ID)
    units_dataset_id: DatasetId = Field(None, ge=1, le=MAX_ID)
    aggregates_dataset_id: DatasetId = Field(None, ge=1, le=MAX_ID)
    area_crosswalk_dataset_id: DatasetId = Field(None, ge=1, le=MAX_ID)
    code_crosswalk_dataset_id: DatasetId = Field(None, ge=1, le=MAX_ID)
    by: list[Literal["sector", "area"]] = Field(["sector"], min_length=1, max_length=2)
    label: Text = Field("", max_length=255)
    synthetic: bool = Field(False, description="The data is synthetic, not official.")


class RunOut(Schema):
    id: int
    status: Literal["queued", "running", "done", "invalid", "failed"]
    scope: str | None
    scope_dataset_id: int | None
    datasets: dict[str, int] = Field(description="Role (units, totals, ...) → dataset id.")
    by: list[str]
    label: str
    synthetic: bool
    progress: float
    stage: str
    problems: list[ProblemOut]
    estimate_id: int | None = Field(description="The stored estimate, once done.")
    estimate_revision: int | None
    created_by: str | None
    created_at: datetime
    finished_at: datetime | None


def run_out(run: EstimateRun) -> dict[str, Any]:
    estimate = run.estimate
    return {
        "id": run.pk,
        "status": run.status,
        "scope": run.scope_key or None,
        "scope_dataset_id": run.scope_dataset_id,
        "datasets": {role: dataset.pk for role, dataset in run.datasets().items()},
        "by": list(run.by),
        "label": run.label,
        "synthetic": run.synthetic,
        "progress": run.progress,
        "stage": run.stage,
        "problems": [problem_out(problem) for problem in run.problems],
        "estimate_id": estimate.pk if estimate else None,
        "estimate_revision": estimate.revision if estimate else None,
        "created_by": run.created_by.get_username() if run.created_by else None,
        "created_at": run.created_at,
        "finished_at": run.finished_at,
    }


@router.post(
    "/estimate-runs",
    response={201: RunOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="startEstimate",
    summary="Estimate a scope from imported datasets (queued for a task worker)",
)
def start_estimate(request: HttpRequest, payload: EstimateIn) -> Status[dict[str, Any]]:
    require(caller(request), PERMISSION)
    try:
        run = service.start_estimate(
            request.auth,  # type: ignore[attr-defined]
            payload.scope or "",
            scope_dataset_id=payload.scope_dataset_id,
            totals_dataset_id=payload.totals_dataset_id,
            units_dataset_id=payload.units_dataset_id,
            aggregates_dataset_id=payload.aggregates_dataset_id,
            area_crosswalk_dataset_id=payload.area_crosswalk_dataset_id,
            code_crosswalk_dataset_id=payload.code_crosswalk_dataset_id,
            by=payload.by,
            label=payload.label,
            synthetic=payload.synthetic,
        )
    except service.EstimateRequestError as error:
        problem = ApiError(422, "cannot_estimate", error.message_en)
        problem.message = language.messages(error)
        raise problem from None
    return Status(201, run_out(_run(run.pk)))


def _run(run_id: int) -> EstimateRun:
    found = EstimateRun.objects.select_related(
        "estimate", "created_by", "scope_dataset", "units", "aggregates", "totals"
    )
    return settle_run(get_object_or_404(found, pk=run_id))


@router.get(
    "/estimate-runs/{run_id}",
    response={200: RunOut, **ERRORS},
    operation_id="getEstimateRun",
    summary="An estimate run: its status, progress, problems and the estimate it made",
)
def get_estimate_run(request: HttpRequest, run_id: IdInPath) -> dict[str, Any]:
    require(caller(request), PERMISSION)
    return run_out(_run(run_id))
