"""What the plan's import tests share: a collector of problems, an import record and
the way the import machinery runs a kind (check everything, save only a clean file)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from cnvh.exchange.kinds import Kind, Row
from cnvh.exchange.models import ImportRecord
from cnvh.plan.models import Task
from tests import factories


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    what_vi: str
    what_en: str
    fix_vi: str
    fix_en: str


@dataclass
class Collected:
    found: list[Problem] = field(default_factory=list)

    def add(self, **problem: Any) -> None:
        self.found.append(Problem(**problem))

    def only(self) -> Problem:
        assert len(self.found) == 1, self.found
        return self.found[0]


def record(kind: str = "test", file_name: str = "data.csv", by: Any = None) -> ImportRecord:
    return ImportRecord.objects.create(
        kind=kind,
        file=f"imports/{file_name}",
        file_name=file_name,
        file_size=100,
        sha256="5e" * 32,
        created_by=by or factories.user(),
    )


def run(kind: Kind, rows: Sequence[Row], on: ImportRecord | None = None) -> tuple[Collected, int]:
    """Checks the rows and saves them when no problem was found, in one transaction."""
    problems = Collected()
    with transaction.atomic():
        kind.check(rows, problems)
        if problems.found:
            return problems, 0
        return problems, kind.save(rows, on or record(kind.key))


def rows(*values: dict[str, Any], first: int = 2) -> list[Row]:
    """Rows as the machinery gives them: numbered as a spreadsheet shows them, under
    a header row."""
    return [Row(first + index, dict(cells)) for index, cells in enumerate(values)]


def snapshot(codes: list[str]) -> dict[str, tuple[Any, ...]]:
    found = {}
    for task in Task.objects.filter(code__in=codes).select_related("group", "lead_agency"):
        found[task.code] = (
            task.group.number,
            task.title_vi,
            task.title_en,
            task.description_vi,
            task.lead_agency.code,
            sorted(task.coordinating_agencies.values_list("code", flat=True)),
            task.starts_on,
            task.due_on,
            task.frequency,
            task.expected_output_vi,
            task.expected_output_en,
            sorted(task.indicators.values_list("code", flat=True)),
        )
    return found
