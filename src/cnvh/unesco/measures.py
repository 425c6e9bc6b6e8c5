"""The UNESCO, training and dissemination registry as measures a plan indicator can
take (see `cnvh.plan.registry_measures`), each computed by `cnvh.unesco.indicators` for
a span of one calendar year."""

from collections.abc import Callable
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cnvh.plan.registry_measures import Records, RegistryMeasure
from cnvh.unesco import indicators
from cnvh.unesco.indicators import Span
from cnvh.unesco.models import CommitmentActivity, Outreach

MODELS = (
    "unesco.Commitment",
    "unesco.CommitmentActivity",
    "unesco.Outreach",
    "unesco.Participants",
)


def _years(dates: QuerySet) -> list[int]:
    return sorted({day.year for day in dates})


def _each_year(
    years: Callable[[], list[int]],
    count: Callable[[indicators.Indicators], int | Decimal | None],
) -> Callable[[], dict[int, float]]:
    def by_year() -> dict[int, float]:
        found = {}
        for year in years():
            value = count(indicators.compute(Span(year, year)))
            if value is not None:
                found[year] = float(value)
        return found

    return by_year


def activity_years() -> list[int]:
    """Every year an activity of a commitment runs in."""
    years: set[int] = set()
    for starts_on, ends_on in CommitmentActivity.objects.values_list("starts_on", "ends_on"):
        years.update(range(starts_on.year, ends_on.year + 1))
    return sorted(years)


def outreach_years(kind: str) -> Callable[[], list[int]]:
    return lambda: _years(Outreach.objects.filter(kind=kind).dates("starts_on", "year"))


def _outreach(kind: str) -> Callable[[int], Records]:
    return lambda year: Records(
        "unesco-outreach",
        (("kind", kind), ("year", str(year))),
        permission="unesco.view_outreach",
    )


TRAINING, DISSEMINATION = Outreach.Kind.TRAINING, Outreach.Kind.DISSEMINATION

MEASURES = (
    RegistryMeasure(
        key="unesco_commitments_active",
        name=_("UNESCO commitments with activity in the year"),
        unit="commitments",
        description=_(
            "Counted in the UNESCO registry: commitments Hanoi made as a City of Design with "
            "at least one activity running in the year."
        ),
        by_year=_each_year(activity_years, lambda found: found.commitments_with_activity),
        records=lambda year: Records(
            "unesco-commitments",
            (("active_in", str(year)),),
            permission="unesco.view_commitments",
        ),
        models=MODELS,
    ),
    RegistryMeasure(
        key="people_trained",
        name=_("People trained"),
        unit="people",
        description=_(
            "Counted in the training and dissemination registry: participants (women and "
            "men) of the training courses that started in the year."
        ),
        by_year=_each_year(outreach_years(TRAINING), lambda found: found.trained),
        records=_outreach(TRAINING),
        models=MODELS,
    ),
    RegistryMeasure(
        key="units_disseminating",
        name=_("Wards and communes that held a dissemination session"),
        unit="wards and communes",
        description=_(
            "Counted in the training and dissemination registry: wards and communes "
            "(existing at the end of the year) that organised at least one dissemination "
            "session starting in the year."
        ),
        by_year=_each_year(outreach_years(DISSEMINATION), lambda f: f.units_disseminating),
        records=_outreach(DISSEMINATION),
        models=MODELS,
    ),
    RegistryMeasure(
        key="dissemination_coverage",
        name=_("Wards and communes reached by dissemination"),
        unit="%",
        description=_(
            "The wards and communes that held at least one dissemination session in the "
            "year, as a share of those existing at the end of the year (126 since July 2025)."
        ),
        by_year=_each_year(
            outreach_years(DISSEMINATION),
            lambda found: found.coverage * 100 if found.coverage is not None else None,
        ),
        records=_outreach(DISSEMINATION),
        models=MODELS,
    ),
)
