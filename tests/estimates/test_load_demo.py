"""`cnvh load-demo` end to end: the real demo generator, the real engine, SQLite."""

import hashlib
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from cnvh import cli
from cnvh.estimates.models import Estimate
from cnvh.estimates.store import latest_estimates
from cnvh.stats import shipped_scopes

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    assert cli.main(["demo-data", "--output", str(directory), "--units", "3000"]) == 0
    return directory


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_stores_one_synthetic_estimate_per_shipped_scope(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("load-demo", str(demo_dir))

    lines = capsys.readouterr().out.splitlines()
    registries = [
        "events",
        "enterprises",
        "investment",
        "crafts",
        "models and bright spots",
        "unesco",
    ]
    assert [line.split(":")[0] for line in lines] == [*shipped_scopes(), "plan", *registries]
    latest = latest_estimates()
    assert [e.scope_key for e in latest] == shipped_scopes()
    for stored in latest:
        assert stored.synthetic
        assert stored.revision == 1
        assert stored.unit == "million VND"
        assert stored.rows.filter(sector__isnull=True, area__isnull=True).exists()
        assert stored.rows.filter(area__isnull=False).exists()  # by ward, as asked


def test_provenance_names_the_demo_files(demo_dir: Path) -> None:
    call_command("load-demo", str(demo_dir))
    stored = Estimate.objects.get(scope_key="hanoi-plan")
    checksums = str(stored.provenance)
    for name in ["units.parquet", "totals.csv", "area-crosswalk.csv"]:
        assert sha256(demo_dir / name) in checksums


def test_loading_the_same_files_again_keeps_the_revision(
    demo_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("load-demo", str(demo_dir))
    capsys.readouterr()
    call_command("load-demo", str(demo_dir))
    assert sorted(Estimate.objects.values_list("revision", flat=True)) == [1, 1, 1]
    again = capsys.readouterr().out.splitlines()
    # The three estimates, the plan and the six registries.
    assert len(again) == 10
    assert all("unchanged" in line for line in again)


def test_changed_data_is_a_new_revision(demo_dir: Path, tmp_path: Path) -> None:
    call_command("load-demo", str(demo_dir))
    changed = tmp_path / "changed"
    assert cli.main(["demo-data", "--output", str(changed), "--units", "3000", "--seed", "99"]) == 0
    call_command("load-demo", str(changed))
    assert sorted(Estimate.objects.values_list("revision", flat=True)) == [1, 1, 1, 2, 2, 2]
    assert {e.revision for e in latest_estimates()} == {2}


def test_the_overview_shows_the_demo(demo_dir: Path, client: Client) -> None:
    call_command("load-demo", str(demo_dir))
    page = client.get("/").content.decode()
    assert "Dữ liệu minh họa tổng hợp — không phải số liệu chính thức" in page
    for key in shipped_scopes():
        assert f'id="scope-{key}"' in page
    stored = Estimate.objects.get(scope_key="fcs-core")
    assert client.get(f"/estimates/{stored.pk}/").status_code == 200


def test_a_directory_without_demo_data_fails_and_stores_nothing(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command("load-demo", str(tmp_path))
    assert Estimate.objects.count() == 0


def test_the_command_line_exits_non_zero_with_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["load-demo", str(tmp_path)])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert "units.parquet" in err
