"""The plan's kinds (cnvh.plan.imports) through the same machinery: the demo's own
agencies file, as CSV and as an Excel workbook with a title row and dates written
dd/mm/yyyy, imported by the administrator; a problem found by the plan's own checks
shown where it is, and nothing saved."""

import csv
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from cnvh.plan.demo.catalogue import DATA
from cnvh.plan.models import Agency

from .conftest import saved
from .files import workbook

pytestmark = pytest.mark.django_db


def start(user: Any, path: Path) -> ImportRecord:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    return service.start_import(user, upload, "agencies")


def demo_agencies() -> list[list[str]]:
    with (DATA / "agencies.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_the_demo_agencies_file(administrator: Any) -> None:
    before = Agency.objects.count()
    record = start(administrator, DATA / "agencies.csv")
    assert record.status == ImportRecord.Status.CHECKED, record.problems
    record = service.confirm_import(administrator, record)
    assert record.status == ImportRecord.Status.IMPORTED
    assert record.rows_saved == len(demo_agencies()) - 1
    assert Agency.objects.count() == before + record.rows_saved
    assert Agency.objects.get(code="so-vhtt").name_vi == "Sở Văn hóa và Thể thao"


def test_a_workbook_with_vietnamese_headers_and_dates(administrator: Any, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "co-quan.xlsx",
        [
            ["DANH SÁCH CƠ QUAN THAM GIA KẾ HOẠCH"],
            ["Mã cơ quan", "Tên cơ quan", "Loại cơ quan", "Hiệu lực từ"],
            ["so-vhtt", "Sở Văn hóa và Thể thao", "Sở", "01/07/2025"],
            ["phuong-hoan-kiem", "Phường Hoàn Kiếm", "ward", 45839],
        ],
    )
    record = service.confirm_import(administrator, start(administrator, path))
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    ward = Agency.objects.get(code="phuong-hoan-kiem")
    assert str(ward.valid_from) == "2025-07-01"  # the Excel serial 45839
    assert str(Agency.objects.get(code="so-vhtt").valid_from) == "2025-07-01"


def test_a_problem_of_the_plans_own_checks(administrator: Any, tmp_path: Path, media: Path) -> None:
    before = saved(media)
    path = workbook(
        tmp_path / "co-quan.xlsx",
        [["Mã cơ quan", "Tên cơ quan", "Loại cơ quan"], ["so-vhtt", "Sở Văn hóa", "bộ"]],
        sheet="Cơ quan",
    )
    record = start(administrator, path)
    assert record.status == ImportRecord.Status.INVALID
    [problem] = record.problems
    assert (problem["sheet"], problem["row"], problem["header"]) == ("Cơ quan", 2, "Loại cơ quan")
    assert problem["what_vi"] and problem["what_en"] and problem["fix_vi"] and problem["fix_en"]
    assert saved(media) == before
