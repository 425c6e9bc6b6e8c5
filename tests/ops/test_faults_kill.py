"""Processes killed (SIGKILL) in the middle of a write: the worker during an estimate,
the server during a report's submission, `cnvh load-demo` during the plan. Nothing is
half-saved, the interrupted task says it failed, and doing it again succeeds.

To kill at a known point, the test holds a lock on a table the write needs and waits
until PostgreSQL shows the process waiting for it: the process is then inside its
transaction, with earlier rows written and not committed. Only PostgreSQL shows that
(pg_locks); on SQLite these tests are skipped. The recovery of tasks is the same on both.
"""

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site, on_postgres
from .faults import (
    Browser,
    connect,
    kill_group,
    locked,
    others_gone,
    start,
    start_server,
    wait_for,
    waiting,
    waiting_on,
    writing,
)
from .processes import cnvh, environment
from .world import PASSWORD

pytestmark = pytest.mark.skipif(
    not on_postgres(), reason="needs PostgreSQL to see a transaction waiting on a lock"
)
SHARE = "LOCK TABLE {} IN SHARE MODE"
ESTIMATE = (
    "from cnvh.estimates.jobs import run_estimate; "
    "print(run_estimate.enqueue('hanoi-plan', '{d}/units.parquet', '{d}/totals.csv', "
    "by=['sector', 'area'], area_crosswalk='{d}/area-crosswalk.csv', label='fault').id)"
)


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    env = environment(folder, f"sqlite:///{folder}/unused.sqlite3")
    cnvh("demo-data", "--units", "1500", "--output", str(folder), env=env)
    return folder


def shell(site: Site, code: str) -> str:
    return cnvh("shell", "--no-imports", "-c", code, env=site.env).stdout.strip()


def task_row(site: Site, result_id: str) -> tuple[str, str, str]:
    with connect(site.url) as con:
        row = con.execute(
            "SELECT status, exception_class_path, traceback "
            "FROM django_tasks_database_dbtaskresult WHERE id = %s",
            [result_id],
        ).fetchone()
    assert row is not None
    return row[0], row[1], row[2]


def count(site: Site, table: str) -> int:
    with connect(site.url) as con:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def test_worker_killed_in_an_estimate(make_site: Callable[..., Site], demo_data: Path) -> None:
    site = make_site("estimate-kill")
    queued = shell(site, ESTIMATE.format(d=demo_data))
    with locked(site.url, SHARE.format("estimates_estimaterow")) as probe:
        worker = start(["worker", "--no-startup-delay", "--interval", "0.1"], site.env)
        # The estimate is computed and its revision row inserted; its rows wait.
        wait_for(lambda: waiting_on(probe, "estimates_estimaterow"), "the worker mid-save")
        kill_group(worker)
    with connect(site.url, autocommit=True) as probe:
        wait_for(lambda: others_gone(probe), "the killed worker's session to end")
    assert count(site, "estimates_estimate") == 0
    assert count(site, "estimates_estimaterow") == 0
    assert task_row(site, queued)[0] == "RUNNING"  # what django-tasks-db leaves

    recovered = cnvh("worker", "--recover-only", env=site.env)
    assert "1 interrupted tasks marked failed" in recovered.stdout
    status, exception, traceback = task_row(site, queued)
    assert (status, exception) == ("FAILED", "cnvh.ops.recovery.WorkerLost")
    assert "stopped while running this task" in traceback
    assert "đã dừng khi đang chạy tác vụ này" in traceback

    again = shell(site, f"from cnvh.ops.recovery import rerun; print(rerun({queued!r}).id)")
    cnvh("worker", "--batch", "--no-startup-delay", env=site.env)
    assert task_row(site, again)[0] == "SUCCESSFUL"
    assert count(site, "estimates_estimate") == 1
    assert count(site, "estimates_estimaterow") > 1000


def test_a_live_workers_task_is_left_running(
    make_site: Callable[..., Site], demo_data: Path
) -> None:
    site = make_site("estimate-live")
    queued = shell(site, ESTIMATE.format(d=demo_data))
    worker = start(["worker", "--no-startup-delay", "--interval", "0.1"], site.env)
    try:
        with locked(site.url, SHARE.format("estimates_estimaterow")) as probe:
            wait_for(lambda: waiting_on(probe, "estimates_estimaterow"), "the worker mid-save")
            recovered = cnvh("worker", "--recover-only", env=site.env)
            assert "0 interrupted tasks marked failed" in recovered.stdout
            assert task_row(site, queued)[0] == "RUNNING"
        wait_for(lambda: task_row(site, queued)[0] == "SUCCESSFUL", "the estimate to finish")
    finally:
        kill_group(worker)
    assert count(site, "estimates_estimate") == 1


SUBMISSION = {
    "task_status": "in_progress",
    "percent_done": "40",
    "narrative": "Đã tổ chức hai sự kiện.",
    "submit": "1",
}


def submit_and_kill(site: Site, world: dict[str, Any]) -> list[object]:
    """Submits the report and kills the server in the middle; returns what the
    browser got back."""
    page = f"/reports/{world['report']}/"
    server, base = start_server(site.env)
    browser = Browser(base)
    answers: list[object] = []

    def send(form: str) -> None:
        try:
            answers.append(browser.post_form(page, SUBMISSION, form))
        except OSError as error:  # the server went away in the middle
            answers.append(error)

    try:
        browser.log_in(world["officer"], PASSWORD)
        post = threading.Thread(target=send, args=(browser.get(page)[1],), daemon=True)
        # A submission settles the officer's "report due" notification: holding its row
        # stops the submission after it marked the report submitted, before the commit.
        due = "SELECT 1 FROM plan_notification WHERE id = %s FOR UPDATE"
        with locked(site.url, due, world["due"]) as probe:
            post.start()
            pid = wait_for(lambda: waiting(probe), "the submission mid-way")[0]
            assert writing(probe, pid, "plan_progressreport")
            assert writing(probe, pid, "plan_historicalprogressreport")
            kill_group(server)
        with connect(site.url, autocommit=True) as probe:
            wait_for(lambda: others_gone(probe), "the killed server's sessions to end")
        post.join(timeout=60)
    finally:
        if server.poll() is None:
            kill_group(server)
    return answers


def report_state(site: Site, report: int) -> tuple[Any, ...]:
    with connect(site.url) as con:
        row = con.execute(
            "SELECT status, submitted_at, narrative FROM plan_progressreport WHERE id = %s",
            [report],
        ).fetchone()
    assert row is not None
    return tuple(row)


def test_server_killed_in_a_submission(make_site: Callable[..., Site]) -> None:
    site = make_site("submit-kill")
    world = json.loads(shell(site, "from tests.ops.world import report_world; report_world()"))
    answers = submit_and_kill(site, world)
    assert len(answers) == 1
    assert isinstance(answers[0], OSError), answers  # the request never got an answer
    # The draft's save (its own transaction, committed first) stays; the submission is gone.
    assert report_state(site, world["report"]) == ("draft", None, SUBMISSION["narrative"])
    with connect(site.url) as con:
        kinds = [r[0] for r in con.execute("SELECT status FROM plan_historicalprogressreport")]
    assert "submitted" not in kinds
    assert count(site, "plan_notification") == 1  # the officer's "due" only

    server, base = start_server(site.env)
    try:
        browser = Browser(base)
        browser.log_in(world["officer"], PASSWORD)
        assert browser.post_form(f"/reports/{world['report']}/", SUBMISSION) == 302
    finally:
        kill_group(server)
    assert report_state(site, world["report"])[0] == "submitted"
    assert count(site, "plan_notification") == 2  # and the coordinator's "waiting"


def test_load_demo_killed_in_the_plan(make_site: Callable[..., Site], demo_data: Path) -> None:
    site = make_site("load-kill")
    env = {**site.env, "CNVH_DEBUG": "1"}
    with locked(site.url, SHARE.format("plan_progressreport")) as probe:
        loading = start(["load-demo", str(demo_data)], env)
        # Estimates stored; agencies, tasks and people written; the reports wait.
        wait_for(lambda: waiting_on(probe, "plan_progressreport"), "load-demo mid-plan")
        kill_group(loading)
    with connect(site.url, autocommit=True) as probe:
        wait_for(lambda: others_gone(probe), "the killed command's session to end")
    for table in ("plan_plan", "plan_agency", "plan_task", "plan_membership", "auth_user"):
        assert count(site, table) == 0, table
    # The estimates are one transaction of their own, committed whole before the plan.
    assert count(site, "estimates_estimate") == 3
    assert count(site, "estimates_publication") == 3

    again = cnvh("load-demo", str(demo_data), env=env).stdout
    assert again.count("unchanged") == 3
    assert "plan: " in again
    assert count(site, "plan_task") > 100
    assert count(site, "estimates_estimate") == 3
