"""The investment figures, computed from the records each time they are asked: the
capital planned and disbursed by year and source, and the projects on schedule. Each
figure keeps the projects that make it, so a page can link every value to its records.

A project is *on schedule* on a day when it is under way that day (its last step up to
the day), no milestone due before the day is still undone on it, and its planned
completion has not passed. A stalled project is behind schedule."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from cnvh.enterprises.models import (
    CapitalLine,
    CapitalSource,
    InvestmentProject,
    Milestone,
    ProjectStatus,
    StatusChange,
)

UNDER_WAY = (ProjectStatus.UNDER_WAY, ProjectStatus.STALLED)


def with_records(projects: QuerySet[InvestmentProject]) -> QuerySet[InvestmentProject]:
    """The projects with what the schedule reads, fetched once."""
    return projects.prefetch_related(
        Prefetch("steps", queryset=StatusChange.objects.order_by("on", "pk")),
        Prefetch("milestones", queryset=Milestone.objects.order_by("due_on", "pk")),
    )


def status_on(project: InvestmentProject, day: date) -> str | None:
    """Its status on `day`: the last step dated up to it; None before it was proposed."""
    found = None
    for step in project.steps.all():
        if step.on <= day:
            found = step.status
    return found


def late_milestones(project: InvestmentProject, day: date) -> list[Milestone]:
    return [milestone for milestone in project.milestones.all() if milestone.late_on(day)]


def on_schedule(project: InvestmentProject, day: date) -> bool:
    if status_on(project, day) != ProjectStatus.UNDER_WAY:
        return False
    if project.ends_on is not None and project.ends_on < day:
        return False
    return not late_milestones(project, day)


@dataclass(frozen=True)
class Capital:
    """Capital of a year (or all years) and a source (or all sources), in VND."""

    year: int | None
    source: str | None
    planned: Decimal
    disbursed: Decimal
    projects: tuple[int, ...]

    @property
    def disbursed_share(self) -> Decimal | None:
        return self.disbursed / self.planned if self.planned else None

    @property
    def source_label(self) -> str:
        return str(CapitalSource(self.source).label) if self.source else ""


def capital(lines: Iterable[CapitalLine], year: int | None, source: str | None) -> Capital:
    chosen = [
        line
        for line in lines
        if (year is None or line.year == year) and (source is None or line.source == source)
    ]
    return Capital(
        year,
        source,
        sum((line.planned or Decimal(0) for line in chosen), Decimal(0)),
        sum((line.disbursed for line in chosen), Decimal(0)),
        tuple(sorted({line.project_id for line in chosen})),
    )


def capital_table(lines: Iterable[CapitalLine]) -> list[Capital]:
    """Every year and source with capital, each year followed by its total."""
    listed = list(lines)
    rows: list[Capital] = []
    for year in sorted({line.year for line in listed}):
        sources = {line.source for line in listed if line.year == year}
        rows += [
            capital(listed, year, source) for source in CapitalSource.values if source in sources
        ]
        rows.append(capital(listed, year, None))
    return rows


@dataclass(frozen=True)
class InvestmentFigures:
    starts_on: date  # the span's first day: 1 January for a year
    ends_on: date  # its last day
    day: date  # the day the schedule is read: the span's last day, or today
    by_source: list[Capital]
    total: Capital
    approved: list[InvestmentProject] = field(default_factory=list)
    under_way: list[InvestmentProject] = field(default_factory=list)
    on_schedule: list[InvestmentProject] = field(default_factory=list)
    by_status: dict[str, list[InvestmentProject]] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.ends_on.year

    @property
    def behind(self) -> list[InvestmentProject]:
        return [project for project in self.under_way if project not in self.on_schedule]


def investment_figures(
    year: int | None = None,
    today: date | None = None,
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> InvestmentFigures:
    """The figures of a year, or of the span from `starts_on` to `ends_on`, as the
    indicators and the periodic report show them: the capital of the years the span
    touches (capital is planned a year at a time), by source; the projects whose
    decision of investment is dated in the span; every project by its status at the
    span's end (or today, for a span not yet over); those under way then, of which those
    on schedule."""
    if year is not None:
        starts_on, ends_on = date(year, 1, 1), date(year, 12, 31)
    if starts_on is None or ends_on is None:
        raise ValueError("investment_figures needs a year or both days of a span")
    today = today or timezone.localdate()
    day = min(ends_on, today)
    years = range(starts_on.year, ends_on.year + 1)
    one_year = starts_on.year if len(years) == 1 else None  # the rows keep their year
    lines = list(CapitalLine.objects.filter(year__in=years))
    sources = {line.source for line in lines}
    projects = list(with_records(InvestmentProject.objects.order_by("pk")))
    by_status: dict[str, list[InvestmentProject]] = {}
    for project in projects:
        status = status_on(project, day)
        if status is not None:
            by_status.setdefault(status, []).append(project)
    under_way = [p for p in projects if status_on(p, day) in UNDER_WAY]
    decided = [p for p in projects if p.investment_decided_on is not None]
    return InvestmentFigures(
        starts_on=starts_on,
        ends_on=ends_on,
        day=day,
        by_source=[capital(lines, one_year, s) for s in CapitalSource.values if s in sources],
        total=capital(lines, one_year, None),
        approved=[p for p in decided if starts_on <= p.investment_decided_on <= ends_on],  # type: ignore[operator]
        under_way=under_way,
        on_schedule=[p for p in under_way if on_schedule(p, day)],
        by_status=by_status,
    )
