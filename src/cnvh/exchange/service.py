"""What the web pages, the REST API and `cnvh import` call to import files and to
estimate from what was imported. One code path for all of them.

    record = start_import(user, uploaded_file, "units")      # CHECKED or INVALID
    record = confirm_import(user, record)                     # IMPORTED (or SAVING, queued)
    run = start_estimate(user, "hanoi-plan", units_dataset_id=..., totals_dataset_id=...)

`user` may be None for a trusted caller (the server's own command line): its
permissions are then not asked. A background task runs the save and the estimate when
a task worker serves the queue; with CNVH_TASKS_INLINE (the demo) they run at once.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files import File

from . import config, estimating, importing, registry
from .estimating import EstimateRequestError
from .models import EstimateRun, ImportRecord

Progress = Callable[[str, float], None]

__all__ = [
    "EstimateRequestError",
    "ImportStateError",
    "UnknownKind",
    "confirm_import",
    "start_estimate",
    "start_import",
]


class UnknownKind(ValueError):
    """No import kind has this key."""


class ImportStateError(ValueError):
    """The import is not waiting for confirmation (not checked, or has problems)."""


def start_import(
    user: Any,
    uploaded_file: File,
    kind_key: str,
    sheet: str | None = None,
    progress: Progress | None = None,
    *,
    background: bool = False,
) -> ImportRecord:
    """Stores the file, reads and checks it, and stops: the record is CHECKED (nothing
    wrong; `confirm_import` saves it) or INVALID (its `problems` say what to fix).

    With `background`, a large file is checked by a task worker where one serves the
    queue (the record is CHECKING until then), so that no web request waits on it."""
    from .jobs import check_import

    kind = registry.kind(kind_key)
    if kind is None:
        raise UnknownKind(kind_key)
    _require(user, kind.permission)
    record = importing.store(user, uploaded_file, kind_key, sheet)
    if record.status == ImportRecord.Status.INVALID:
        return record
    if not background or config.tasks_inline():
        return importing.check(record, progress)
    record.status, record.stage = ImportRecord.Status.CHECKING, "queued"
    record.save(update_fields=["status", "stage"])
    queued = check_import.enqueue(record.pk)
    ImportRecord.objects.filter(pk=record.pk).update(task_id=str(queued.id))
    record.refresh_from_db()
    return record


def confirm_import(
    user: Any,
    record: ImportRecord,
    *,
    background: bool | None = None,
    progress: Progress | None = None,
) -> ImportRecord:
    """Saves a checked import, in one transaction: IMPORTED, or INVALID if the data no
    longer passes its checks, or FAILED (nothing saved). Queued as a background task
    (status SAVING until a worker has run it) unless `background` is False or tasks run
    inline."""
    from .jobs import save_import
    from .recovery import settle

    kind = registry.kind(record.kind)
    if kind is None:
        raise UnknownKind(record.kind)
    _require(user, kind.permission)
    settle(record)
    if not importing.confirmable(record):
        raise ImportStateError(f"import {record.pk} is {record.status}")
    record.status = ImportRecord.Status.SAVING
    record.stage, record.progress, record.task_id = "queued", 0.0, ""
    record.save(update_fields=["status", "stage", "progress", "task_id"])
    if background is False or (background is None and config.tasks_inline()):
        return importing.perform(record.pk, progress)
    queued = save_import.enqueue(record.pk)
    ImportRecord.objects.filter(pk=record.pk).update(task_id=str(queued.id))
    record.refresh_from_db()
    return record


def start_estimate(
    user: Any,
    scope_key: str,
    *,
    totals_dataset_id: int,
    units_dataset_id: int | None = None,
    aggregates_dataset_id: int | None = None,
    area_crosswalk_dataset_id: int | None = None,
    code_crosswalk_dataset_id: int | None = None,
    scope_dataset_id: int | None = None,
    by: Sequence[str] = ("sector",),
    label: str = "",
    synthetic: bool = False,
    background: bool | None = None,
) -> EstimateRun:
    """Estimates `scope_key` (a shipped scope; or the imported scope `scope_dataset_id`)
    from datasets: units or aggregates, totals, optional crosswalks. Returns the run,
    DONE with its `estimate` when it ran inline, else QUEUED for a task worker. Raises
    EstimateRequestError when what is asked cannot be estimated."""
    from .jobs import estimate_from_datasets

    _require(user, "estimates.run_estimate")
    run = estimating.prepare(
        user,
        scope_key,
        {
            "units": units_dataset_id,
            "aggregates": aggregates_dataset_id,
            "totals": totals_dataset_id,
            "area_crosswalk": area_crosswalk_dataset_id,
            "code_crosswalk": code_crosswalk_dataset_id,
            "scope_dataset": scope_dataset_id,
        },
        by,
        label,
        synthetic,
    )
    if background is False or (background is None and config.tasks_inline()):
        return estimating.perform(run.pk)
    queued = estimate_from_datasets.enqueue(run.pk)
    EstimateRun.objects.filter(pk=run.pk).update(task_id=str(queued.id))
    run.refresh_from_db()
    return run


def _require(user: Any, permission: str) -> None:
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(permission)
