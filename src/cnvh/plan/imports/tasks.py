"""Tasks of a plan from a file: inserted or updated by the plan and the task's code, each
change in the task's history with the import as its reason.

A task's status and % done are not read: they come from its approved reports. An empty
cell leaves what is saved as it is; a dash ("-") empties a saved text or list.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.plan.imports.common import (
    Text,
    add,
    check_date_order,
    check_length,
    choice_lookup,
    choice_names,
    codes,
    column,
    day,
    duplicates,
    given,
    mark_change,
    new_text,
    set_fields,
    text,
)
from cnvh.plan.imports.task_references import Known, check_agencies, check_indicators
from cnvh.plan.models import Task
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

FREQUENCY_SYNONYMS: dict[str, tuple[str, ...]] = {
    Task.Frequency.QUARTER: ("quý", "theo quý", "quarter", "quarterly"),
    Task.Frequency.HALF: ("6 tháng", "sáu tháng", "nửa năm", "half year", "half"),
    Task.Frequency.YEAR: ("năm", "hằng năm", "hàng năm", "year", "annual", "annually"),
}
TEXTS = {
    "title_vi": 500,
    "title_en": 500,
    "description_vi": 100_000,
    "description_en": 100_000,
    "expected_output_vi": 100_000,
    "expected_output_en": 100_000,
}


class TaskKind:
    key: str = "tasks"
    title_vi: str = "Nhiệm vụ của kế hoạch"
    title_en: str = "Tasks of a plan"
    permission: str = "plan.import_tasks"
    columns: tuple[Column, ...] = (
        column("plan", "code", "Mã kế hoạch", "Plan code", "Kế hoạch", "Plan"),
        column(
            "group",
            "integer",
            "Nhóm nội dung",
            "Content group",
            "Nhóm",
            "Số nhóm",
            "Group number",
            required=True,
        ),
        column(
            "code",
            "code",
            "Mã nhiệm vụ",
            "Task code",
            "Số hiệu",
            "STT",
            "Số thứ tự",
            "Number",
            "No",
            required=True,
        ),
        column(
            "title_vi",
            "text",
            "Tên nhiệm vụ",
            "Task name",
            "Nội dung nhiệm vụ",
            "Nhiệm vụ",
            "Name",
            "Name (Vietnamese)",
            required=True,
        ),
        column(
            "title_en",
            "text",
            "Tên nhiệm vụ (tiếng Anh)",
            "Task name (English)",
            "Tên tiếng Anh",
            "Name (English)",
        ),
        column("description_vi", "text", "Mô tả", "Description (Vietnamese)", "Description"),
        column("description_en", "text", "Mô tả (tiếng Anh)", "Description (English)"),
        column(
            "lead",
            "code",
            "Mã cơ quan chủ trì",
            "Lead agency code",
            "Cơ quan chủ trì",
            "Lead agency",
            required=True,
        ),
        column(
            "coordinating",
            "text",
            "Mã cơ quan phối hợp",
            "Coordinating agency codes",
            "Cơ quan phối hợp",
            "Coordinating agencies",
        ),
        column(
            "starts_on",
            "date",
            "Ngày bắt đầu",
            "Start date",
            "Thời gian bắt đầu",
            "Starts on",
            required=True,
        ),
        column(
            "due_on",
            "date",
            "Hạn hoàn thành",
            "End date",
            "Ngày kết thúc",
            "Thời hạn",
            "Due date",
            "Due on",
            required=True,
        ),
        column(
            "expected_output_vi",
            "text",
            "Sản phẩm dự kiến",
            "Expected output",
            "Sản phẩm",
            "Expected output (Vietnamese)",
        ),
        column(
            "expected_output_en",
            "text",
            "Sản phẩm dự kiến (tiếng Anh)",
            "Expected output (English)",
        ),
        column(
            "frequency",
            "text",
            "Tần suất báo cáo",
            "Reporting frequency",
            "Kỳ báo cáo",
            "Frequency",
        ),
        column("indicators", "text", "Mã chỉ tiêu", "Indicator codes", "Chỉ tiêu", "Indicators"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        known = Known.load(rows)
        frequencies = choice_lookup(Task.Frequency, FREQUENCY_SYNONYMS)
        for row in rows:
            _check_place(known, problems, row)
            check_agencies(known, problems, row)
            check_indicators(known, problems, row)
            _check_frequency(problems, row, frequencies)
            check_date_order(
                problems,
                row,
                "starts_on",
                "due_on",
                Text("“Ngày bắt đầu” và “Hạn hoàn thành”", "“Start date” and “End date”"),
            )
            check_length(problems, row, "code", 16)
            for name, limit in TEXTS.items():
                check_length(problems, row, name, limit)
        duplicates(
            rows,
            lambda row: (known.plan_key(row), text(row, "code")) if text(row, "code") else None,
            problems,
            "code",
            Text(
                "Nhiệm vụ trùng mã với dòng {row} của cùng kế hoạch.",
                "The task code repeats row {row} of the same plan.",
            ),
            Text(
                "Mỗi nhiệm vụ chỉ ghi một dòng: gộp hai dòng hoặc sửa mã.",
                "Give each task one row: merge the rows or correct the code.",
            ),
        )

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        known = Known.load(rows)
        frequencies = choice_lookup(Task.Frequency, FREQUENCY_SYNONYMS)
        saved = 0
        for row in rows:
            plan = known.plan_of(row)
            assert plan is not None  # checked
            number = row.values["group"]
            assert isinstance(number, int)  # checked
            group = known.groups[(plan.pk, number)]
            task = known.task_of(plan, group, text(row, "code")) or Task(code=text(row, "code"))
            fields = _fields(row, frequencies)
            fields["group_id"] = group.pk
            fields["lead_agency_id"] = known.agencies[text(row, "lead")].pk
            changed = set_fields(task, fields) or task.pk is None
            if changed:
                mark_change(task, record)
                task.save()
            changed = _set_lists(known, task, row, record) or changed
            saved += changed
        return saved


def _fields(row: Row, frequencies: dict[str, str]) -> dict[str, object]:
    fields: dict[str, object] = {
        "title_vi": text(row, "title_vi"),
        "starts_on": day(row, "starts_on"),
        "due_on": day(row, "due_on"),
    }
    for name in TEXTS:
        if name != "title_vi" and given(row, name):
            fields[name] = new_text(row, name)
    # The frequency cannot be empty: an empty cell keeps it (quarterly for a new task).
    if text(row, "frequency"):
        fields["frequency"] = frequencies[plain(text(row, "frequency"))]
    return fields


def _set_lists(known: Known, task: Task, row: Row, record: "ImportRecord") -> bool:
    """The coordinating agencies and indicators the row lists, when the file has them."""
    changed = False
    if given(row, "coordinating"):
        wanted = {known.agencies[code].pk for code in codes(row, "coordinating")}
        if wanted != {agency.pk for agency in task.coordinating_agencies.all()}:
            mark_change(task, record)
            task.coordinating_agencies.set(wanted)
            changed = True
    if given(row, "indicators"):
        indicators = {known.indicators[code].pk for code in codes(row, "indicators")}
        if indicators != {indicator.pk for indicator in task.indicators.all()}:
            task.indicators.set(indicators)
            changed = True
    return changed


def _check_place(known: Known, problems: Problems, row: Row) -> None:
    """The row's plan, content group and, for a code the plan already has, its task."""
    plan = known.plan_of(row)
    if plan is None:
        known.report_plan(problems, row)
        return
    number = row.values.get("group")
    group = known.groups.get((plan.pk, number)) if isinstance(number, int) else None
    if group is None and number is not None:
        add(
            problems,
            row,
            "group",
            Text(
                f"Kế hoạch {plan.code} không có nhóm nội dung số {number}.",
                f"The plan {plan.code} has no content group number {number}.",
            ),
            Text(
                "Ghi số của một nhóm nội dung có trong kế hoạch, hoặc thêm nhóm đó trước.",
                "Write the number of one of the plan's content groups, or add that group first.",
            ),
        )
    if group is not None and known.ambiguous(plan, group, text(row, "code")):
        add(
            problems,
            row,
            "code",
            Text(
                f"Kế hoạch có nhiều nhiệm vụ mã “{text(row, 'code')}” ở các nhóm khác.",
                f"The plan has several tasks with code “{text(row, 'code')}” in other groups.",
            ),
            Text(
                "Ghi số nhóm nội dung của nhiệm vụ cần cập nhật.",
                "Write the content group of the task to update.",
            ),
        )


def _check_frequency(problems: Problems, row: Row, frequencies: dict[str, str]) -> None:
    written = text(row, "frequency")
    if written and plain(written) not in frequencies:
        listed = choice_names(Task.Frequency)
        add(
            problems,
            row,
            "frequency",
            Text(
                f"Không rõ tần suất báo cáo “{written}”.",
                f"Unknown reporting frequency “{written}”.",
            ),
            Text(f"Ghi một trong: {listed.vi}.", f"Write one of: {listed.en}."),
        )
