"""The cultural events of the period: held by month, sector and ward, attendance,
files filed late and decisions given within the legal window. Every figure is
`cnvh.events.indicators.compute` for the period."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.events import indicators
from cnvh.events.models import Clearance, Event, sector_choices
from cnvh.exports.periodic.document import (
    COUNT,
    DAYS,
    SHARE,
    Breakdown,
    Figure,
    FigureLine,
    RegistrySection,
)
from cnvh.exports.periodic.registries.common import (
    Window,
    breakdown,
    count,
    month,
    months,
    ranked,
    share,
    source,
)
from cnvh.plan.models import Agency

RECORDS = (Event, Clearance)


def section(window: Window) -> RegistrySection:
    found = indicators.compute(window.starts_on, window.ends_on, window.today)
    title = _("Cultural events")
    origin = source(
        _(
            "the Cultural events register (files, decisions and reports after the event): "
            "events whose first day, files whose filing day and decisions whose date fall "
            "in the period."
        )
    )
    if not (found.held or found.filed or found.decisions or found.views_due):
        empty = _("The Cultural events register holds no event, file or decision for the period.")
        return RegistrySection("events", title, origin, empty=empty)
    return RegistrySection(
        "events",
        title,
        origin,
        paragraphs=_paragraphs(found),
        figures=_figures(found),
        breakdowns=_breakdowns(found, window),
    )


def _paragraphs(found: indicators.Indicators) -> list[str]:
    held = ngettext(
        "In the period, %(count)s cultural event was held in the city (counted by its first day).",
        "In the period, %(count)s cultural events were held in the city (counted by their "
        "first day).",
        found.held,
    ) % {"count": count(found.held)}
    if found.attendance_reported:
        held += " " + ngettext(
            "The report after the event, sent for %(reported)s of them, counts %(attendance)s "
            "attendees.",
            "The reports after the event, sent for %(reported)s of them, count %(attendance)s "
            "attendees in all.",
            found.attendance_reported,
        ) % {"reported": count(found.attendance_reported), "attendance": count(found.attendance)}
    elif found.held:
        held += " " + _("No report after the event has given its attendance yet.")
    lines = [held]
    if found.filed:
        lines.append(
            ngettext(
                "%(filed)s file to notify or ask approval for an event was received, "
                "%(late)s of them after the lead time the procedure sets (%(share)s).",
                "%(filed)s files to notify or ask approval for an event were received, "
                "%(late)s of them after the lead time the procedure sets (%(share)s).",
                found.filed,
            )
            % {
                "filed": count(found.filed),
                "late": count(found.late_filings),
                "share": share(found.late_filings, found.filed),
            }
        )
    lines.extend(_decisions(found))
    return lines


def _decisions(found: indicators.Indicators) -> list[str]:
    lines = []
    if found.decisions:
        lines.append(
            ngettext(
                "%(decisions)s decision was given on a complete file, %(on_time)s of them "
                "within the legal time limit (%(share)s); median time from the complete file "
                "to the decision: %(days)s working days.",
                "%(decisions)s decisions were given on complete files, %(on_time)s of them "
                "within the legal time limit (%(share)s); median time from the complete file "
                "to the decision: %(days)s working days.",
                found.decisions,
            )
            % {
                "decisions": count(found.decisions),
                "on_time": count(found.decisions_on_time),
                "share": share(found.decisions_on_time, found.decisions),
                "days": Figure(found.median_days_to_decision, DAYS).shown,
            }
        )
    if found.views_due:
        lines.append(
            _(
                "The agencies asked for their view gave %(on_time)s of the %(due)s views due "
                "in the period by their due day (%(share)s)."
            )
            % {
                "on_time": count(found.views_on_time),
                "due": count(found.views_due),
                "share": share(found.views_on_time, found.views_due),
            }
        )
    return lines


def _figures(found: indicators.Indicators) -> list[FigureLine]:
    events, files, decisions = _("events"), _("files"), _("written decisions")
    rows: list[tuple[str, str, int | float | None, str]] = [
        (_("Events held"), events, found.held, COUNT),
        (_("Attendance reported"), _("people"), found.attendance, COUNT),
        (_("Events whose attendance was reported"), events, found.attendance_reported, COUNT),
        (_("Files received"), files, found.filed, COUNT),
        (_("Files filed after the legal lead time"), files, found.late_filings, COUNT),
        (_("Share of files filed late"), "%", found.late_filing_share, SHARE),
        (_("Decisions given on complete files"), decisions, found.decisions, COUNT),
        (_("Decisions within the legal time limit"), decisions, found.decisions_on_time, COUNT),
        (
            _("Share of decisions within the legal time limit"),
            "%",
            found.decisions_on_time_share,
            SHARE,
        ),
        (_("Median time to a decision"), _("working days"), found.median_days_to_decision, DAYS),
        (_("Views due from the agencies"), _("views"), found.views_due, COUNT),
        (_("Views given by their due day"), _("views"), found.views_on_time, COUNT),
    ]
    return [FigureLine(label, unit, Figure(value, kind)) for label, unit, value, kind in rows]


def _breakdowns(found: indicators.Indicators, window: Window) -> list[Breakdown]:
    events = _("Events")
    sectors = dict(sector_choices())
    wards = {ward.code: ward.name for ward in Agency.objects.filter(code__in=list(found.by_ward))}
    by_month = [
        (month(day), found.by_month.get(day, 0)) for day in months(window.starts_on, window.ends_on)
    ]
    return [
        breakdown(_("Events held by month"), _("Month"), events, by_month),
        breakdown(
            _("Events held by sector (an event may serve several)"),
            _("Sector"),
            events,
            ranked(found.by_sector, lambda key: sectors.get(key, key)),
            total=False,
        ),
        breakdown(
            _("Events held by ward and commune"),
            _("Ward or commune"),
            events,
            ranked(found.by_ward, lambda code: wards.get(code, code)),
        ),
    ]
