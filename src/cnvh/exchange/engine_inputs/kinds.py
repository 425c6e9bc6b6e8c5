"""The engine's inputs as import kinds: each is saved as a dataset, an immutable
canonical Parquet file the engine reads directly."""

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from cnvh.stats.checked import CheckedFiles
from cnvh.stats.columns import MONEY, plain
from cnvh.stats.money import DEFAULT_UNIT, canonical_unit

from ..kinds import Column, Problems, Row
from ..models import Dataset, ImportRecord
from . import canonical, checks
from .columns import role_columns

PERMISSION = "exchange.import_engine_inputs"
DATASETS_DIR = "datasets"


@dataclass
class EngineKind:
    """One of the engine's inputs (`cnvh.stats.columns.ROLES`)."""

    key: str
    title_vi: str
    title_en: str
    columns: tuple[Column, ...]
    permission: str = PERMISSION

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        checks.check(self.key, rows, self.columns, problems)

    def save(self, rows: Sequence[Row], record: ImportRecord) -> int:
        """Writes the canonical file, then the dataset that points to it. The file is
        named after the import, so a save that never commits leaves a file no dataset
        points to, which the import's recovery removes (cnvh.exchange.recovery)."""
        relative = Path(DATASETS_DIR) / str(record.pk) / f"{self._file_stem(record)}.parquet"
        written = canonical.write(rows, self.columns, Path(settings.MEDIA_ROOT) / relative)
        Dataset.objects.create(
            kind=self.key,
            import_record=record,
            file=str(relative),
            # Recorded as checked: an estimate on the file, unchanged, neither hashes
            # it again nor checks again each unit once a year (the import just did).
            checksum=CheckedFiles(settings.CHECKED_FILES_DIR).imported(
                written.path, units_once_a_year=self.key == "units"
            ),
            rows=written.rows,
            years=_years(rows),
            unit=self._unit(rows),
            columns=written.types,
        )
        return written.rows

    def _file_stem(self, record: ImportRecord) -> str:
        """A scope read from a file is named after the file (the engine's rule), so an
        imported scope's estimates are kept under a key of its own, never a shipped
        scope's: "import-12-pham-vi-cnvh"."""
        if self.key != "scope":
            return self.key
        stem = plain(Path(record.file_name).stem).replace("_", "-")[:40].strip("-")
        return f"import-{record.pk}-{stem}" if stem else f"import-{record.pk}"

    @property
    def has_money(self) -> bool:
        return any(column.name in MONEY for column in self.columns)

    def _unit(self, rows: Sequence[Row]) -> str:
        """The unit the file states (checked to be one by the engine), else the
        engine's default, which is what an estimate will assume."""
        if not self.has_money:
            return ""
        stated = next((row.values["unit"] for row in rows if row.values.get("unit")), None)
        return canonical_unit(str(stated)) if stated else DEFAULT_UNIT


def discard_unsaved(record: ImportRecord) -> None:
    """Removes the canonical file of a save that never committed; a dataset's file is
    never removed."""
    if Dataset.objects.filter(import_record=record).exists():
        return
    shutil.rmtree(Path(settings.MEDIA_ROOT) / DATASETS_DIR / str(record.pk), ignore_errors=True)


def _years(rows: Sequence[Row]) -> list[int]:
    return sorted({year for row in rows if isinstance(year := row.values.get("year"), int)})


ENGINE_KINDS: tuple[EngineKind, ...] = (
    EngineKind(
        "units",
        "Dữ liệu theo đơn vị (doanh nghiệp, cơ sở)",
        "Unit-level data (businesses, establishments)",
        role_columns("units"),
    ),
    EngineKind(
        "aggregates",
        "Số liệu tổng hợp theo mã ngành",
        "Code-level aggregates",
        role_columns("aggregates"),
    ),
    EngineKind(
        "totals",
        "Tổng của nền kinh tế (GRDP, lao động)",
        "Economy totals (GRDP, employment)",
        role_columns("totals"),
    ),
    EngineKind(
        "scope",
        "Phạm vi: định nghĩa công nghiệp văn hóa",
        "Scope: a definition of the cultural industries",
        role_columns("scope"),
    ),
    EngineKind(
        "area_crosswalk",
        "Bảng chuyển đổi địa bàn cũ sang mới",
        "Area crosswalk (old areas to new)",
        role_columns("area_crosswalk"),
    ),
    EngineKind(
        "code_crosswalk",
        "Bảng chuyển đổi mã ngành giữa hai hệ thống",
        "Industry code crosswalk",
        role_columns("code_crosswalk"),
    ),
)
