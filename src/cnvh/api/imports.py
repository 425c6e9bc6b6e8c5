"""Imports and estimates from imported data, through `cnvh.exchange.service`: the same
calls as the import pages, so the same checks, permissions and records.

Upload a file (it is read and checked, nothing saved), read how it was understood and
what is wrong with it, confirm it (saved in one transaction), then estimate from the
datasets imported.
"""

from datetime import datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS, ApiError
from cnvh.api.fields import Code, IdInPath, SheetName
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.exchange import registry, service
from cnvh.exchange.importing import confirmable
from cnvh.exchange.models import Dataset, ImportRecord
from cnvh.exchange.recovery import settle
from cnvh.plan.permissions import require

router = Router(tags=["imports"], auth=auth.member)
IMPORTS = "exchange.import_data"  # the import pages' permission

UNKNOWN_KIND = _("There is no kind of import '%(kind)s'. The kinds you may import: %(known)s.")
NOT_CONFIRMABLE = _(
    "This import is %(state)s, not waiting for confirmation: only a checked file without "
    "problems can be saved. Upload the corrected file as a new import."
)


class Bilingual(Schema):
    vi: str
    en: str


class ColumnOut(Schema):
    position: int
    header: str = Field(description="As written in the file.")
    name: str | None = Field(description="What cnvh read it as; null: ignored.")
    type: str
    title_vi: str
    title_en: str
    unit: str | None
    examples: list[str]
    notes: list[Bilingual]


class ProblemOut(Schema):
    file: str
    sheet: str
    row: int | None
    column: str | None
    header: str | None = Field(description="The column's header as written in the file.")
    what: Bilingual
    fix: Bilingual


class ImportOut(Schema):
    id: int
    kind: str
    status: Literal["uploaded", "checking", "checked", "invalid", "saving", "imported", "failed"]
    file_name: str
    file_size: int = Field(description="Bytes.")
    sha256: str
    sheet: str
    rows_read: int
    rows_saved: int
    progress: float = Field(description="0 to 1, while it is read or saved.")
    stage: str
    created_by: str | None
    created_at: datetime
    finished_at: datetime | None
    confirmable: bool = Field(description="Checked without problems: confirm saves it.")
    dataset_id: int | None = Field(description="For the engine's inputs, once imported.")
    columns: list[ColumnOut]
    problems: list[ProblemOut] = Field(description="The first problems found.")
    problem_count: int = Field(description="Every problem found, listed or not.")


class ImportPage(PageMeta):
    items: list[ImportOut]


class KindOut(Schema):
    key: str
    title_vi: str
    title_en: str
    columns: list[dict[str, Any]]


def import_out(record: ImportRecord, dataset_id: int | None = None) -> dict[str, Any]:
    return {
        "id": record.pk,
        "kind": record.kind,
        "status": record.status,
        "file_name": record.file_name,
        "file_size": record.file_size,
        "sha256": record.sha256,
        "sheet": record.sheet,
        "rows_read": record.rows_read,
        "rows_saved": record.rows_saved,
        "progress": record.progress,
        "stage": record.stage,
        "created_by": record.created_by.get_username() if record.created_by else None,
        "created_at": record.created_at,
        "finished_at": record.finished_at,
        "confirmable": confirmable(record),
        "dataset_id": dataset_id,
        "columns": [_column(column) for column in record.columns],
        "problems": [problem_out(problem) for problem in record.problems],
        "problem_count": max(record.problem_count, len(record.problems)),
    }


def _column(column: dict[str, Any]) -> dict[str, Any]:
    return {
        **{key: column.get(key) for key in ("position", "header", "name", "type", "unit")},
        "title_vi": column.get("title_vi") or "",
        "title_en": column.get("title_en") or "",
        "examples": [str(example) for example in column.get("examples") or []],
        "notes": [{"vi": vi, "en": en} for vi, en in column.get("notes") or []],
        "type": column.get("type") or "",
        "header": column.get("header") or "",
    }


def problem_out(problem: dict[str, Any]) -> dict[str, Any]:
    return {
        "file": problem.get("file") or "",
        "sheet": problem.get("sheet") or "",
        "row": problem.get("row"),
        "column": problem.get("column"),
        "header": problem.get("header"),
        "what": {"vi": problem.get("what_vi", ""), "en": problem.get("what_en", "")},
        "fix": {"vi": problem.get("fix_vi", ""), "en": problem.get("fix_en", "")},
    }


def _dataset_id(record: ImportRecord) -> int | None:
    return Dataset.objects.filter(import_record=record).values_list("pk", flat=True).first()


def _allowed_kinds(request: HttpRequest) -> list[str]:
    return [kind.key for kind in registry.allowed(request.auth)]  # type: ignore[attr-defined]


def find_import(request: HttpRequest, import_id: int) -> ImportRecord:
    """The import, if the caller may import its kind and this import of it (as on the
    import pages)."""
    require(caller(request), IMPORTS)
    record = get_object_or_404(ImportRecord.objects.select_related("created_by"), pk=import_id)
    kind = registry.kind(record.kind)
    if kind is None or not request.auth.has_perm(kind.permission, record):  # type: ignore[attr-defined]
        raise PermissionDenied(record.kind)
    return settle(record)


@router.get(
    "/import-kinds",
    response={200: list[KindOut], **ERRORS},
    operation_id="listImportKinds",
    summary="What you may import, and the columns each kind reads",
)
def list_import_kinds(request: HttpRequest) -> list[dict[str, Any]]:
    require(caller(request), IMPORTS)
    return [
        {
            "key": kind.key,
            "title_vi": kind.title_vi,
            "title_en": kind.title_en,
            "columns": [
                {
                    "name": column.name,
                    "type": column.type,
                    "required": column.required,
                    "title_vi": column.title_vi,
                    "title_en": column.title_en,
                    "headers": list(column.aliases),
                }
                for column in kind.columns
            ],
        }
        for kind in registry.allowed(request.auth)  # type: ignore[attr-defined]
    ]


@router.get(
    "/imports",
    response={200: ImportPage, **ERRORS},
    operation_id="listImports",
    summary="Imports of the kinds you may import, the latest first",
)
def list_imports(request: HttpRequest, paging: Query[PageQuery]) -> dict[str, Any]:
    require(caller(request), IMPORTS)
    records: QuerySet[ImportRecord] = ImportRecord.objects.filter(
        kind__in=_allowed_kinds(request)
    ).select_related("created_by")
    total, found = page(ordered(records, "-created_at"), paging)
    datasets = dict(
        Dataset.objects.filter(import_record__in=found).values_list("import_record_id", "pk")
    )
    return {
        **meta(total, paging),
        "items": [import_out(record, datasets.get(record.pk)) for record in found],
    }


@router.post(
    "/imports",
    response={201: ImportOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="uploadImport",
    summary="Upload a file: it is read and checked, and nothing is saved yet",
)
def upload_import(
    request: HttpRequest,
    file: File[UploadedFile],
    kind: Form[Code],
    sheet: Form[SheetName | None] = None,
) -> Status[dict[str, Any]]:
    require(caller(request), IMPORTS)
    if registry.kind(kind) is None:
        known = ", ".join(_allowed_kinds(request)) or "-"
        raise ApiError(422, "unknown_kind", UNKNOWN_KIND, field="kind", kind=kind, known=known)
    record = service.start_import(request.auth, file, kind, sheet or None)  # type: ignore[attr-defined]
    return Status(201, import_out(record))


@router.get(
    "/imports/{import_id}",
    response={200: ImportOut, **ERRORS},
    operation_id="getImport",
    summary="An import: its status, the columns understood and the problems found",
)
def get_import(request: HttpRequest, import_id: IdInPath) -> dict[str, Any]:
    record = find_import(request, import_id)
    return import_out(record, _dataset_id(record))


@router.post(
    "/imports/{import_id}/confirm",
    response={200: ImportOut, 202: ImportOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="confirmImport",
    summary="Save a checked import (202 while a task worker saves it)",
)
def confirm_import(request: HttpRequest, import_id: IdInPath) -> Status[dict[str, Any]]:
    record = find_import(request, import_id)
    try:
        with translation.override("en"):
            record = service.confirm_import(request.auth, record)  # type: ignore[attr-defined]
    except service.ImportStateError:
        raise ApiError(409, "not_confirmable", NOT_CONFIRMABLE, state=record.status) from None
    status = 202 if record.in_progress else 200
    return Status(status, import_out(record, _dataset_id(record)))
