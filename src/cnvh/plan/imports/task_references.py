"""What a file of tasks refers to (plans, content groups, tasks, agencies, indicators),
read in a few queries, and the checks of those references."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from cnvh.exchange.kinds import Problems, Row
from cnvh.plan.imports.common import Text, add, codes, day, text
from cnvh.plan.models import Agency, ContentGroup, Indicator, Plan, Task


@dataclass
class Known:
    plans: dict[str, Plan]
    groups: dict[tuple[int, int], ContentGroup]
    tasks: dict[tuple[int, str], list[Task]]
    agencies: dict[str, Agency]
    indicators: dict[str, Indicator]

    @classmethod
    def load(cls, rows: Sequence[Row]) -> "Known":
        agency_codes = {text(row, "lead") for row in rows}
        indicator_codes: set[str] = set()
        for row in rows:
            agency_codes.update(codes(row, "coordinating"))
            indicator_codes.update(codes(row, "indicators"))
        tasks: dict[tuple[int, str], list[Task]] = defaultdict(list)
        found = Task.objects.filter(code__in={text(row, "code") for row in rows})
        for task in found.select_related("group").prefetch_related(
            "coordinating_agencies", "indicators"
        ):
            tasks[(task.group.plan_id, task.code)].append(task)
        return cls(
            plans={plan.code: plan for plan in Plan.objects.all()},
            groups={(group.plan_id, group.number): group for group in ContentGroup.objects.all()},
            tasks=tasks,
            agencies=Agency.objects.in_bulk(agency_codes - {""}, field_name="code"),
            indicators=Indicator.objects.in_bulk(indicator_codes, field_name="code"),
        )

    def plan_of(self, row: Row) -> Plan | None:
        """The plan named in the row; with no plan named, the only plan there is."""
        code = text(row, "plan")
        if code:
            return self.plans.get(code)
        return next(iter(self.plans.values())) if len(self.plans) == 1 else None

    def plan_key(self, row: Row) -> object:
        plan = self.plan_of(row)
        return plan.pk if plan else text(row, "plan")

    def report_plan(self, problems: Problems, row: Row) -> None:
        code = text(row, "plan")
        listed = ", ".join(sorted(self.plans)) or "—"
        if code:
            what = Text(f"Không có kế hoạch mã “{code}”.", f"No plan with code “{code}”.")
        else:
            what = Text(
                "Không rõ nhiệm vụ thuộc kế hoạch nào.",
                "Which plan the task belongs to is not said.",
            )
        add(
            problems,
            row,
            "plan",
            what,
            Text(
                f"Ghi mã của kế hoạch trong cột “Mã kế hoạch” (có: {listed}).",
                f"Write the plan's code in a “Plan code” column (there are: {listed}).",
            ),
        )

    def _candidates(self, plan: Plan, code: str) -> list[Task]:
        return self.tasks.get((plan.pk, code), [])

    def task_of(self, plan: Plan, group: ContentGroup, code: str) -> Task | None:
        """The plan's task with this code; in the row's group when several groups have it."""
        candidates = self._candidates(plan, code)
        if len(candidates) == 1:
            return candidates[0]
        return next((task for task in candidates if task.group_id == group.pk), None)

    def ambiguous(self, plan: Plan, group: ContentGroup, code: str) -> bool:
        candidates = self._candidates(plan, code)
        return len(candidates) > 1 and all(task.group_id != group.pk for task in candidates)


def check_agencies(known: Known, problems: Problems, row: Row) -> None:
    """The lead and coordinating agencies exist, differ, and still exist when the task starts."""
    lead = text(row, "lead")
    if lead and lead not in known.agencies:
        add(problems, row, "lead", *_unknown_agencies([lead]))
    coordinating = codes(row, "coordinating")
    unknown = [code for code in coordinating if code not in known.agencies]
    if unknown:
        add(problems, row, "coordinating", *_unknown_agencies(unknown))
    if lead and lead in coordinating:
        add(
            problems,
            row,
            "coordinating",
            Text(
                f"Cơ quan chủ trì “{lead}” cũng được ghi là cơ quan phối hợp.",
                f"The lead agency “{lead}” is also listed as coordinating.",
            ),
            Text(
                "Bỏ cơ quan chủ trì khỏi danh sách cơ quan phối hợp.",
                "Remove the lead agency from the coordinating agencies.",
            ),
        )
    _check_ended(known, problems, row, "lead", [lead])
    _check_ended(known, problems, row, "coordinating", coordinating)


def _unknown_agencies(missing: list[str]) -> tuple[Text, Text]:
    listed = ", ".join(f"“{code}”" for code in missing)
    return (
        Text(
            f"Không có cơ quan mã {listed} trong hệ thống.",
            f"No agency with code {listed} in cnvh.",
        ),
        Text(
            "Sửa mã cho đúng (xem danh sách cơ quan), hoặc nhập tệp cơ quan trước rồi nhập "
            "lại tệp nhiệm vụ. Nhiều mã cách nhau bằng “;” hoặc “,”.",
            "Correct the code (see the list of agencies), or import the agencies first and "
            "this file again. Separate several codes with “;” or “,”.",
        ),
    )


def _check_ended(known: Known, problems: Problems, row: Row, name: str, listed: list[str]) -> None:
    starts = day(row, "starts_on")
    if starts is None:
        return
    for code in listed:
        agency = known.agencies.get(code)
        if agency is not None and agency.valid_to is not None and agency.valid_to < starts:
            add(
                problems,
                row,
                name,
                Text(
                    f"Cơ quan “{code}” chỉ tồn tại đến {agency.valid_to:%d/%m/%Y}, "
                    f"trước khi nhiệm vụ bắt đầu ({starts:%d/%m/%Y}).",
                    f"The agency “{code}” existed until {agency.valid_to:%Y-%m-%d}, before the "
                    f"task starts ({starts:%Y-%m-%d}).",
                ),
                Text(
                    "Giao nhiệm vụ cho cơ quan kế thừa (ví dụ phường, xã mới).",
                    "Give the task to the agency that took over (for example the new ward).",
                ),
            )


def check_indicators(known: Known, problems: Problems, row: Row) -> None:
    unknown = [code for code in codes(row, "indicators") if code not in known.indicators]
    if unknown:
        listed = ", ".join(f"“{code}”" for code in unknown)
        add(
            problems,
            row,
            "indicators",
            Text(f"Không có chỉ tiêu mã {listed}.", f"No indicator with code {listed}."),
            Text(
                "Sửa mã chỉ tiêu cho đúng (xem danh sách chỉ tiêu). Nhiều mã cách nhau bằng "
                "“;” hoặc “,”.",
                "Correct the indicator code (see the list of indicators). Separate several "
                "codes with “;” or “,”.",
            ),
        )
