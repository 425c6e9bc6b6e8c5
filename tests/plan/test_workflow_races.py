"""Two workflow steps on one report at the same moment, in real threads with their own
database connections: an edit and a submission, a page's save and a submission, two
approvers. Whatever the order, the report ends in the state of the step that answered
last with success, nothing a step wrote is lost, and the loser gets a 409 or a message,
never a 403 or a 500. Runs on the suite's database: SQLite or PostgreSQL."""

import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from cnvh.plan import workflow
from cnvh.plan.models import Notification, ProgressReport
from tests.api.world import World, build

pytestmark = pytest.mark.django_db(transaction=True)
TRIES = 12


@pytest.fixture
def database_file(tmp_path: Path) -> Iterator[None]:
    """On SQLite, a database file instead of the suite's in-memory one: threads share an
    in-memory database through SQLite's shared cache, whose table locks fail at once
    instead of waiting, which no server ever runs with. A copy of the migrated, empty
    database is written to a file and every connection opened meanwhile uses it."""
    if connection.vendor != "sqlite":
        yield
        return
    configured = connections.settings["default"]
    memory = configured["NAME"]
    # The in-memory database lives while a connection to it is open: keep one.
    keep = sqlite3.connect(memory, uri=True)
    path = tmp_path / "races.sqlite3"
    target = sqlite3.connect(path)
    keep.backup(target)
    target.close()
    configured["NAME"] = str(path)
    connection.close()
    try:
        yield
    finally:
        connection.close()
        configured["NAME"] = memory
        connection.ensure_connection()
        keep.close()


@pytest.fixture
def world(database_file: None, settings: Any, tmp_path: Path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_API_WRITE_LIMIT = 1_000_000
    return build()


def at_once(*steps: Callable[[], Any]) -> list[Any]:
    """Run the steps in threads released together; each thread's answer, or the error it
    raised, in the steps' order."""
    barrier = threading.Barrier(len(steps))
    answers: list[Any] = [None] * len(steps)

    def run(index: int, step: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            answers[index] = step()
        except Exception as error:
            answers[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


def fresh_draft(world: World, number: int) -> ProgressReport:
    report = workflow.start_report(
        world.objects["other"], world.objects["q2"], world.people["officer_of_lead"]
    )
    # Each try needs a draft of its own: the previous one is submitted.
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ProgressReport.Status.DRAFT,
        narrative=f"Try {number}.",
        submitted_at=None,
        submitted_by=None,
        first_submitted_at=None,
    )
    Notification.objects.filter(report=report).delete()
    report.refresh_from_db()
    return report


def api(world: World, method: str, url: str, body: Any = None) -> int:
    client = world.client("officer_of_lead")
    if method == "patch":
        return int(client.patch(url, body, content_type="application/json").status_code)
    return int(client.post(url, content_type="application/json").status_code)


def edit_and_submit(world: World, report: ProgressReport, number: int) -> tuple[int, int]:
    url = f"/api/reports/{report.pk}"
    body = {"narrative": f"Edited {number}.", "percent_done": 55}
    edit, submit = at_once(
        lambda: api(world, "patch", url, body), lambda: api(world, "post", f"{url}/submit")
    )
    return edit, submit


def test_an_api_edit_and_a_submission_at_once_lose_nothing(world: World) -> None:
    seen: Counter[tuple[int, int]] = Counter()
    for number in range(TRIES):
        report = fresh_draft(world, number)
        edit, submit = edit_and_submit(world, report, number)
        seen[(edit, submit)] += 1
        report.refresh_from_db()
        assert submit == 200, (number, edit, submit)
        assert edit in {200, 409}, (number, edit, submit)
        # The submission always wins its place: the report is waiting, and its approvers
        # were told of it.
        assert report.status == ProgressReport.Status.SUBMITTED
        assert report.submitted_at is not None
        assert Notification.objects.filter(report=report).exists()
        # The edit is kept when it answered 200 (it came first) and absent when it
        # answered 409 (the submission came first).
        edited = report.narrative == f"Edited {number}." and report.percent_done == 55
        assert edited == (edit == 200), (number, edit, report.narrative)
    print(f"\nAPI edit × submit, {TRIES} tries, (edit, submit) answers: {dict(seen)}")


def save_and_submit(world: World, report: ProgressReport) -> tuple[Any, int]:
    page = Client()
    page.force_login(world.people["officer_of_lead"])
    form = {"task_status": "in_progress", "percent_done": 70, "narrative": "From the page."}
    answer, submit = at_once(
        lambda: page.post(f"/reports/{report.pk}/", form, follow=True),
        lambda: api(world, "post", f"/api/reports/{report.pk}/submit"),
    )
    return answer, submit


def test_the_page_save_and_an_api_submission_at_once(world: World) -> None:
    seen: Counter[str] = Counter()
    for number in range(TRIES):
        report = fresh_draft(world, number)
        page_answer, submit = save_and_submit(world, report)
        report.refresh_from_db()
        assert submit == 200
        assert page_answer.status_code == 200, page_answer.status_code
        assert report.status == ProgressReport.Status.SUBMITTED
        said = " ".join(str(message) for message in page_answer.context["messages"])
        saved = report.narrative == "From the page." and report.percent_done == 70
        # Either the page saved first (its words kept) or it says that nothing changed.
        assert saved or "Nothing was changed" in said or "Không có gì thay đổi" in said, said
        seen["saved" if saved else "refused"] += 1
    print(f"\npage save × API submit, {TRIES} tries: {dict(seen)}")


def approve_and_return(world: World, report: ProgressReport) -> tuple[Any, Any]:
    first, second = Client(), Client()
    first.force_login(world.people["coordinator"])
    second.force_login(world.people["leader_of_lead"])
    reason = {f"r{report.pk}-reason": "Thiếu số liệu."}
    approve, give_back = at_once(
        lambda: first.post(f"/approvals/{report.pk}/approve/"),
        lambda: second.post(f"/approvals/{report.pk}/return/", reason),
    )
    return approve, give_back


def test_two_approvers_at_once_approve_or_return_once(world: World) -> None:
    coordinator, leader = world.people["coordinator"], world.people["leader_of_lead"]
    seen: Counter[str] = Counter()
    for number in range(TRIES):
        report = workflow.submit(fresh_draft(world, number), world.people["officer_of_lead"])
        approve, give_back = approve_and_return(world, report)
        # The loser is told that the report is no longer waiting, never refused.
        assert approve.status_code == 302 and give_back.status_code == 302
        report.refresh_from_db()
        assert report.status in {ProgressReport.Status.APPROVED, ProgressReport.Status.RETURNED}
        if report.status == ProgressReport.Status.RETURNED:
            assert report.return_reason == "Thiếu số liệu."
            assert report.reviewed_by == leader
        else:
            assert report.reviewed_by == coordinator
        seen[report.status] += 1
    print(f"\napprove × return, {TRIES} tries: {dict(seen)}")


def submit_six_times(world: World, report: ProgressReport) -> list[Any]:
    url = f"/api/reports/{report.pk}/submit"
    return at_once(*[lambda: api(world, "post", url) for _ in range(6)])


def test_six_submissions_at_once_one_wins_the_others_are_told(world: World) -> None:
    """On SQLite, before transactions began IMMEDIATE, five of six failed with 500."""
    seen: Counter[int] = Counter()
    for number in range(TRIES // 2):
        report = fresh_draft(world, number)
        answers = submit_six_times(world, report)
        assert sorted(answers) == [200, 409, 409, 409, 409, 409], answers
        seen.update(answers)
        report.refresh_from_db()
        assert report.status == ProgressReport.Status.SUBMITTED
    print(f"\nsix submits at once, {TRIES // 2} tries: {dict(seen)}")
