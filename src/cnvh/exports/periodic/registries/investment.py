"""Investment projects and capital in the period: projects by status at the period's
end, capital planned and disbursed by source in VND, projects on schedule, decisions of
investment in the period. Every figure is
`cnvh.enterprises.investment.figures.investment_figures` for the period."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.enterprises.investment.figures import InvestmentFigures, investment_figures
from cnvh.enterprises.models import (
    CapitalLine,
    InvestmentProject,
    Milestone,
    ProjectStatus,
    StatusChange,
)
from cnvh.exports.periodic.document import (
    COUNT,
    MONEY,
    SHARE,
    Breakdown,
    BreakdownRow,
    Figure,
    FigureLine,
    RegistrySection,
)
from cnvh.exports.periodic.registries.common import Window, breakdown, count, source, vnd

RECORDS = (InvestmentProject, StatusChange, CapitalLine, Milestone)


def section(window: Window) -> RegistrySection:
    found = investment_figures(
        starts_on=window.starts_on, ends_on=window.ends_on, today=window.today
    )
    title = _("Investment projects and capital")
    origin = source(
        _(
            "the Investment projects register: each project's dated steps and milestones, "
            "its decision of investment, and its capital planned and disbursed for the "
            "years of the period."
        )
    )
    if not (found.by_status or found.approved or found.total.planned or found.total.disbursed):
        empty = _(
            "The Investment projects register holds no project, no decision of investment "
            "and no capital for the period."
        )
        return RegistrySection("investment", title, origin, empty=empty)
    return RegistrySection(
        "investment",
        title,
        origin,
        paragraphs=_paragraphs(found),
        figures=_figures(found),
        breakdowns=_breakdowns(found),
    )


def _projects(found: InvestmentFigures) -> int:
    return sum(len(projects) for projects in found.by_status.values())


def _paragraphs(found: InvestmentFigures) -> list[str]:
    statuses = "; ".join(
        f"{str(ProjectStatus(status).label).lower()}: {count(len(found.by_status[status]))}"
        for status in ProjectStatus.values
        if status in found.by_status
    )
    lines = [
        ngettext(
            "On %(day)s, the register follows %(projects)s investment project (%(statuses)s).",
            "On %(day)s, the register follows %(projects)s investment projects (%(statuses)s).",
            _projects(found),
        )
        % {
            "day": f"{found.day:%d/%m/%Y}",
            "projects": count(_projects(found)),
            "statuses": statuses,
        }
        + " "
        + _("Of the %(under_way)s under way or stalled, %(on_schedule)s are on schedule.")
        % {"under_way": count(len(found.under_way)), "on_schedule": count(len(found.on_schedule))},
        ngettext(
            "In the period, %(count)s decision of investment was issued.",
            "In the period, %(count)s decisions of investment were issued.",
            len(found.approved),
        )
        % {"count": count(len(found.approved))},
        _(
            "Capital planned for the years of the period: %(planned)s, of which "
            "%(disbursed)s disbursed (%(share)s)."
        )
        % {
            "planned": vnd(found.total.planned),
            "disbursed": vnd(found.total.disbursed),
            "share": Figure(found.total.disbursed_share, SHARE).shown,
        },
    ]
    return lines


def _figures(found: InvestmentFigures) -> list[FigureLine]:
    projects, vnd_unit = _("projects"), _("VND")
    rows: list[tuple[str, str, int | Decimal | None, str]] = [
        (_("Projects at the period's end"), projects, _projects(found), COUNT),
        (_("Under way or stalled at the period's end"), projects, len(found.under_way), COUNT),
        (_("of which on schedule"), projects, len(found.on_schedule), COUNT),
        (_("Decisions of investment in the period"), _("decisions"), len(found.approved), COUNT),
        (_("Capital planned"), vnd_unit, found.total.planned, MONEY),
        (_("Capital disbursed"), vnd_unit, found.total.disbursed, MONEY),
        (_("Capital disbursed ÷ planned"), "%", found.total.disbursed_share, SHARE),
    ]
    return [FigureLine(label, unit, Figure(value, kind)) for label, unit, value, kind in rows]


def _breakdowns(found: InvestmentFigures) -> list[Breakdown]:
    by_status = [
        (str(ProjectStatus(status).label), len(found.by_status[status]))
        for status in ProjectStatus.values
        if status in found.by_status
    ]
    unit = _("VND")
    capital = Breakdown(
        title=_("Capital planned and disbursed by source (VND)"),
        header=[_("Source"), f"{_('Planned')} ({unit})", f"{_('Disbursed')} ({unit})"],
        rows=[
            BreakdownRow(
                row.source_label, [Figure(row.planned, MONEY), Figure(row.disbursed, MONEY)]
            )
            for row in found.by_source
        ],
        total=BreakdownRow(
            _("Total"),
            [Figure(found.total.planned, MONEY), Figure(found.total.disbursed, MONEY)],
        )
        if found.by_source
        else None,
    )
    return [
        breakdown(
            _("Projects by status at the period's end"), _("Status"), _("Projects"), by_status
        ),
        capital,
    ]
