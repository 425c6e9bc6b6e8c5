"""`cnvh demo-data`: reproducible, labelled synthetic, real area codes, calibrated share.

The share of GRDP is checked by a plain DuckDB query written here, independent of
both the generator and the engine; the engine must then agree with it.
"""

import json
from pathlib import Path

import duckdb
import pytest
from vietnamadminunits.database import query

import cnvh.stats
from cnvh import cli
from cnvh.stats import EstimateOptions, estimate, load_scope

SCOPE_CSV = Path(cnvh.stats.__file__).parent / "data" / "scopes" / "hanoi-plan.csv"
UNITS = 4000
SEED = 7
YEARS = list(range(2019, 2026))


def _generate(directory: Path, seed: int = SEED) -> Path:
    argv = ["demo-data", "--units", str(UNITS), "--seed", str(seed), "--output", str(directory)]
    assert cli.main(argv) == 0
    return directory


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _generate(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def con(demo: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect()
    connection.execute(f"CREATE TABLE units AS SELECT * FROM read_parquet('{demo}/units.parquet')")
    return connection


def _manifest(directory: Path) -> dict[str, object]:
    manifest: dict[str, object] = json.loads((directory / "manifest.json").read_text())
    return manifest


def test_same_seed_same_bytes_other_seed_other_data(demo: Path, tmp_path: Path) -> None:
    again = _generate(tmp_path / "again")
    other = _generate(tmp_path / "other", seed=SEED + 1)
    assert _manifest(again)["files"] == _manifest(demo)["files"]
    for name in ["units.parquet", "units.csv", "totals.csv", "area-crosswalk.csv"]:
        assert (again / name).read_bytes() == (demo / name).read_bytes()
    files = _manifest(other)["files"]
    assert isinstance(files, dict)
    assert files["units.parquet"] != _manifest(demo)["files"]["units.parquet"]  # type: ignore[index]


def test_labelled_synthetic(demo: Path) -> None:
    manifest = _manifest(demo)
    assert manifest["synthetic"] is True
    assert manifest["seed"] == SEED
    assert manifest["generator"] == "cnvh demo-data"
    assert manifest["cnvh_version"]
    readme = (demo / "README.txt").read_text(encoding="utf-8")
    assert "SYNTHETIC DEMO DATA" in readme and "not official statistics" in readme.lower()
    assert "DỮ LIỆU MẪU TỔNG HỢP" in readme and f"seed = {SEED}" in readme


def test_schema_and_units(demo: Path, con: duckdb.DuckDBPyConnection) -> None:
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE units)").fetchall())
    assert types == {
        "unit_id": "VARCHAR",
        "year": "INTEGER",
        "code": "VARCHAR",
        "area": "VARCHAR",
        "value_added": "DOUBLE",
        "output": "DOUBLE",
        "intermediate_consumption": "DOUBLE",
        "revenue": "DOUBLE",
        "employment": "BIGINT",
        "weight": "DOUBLE",
        "stratum": "VARCHAR",
    }
    # The CSV holds the same rows, figure for figure, with codes kept as text.
    mismatches = con.execute(f"""
        SELECT count(*) FROM units p
        FULL JOIN read_csv('{demo}/units.csv', all_varchar = true) c USING (unit_id, year)
        WHERE p.code IS DISTINCT FROM c.code OR p.area IS DISTINCT FROM c.area
           OR p.value_added IS DISTINCT FROM c.value_added::DOUBLE
           OR p.revenue IS DISTINCT FROM c.revenue::DOUBLE
           OR p.weight IS DISTINCT FROM c.weight::DOUBLE
           OR p.stratum IS DISTINCT FROM c.stratum
    """).fetchone()
    assert mismatches == (0,)
    per_year = dict(con.execute("SELECT year, count(*) FROM units GROUP BY year").fetchall())
    assert sorted(per_year) == YEARS
    assert all(0.8 * UNITS < n < 1.2 * UNITS for n in per_year.values())
    assert (demo / "totals.csv").read_text().splitlines()[0] == "year,grdp,employment"
    # GRDP in million VND: 2024 ≈ 1,430 trillion VND.
    totals = con.execute(f"SELECT year, grdp FROM read_csv('{demo}/totals.csv')").fetchall()
    assert abs(dict(totals)[2024] / 1.43e9 - 1) < 0.02


def test_unit_ids_years_and_household_sampling(con: duckdb.DuckDBPyConnection) -> None:
    dupes = con.execute("SELECT count(*) - count(DISTINCT (unit_id, year)) FROM units").fetchone()
    assert dupes == (0,)
    households = con.execute(
        "SELECT min(weight), count(DISTINCT stratum) FROM units WHERE stratum IS NOT NULL"
    ).fetchone()
    assert households is not None and households[0] > 1 and households[1] <= 30 + 126
    enterprises = con.execute(
        "SELECT min(weight), max(weight), count(*) FROM units WHERE stratum IS NULL"
    ).fetchone()
    assert enterprises is not None and enterprises[:2] == (1.0, 1.0) and enterprises[2] > 0
    assert con.execute("SELECT min(employment) FROM units").fetchone() == (1,)


def _official_codes(level: str) -> set[str]:
    if level == "district":
        sql = "SELECT DISTINCT districtCode AS c FROM admin_units_legacy WHERE provinceCode = '01'"
    else:
        sql = "SELECT DISTINCT wardCode AS c FROM admin_units WHERE provinceCode = '01'"
    return {row["c"] for row in query(sql)}


def _areas(con: duckdb.DuckDBPyConnection, where: str) -> set[str]:
    return {a for (a,) in con.execute(f"SELECT DISTINCT area FROM units WHERE {where}").fetchall()}


def test_areas_are_real_codes(con: duckdb.DuckDBPyConnection) -> None:
    districts, wards = _official_codes("district"), _official_codes("ward")
    assert len(districts) == 30 and len(wards) == 126
    before, after = _areas(con, "year < 2025"), _areas(con, "year = 2025")
    assert before == districts
    assert after == wards


def test_business_concentrates_in_the_centre(con: duckdb.DuckDBPyConnection) -> None:
    top = con.execute(
        "SELECT area FROM units WHERE year = 2024 GROUP BY area ORDER BY count(*) DESC LIMIT 3"
    ).fetchall()
    # Hoàn Kiếm, Ba Đình, Đống Đa, Hai Bà Trưng: the old centre.
    assert {a for (a,) in top} <= {"001", "002", "006", "007"}


def test_crosswalk_weights_sum_to_one(demo: Path, con: duckdb.DuckDBPyConnection) -> None:
    sums = con.execute(
        f"SELECT old_area, sum(weight), count(*) FROM read_csv('{demo}/area-crosswalk.csv', "
        "types={'old_area': 'VARCHAR', 'new_area': 'VARCHAR', 'weight': 'DOUBLE'}) GROUP BY 1"
    ).fetchall()
    assert {old for old, _, _ in sums} == _official_codes("district")
    assert all(abs(total - 1) < 1e-9 for _, total, _ in sums)
    new = con.execute(
        f"SELECT DISTINCT new_area FROM read_csv('{demo}/area-crosswalk.csv', all_varchar=true)"
    ).fetchall()
    assert {a for (a,) in new} == _official_codes("ward")


def test_reporting_mix(con: duckdb.DuckDBPyConnection) -> None:
    mix = con.execute("""
        SELECT avg((value_added IS NOT NULL)::INT),
               avg((value_added IS NULL AND output IS NOT NULL AND revenue IS NULL)::INT),
               avg((value_added IS NULL AND output IS NULL AND revenue IS NOT NULL)::INT),
               avg((code LIKE '%.%')::INT)
        FROM units
    """).fetchone()
    assert mix is not None
    reported, output_only, revenue_only, dotted = mix
    assert 0.65 < reported < 0.85
    assert 0.10 < output_only < 0.20
    assert 0.05 < revenue_only < 0.15
    assert 0 < dotted < 0.2


# Straightforward and independent: longest listed prefix by a join, value added as
# reported, else output - intermediate consumption, else revenue x the weighted ratio
# of units of the same code reporting both (all years; division, then all units).
INDEPENDENT_SQL = """
WITH scope AS (
    SELECT replace(replace(code, '.', ''), ' ', '') AS prefix, sector, share::DOUBLE AS share
    FROM read_csv($scope, all_varchar = true)
),
u AS (
    SELECT *, replace(replace(code, '.', ''), ' ', '') AS normal,
           coalesce(value_added, output - intermediate_consumption) AS known
    FROM units
),
best AS (
    SELECT normal, max(length(prefix)) AS len
    FROM (SELECT DISTINCT normal FROM u) JOIN scope ON starts_with(normal, prefix)
    GROUP BY normal
),
mapping AS (
    SELECT b.normal, s.sector, s.share
    FROM best b JOIN scope s ON starts_with(b.normal, s.prefix) AND length(s.prefix) = b.len
),
donors AS (SELECT * FROM u WHERE known IS NOT NULL AND revenue IS NOT NULL),
by_code AS (SELECT normal, sum(weight * known) / sum(weight * revenue) AS r FROM donors GROUP BY 1),
by_div AS (
    SELECT left(normal, 2) AS division, sum(weight * known) / sum(weight * revenue) AS r
    FROM donors GROUP BY 1
),
valued AS (
    SELECT u.*, coalesce(known, revenue * coalesce(c.r, d.r,
        (SELECT sum(weight * known) / sum(weight * revenue) FROM donors))) AS va
    FROM u LEFT JOIN by_code c USING (normal) LEFT JOIN by_div d ON d.division = left(normal, 2)
),
cells AS (
    SELECT year, sector, sum(weight * va * share) AS value_added,
           sum(weight * employment * share) AS employment, sum(weight * share) AS establishments
    FROM valued JOIN mapping USING (normal)
    GROUP BY GROUPING SETS ((year, sector), (year))
)
SELECT c.year, c.sector, c.value_added, c.value_added / t.grdp AS share, c.employment,
       c.establishments
FROM cells c JOIN read_csv($totals, types = {'grdp': 'DOUBLE'}) t USING (year)
"""


@pytest.fixture(scope="module")
def independent(demo: Path, con: duckdb.DuckDBPyConnection) -> dict[tuple[int, str | None], tuple]:
    params = {"scope": str(SCOPE_CSV), "totals": str(demo / "totals.csv")}
    rows = con.execute(INDEPENDENT_SQL, params).fetchall()
    return {(year, sector): tuple(values) for year, sector, *values in rows}


def test_share_of_grdp_is_calibrated(independent: dict[tuple[int, str | None], tuple]) -> None:
    for year in YEARS:
        share = independent[(year, None)][1]
        assert 0.035 <= share <= 0.045, (year, share)
    # The COVID dip: 2021 below 2019.
    assert independent[(2021, None)][1] < independent[(2019, None)][1]


def test_engine_matches_independent_computation(
    demo: Path, independent: dict[tuple[int, str | None], tuple]
) -> None:
    result = estimate(
        load_scope("hanoi-plan"),
        totals=demo / "totals.csv",
        units=demo / "units.parquet",
        options=EstimateOptions(by=("sector",), bootstrap=0),
    )
    engine = {
        (row.year, row.sector): (row.value_added, row.share, row.employment, row.establishments)
        for row in result.rows
    }
    assert engine.keys() == independent.keys()
    for key, expected in independent.items():
        assert engine[key] == pytest.approx(expected, rel=1e-9), key
