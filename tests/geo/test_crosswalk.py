from collections import defaultdict
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from cnvh.cli import main
from cnvh.geo.crosswalk import Crosswalk, commune_crosswalk, district_crosswalk, successors
from cnvh.geo.units import communes, former_communes, former_districts


def _sums(rows: list[tuple[str, str, Fraction]]) -> dict[str, Fraction]:
    totals: dict[str, Fraction] = defaultdict(Fraction)
    for old, _, weight in rows:
        totals[old] += weight
    return totals


def test_every_old_hanoi_commune_went_to_todays_communes() -> None:
    went_to = successors()
    assert set(went_to) == {c.code for c in former_communes()}
    today = {c.code for c in communes()}
    assert set().union(*went_to.values()) == today
    assert any(len(parts) > 1 for parts in went_to.values())  # some were divided


@pytest.mark.parametrize("make", [district_crosswalk, commune_crosswalk])
def test_weights_of_each_old_unit_sum_to_exactly_one(make: Callable[[], Crosswalk]) -> None:
    assert set(_sums(make()).values()) == {Fraction(1)}


def test_hanoi_districts() -> None:
    rows = district_crosswalk()
    assert {old for old, _, _ in rows} == {d.code for d in former_districts()}
    hoan_kiem = {new: w for old, new, w in rows if old == "002"}
    assert sum(hoan_kiem.values()) == 1 and len(hoan_kiem) >= 2


def test_the_command_writes_what_the_engine_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crosswalk.csv"
    assert main(["area-crosswalk", "--output", str(path)]) == 0
    assert "30 → 126" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8").startswith("old_area,new_area,weight\n001,")
    units = tmp_path / "units.csv"
    units.write_text("unit_id,year,code,area,value_added\na,2024,5911,002,1000\n")
    totals = tmp_path / "totals.csv"
    totals.write_text("year,grdp\n2024,100000\n")
    assert (
        main(
            [
                "estimate",
                "--scope",
                "hanoi-plan",
                "--units",
                str(units),
                "--totals",
                str(totals),
                "--area-crosswalk",
                str(path),
                "--by",
                "area",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    by_area = [line for line in lines[1:] if line.split(",")[2]]
    assert len(by_area) >= 2  # Hoàn Kiếm's value added shared among today's wards
    assert sum(float(line.split(",")[3]) for line in by_area) == pytest.approx(1000)


def test_an_unknown_province(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["area-crosswalk", "--province", "99", "--output", str(tmp_path / "x")]) == 2
    assert "No province with code '99'" in capsys.readouterr().err
