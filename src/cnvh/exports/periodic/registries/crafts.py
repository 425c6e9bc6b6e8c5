"""Handicrafts and craft villages: OCOP products by stars (all groups and handicrafts),
certificates decided and re-rated in the period, recognised craft villages. Every
figure is `cnvh.crafts.indicators.in_period` for the period."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.crafts import indicators
from cnvh.crafts.models import CraftVillage, OcopRating, Product
from cnvh.exports.periodic.document import (
    Breakdown,
    BreakdownRow,
    Figure,
    FigureLine,
    RegistrySection,
)
from cnvh.exports.periodic.registries.common import Window, count, source

RECORDS = (OcopRating, Product, CraftVillage)


def section(window: Window) -> RegistrySection:
    found = indicators.in_period(window.starts_on, window.ends_on)
    title = _("Handicrafts and craft villages")
    origin = source(
        _(
            "the Handicrafts and OCOP register: OCOP certificates (in force on the last day "
            "of the period, or decided in it) and craft villages' recognition decisions."
        )
    )
    end = found.at_end
    if not (found.decided or found.rerated or end.ocop_products or end.recognised_villages):
        empty = _(
            "The Handicrafts and OCOP register holds no OCOP certificate and no recognised "
            "craft village for the period."
        )
        return RegistrySection("crafts", title, origin, empty=empty)
    return RegistrySection(
        "crafts",
        title,
        origin,
        paragraphs=_paragraphs(found),
        figures=_figures(found),
        breakdowns=[_by_stars(found)],
    )


def _paragraphs(found: indicators.PeriodIndicators) -> list[str]:
    end = found.at_end
    lines = [
        _(
            "At the end of the period, %(count)s OCOP products held a certificate in force "
            "(5 stars: %(five)s; 4 stars: %(four)s; 3 stars: %(three)s), %(handicrafts)s of "
            "them handicraft products (souvenirs, furniture and decoration)."
        )
        % {
            "count": count(end.ocop_products),
            "five": count(end.by_stars.get(5, 0)),
            "four": count(end.by_stars.get(4, 0)),
            "three": count(end.by_stars.get(3, 0)),
            "handicrafts": count(sum(end.handicraft_by_stars.values())),
        },
        _certified(found),
    ]
    if end.expiring:
        lines.append(
            _(
                "%(count)s certificates in force expire within %(months)s months of the end "
                "of the period: their products are due to be re-rated."
            )
            % {"count": count(end.expiring), "months": indicators.EXPIRY_WINDOW_MONTHS}
        )
    lines.append(
        _(
            "At the end of the period, %(recognised)s craft villages are recognised "
            "(%(traditional)s of them with a traditional craft), %(new)s of them in the "
            "period."
        )
        % {
            "recognised": count(end.recognised_villages),
            "traditional": count(end.traditional_villages),
            "new": count(found.villages_recognised),
        }
    )
    return lines


def _certified(found: indicators.PeriodIndicators) -> str:
    if not found.decided:
        return _("No product was given an OCOP certificate in the period.")
    text = ngettext(
        "In the period, %(count)s product was given an OCOP certificate.",
        "In the period, %(count)s products were given an OCOP certificate.",
        found.decided,
    ) % {"count": count(found.decided)}
    if found.rerated:
        text += " " + ngettext(
            "%(count)s of these decisions re-rated a product that held a certificate, "
            "%(before)s of them before that certificate expired.",
            "%(count)s of these decisions re-rated a product that held a certificate, "
            "%(before)s of them before that certificate expired.",
            found.rerated,
        ) % {"count": count(found.rerated), "before": count(found.rerated_before_expiry)}
    return text


def _figures(found: indicators.PeriodIndicators) -> list[FigureLine]:
    end = found.at_end
    products, certificates, villages = _("products"), _("certificates"), _("villages")
    rows: list[tuple[str, str, int]] = [
        (_("OCOP products with a certificate in force"), products, end.ocop_products),
        (
            _("of which handicraft products"),
            products,
            sum(end.handicraft_by_stars.values()),
        ),
        (_("Products given an OCOP certificate in the period"), products, found.decided),
        (_("Re-ratings decided in the period"), certificates, found.rerated),
        (_("Re-rated before the certificate expired"), certificates, found.rerated_before_expiry),
        (
            _("Certificates expiring within 6 months of the end of the period"),
            certificates,
            end.expiring,
        ),
        (_("Recognised craft villages"), villages, end.recognised_villages),
        (_("of which with a traditional craft"), villages, end.traditional_villages),
        (_("Craft villages recognised in the period"), villages, found.villages_recognised),
    ]
    return [FigureLine(label, unit, Figure(value)) for label, unit, value in rows]


def _by_stars(found: indicators.PeriodIndicators) -> Breakdown:
    end = found.at_end
    columns = (found.decided_by_stars, end.by_stars, end.handicraft_by_stars)
    stars = sorted(indicators.STARS, reverse=True)
    return Breakdown(
        title=_("OCOP products by stars"),
        header=[
            _("Stars"),
            _("Certified in the period"),
            _("Certificate in force at the end"),
            _("of which handicrafts"),
        ],
        rows=[
            BreakdownRow(
                _("%(stars)s stars") % {"stars": star},
                [Figure(column.get(star, 0)) for column in columns],
            )
            for star in stars
        ],
        total=BreakdownRow(_("Total"), [Figure(sum(column.values())) for column in columns]),
    )
