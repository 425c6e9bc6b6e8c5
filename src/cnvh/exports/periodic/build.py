"""Build the periodic report of a plan for a quarter, a half-year or a year.

    periodic_report(plan, "quarter", 2025, 3)

gives the document in the active language; `Issue` carries what the person
issuing it decides (number, place, date, signatory, recipients), and each has a
default. The document reflects the approved reports of the periods that end by
the span's end, as they stand when it is built, and what the registries recorded
for the span (`registries`).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from cnvh.exports.periodic import heading, indicators, progress, registries
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
    signing: str = "kt"  # one of SIGNING: who signs, and for whom
    authority: str = ""  # the head's title ("GIÁM ĐỐC"), or for TM. the collective body
    signatory_title: str = ""
    signatory_name: str = ""
    recipients: list[str] = field(default_factory=list)


# Decree 30/2020/NĐ-CP, article 13: the head signs; a deputy signs for the head (KT.);
# someone signs by the head's order (TL.); the head of a collective body signs on its
# behalf (TM.). Each but the first puts its prefix before the head's title or the body,
# and the signer's own title on the line below.
SIGNING = ("head", "kt", "tl", "tm")
_PREFIXED = re.compile(r"^\s*(KT|TL|TM|TUQ|Q)\s*\.\s*", re.IGNORECASE)


def _lines(text: str) -> str:
    return _PREFIXED.sub("", " ".join(text.split())).upper()


def recipient(line: str) -> str:
    """A line of "Nơi nhận" without the dash and the closing mark the document adds."""
    return line.strip().lstrip("-–•+* ").rstrip(" .;,:").strip()


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
    head = _lines(issue.authority) or _("DIRECTOR")
    title = _lines(issue.signatory_title)
    if issue.signing == "head":
        authority, title = head, ""
    elif issue.signing == "tl":
        authority = _("BY ORDER OF THE %(head)s") % {"head": head}
        title = title or _("CHIEF OF OFFICE")
    elif issue.signing == "tm":
        authority = _("ON BEHALF OF THE %(body)s") % {"body": head}
        title = title or _("CHAIRPERSON")
    else:
        authority = _("FOR THE %(head)s") % {"head": head}
        title = title or _("DEPUTY DIRECTOR")
    recipients = [recipient(line) for line in issue.recipients or default_recipients(plan)]
    return Signatory(
        authority=authority,
        title=title,
        name=issue.signatory_name or default_signatory_name(),
        recipients=[line for line in recipients if line],
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
    today = timezone.localdate()
    day = issue.issued_on or today
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
        watermark=_("DEMO DATA") if plan.assumption else "",
        registries=registries.sections(reported.starts_on, reported.ends_on, today),
        registries_scope=registries.scope(reported.starts_on, reported.ends_on, today),
    )
