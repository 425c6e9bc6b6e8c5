"""Estimates from imported datasets: the engine reads their canonical files, and the
stored estimate's provenance names each dataset and the import it came from."""

import logging
import os
import socket
import time
from collections.abc import Sequence
from typing import Any

from django.db.models import Model
from django.utils import timezone

from cnvh.estimates import runner
from cnvh.stats import EstimateOptions, InputError, shipped_scopes
from cnvh.stats.options import BY_CHOICES

from .engine_inputs.checks import entry
from .models import Dataset, EstimateRun
from .reading import ProblemLog

logger = logging.getLogger(__name__)
Status = EstimateRun.Status
PROGRESS_EVERY = 0.25  # seconds between two progress writes
ROLES = {
    "scope_dataset": "scope",
    "units": "units",
    "aggregates": "aggregates",
    "totals": "totals",
    "area_crosswalk": "area_crosswalk",
    "code_crosswalk": "code_crosswalk",
}


class EstimateRequestError(ValueError):
    """What was asked cannot be estimated; says why in Vietnamese and English."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en


def prepare(
    user: Any,
    scope_key: str,
    datasets: dict[str, int | None],
    by: Sequence[str],
    label: str,
    synthetic: bool,
) -> EstimateRun:
    """Checks the request and records it (QUEUED). `datasets`: role -> dataset id."""
    found = {role: _dataset(role, pk) for role, pk in datasets.items() if pk}
    if ("units" in found) == ("aggregates" in found):
        raise EstimateRequestError(
            "Chọn đúng một tập dữ liệu: theo đơn vị hoặc tổng hợp theo mã ngành",
            "Choose exactly one data set: unit-level or code-level aggregates",
        )
    if "totals" not in found:
        raise EstimateRequestError("Chọn tập số liệu tổng (GRDP)", "Choose the totals (GRDP)")
    if "scope_dataset" not in found and scope_key not in shipped_scopes():
        raise EstimateRequestError(
            f"Không có phạm vi '{scope_key}'", f"There is no scope '{scope_key}'"
        )
    unknown = [part for part in by if part not in BY_CHOICES]
    if unknown or not by:
        raise EstimateRequestError(
            "Tính theo sector, area hoặc cả hai", "Break down by sector, area or both"
        )
    return EstimateRun.objects.create(
        scope_key="" if "scope_dataset" in found else scope_key,
        by=[part for part in BY_CHOICES if part in by],
        label=label[:255],
        synthetic=synthetic,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        **found,
    )


def _dataset(role: str, pk: int) -> Dataset:
    dataset = Dataset.objects.filter(pk=pk, kind=ROLES[role]).first()
    if dataset is None:
        raise EstimateRequestError(
            f"Không có tập dữ liệu số {pk} loại {ROLES[role]}",
            f"There is no dataset {pk} of kind {ROLES[role]}",
        )
    return dataset


def perform(run_id: int) -> EstimateRun:
    """Runs the engine on the run's datasets and stores the estimate (the task
    `estimate_from_datasets` runs this)."""
    run = EstimateRun.objects.get(pk=run_id)
    if run.status != Status.QUEUED:
        return run
    process = {"host": socket.gethostname(), "pid": os.getpid()}
    _update(run, status=Status.RUNNING, stage="open files", progress=0.0, process=process)
    try:
        result = runner.compute(engine_inputs(run), progress=_follower(run))
    except InputError as error:
        run.problems = [entry(problem) for problem in error.problems]
        return _finish(run, Status.INVALID)
    except Exception as error:
        logger.exception("estimate run %s failed", run.pk)
        return _failed(run, error)
    provenance = {"datasets": datasets_provenance(run), "estimate_run": run.pk}
    _update(run, stage="saving", progress=0.97)
    try:
        run.estimate = runner.store(
            result, label=run.label, synthetic=run.synthetic, provenance=provenance
        )
    except Exception as error:
        logger.exception("estimate run %s: the save failed", run.pk)
        return _failed(run, error)
    return _finish(run, Status.DONE)


def engine_inputs(run: EstimateRun) -> runner.EngineInputs:
    """The run's datasets as the engine reads them: their canonical files."""
    options = EstimateOptions(
        by=tuple(run.by),
        area_crosswalk=run.area_crosswalk.path if run.area_crosswalk else None,
        code_crosswalk=run.code_crosswalk.path if run.code_crosswalk else None,
    )
    return runner.EngineInputs(
        run.scope_dataset.path if run.scope_dataset is not None else run.scope_key,
        totals=run.totals.path,
        units=run.units.path if run.units else None,
        aggregates=run.aggregates.path if run.aggregates else None,
        options=options,
    )


def datasets_provenance(run: EstimateRun) -> list[dict[str, Any]]:
    """Each dataset the estimate read, with the import it came from: file, checksum,
    who and when."""
    found = []
    for role, dataset in run.datasets().items():
        record = dataset.import_record
        who = record.created_by
        found.append(
            {
                "role": ROLES[role],
                "dataset": dataset.pk,
                "dataset_checksum": dataset.checksum,
                "rows": dataset.rows,
                "import": record.pk,
                "file": record.file_name,
                "file_sha256": record.sha256,
                "imported_by": who.get_username() if who else "",
                "imported_at": record.finished_at.isoformat() if record.finished_at else "",
            }
        )
    return found


def _follower(run: EstimateRun) -> Any:
    """The engine's progress, written on the run at most every PROGRESS_EVERY seconds."""
    last = [0.0]

    def follow(stage: str, done: float) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            _update(run, stage=stage[:64], progress=min(done, 0.95))

    return follow


def _failed(run: EstimateRun, error: Exception) -> EstimateRun:
    problems = ProblemLog("")
    detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
    problems.report("save_failed", detail=detail)
    run.problems = problems.items
    return _finish(run, Status.FAILED)


def _finish(run: EstimateRun, status: str) -> EstimateRun:
    run.status = status
    run.stage = ""
    run.progress = 1.0
    run.finished_at = timezone.now()
    run.save()
    return run


def _update(model: Model, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(model, name, value)
    type(model)._default_manager.filter(pk=model.pk).update(**fields)
