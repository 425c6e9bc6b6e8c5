"""UNESCO City of Design, training and dissemination: commitments with activity in the
period, inter-city activities, budget executed, people trained by sector and sex, and
the wards and communes that held a dissemination session in the year so far. Every
figure is `cnvh.unesco.indicators.compute`, for the period and for the year to its end."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

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
from cnvh.exports.periodic.registries.common import Window, count, share, source, vnd
from cnvh.plan.models import Agency
from cnvh.unesco import indicators
from cnvh.unesco.models import Commitment, CommitmentActivity, Outreach, Participants

RECORDS = (Commitment, CommitmentActivity, Outreach, Participants, Agency)


def section(window: Window) -> RegistrySection:
    found = indicators.compute(indicators.Period(window.starts_on, window.ends_on))
    # Coverage is the year's: a ward that held its session in an earlier quarter counts.
    year = indicators.compute(indicators.Period(date(window.ends_on.year, 1, 1), window.ends_on))
    title = _("UNESCO City of Design, training and dissemination")
    origin = source(
        _(
            "the UNESCO City of Design register: commitment activities under way in the "
            "period, training, cooperation and dissemination activities that started in it "
            "(dissemination sessions from 1 January of the year), wards and communes "
            "existing at its end."
        )
    )
    if not (found.activities or found.outreach or year.units_disseminating):
        empty = _(
            "The UNESCO City of Design register holds no commitment activity and no "
            "training, cooperation or dissemination activity for the period."
        )
        return RegistrySection("unesco", title, origin, empty=empty)
    breakdowns = [_trained(found)] if found.trained_by_sector else []
    return RegistrySection(
        "unesco",
        title,
        origin,
        paragraphs=_paragraphs(found, year),
        figures=_figures(found, year),
        breakdowns=breakdowns,
    )


def _paragraphs(found: indicators.Indicators, year: indicators.Indicators) -> list[str]:
    return [
        _(
            "In the period, %(with_activity)s of the %(commitments)s City of Design "
            "commitments had activity (activities: %(activities)s, of which with other "
            "cities: %(inter_city)s); the activities spent %(executed)s, %(rate)s of the "
            "budget planned for all commitments (%(planned)s)."
        )
        % {
            "with_activity": count(found.commitments_with_activity),
            "commitments": count(found.commitments),
            "activities": count(found.activities),
            "inter_city": count(found.inter_city_activities),
            "executed": vnd(found.budget_executed),
            "rate": _rate(found.budget_rate),
            "planned": vnd(found.budget_planned),
        },
        _(
            "Training courses that started in the period trained %(trained)s people "
            "(%(women)s women, %(men)s men)."
        )
        % {
            "trained": count(found.trained),
            "women": count(found.trained_women),
            "men": count(found.trained_men),
        },
        _(
            "From 1 January %(year)s to the end of the period, %(units)s of the %(local)s "
            "wards and communes (%(share)s) held at least one dissemination session."
        )
        % {
            "year": year.span.ends_on.year,
            "units": count(year.units_disseminating),
            "local": count(year.local_units),
            "share": share(year.units_disseminating, year.local_units),
        },
    ]


def _rate(rate: Decimal | None) -> str:
    return Figure(rate, SHARE).shown


def _figures(found: indicators.Indicators, year: indicators.Indicators) -> list[FigureLine]:
    commitments, activities, people = _("commitments"), _("activities"), _("people")
    units, vnd_unit = _("wards and communes"), _("VND")
    rows: list[tuple[str, str, int | Decimal | None, str]] = [
        (_("City of Design commitments"), commitments, found.commitments, COUNT),
        (
            _("Commitments with activity in the period"),
            commitments,
            found.commitments_with_activity,
            COUNT,
        ),
        (_("Commitment activities in the period"), activities, found.activities, COUNT),
        (_("of which with other cities"), activities, found.inter_city_activities, COUNT),
        (_("Budget planned for all commitments"), vnd_unit, found.budget_planned, MONEY),
        (_("Budget executed by the period's activities"), vnd_unit, found.budget_executed, MONEY),
        (_("Budget executed ÷ planned"), "%", found.budget_rate, SHARE),
        (
            _("Training, cooperation and dissemination activities"),
            activities,
            found.outreach,
            COUNT,
        ),
        (_("People trained"), people, found.trained, COUNT),
        (_("of which women"), people, found.trained_women, COUNT),
        (_("of which men"), people, found.trained_men, COUNT),
        (
            _("Wards and communes with a dissemination session in the year"),
            units,
            year.units_disseminating,
            COUNT,
        ),
        (_("Wards and communes"), units, year.local_units, COUNT),
        (_("Coverage of the wards and communes"), "%", year.coverage, SHARE),
    ]
    return [FigureLine(label, unit, Figure(value, kind)) for label, unit, value, kind in rows]


def _trained(found: indicators.Indicators) -> Breakdown:
    rows = sorted(found.trained_by_sector, key=lambda row: (-row.total, row.sector))
    return Breakdown(
        title=_("People trained by sector and sex"),
        header=[_("Sector"), _("Women"), _("Men"), _("Total")],
        rows=[
            BreakdownRow(
                row.sector or _("Sector not given"),
                [Figure(row.women), Figure(row.men), Figure(row.total)],
            )
            for row in rows
        ],
        total=BreakdownRow(
            _("Total"),
            [Figure(found.trained_women), Figure(found.trained_men), Figure(found.trained)],
        ),
    )
