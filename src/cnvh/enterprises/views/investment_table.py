"""The projects of the list, as the list filters them, as a CSV or XLSX table: one row
a project, amounts in VND at full precision."""

from collections.abc import Sequence
from datetime import date

from django.utils.translation import gettext as _

from cnvh.enterprises.investment.figures import on_schedule
from cnvh.enterprises.models import InvestmentProject
from cnvh.presentation.tables.table import DATE, WHOLE, Column, Table


def project_columns() -> list[Column]:
    return [
        Column(_("Id"), width=6),
        Column(_("Project"), width=48),
        Column(_("Kind"), width=12),
        Column(_("Investor"), width=36),
        Column(_("Investor's tax code"), width=14),
        Column(_("Managing agency"), width=30),
        Column(_("Sector"), width=16),
        Column(_("Ward or commune code"), width=10),
        Column(_("Location"), width=30),
        Column(_("Total investment (VND)"), WHOLE, 18),
        Column(_("Planned, all years (VND)"), WHOLE, 18),
        Column(_("Disbursed, all years (VND)"), WHOLE, 18),
        Column(_("Decision in principle"), width=16),
        Column(_("Decision in principle: date"), DATE, 12),
        Column(_("Decision of investment"), width=16),
        Column(_("Decision of investment: date"), DATE, 12),
        Column(_("Planned start"), DATE, 12),
        Column(_("Planned completion"), DATE, 12),
        Column(_("Status"), width=12),
        Column(_("On schedule"), width=8),
    ]


def _row(project: InvestmentProject, day: date) -> list[object]:
    enterprise = project.investor_enterprise
    return [
        project.pk,
        project.name,
        project.get_kind_display(),
        str(project.investor or ""),
        "" if enterprise is None or enterprise.is_personal else enterprise.tax_code,
        project.managing_agency.name,
        project.sector,
        project.ward_code,
        project.location,
        project.total_capital,
        project.planned(),
        project.disbursed(),
        project.principle_decision_number,
        project.principle_decided_on,
        project.investment_decision_number,
        project.investment_decided_on,
        project.starts_on,
        project.ends_on,
        project.get_status_display(),
        _("yes") if on_schedule(project, day) else "",
    ]


def project_table(projects: Sequence[InvestmentProject], day: date, address: str) -> Table:
    return Table(
        name=f"investment-projects-{day:%Y%m%d}",
        title=_("Investment projects of the cultural industries, as filtered on the list"),
        columns=project_columns(),
        rows=[_row(project, day) for project in projects],
        source=_(
            "The investment projects recorded in cnvh: capital planned and disbursed as"
            " recorded by year and source; on schedule on %(day)s."
        )
        % {"day": day.isoformat()},
        address=address,
    )
