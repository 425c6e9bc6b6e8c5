"""Support to enterprises in the period: enterprises supported by programme, sector and
ward, support approved and disbursed in VND, intellectual property titles granted.
Every figure is `cnvh.enterprises.indicators.support_indicators` for the period."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.indicators import SupportIndicators, support_indicators
from cnvh.enterprises.models import Disbursement, IPFiling, Programme, SupportCase
from cnvh.enterprises.sectors import sector_title
from cnvh.enterprises.wards import ward_name
from cnvh.exports.periodic.document import (
    COUNT,
    MONEY,
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
    ranked,
    source,
    vnd,
)
from cnvh.language import current

RECORDS = (SupportCase, Disbursement, IPFiling, Programme)


def section(window: Window) -> RegistrySection:
    found = support_indicators(starts_on=window.starts_on, ends_on=window.ends_on)
    title = _("Support to enterprises")
    origin = source(
        _(
            "the Enterprises and support register: support cases approved, disbursements "
            "paid and intellectual property titles granted with a date in the period."
        )
    )
    if not (found.enterprises_supported or found.paid_in_span or found.ip_granted):
        empty = _(
            "The Enterprises and support register holds no support approved, no "
            "disbursement and no intellectual property title granted for the period."
        )
        return RegistrySection("support", title, origin, empty=empty)
    return RegistrySection(
        "support",
        title,
        origin,
        paragraphs=_paragraphs(found),
        figures=_figures(found),
        breakdowns=_breakdowns(found),
    )


def _paragraphs(found: SupportIndicators) -> list[str]:
    lines = []
    if found.enterprises_supported:
        lines.append(
            ngettext(
                "In the period, support was approved for %(enterprises)s enterprise "
                "(support cases approved: %(cases)s), %(granted)s in all.",
                "In the period, support was approved for %(enterprises)s enterprises "
                "(support cases approved: %(cases)s), %(granted)s in all.",
                found.enterprises_supported,
            )
            % {
                "enterprises": count(found.enterprises_supported),
                "cases": count(found.cases_supported),
                "granted": vnd(found.granted),
            }
            + " "
            + _(
                "The cases approved in the period have been paid %(disbursed)s so far "
                "(%(share)s of the amount approved)."
            )
            % {
                "disbursed": vnd(found.disbursed),
                "share": _money_share(found.disbursed, found.granted),
            }
        )
    lines.append(
        _("Disbursements paid in the period, to cases of any date: %(paid)s.")
        % {"paid": vnd(found.paid_in_span)}
    )
    if found.ip_granted:
        lines.append(
            ngettext(
                "%(count)s intellectual property title was granted to enterprises of the register.",
                "%(count)s intellectual property titles were granted to enterprises of the "
                "register.",
                found.ip_granted,
            )
            % {"count": count(found.ip_granted)}
        )
    return lines


def _money_share(part: Decimal, whole: Decimal) -> str:
    return Figure(part / whole if whole else None, SHARE).shown


def _figures(found: SupportIndicators) -> list[FigureLine]:
    enterprises, cases, vnd_unit = pgettext("unit", "enterprises"), _("cases"), _("VND")
    rows: list[tuple[str, str, int | Decimal | None, str]] = [
        (_("Enterprises supported"), enterprises, found.enterprises_supported, COUNT),
        (_("Support cases approved"), cases, found.cases_supported, COUNT),
        (_("Support approved"), vnd_unit, found.granted, MONEY),
        (_("Paid so far to the cases approved in the period"), vnd_unit, found.disbursed, MONEY),
        (_("Disbursements paid in the period"), vnd_unit, found.paid_in_span, MONEY),
        (_("Cases whose report on the outcome came in"), cases, found.cases_reported, COUNT),
        (_("Intellectual property titles granted"), _("titles"), found.ip_granted, COUNT),
    ]
    return [FigureLine(label, unit, Figure(value, kind)) for label, unit, value, kind in rows]


def _breakdowns(found: SupportIndicators) -> list[Breakdown]:
    if not found.enterprises_supported:
        return []
    enterprises, language = _("Enterprises"), current()
    programmes = {
        programme.code: programme.name
        for programme in Programme.objects.filter(code__in=list(found.by_programme))
    }
    return [
        breakdown(
            _("Enterprises supported by programme (an enterprise may be in several)"),
            _("Programme"),
            enterprises,
            ranked(found.by_programme, lambda code: programmes.get(code, code)),
            total=False,
        ),
        breakdown(
            _("Enterprises supported by sector (an enterprise may be in several)"),
            _("Sector"),
            enterprises,
            ranked(found.by_sector, lambda key: sector_title(PLAN_SCOPE, key, language)),
            total=False,
        ),
        breakdown(
            _("Enterprises supported by ward and commune"),
            _("Ward or commune"),
            enterprises,
            ranked(found.by_ward, lambda code: ward_name(code) if code else _("Not known")),
        ),
    ]
