"""Saves and estimates as queued tasks for `cnvh worker`; an interrupted one is settled
as failed, leaves no file behind, and runs again when confirmed again."""

import os
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from cnvh.exchange import recovery, service
from cnvh.exchange.jobs import estimate_from_datasets, save_import
from cnvh.exchange.models import EstimateRun, ImportRecord
from cnvh.plan.models import Role
from tests import factories

from .conftest import saved
from .files import totals_csv, units_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings: Settings) -> None:
    settings.CNVH_TASKS_INLINE = False


def checked(user: Any, path: Path, kind: str = "units") -> ImportRecord:
    record = service.start_import(user, SimpleUploadedFile(path.name, path.read_bytes()), kind)
    assert record.status == ImportRecord.Status.CHECKED
    return record


def test_a_confirmed_import_waits_for_the_worker(
    statistician: Any, tmp_path: Path, media: Path, queued: None
) -> None:
    record = service.confirm_import(
        statistician, checked(statistician, units_csv(tmp_path / "u.csv"))
    )
    assert (record.status, record.stage) == ("saving", "queued")
    task = DBTaskResult.objects.get(pk=record.task_id)
    assert (task.status, task.args_kwargs["args"]) == ("READY", [record.pk])
    assert saved(media)["datasets"] == 0
    save_import.call(*task.args_kwargs["args"])
    record.refresh_from_db()
    assert (record.status, record.rows_saved, record.progress) == ("imported", 4, 1.0)


def test_a_save_whose_worker_died_is_settled_and_runs_again(
    statistician: Any, tmp_path: Path, media: Path, queued: None
) -> None:
    record = service.confirm_import(
        statistician, checked(statistician, units_csv(tmp_path / "u.csv"))
    )
    # The worker wrote the canonical file, then died before its transaction committed;
    # `cnvh worker` then marked its task failed (cnvh.ops.recovery).
    orphan = media / "datasets" / str(record.pk) / "units.parquet"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"PAR1 half written")
    DBTaskResult.objects.filter(pk=record.task_id).update(status="FAILED")

    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(statistician)
    page = client.get(f"/imports/{record.pk}/").content.decode()
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.FAILED
    assert "stopped midway (killed or crashed); nothing was saved" in page
    assert not orphan.exists()
    assert saved(media)["datasets"] == 0
    assert "Confirm the import" in page  # it was checked: it may be confirmed again

    again = service.confirm_import(statistician, record, background=False)
    assert (again.status, again.rows_saved) == ("imported", 4)
    assert orphan.is_file()


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_an_inline_save_whose_process_died_is_settled(statistician: Any, tmp_path: Path) -> None:
    record = checked(statistician, units_csv(tmp_path / "u.csv"))
    record.status = ImportRecord.Status.SAVING
    record.details["process"] = {"host": socket.gethostname(), "pid": dead_pid()}
    record.save()
    assert recovery.settle_all() == 1
    record.refresh_from_db()
    assert record.status == ImportRecord.Status.FAILED


def test_a_live_process_is_left_alone(statistician: Any, tmp_path: Path) -> None:
    record = checked(statistician, units_csv(tmp_path / "u.csv"))
    record.status = ImportRecord.Status.SAVING
    record.details["process"] = {"host": socket.gethostname(), "pid": os.getpid()}
    record.save()
    assert recovery.settle(record).status == ImportRecord.Status.SAVING


@pytest.fixture
def datasets(statistician: Any, tmp_path: Path) -> dict[str, int]:
    found = {}
    for kind, path in (
        ("units", units_csv(tmp_path / "u.csv")),
        ("totals", totals_csv(tmp_path / "t.csv")),
    ):
        record = service.confirm_import(
            statistician, checked(statistician, path, kind), background=False
        )
        found[kind] = record.dataset.pk
    return found


def test_an_estimate_queued_for_the_worker(
    statistician: Any, datasets: dict[str, int], queued: None
) -> None:
    run = service.start_estimate(
        statistician,
        "hanoi-plan",
        units_dataset_id=datasets["units"],
        totals_dataset_id=datasets["totals"],
        by=["sector", "area"],
    )
    assert run.status == EstimateRun.Status.QUEUED and run.task_id
    estimate_from_datasets.call(run.pk)
    run.refresh_from_db()
    assert run.status == EstimateRun.Status.DONE
    assert run.estimate is not None
    assert run.estimate.rows.get(year=2024, sector=None, area=None).value_added == pytest.approx(
        1340.0
    )


def test_an_estimate_the_data_cannot_make_says_why(
    statistician: Any, datasets: dict[str, int], tmp_path: Path
) -> None:
    other_year = checked(statistician, totals_csv(tmp_path / "t2023.csv", year=2023), "totals")
    other_year = service.confirm_import(statistician, other_year)
    run = service.start_estimate(
        statistician,
        "hanoi-plan",
        units_dataset_id=datasets["units"],
        totals_dataset_id=other_year.dataset.pk,
    )
    assert run.status == EstimateRun.Status.INVALID
    [problem] = run.problems
    assert problem["what_en"] == "No GRDP for the whole territory in year 2024"
    assert problem["what_vi"] == "Không có GRDP toàn địa bàn cho năm 2024"
    assert run.estimate is None


@pytest.mark.parametrize(
    ("arguments", "english"),
    [
        ({"units_dataset_id": "units", "aggregates_dataset_id": "units"}, "of kind aggregates"),
        ({}, "exactly one data set"),
        ({"units_dataset_id": "totals"}, "There is no dataset"),
        ({"units_dataset_id": "units", "scope_key": "nowhere"}, "There is no scope 'nowhere'"),
        ({"units_dataset_id": "units", "by": ["ward"]}, "Break down by"),
    ],
)
def test_what_cannot_be_estimated_is_refused(
    statistician: Any, datasets: dict[str, int], arguments: dict[str, Any], english: str
) -> None:
    request: dict[str, Any] = {"scope_key": "hanoi-plan", "totals_dataset_id": datasets["totals"]}
    for name, value in arguments.items():
        request[name] = datasets[value] if isinstance(value, str) and value in datasets else value
    scope = request.pop("scope_key")
    with pytest.raises(service.EstimateRequestError) as refused:
        service.start_estimate(statistician, scope, **request)
    assert english in refused.value.message_en
    assert refused.value.message_vi
    assert EstimateRun.objects.count() == 0


def test_only_statisticians_estimate(datasets: dict[str, int]) -> None:
    coordinator = factories.user(Role.COORDINATOR, factories.agency())
    with pytest.raises(PermissionDenied):
        service.start_estimate(
            coordinator,
            "hanoi-plan",
            units_dataset_id=datasets["units"],
            totals_dataset_id=datasets["totals"],
        )
