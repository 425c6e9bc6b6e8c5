"""An import from upload to saved data: the record, the reading and checks, the save.

The web pages, the API and `cnvh import` all go through here. A file is checked
entirely before anything is saved; the save runs in one transaction, so an import
that fails or is interrupted leaves no data. The record's status and progress are
written outside that transaction, so that a page can follow it while it runs.
"""

import hashlib
import logging
import os
import re
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from . import config, registry
from .kinds import ChecksImporter, Kind
from .models import ImportRecord
from .reading import ProblemLog, Reading, read_file
from .reading.limits import SUFFIXES
from .reading.problems import Figure
from .reading.table import collector_paused

logger = logging.getLogger(__name__)
Progress = Callable[[str, float], None]
Status = ImportRecord.Status
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


def clean_name(name: str) -> str:
    """The file's own name, without any folder, control character or excess length: it is
    shown, never used as a path."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("", base).strip() or "file"
    stem, suffix = os.path.splitext(base)
    return stem[: 255 - len(suffix[:16])] + suffix[:16]


def store(user: Any, upload: File, kind: str, sheet: str | None) -> ImportRecord:
    """Records the upload and keeps the file (under a name of ours), unless it is empty,
    too big or of a type never read, which is refused before it is stored."""
    digest, size = _digest(upload)
    name = clean_name(str(upload.name or ""))
    record = ImportRecord(
        kind=kind,
        file_name=name,
        file_size=size,
        sha256=digest,
        sheet=(sheet or "").strip()[:255],
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    problems = ProblemLog(name)
    suffix = Path(name).suffix.lower()
    limit = config.limits().max_bytes
    if suffix not in SUFFIXES:
        problems.report("wrong_type", suffix=suffix or name)
    elif size == 0:
        problems.report("empty_upload")
    elif size > limit:
        problems.report("too_big", size=Figure(size / 2**20, 1), limit=Figure(limit / 2**20, 1))
    if problems:
        _set_problems(record, problems)
        record.status = Status.INVALID
        record.finished_at = timezone.now()
        record.save()
        return record
    upload.seek(0)
    record.file.save(f"{digest[:16]}{suffix}", upload, save=False)
    record.save()
    return record


def _digest(upload: File) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def check(record: ImportRecord, progress: Progress | None = None) -> ImportRecord:
    """Reads and checks the stored file: CHECKED when clean, else INVALID."""
    kind = _kind(record)
    _update(record, status=Status.CHECKING, stage="reading", progress=0.0)
    try:
        problems = examine(record, kind, progress)[1]
    except Exception as error:
        logger.exception("import %s: the check failed", record.pk)
        problems = ProblemLog(record.file_name)
        problems.report("unreadable", detail=_first_line(error))
        _set_problems(record, problems)
        return _finish(record, Status.FAILED)
    record.status = Status.INVALID if problems else Status.CHECKED
    record.stage, record.progress = "", 1.0
    if not problems:
        record.details["checked_at"] = timezone.now().isoformat()
    else:
        record.finished_at = timezone.now()
    record.save()
    return record


def examine(
    record: ImportRecord, kind: Kind, progress: Progress | None = None
) -> tuple[Reading, ProblemLog]:
    """Reads the file and runs the kind's checks; keeps on the record how the columns
    were understood and every problem. Saves nothing else."""
    claim(record)
    problems = ProblemLog(record.file_name)
    started = time.perf_counter()
    reading = read_file(
        Path(record.file.path),
        record.file_name,
        kind.columns,
        problems,
        limits=config.limits(),
        sheet=record.sheet or None,
    )
    read = time.perf_counter()
    _step(record, progress, "checking", 0.4)
    if _complete(reading, kind):
        with collector_paused():
            kind.check(reading.rows, problems)
            if isinstance(kind, ChecksImporter):
                kind.check_importer(reading.rows, problems, record.created_by)
    checked = time.perf_counter()
    record.columns = [column.as_dict() for column in reading.columns]
    record.rows_read = len(reading.rows)
    record.details.update(reading.facts)
    timings = record.details.setdefault("seconds", {})
    timings.update(read=round(read - started, 3), check=round(checked - read, 3))
    _set_problems(record, problems)
    return reading, problems


def _complete(reading: Reading, kind: Kind) -> bool:
    """Whether the rows can be checked as the kind's: a header, and every column the
    kind requires (a file without them gets one problem per missing column, not one
    per row)."""
    required = {column.name for column in kind.columns if column.required}
    return bool(reading.rows) and required <= reading.found


def confirmable(record: ImportRecord) -> bool:
    """A checked file, or one whose save was interrupted after it had been checked."""
    if record.status == Status.CHECKED:
        return True
    return record.status == Status.FAILED and "checked_at" in record.details


def perform(record_id: int, progress: Progress | None = None) -> ImportRecord:
    """Saves a confirmed import (the task `save_import` runs this): reads and checks the
    file again, since the database may have changed since, then saves it in one
    transaction."""
    record = ImportRecord.objects.get(pk=record_id)
    if record.status != Status.SAVING:
        return record  # already done, or settled as failed
    kind = _kind(record)
    _step(record, progress, "checking", 0.05)
    reading, problems = examine(record, kind, progress)
    if problems:
        return _finish(record, Status.INVALID)
    _step(record, progress, "saving", 0.7)
    started = time.perf_counter()
    try:
        with collector_paused(), transaction.atomic():
            saved = kind.save(reading.rows, record)
    except Exception as error:
        logger.exception("import %s: the save failed", record.pk)
        discard_unsaved(record)
        failed = ProblemLog(record.file_name)
        failed.report("save_failed", detail=_first_line(error))
        _set_problems(record, failed)
        return _finish(record, Status.FAILED)
    seconds = time.perf_counter() - started
    record.details.setdefault("seconds", {})["save"] = round(seconds, 3)
    record.rows_saved = saved
    _step(record, progress, "done", 1.0)
    return _finish(record, Status.IMPORTED)


def discard_unsaved(record: ImportRecord) -> None:
    """Files a save wrote before its transaction was undone (a kind's own business)."""
    from .engine_inputs.kinds import discard_unsaved as discard_dataset

    discard_dataset(record)


def claim(record: ImportRecord) -> None:
    """Notes which process works on the record, so that one that died can be told."""
    record.details["process"] = {"host": socket.gethostname(), "pid": os.getpid()}
    ImportRecord.objects.filter(pk=record.pk).update(details=record.details)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def _kind(record: ImportRecord) -> Kind:
    found = registry.kind(record.kind)
    if found is None:
        raise ValueError(f"unknown import kind {record.kind!r}")
    return found


def _set_problems(record: ImportRecord, problems: ProblemLog) -> None:
    """The problems of the whole file first, then by row as the file runs."""
    record.problems = sorted(problems.items, key=lambda p: (p["row"] is not None, p["row"] or 0))
    record.problem_count = problems.total


def _finish(record: ImportRecord, status: str) -> ImportRecord:
    record.status = status
    record.stage = ""
    record.progress = 1.0
    record.finished_at = timezone.now()
    record.save()
    return record


def _update(record: ImportRecord, **fields: Any) -> None:
    """Writes at once (outside any transaction of the caller's making, the page sees it)."""
    for name, value in fields.items():
        setattr(record, name, value)
    ImportRecord.objects.filter(pk=record.pk).update(**fields)


def _step(record: ImportRecord, progress: Progress | None, stage: str, done: float) -> None:
    _update(record, stage=stage, progress=done)
    if progress:
        progress(stage, done)
