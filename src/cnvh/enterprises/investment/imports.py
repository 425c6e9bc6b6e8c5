"""Investment projects and their capital from a workbook (XLSX or CSV), read by
`cnvh.exchange`: all or nothing, each bad cell named by row and column.

One row is one capital line: a year, a source, the amount planned and the amount
disbursed (in VND). The project's own cells (name, investor, decisions, total) may be
written on any of its rows; its rows are tied together by the project code. Importing
a file again updates: a project is found by its code, a capital line by its project,
year and source, so nothing is added twice.

Each project goes through the workflow as the pages take it (`propose`, `change`,
`move("approve")` when the file gives the decision of investment, `record_capital`),
so the model's and the workflow's rules and the history apply to imported rows too."""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from cnvh.enterprises.investment import import_rows as cells
from cnvh.enterprises.investment import workflow
from cnvh.enterprises.investment.import_checks import Checker
from cnvh.enterprises.investment.import_rows import FileProject
from cnvh.enterprises.models import InvestmentProject, ProjectStatus
from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.plan.imports.common import mark_change, text

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord


class ProjectImportKind:
    key: str = "investment-projects"
    title_vi: str = "Dự án đầu tư và vốn"
    title_en: str = "Investment projects and their capital"
    permission: str = "enterprises.import_projects"
    columns: tuple[Column, ...] = cells.COLUMNS

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        checker = Checker(problems)
        checker.rows(rows)
        for found in cells.group(rows).values():
            checker.project(found)

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        user = record.created_by
        for found in cells.group(rows).values():
            _save(found, record, user)
        return len(rows)


def _save(found: FileProject, record: "ImportRecord", user: Any) -> None:
    stored = InvestmentProject.objects.filter(code=found.code).first()
    lowered = (
        stored is not None
        and "total_capital" in found.cells
        and cells.money(found.value("total_capital")) < (stored.total_capital or 0)
    )
    # A lowered total is saved after the lines that bring the plan within it.
    if lowered:
        project = InvestmentProject.objects.get(pk=stored.pk)  # type: ignore[union-attr]
        _lines(project, found, user)
        _project(found, stored, record, user)
    else:
        project = _project(found, stored, record, user)
        _lines(project, found, user)


def _project(
    found: FileProject, stored: InvestmentProject | None, record: "ImportRecord", user: Any
) -> InvestmentProject:
    project = stored or InvestmentProject(code=found.code)
    cells.apply(project, found)
    decision: tuple[str, date] | None = None
    if project.status == ProjectStatus.PROPOSED and project.investment_decided_on:
        # Approving is a step of the workflow: it records the decision itself.
        decision = (project.investment_decision_number, project.investment_decided_on)
        project.investment_decision_number, project.investment_decided_on = "", None
    mark_change(project, record)
    if stored is None:
        proposed = (
            cells.day(found.value("proposed_on"))
            or project.principle_decided_on
            or (decision[1] if decision else None)
            or timezone.localdate()
        )
        workflow.propose(project, proposed, user)
    else:
        workflow.change(project, user)
    if decision is not None:
        workflow.move(project, "approve", decision[1], "", user, decision_number=decision[0])
    return project


def _lines(project: InvestmentProject, found: FileProject, user: Any) -> None:
    for row in found.lines():
        workflow.record_capital(
            project,
            int(str(row.values["year"])),
            cells.source(text(row, "source")) or "",
            cells.money(row.values.get("planned")),
            cells.money(row.values.get("disbursed")),
            user,
        )
