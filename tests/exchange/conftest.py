"""Fixtures of the import tests: people, uploads, and counts of everything an import
could have saved."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.exchange import service
from cnvh.exchange.models import Dataset, EstimateRun, ImportRecord
from cnvh.plan.models import Agency, Role, Task
from tests import factories

# A real browser for test_browser.py; sites of their own (a folder and a database) for
# the tests that run `cnvh` processes.
from tests.browser.conftest import browser, new_page  # noqa: F401
from tests.ops.conftest import (  # noqa: F401
    make_database,
    make_migrated_database,
    make_site,
    migrated_database,
)


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    """Each test its own MEDIA_ROOT and record of checked files, and tasks run where
    they are started unless a test says otherwise."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CHECKED_FILES_DIR = tmp_path / "checked-files"
    settings.CNVH_TASKS_INLINE = True
    return tmp_path / "media"


@pytest.fixture
def statistician(db: None) -> Any:
    return factories.user(Role.STATISTICIAN, factories.agency("cuc-thong-ke"), name="thongke")


@pytest.fixture
def administrator(db: None) -> Any:
    return factories.user(Role.ADMINISTRATOR, factories.agency("ubnd"), name="quantri")


def upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


@pytest.fixture
def imported(statistician: Any) -> Callable[..., ImportRecord]:
    """Checks and saves a file as `kind`; the record, IMPORTED unless the file is bad."""

    def run(path: Path, kind: str, **options: Any) -> ImportRecord:
        record = service.start_import(statistician, upload(path), kind, **options)
        if record.status == ImportRecord.Status.CHECKED:
            record = service.confirm_import(statistician, record)
        return record

    return run


def saved(media: Path) -> dict[str, int]:
    """Everything an import or an estimate could have saved."""
    datasets = media / "datasets"
    return {
        "datasets": Dataset.objects.count(),
        "dataset files": sum(1 for path in datasets.rglob("*") if path.is_file())
        if datasets.exists()
        else 0,
        "estimate runs": EstimateRun.objects.count(),
        "estimates": Estimate.objects.count(),
        "estimate rows": EstimateRow.objects.count(),
        "agencies": Agency.objects.count(),
        "tasks": Task.objects.count(),
    }
