"""`cnvh scenario` on real files: its formats, its files and its refusals."""

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from cnvh.cli import main

from .files import write_csv
from .scenario_files import example_files

METHODS = Path(__file__).resolve().parents[2] / "docs" / "methods.md"
TARGET = ["--base-year", "2025", "--target-year", "2030", "--target-share", "0.04"]


def arguments(files: dict[str, Path], *extra: str | Path) -> list[str]:
    given = [
        "scenario",
        "--scope",
        files["scope"],
        "--aggregates",
        files["aggregates"],
        "--totals",
        files["totals"],
        *TARGET,
        *extra,
    ]
    return [str(argument) for argument in given]


def scenario_json(
    capsys: pytest.CaptureFixture[str], files: dict[str, Path], *extra: str | Path
) -> dict[str, Any]:
    assert main(arguments(files, "--grdp-growth", "0.07", "--format", "json", *extra)) == 0
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def test_json_has_the_shape_the_pages_and_the_api_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = scenario_json(capsys, example_files(tmp_path))
    assert list(document) == [
        "scope",
        "unit",
        "base_year",
        "target_year",
        "target_share",
        "grdp_growth",
        "rows",
        "path",
        "provenance",
    ]
    assert (document["base_year"], document["target_year"]) == (2025, 2030)
    assert (document["target_share"], document["grdp_growth"]) == (0.04, 0.07)
    total = document["rows"][0]
    assert total["sector"] is None
    # Full precision: (1.07 · 2^(1/5) − 1) as a float, not rounded
    assert total["required_growth"] == pytest.approx(1.07 * 2**0.2 - 1, rel=1e-14)
    assert set(total) == {
        "sector",
        "base_value_added",
        "base_share",
        "trend_growth",
        "projected_share",
        "required_growth",
        "required_growth_alone",
        "projected_share_ci_low",
        "projected_share_ci_high",
    }
    provenance = document["provenance"]
    assert {i["role"] for i in provenance["inputs"]} == {"aggregates", "totals"}
    assert provenance["scenario"]["grdp_growth"] == 0.07
    assert provenance["scenario"]["target_year"] == 2030
    assert len(document["path"]) == 6 * 3  # 2025..2030 × (film, tv, total)


def test_csv_rows_with_the_assumptions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = example_files(tmp_path)
    assert main(arguments(files, "--grdp-growth", "0.07", "--format", "csv")) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["sector"] for row in rows] == ["", "film", "tv"]
    assert float(rows[1]["trend_growth"]) == pytest.approx(0.1)
    assert rows[0]["target_share"] == "0.04" and rows[0]["unit"] == "million VND"


def test_the_table_in_each_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = example_files(tmp_path)
    assert main(arguments(files, "--grdp-growth", "0.07")) == 0
    vietnamese = capsys.readouterr().out
    assert "Con đường tới 4,00% GRDP" in vietnamese and "22,91%" in vietnamese
    assert "Tổng" in vietnamese and "26,52%" in vietnamese
    assert main(arguments(files, "--grdp-growth", "0.07", "--lang", "en")) == 0
    english = capsys.readouterr().out
    assert "The road to 4.00% of GRDP" in english and "50.59%" in english


def test_output_file_and_sector_and_grdp_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = example_files(tmp_path)
    growth = write_csv(tmp_path / "growth.csv", [{"lĩnh vực": "tv", "tăng trưởng": 0.2}])
    grdp = write_csv(
        tmp_path / "grdp.csv",
        [{"năm": year, "grdp": 100_000 * 1.07 ** (year - 2025)} for year in range(2025, 2031)],
    )
    out = tmp_path / "road.json"
    given = arguments(files, "--grdp", grdp, "--sector-growth", growth, "--format", "json")
    assert main([*given, "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["grdp_growth"] == pytest.approx(0.07)
    tv_2030 = next(p for p in document["path"] if p["year"] == 2030 and p["sector"] == "tv")
    assert tv_2030["share"] == pytest.approx(389.49 / 100_000 * (1.2 / 1.07) ** 5)
    roles = [i["role"] for i in document["provenance"]["inputs"]]
    assert roles == ["aggregates", "totals", "grdp_path", "sector_growth"]
    assert document["provenance"]["scenario"]["sector_growth"] == {"tv": 0.2}


@pytest.mark.parametrize(
    ("extra", "vietnamese", "english"),
    [
        (["--grdp-growth", "0.07", "--target-year", "2024"], "không sau năm gốc", "not after"),
        (["--grdp-growth", "0.07", "--target-share", "8"], "không nằm trong khoảng", "not within"),
        (["--grdp-growth", "-1"], "không lớn hơn −1", "not above −1"),
        (["--grdp-growth", "0.07", "--base-year", "2023"], "không có năm gốc 2023", "no figures"),
        (["--grdp-growth", "0.07", "--trend-from", "2026"], "không trước năm gốc", "not before"),
        ([], "Cần đúng một giả định", "exactly one GRDP"),
    ],
)
def test_bad_input_is_told_in_both_languages(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    vietnamese: str,
    english: str,
) -> None:
    assert main(arguments(example_files(tmp_path), *extra)) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert vietnamese in captured.err and english in captured.err
    assert "Cách sửa" in captured.err and "Fix" in captured.err


def test_a_bad_sector_file_names_its_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    growth = write_csv(
        tmp_path / "growth.csv",
        [
            {"sector": "radio", "growth": 0.1},
            {"sector": "tv", "growth": -2},
            {"sector": "film", "growth": "x"},
        ],
    )
    given = arguments(example_files(tmp_path), "--grdp-growth", "0.07", "--sector-growth", growth)
    assert main(given) == 1
    err = capsys.readouterr().err
    assert "growth.csv, dòng 4, cột growth: 'x' không phải là số" in err
    growth = write_csv(
        tmp_path / "growth.csv",
        [{"sector": "radio", "growth": 0.1}, {"sector": "tv", "growth": -2}],
    )
    assert main(given) == 1
    err = capsys.readouterr().err
    assert "growth.csv, dòng 2, cột sector: Lĩnh vực 'radio' không có trong phạm vi scope" in err
    assert "growth.csv, row 3, column growth: Growth -2.0 is not above −1" in err


def _block_after(text: str, label: str) -> str:
    match = re.search(re.escape(label) + r"[^\n]*\n\n```\n(.*?)```", text, re.S)
    assert match, f"no code block after {label} in docs/methods.md"
    return match.group(1)


def test_the_worked_example_of_the_methods(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = METHODS.read_text(encoding="utf-8").split("## 11.")[1]
    for name in ("scope.csv", "aggregates.csv", "totals.csv"):
        (tmp_path / name).write_text(_block_after(text, f"`{name}`"), encoding="utf-8")
    command = re.search(r"`(cnvh scenario --scope scope\.csv.*?)`", text, re.S)
    assert command
    words = command.group(1).split()[1:]
    words = [str(tmp_path / w) if w.endswith(".csv") else w for w in words]
    assert main([*words, "--format", "json"]) == 0
    rows = {r["sector"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    stated = {
        "22.91%": rows[None]["required_growth"],
        "10%": rows["film"]["trend_growth"],
        "0%": rows["tv"]["trend_growth"],
        "7.56%": rows[None]["trend_growth"],
        "1.849%": rows["film"]["projected_share"],
        "0.278%": rows["tv"]["projected_share"],
        "2.127%": rows[None]["projected_share"],
        "26.52%": rows["film"]["required_growth_alone"],
        "50.59%": rows["tv"]["required_growth_alone"],
    }
    for figure, value in stated.items():
        assert figure in text
        digits = len(figure.rstrip("%").partition(".")[2])
        assert f"{value * 100:.{digits}f}%" == figure
