"""Tasks of a plan from a file: the demo's own file gives the demo's tasks; every reference
is checked and every problem reported with its row and column, and nothing saved."""

import csv
from datetime import date
from typing import Any

import pytest

from cnvh.exchange.kinds import Column, Row
from cnvh.plan.demo.catalogue import DATA
from cnvh.plan.imports import AgencyKind, TaskKind
from cnvh.plan.models import Agency, ContentGroup, Indicator, Plan, Task
from tests import factories
from tests.plan.imports.support import record, rows, run, snapshot

pytestmark = pytest.mark.django_db
KIND = TaskKind()


def typed(columns: tuple[Column, ...], cells: dict[str, str]) -> dict[str, Any]:
    """A CSV line's cells as the reading layer types them (ISO dates in the demo files)."""
    types = {column.name: column.type for column in columns}
    values: dict[str, Any] = {}
    for name, cell in cells.items():
        kind = types.get(name)
        if kind is None:
            continue
        if not cell.strip():
            values[name] = None
        elif kind == "integer":
            values[name] = int(cell)
        elif kind == "date":
            values[name] = date.fromisoformat(cell)
        else:
            values[name] = cell.strip()
    return values


def demo_file(name: str, columns: tuple[Column, ...]) -> list[Row]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle))
    return rows(*(typed(columns, line) for line in lines))


def test_the_demo_file_gives_the_demo_tasks(demo: Plan) -> None:
    file = demo_file("tasks.csv", KIND.columns)
    codes = [str(row.values["code"]) for row in file]
    loaded = snapshot(codes)
    assert len(loaded) == len(file) == 17
    Task.objects.filter(code__in=codes).delete()

    problems, saved = run(KIND, file)
    assert (problems.found, saved) == ([], 17)
    assert snapshot(codes) == loaded
    task = Task.objects.get(code="2.3")
    assert (task.lead_agency.code, task.group.number, task.frequency) == ("thong-ke", 2, "quarter")
    assert [a.code for a in task.coordinating_agencies.all()] == ["so-vhtt"]
    assert (task.starts_on, task.due_on) == (date(2025, 1, 1), date(2026, 12, 31))
    assert task.status == Task.Status.NOT_STARTED and task.percent_done == 0


def test_the_demo_file_again_changes_nothing(demo: Plan) -> None:
    file = demo_file("tasks.csv", KIND.columns)
    histories = Task.history.count()
    problems, saved = run(KIND, file)
    assert (problems.found, saved) == ([], 0)
    assert Task.history.count() == histories


def test_the_demo_agencies_file_over_the_demo_agencies_changes_nothing(demo: Plan) -> None:
    kind = AgencyKind()
    histories = Agency.history.count()
    problems, saved = run(kind, demo_file("agencies.csv", kind.columns))
    assert (problems.found, saved) == ([], 0)
    assert Agency.history.count() == histories


@pytest.fixture
def plan() -> Plan:
    made = factories.plan(owner=factories.agency("so-vhtt"))
    factories.group(made, 1)
    factories.group(made, 2)
    factories.agency("so-du-lich")
    factories.agency("so-tai-chinh")
    factories.agency("quan-ba-dinh", kind="district", valid_to=date(2025, 6, 30))
    factories.indicator("events", source=Indicator.Source.REPORTS, unit="events")
    return made


def task_row(code: str = "1.1", **cells: Any) -> dict[str, Any]:
    values = {
        "group": 1,
        "code": code,
        "title_vi": "Tuyên truyền về công nghiệp văn hóa",
        "lead": "so-vhtt",
        "starts_on": date(2026, 1, 1),
        "due_on": date(2026, 12, 31),
    }
    return values | cells


def test_update_moves_and_records_history(plan: Plan) -> None:
    second = ContentGroup.objects.get(plan=plan, number=2)
    existing = factories.task(
        lead=Agency.objects.get(code="so-du-lich"), in_group=second, code="1.1"
    )
    importer = factories.user(name="dieuphoi")
    on = record("tasks", "nhiem-vu.csv", by=importer)
    problems, saved = run(
        KIND,
        rows(
            task_row(
                coordinating="so-du-lich; so-tai-chinh",
                frequency="Hằng năm",
                indicators="events",
                expected_output_vi="Chuyên mục hằng quý",
                status="completed",  # not a column of tasks: ignored
                percent_done=100,
            )
        ),
        on,
    )
    assert (problems.found, saved) == ([], 1)
    task = Task.objects.get(pk=existing.pk)
    assert (task.group.number, task.lead_agency.code, task.frequency) == (1, "so-vhtt", "year")
    assert sorted(a.code for a in task.coordinating_agencies.all()) == [
        "so-du-lich",
        "so-tai-chinh",
    ]
    assert [i.code for i in task.indicators.all()] == ["events"]
    assert (task.status, task.percent_done) == (Task.Status.NOT_STARTED, 0)
    latest = task.history.first()
    assert latest is not None
    assert latest.history_change_reason == f"import #{on.pk} nhiem-vu.csv"
    assert latest.history_user == importer


def test_empty_cells_keep_a_dash_empties(plan: Plan) -> None:
    full = task_row(coordinating="so-du-lich", indicators="events", title_en="Communicate")
    run(KIND, rows(full | {"frequency": "half", "expected_output_vi": "Tin bài"}))
    run(KIND, rows(task_row(coordinating=None, indicators=None, title_en=None)))
    task = Task.objects.get(code="1.1")
    assert [a.code for a in task.coordinating_agencies.all()] == ["so-du-lich"]
    assert [i.code for i in task.indicators.all()] == ["events"]
    assert (task.title_en, task.frequency, task.expected_output_vi) == (
        "Communicate",
        "half",
        "Tin bài",
    )
    problems, saved = run(KIND, rows(task_row(coordinating="-", indicators="-", title_en="-")))
    assert (problems.found, saved) == ([], 1)
    task.refresh_from_db()
    assert (task.coordinating_agencies.count(), task.indicators.count(), task.title_en) == (
        0,
        0,
        "",
    )


def test_plan_named_in_the_file(plan: Plan) -> None:
    other = factories.plan()
    factories.group(other, 1)
    problems, _ = run(KIND, rows(task_row(plan=plan.code), task_row(plan=other.code)))
    assert problems.found == []
    assert Task.objects.filter(code="1.1").count() == 2


def assert_no_task() -> None:
    assert Task.objects.count() == 0
    assert Task.history.count() == 0


def test_unknown_lead_agency(plan: Plan) -> None:
    problems, saved = run(KIND, rows(task_row(), task_row("1.2", lead="so-xay-dung")))
    problem = problems.only()
    assert (problem.row, problem.column, saved) == (3, "lead", 0)
    assert problem.what_vi == "Không có cơ quan mã “so-xay-dung” trong hệ thống."
    assert problem.what_en == "No agency with code “so-xay-dung” in cnvh."
    assert (
        "nhập tệp cơ quan trước" in problem.fix_vi and "import the agencies first" in problem.fix_en
    )
    assert_no_task()


def test_unknown_coordinating_agencies_listed_together(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(coordinating="so-du-lich, so-x,so-y")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "coordinating")
    assert problem.what_en == "No agency with code “so-x”, “so-y” in cnvh."
    assert_no_task()


def test_lead_also_coordinating(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(coordinating="so-du-lich;so-vhtt")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "coordinating")
    assert "“so-vhtt” is also listed as coordinating" in problem.what_en
    assert_no_task()


def test_agency_gone_before_the_task_starts(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(lead="quan-ba-dinh")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "lead")
    assert "chỉ tồn tại đến 30/06/2025" in problem.what_vi
    assert "existed until 2025-06-30, before the task starts (2026-01-01)" in problem.what_en
    assert_no_task()


def test_duplicate_task_in_the_file(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row("1.1"), task_row("1.2"), task_row("1.1", group=2)))
    problem = problems.only()
    assert (problem.row, problem.column) == (4, "code")
    assert problem.what_vi == "Nhiệm vụ trùng mã với dòng 2 của cùng kế hoạch."
    assert problem.what_en == "The task code repeats row 2 of the same plan."
    assert_no_task()


def test_end_before_start(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(due_on=date(2025, 12, 31))))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "due_on")
    assert "31/12/2025 trước ngày bắt đầu 01/01/2026" in problem.what_vi
    assert "“Start date” and “End date”" in problem.fix_en
    assert_no_task()


def test_unknown_indicator(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(indicators="events enterprises")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "indicators")
    assert problem.what_vi == "Không có chỉ tiêu mã “enterprises”."
    assert problem.what_en == "No indicator with code “enterprises”."
    assert_no_task()


def test_unknown_content_group(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(group=9)))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "group")
    assert problem.what_en == f"The plan {plan.code} has no content group number 9."
    assert_no_task()


def test_unknown_plan(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(plan="khong-co")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "plan")
    assert problem.what_en == "No plan with code “khong-co”."
    assert plan.code in problem.fix_en and plan.code in problem.fix_vi
    assert_no_task()


def test_which_plan_when_there_are_several(plan: Plan) -> None:
    factories.plan()
    problems, _ = run(KIND, rows(task_row()))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "plan")
    assert problem.what_vi == "Không rõ nhiệm vụ thuộc kế hoạch nào."
    assert_no_task()


def test_unknown_frequency(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row(frequency="hằng tháng")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "frequency")
    assert problem.what_en == "Unknown reporting frequency “hằng tháng”."
    assert "quarter (Hằng quý)" in problem.fix_vi and "quarter (Quarterly)" in problem.fix_en
    assert_no_task()


def test_code_too_long(plan: Plan) -> None:
    problems, _ = run(KIND, rows(task_row("1.1-" + "9" * 13)))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "code")
    assert problem.what_en == "Too long: 17 characters, at most 16."
    assert_no_task()


def test_frequencies_in_either_language(plan: Plan) -> None:
    written = ["quý", "Half-yearly", "6 tháng", "annual", "HẰNG NĂM"]
    file = rows(*(task_row(f"1.{n}", frequency=w) for n, w in enumerate(written)))
    assert run(KIND, file)[0].found == []
    found = dict(Task.objects.values_list("code", "frequency"))
    assert found == {"1.0": "quarter", "1.1": "half", "1.2": "half", "1.3": "year", "1.4": "year"}
