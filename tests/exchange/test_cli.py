"""`cnvh import`: the same record, checks and save as the web page; the preview and the
problems printed; exit status 0, 1 or 2. Through `call_command` and as a process of
its own, as a statistician runs it on the server."""

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from cnvh.exchange.models import Dataset, ImportRecord
from tests.ops.conftest import Site
from tests.ops.processes import cnvh

from .files import UNITS, UNITS_HEADER, units_csv, vietnamese_units_xlsx, write_csv


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_import_prints_the_preview_and_saves(statistician: Any, tmp_path: Path) -> None:
    path = vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx")
    output = run("units", str(path), "--user", statistician.username, "--lang", "en")
    record = ImportRecord.objects.get()
    assert record.created_by == statistician and record.status == "imported"
    assert f"SHA-256 {record.sha256}" in output
    assert "Sheet: Số liệu 2024" in output
    assert "Chỉ tiêu giá trị (triệu đồng) /" in output  # the header as written
    assert "Value added (value_added)" in output
    assert "Imported: 4 rows saved." in output
    assert Dataset.objects.get().rows == 4


@pytest.mark.django_db
def test_check_only_saves_nothing(tmp_path: Path) -> None:
    output = run("units", str(units_csv(tmp_path / "u.csv")), "--check-only", "--lang", "en")
    assert "No problem found; nothing was saved (--check-only)." in output
    assert ImportRecord.objects.get().status == "checked"
    assert Dataset.objects.count() == 0


@pytest.mark.django_db
def test_problems_in_both_languages_and_exit_status_1(tmp_path: Path) -> None:
    rows = [list(row) for row in UNITS]
    rows[2][2] = "59a"
    path = write_csv(tmp_path / "units.csv", UNITS_HEADER, rows)
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("import", "units", str(path), stdout=out)
    assert refused.value.returncode == 1
    printed = out.getvalue()
    assert "units.csv, dòng 4, cột code: Mã ngành '59a' không hợp lệ." in printed
    assert "units.csv, row 4, column code: Industry code '59a' is not valid." in printed
    assert Dataset.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nothing", "{file}"], "Unknown kind nothing"),
        (["units", "{folder}/missing.csv"], "missing.csv"),
        (["units", "{file}", "--user", "nobody"], "nobody"),
        (["agencies", "{file}", "--user", "{statistician}"], "may not import"),
    ],
)
def test_a_wrong_command_exits_with_2(
    statistician: Any, tmp_path: Path, arguments: list[str], message: str
) -> None:
    values = {
        "file": str(units_csv(tmp_path / "u.csv")),
        "folder": str(tmp_path),
        "statistician": statistician.username,
    }
    with pytest.raises(CommandError) as refused:
        run(*(argument.format(**values) for argument in arguments), "--lang", "en")
    assert refused.value.returncode == 2
    assert message in str(refused.value)
    assert Dataset.objects.count() == 0


def test_as_a_process_of_its_own(make_site: Callable[..., Site], tmp_path: Path) -> None:
    site = make_site("import-cli")
    good = cnvh("import", "units", str(units_csv(tmp_path / "u.csv")), "--lang", "en", env=site.env)
    assert "Imported: 4 rows saved." in good.stdout
    assert list((site.media / "datasets").rglob("units.parquet"))

    rows = [list(row) for row in UNITS]
    rows[0][1] = "2O24"
    bad = write_csv(tmp_path / "bad.csv", UNITS_HEADER, rows)
    refused = cnvh("import", "units", str(bad), env=site.env, check=False)
    assert refused.returncode == 1
    assert "bad.csv, dòng 2, cột year" in refused.stdout
    assert "bad.csv, row 2, column year" in refused.stdout
    assert "nothing was saved" in refused.stderr or "không có gì được lưu" in refused.stderr

    wrong = cnvh("import", "unit", str(bad), env=site.env, check=False)
    assert wrong.returncode == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "saved", "read"),
    [("vi", "Đã nhập: lưu 1.200 dòng.", "Số dòng đã đọc: 1.200"), ("en", "1,200 rows", "1,200")],
)
def test_counts_in_the_readers_number_style(
    statistician: Any, tmp_path: Path, lang: str, saved: str, read: str
) -> None:
    rows = [
        [f"U{n}", 2024, "5610", "00004", 10 + n, None, None, None, 2, None] for n in range(1200)
    ]
    path = write_csv(tmp_path / "units.csv", UNITS_HEADER, rows)
    output = run("units", str(path), "--user", statistician.username, "--lang", lang)
    assert saved in output and read in output
