"""Models and bright spots: those recognised by the end of the period by level, sector
and ward, those recognised in it, replications per model, and the models still
reporting results a year after their recognition. Every figure comes from
`cnvh.brightspots.indicators` (`compute` on the period's last day, `recognised_in` and
`replications_started` over the period)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.brightspots import indicators
from cnvh.brightspots.models import BrightSpot, Decision, Level, Replication, Result
from cnvh.brightspots.models.spots import sector_title
from cnvh.exports.periodic.document import (
    Breakdown,
    BreakdownRow,
    Figure,
    FigureLine,
    RegistrySection,
)
from cnvh.exports.periodic.registries.common import (
    Window,
    breakdown,
    count,
    ranked,
    share,
    source,
)
from cnvh.plan.models import Agency

RECORDS = (BrightSpot, Decision, Replication, Result)


def section(window: Window) -> RegistrySection:
    found = indicators.compute(window.ends_on)
    new = indicators.recognised_in(window.starts_on, window.ends_on)
    started = indicators.replications_started(window.starts_on, window.ends_on)
    title = _("Models and bright spots")
    origin = source(
        _(
            "the Models and bright spots register: recognition decisions dated by the end "
            "of the period, replications started by then, and the results models reported."
        )
    )
    if not (found.total or new or started):
        empty = _(
            "The Models and bright spots register holds no recognised model and no "
            "replication for the period."
        )
        return RegistrySection("brightspots", title, origin, empty=empty)
    return RegistrySection(
        "brightspots",
        title,
        origin,
        paragraphs=_paragraphs(found, len(new), started),
        figures=_figures(found, len(new), started),
        breakdowns=_breakdowns(found, started),
    )


def _levels(found: indicators.Indicators) -> str:
    labels = dict(Level.choices)
    return "; ".join(
        f"{label}: {count(number)}"
        for label, number in ranked(found.by_level, lambda key: str(labels.get(key, key)))
    )


def _paragraphs(found: indicators.Indicators, new: int, started: dict[int, int]) -> list[str]:
    lines = [
        ngettext(
            "At the end of the period, %(total)s model or bright spot is recognised "
            "(%(levels)s), %(new)s of them in the period.",
            "At the end of the period, %(total)s models and bright spots are recognised "
            "(%(levels)s), %(new)s of them in the period.",
            found.total,
        )
        % {"total": count(found.total), "levels": _levels(found) or "—", "new": count(new)}
    ]
    replicated = [spot for spot, number in found.replications.items() if number]
    lines.append(
        _(
            "Replications of the recognised models elsewhere: %(replications)s (models "
            "replicated: %(models)s), %(started)s of them started in the period."
        )
        % {
            "replications": count(sum(found.replications.values())),
            "models": count(len(replicated)),
            "started": count(sum(started.values())),
        }
    )
    if found.recognised_a_year_ago:
        lines.append(
            _(
                "Of the %(old)s models recognised a year or more before the end of the "
                "period, %(reporting)s still report results after the year of their "
                "recognition (%(share)s)."
            )
            % {
                "old": count(found.recognised_a_year_ago),
                "reporting": count(found.still_reporting),
                "share": share(found.still_reporting, found.recognised_a_year_ago),
            }
        )
    return lines


def _figures(found: indicators.Indicators, new: int, started: dict[int, int]) -> list[FigureLine]:
    models, times = _("models"), _("replications")
    rows: list[tuple[str, str, int]] = [
        (_("Recognised models and bright spots"), models, found.total),
        (_("Recognised in the period"), models, new),
        (_("Replications"), times, sum(found.replications.values())),
        (_("Replications started in the period"), times, sum(started.values())),
        (_("Models recognised a year or more before"), models, found.recognised_a_year_ago),
        (_("of which still reporting results"), models, found.still_reporting),
    ]
    return [FigureLine(label, unit, Figure(value)) for label, unit, value in rows]


def _breakdowns(found: indicators.Indicators, started: dict[int, int]) -> list[Breakdown]:
    if not found.total:
        return []
    models = _("Models")
    levels = dict(Level.choices)
    wards = {ward.pk: ward.name for ward in Agency.objects.filter(pk__in=list(found.by_ward))}
    return [
        breakdown(
            _("Recognised models by level"),
            _("Level"),
            models,
            ranked(found.by_level, lambda key: str(levels.get(key, key))),
        ),
        breakdown(
            _("Recognised models by sector"),
            _("Sector"),
            models,
            ranked(found.by_sector, sector_title),
        ),
        breakdown(
            _("Recognised models by ward and commune"),
            _("Ward or commune"),
            models,
            ranked(found.by_ward, lambda pk: wards[pk] if pk else _("No ward or commune")),
        ),
        _replications(found, started),
    ]


def _replications(found: indicators.Indicators, started: dict[int, int]) -> Breakdown:
    names = {spot.pk: spot.name for spot in indicators.recognised_models()}
    rows = sorted(
        (
            BreakdownRow(names[spot], [Figure(number), Figure(started.get(spot, 0))])
            for spot, number in found.replications.items()
            if number and spot in names
        ),
        key=lambda row: (-(row.figures[0].value or 0), row.label),
    )
    return Breakdown(
        title=_("Replications per model (models taken up at least once)"),
        header=[_("Model"), _("Replications"), _("of which started in the period")],
        rows=rows,
    )
