"""The tasks `cnvh worker` runs for imports and for estimates from datasets. Their
arguments are ids: the records hold everything else, and the progress a page shows."""

from typing import Any

from django.tasks import task

from . import estimating, importing
from .models import ImportRecord


@task
def check_import(record_id: int) -> dict[str, Any]:
    record = ImportRecord.objects.get(pk=record_id)
    if record.status == ImportRecord.Status.CHECKING:
        record = importing.check(record)
    return {"import": record.pk, "status": record.status, "problems": record.problem_count}


@task
def save_import(record_id: int) -> dict[str, Any]:
    record = importing.perform(record_id)
    return {"import": record.pk, "status": record.status, "rows_saved": record.rows_saved}


@task
def estimate_from_datasets(run_id: int) -> dict[str, Any]:
    run = estimating.perform(run_id)
    return {"run": run.pk, "status": run.status, "estimate": run.estimate_id}
