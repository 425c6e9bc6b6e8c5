"""`cnvh load-demo` end to end: the real demo generator, the real engine, the database.

The demo is loaded once for the module, in a transaction rolled back after its last
test; each test runs in a savepoint inside it, so what one test loads on top is gone
for the next.
"""

import io
from collections.abc import Iterator
from pathlib import Path

import blake3
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from pytest_django import DjangoDbBlocker

from cnvh import cli
from cnvh.estimates.models import Estimate
from cnvh.estimates.store import latest_estimates
from cnvh.stats import shipped_scopes
from tests.rolled_back import module_transaction

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("demo")
    assert cli.main(["demo-data", "--output", str(directory), "--units", "3000"]) == 0
    return directory


@pytest.fixture(scope="module")
def loaded(
    demo_dir: Path, django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[list[str]]:
    """The lines `load-demo` printed, the demo loaded."""
    out = io.StringIO()
    with module_transaction(django_db_blocker):
        call_command("load-demo", str(demo_dir), stdout=out)
        yield out.getvalue().splitlines()


def checksum(path: Path) -> str:
    return "blake3:" + blake3.blake3(path.read_bytes()).hexdigest()


def test_stores_one_synthetic_estimate_per_shipped_scope(loaded: list[str]) -> None:
    registries = [
        "events",
        "enterprises",
        "investment",
        "crafts",
        "models and bright spots",
        "unesco",
    ]
    assert [line.split(":")[0] for line in loaded] == [*shipped_scopes(), "plan", *registries]
    latest = latest_estimates()
    assert [e.scope_key for e in latest] == shipped_scopes()
    for stored in latest:
        assert stored.synthetic
        assert stored.revision == 1
        assert stored.unit == "million VND"
        assert stored.rows.filter(sector__isnull=True, area__isnull=True).exists()
        assert stored.rows.filter(area__isnull=False).exists()  # by ward, as asked


def test_provenance_names_the_demo_files(demo_dir: Path, loaded: list[str]) -> None:
    stored = Estimate.objects.get(scope_key="hanoi-plan")
    checksums = str(stored.provenance)
    for name in ["units.parquet", "totals.csv", "area-crosswalk.csv"]:
        assert checksum(demo_dir / name) in checksums


def test_loading_the_same_files_again_keeps_the_revision(
    demo_dir: Path, loaded: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert not any("unchanged" in line for line in loaded)
    call_command("load-demo", str(demo_dir))
    assert sorted(Estimate.objects.values_list("revision", flat=True)) == [1, 1, 1]
    again = capsys.readouterr().out.splitlines()
    # The three estimates, the plan and the six registries.
    assert len(again) == 10
    assert all("unchanged" in line for line in again)


def test_changed_data_is_a_new_revision(loaded: list[str], tmp_path: Path) -> None:
    changed = tmp_path / "changed"
    assert cli.main(["demo-data", "--output", str(changed), "--units", "3000", "--seed", "99"]) == 0
    call_command("load-demo", str(changed))
    assert sorted(Estimate.objects.values_list("revision", flat=True)) == [1, 1, 1, 2, 2, 2]
    assert {e.revision for e in latest_estimates()} == {2}


def test_the_overview_shows_the_demo(loaded: list[str], client: Client) -> None:
    page = client.get("/").content.decode()
    assert "Dữ liệu minh họa tổng hợp — không phải số liệu chính thức" in page
    for key in shipped_scopes():
        assert f'id="scope-{key}"' in page
    stored = Estimate.objects.get(scope_key="fcs-core")
    assert client.get(f"/estimates/{stored.pk}/").status_code == 200


def test_a_directory_without_demo_data_fails_and_stores_nothing(tmp_path: Path) -> None:
    before = Estimate.objects.count()
    with pytest.raises(CommandError):
        call_command("load-demo", str(tmp_path))
    assert Estimate.objects.count() == before


def test_the_command_line_exits_non_zero_with_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["load-demo", str(tmp_path)])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err
    assert "units.parquet" in err
