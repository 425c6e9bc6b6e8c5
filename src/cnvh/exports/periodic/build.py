"""Build the periodic report of a plan for a quarter, a half-year or a year.

    periodic_report(plan, "quarter", 2025, 3)

gives the document in the active language; `Issue` carries what the person
issuing it decides (number, place, date, signatory, recipients), and each has a
default. The document reflects the approved reports of the periods that end by
the span's end, as they stand when it is built.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from cnvh.exports.periodic import heading, indicators, progress
from cnvh.exports.periodic.document import PeriodicReport, Signatory, Span
from cnvh.plan import periods
from cnvh.plan.models import Plan


@dataclass(frozen=True)
class Issue:
    """What the issuer sets; empty fields take their defaults."""

    number: str = ""
    symbol: str = ""
    place: str = ""
    issued_on: date | None = None
    authority: str = ""
    signatory_title: str = ""
    signatory_name: str = ""
    recipients: list[str] = field(default_factory=list)


def default_place() -> str:
    return settings.CNVH_REPORT_PLACE or pgettext("report place", "Hanoi")


def default_signatory_name() -> str:
    return str(settings.CNVH_REPORT_SIGNATORY)


def default_recipients(plan: Plan) -> list[str]:
    parent = plan.owner.parent
    found = [_("%(agency)s (for reporting)") % {"agency": parent.name}] if parent else []
    return [*found, _("Agencies leading the plan's tasks"), _("Filed: Records office")]


def span(kind: str, year: int, number: int) -> Span:
    starts_on, ends_on = periods.bounds(kind, year, number)
    return Span(kind, year, number, starts_on, ends_on, heading.span_title(kind, year, number))


def _introduction(plan: Plan, reported: Span) -> str:
    basis = plan.document.number if plan.document else plan.title
    return _(
        "Carrying out %(basis)s, %(agency)s reports the results of the plan for "
        "%(span)s as follows."
    ) % {
        "basis": basis,
        "agency": plan.owner.name,
        "span": reported.title[:1].lower() + reported.title[1:],
    }


def _signatory(plan: Plan, issue: Issue) -> Signatory:
    return Signatory(
        authority=issue.authority or _("FOR THE DIRECTOR"),
        title=issue.signatory_title or _("DEPUTY DIRECTOR"),
        name=issue.signatory_name or default_signatory_name(),
        recipients=issue.recipients or default_recipients(plan),
    )


def periodic_report(
    plan: Plan, period_kind: str, year: int, number: int, issue: Issue | None = None
) -> PeriodicReport:
    issue = issue or Issue()
    reported = span(period_kind, year, number)
    task_query = progress.plan_tasks(plan, reported.ends_on)
    tasks = list(task_query)
    found = progress.sections(plan, tasks, reported.starts_on, reported.ends_on)
    lines, total = progress.reporting(
        task_query, reported.starts_on, reported.ends_on, _("All periods")
    )
    day = issue.issued_on or timezone.localdate()
    return PeriodicReport(
        language=get_language() or settings.LANGUAGE_CODE,
        plan_code=plan.code,
        heading=heading.heading(
            plan.owner,
            issue.number,
            issue.symbol or heading.symbol(plan.owner),
            issue.place or default_place(),
            day,
        ),
        title=_("REPORT"),
        subject=_("Results of carrying out the %(plan)s") % {"plan": plan.title},
        span=reported,
        introduction=_introduction(plan, reported),
        notice=plan.assumption,
        summary=progress.summary(found, lines, total),
        sections=found,
        indicators=indicators.indicator_lines(year, reported.ends_on),
        share_chart=indicators.share_chart(year),
        signatory=_signatory(plan, issue),
    )
