"""Imports and estimate runs whose process died: marked failed, so they can be run again.

A save runs in one transaction, which the database undoes when the process dies; the
record, written outside it, would still say "saving". It is settled here when someone
looks at it: failed if its task failed (`cnvh worker` marks failed the tasks of dead
workers, cnvh.ops.recovery), or if the process that ran it inline is gone. A file the
save wrote before it died is removed. The person confirms again, and it runs again.
"""

import os
import socket
from typing import Any

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .importing import discard_unsaved
from .models import EstimateRun, ImportRecord
from .reading import ProblemLog

_ENDED = {"FAILED", "SUCCESSFUL"}


def settle(record: ImportRecord) -> ImportRecord:
    """Marks failed an import whose check or save was interrupted."""
    if not record.in_progress or not _stopped(record.task_id, record.details.get("process")):
        return record
    if not ImportRecord.objects.filter(pk=record.pk, status=record.status).exists():
        record.refresh_from_db()  # it moved on meanwhile
        return record
    discard_unsaved(record)
    problems = ProblemLog(record.file_name)
    problems.report("worker_lost")
    record.status = ImportRecord.Status.FAILED
    record.problems, record.problem_count = problems.items, problems.total
    record.stage, record.finished_at = "", timezone.now()
    record.save()
    return record


def settle_run(run: EstimateRun) -> EstimateRun:
    if run.finished or not _stopped(run.task_id, run.process):
        return run
    problems = ProblemLog("")
    problems.report("worker_lost")
    run.status, run.problems = EstimateRun.Status.FAILED, problems.items
    run.stage, run.finished_at = "", timezone.now()
    run.save()
    return run


def settle_all() -> int:
    """Settles every import and run still in progress; returns how many failed."""
    failed = 0
    for record in ImportRecord.objects.filter(
        status__in=[ImportRecord.Status.CHECKING, ImportRecord.Status.SAVING]
    ):
        failed += settle(record).status == ImportRecord.Status.FAILED
    for run in EstimateRun.objects.filter(
        status__in=[EstimateRun.Status.QUEUED, EstimateRun.Status.RUNNING]
    ):
        failed += settle_run(run).status == EstimateRun.Status.FAILED
    return failed


def _stopped(task_id: str, process: Any) -> bool:
    """Its task ended without it (failed, or done while it still says it runs), or the
    process that ran it here is gone."""
    if task_id:
        status = DBTaskResult.objects.filter(pk=task_id).values_list("status", flat=True).first()
        return status in _ENDED
    if not isinstance(process, dict) or process.get("host") != socket.gethostname():
        return False  # queued, or run on another machine: nothing to tell
    return not _alive(int(process.get("pid", 0)))


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
