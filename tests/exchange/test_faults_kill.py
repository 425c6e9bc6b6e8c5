"""A task worker killed (SIGKILL) in the middle of saving an import, and of storing an
estimate from datasets: nothing is saved, no file is left, the record says it failed,
and confirming again succeeds.

As in tests/ops/test_faults_kill.py, the test holds a lock on the table the save writes
and kills the worker once PostgreSQL shows it waiting for that lock: it is then inside
its transaction, its canonical file written, its row not yet. On SQLite these tests are
skipped (only PostgreSQL shows who waits on a lock).
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ops.conftest import Site, on_postgres
from tests.ops.faults import connect, kill_group, locked, others_gone, start, wait_for, waiting_on
from tests.ops.processes import cnvh

from .files import totals_csv, units_csv

pytestmark = pytest.mark.skipif(
    not on_postgres(), reason="needs PostgreSQL to see a transaction waiting on a lock"
)
SHARE = "LOCK TABLE {} IN SHARE MODE"
QUEUE_IMPORT = (
    "from django.core.files import File; from cnvh.exchange import service; "
    "record = service.start_import(None, File(open({path!r}, 'rb'), name='units.csv'), 'units'); "
    "print(service.confirm_import(None, record, background=True).pk)"
)
WORKER = ["worker", "--no-startup-delay", "--interval", "0.1"]


def shell(site: Site, code: str) -> str:
    return cnvh("shell", "--no-imports", "-c", code, env=site.env).stdout.strip()


def value(site: Site, query: str, *params: object) -> object:
    with connect(site.url) as con:
        row = con.execute(query, params or None).fetchone()
    return row[0] if row else None


def kill_while_waiting(site: Site, table: str) -> None:
    with locked(site.url, SHARE.format(table)) as probe:
        worker = start(WORKER, site.env)
        wait_for(lambda: waiting_on(probe, table), f"the worker waiting to write {table}")
        kill_group(worker)
    with connect(site.url, autocommit=True) as probe:
        wait_for(lambda: others_gone(probe), "the killed worker's session to end")


def test_worker_killed_while_saving_an_import(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site("import-kill")
    record = int(shell(site, QUEUE_IMPORT.format(path=str(units_csv(tmp_path / "u.csv")))))
    canonical = site.media / "datasets" / str(record) / "units.parquet"

    kill_while_waiting(site, "exchange_dataset")
    assert value(site, "SELECT count(*) FROM exchange_dataset") == 0
    assert value(site, "SELECT status FROM exchange_importrecord WHERE id = %s", record) == "saving"
    assert canonical.is_file()  # written before the transaction that never committed

    recovered = cnvh("worker", "--recover-only", env=site.env)
    assert "1 interrupted tasks marked failed" in recovered.stdout
    assert shell(site, "from cnvh.exchange.recovery import settle_all; print(settle_all())") == "1"
    assert value(site, "SELECT status FROM exchange_importrecord WHERE id = %s", record) == "failed"
    assert not canonical.exists()
    problems = str(value(site, "SELECT problems FROM exchange_importrecord WHERE id = %s", record))
    assert "stopped midway" in problems and "dừng giữa chừng" in problems

    again = (
        "from cnvh.exchange import service; from cnvh.exchange.models import ImportRecord; "
        f"print(service.confirm_import(None, ImportRecord.objects.get(pk={record})).status)"
    )
    assert shell(site, again) == "saving"
    cnvh("worker", "--batch", "--no-startup-delay", env=site.env)
    assert (
        value(site, "SELECT status FROM exchange_importrecord WHERE id = %s", record) == "imported"
    )
    assert value(site, "SELECT count(*) FROM exchange_dataset") == 1
    assert canonical.is_file()


def test_worker_killed_while_storing_an_estimate_from_datasets(
    make_site: Callable[..., Site], tmp_path: Path
) -> None:
    site = make_site("run-kill")
    ids = []
    for kind, path in (
        ("units", units_csv(tmp_path / "u.csv")),
        ("totals", totals_csv(tmp_path / "t.csv")),
    ):
        code = (
            "from django.core.files import File; from cnvh.exchange import service; "
            f"upload = File(open({str(path)!r}, 'rb'), name='{kind}.csv'); "
            f"r = service.start_import(None, upload, '{kind}'); "
            "print(service.confirm_import(None, r, background=False).dataset.pk)"
        )
        ids.append(int(shell(site, code)))
    start_run = (
        "from cnvh.exchange import service; "
        f"print(service.start_estimate(None, 'hanoi-plan', units_dataset_id={ids[0]}, "
        f"totals_dataset_id={ids[1]}, background=True).pk)"
    )
    run = int(shell(site, start_run))

    kill_while_waiting(site, "estimates_estimaterow")
    assert value(site, "SELECT count(*) FROM estimates_estimate") == 0
    assert value(site, "SELECT status FROM exchange_estimaterun WHERE id = %s", run) == "running"

    cnvh("worker", "--recover-only", env=site.env)
    assert shell(site, "from cnvh.exchange.recovery import settle_all; print(settle_all())") == "1"
    assert value(site, "SELECT status FROM exchange_estimaterun WHERE id = %s", run) == "failed"
    assert value(site, "SELECT count(*) FROM estimates_estimaterow") == 0

    again = int(shell(site, start_run))
    cnvh("worker", "--batch", "--no-startup-delay", env=site.env)
    assert value(site, "SELECT status FROM exchange_estimaterun WHERE id = %s", again) == "done"
    assert value(site, "SELECT count(*) FROM estimates_estimate") == 1
