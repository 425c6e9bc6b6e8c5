"""The registry of models and bright spots as measures a plan indicator can take (see
`cnvh.plan.registry_measures`), each counted by `cnvh.brightspots.indicators` in a
calendar year."""

from collections import Counter
from collections.abc import Callable
from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cnvh.brightspots import indicators
from cnvh.brightspots.models import BrightSpot, Decision, Replication, sector_choices
from cnvh.plan.registry_measures import Records, RegistryMeasure

MODELS = (
    "brightspots.BrightSpot",
    "brightspots.Decision",
    "brightspots.Replication",
    "brightspots.FollowUp",
)


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _counted(dates: QuerySet, count: Callable[[int], int]) -> dict[int, float]:
    return {year: float(count(year)) for year in sorted({day.year for day in dates})}


def recognised() -> dict[int, float]:
    decided = Decision.objects.filter(outcome=Decision.Outcome.RECOGNISED)
    return _counted(
        decided.dates("decided_on", "year"),
        lambda year: indicators.recognised_models_in(*_year(year)).count(),
    )


def replications() -> dict[int, float]:
    return _counted(
        Replication.objects.dates("started_on", "year"),
        lambda year: indicators.replications_in(*_year(year)).count(),
    )


def _split(year: int, key: Callable[[BrightSpot], str | None]) -> dict[str, float]:
    models = indicators.recognised_models_in(*_year(year))
    found = Counter(key(spot) for spot in models)
    return {name: float(n) for name, n in found.items() if name}


MEASURES = (
    RegistryMeasure(
        key="brightspots_recognised",
        name=_("Models and bright spots recognised"),
        unit="models",
        description=_(
            "Counted in the registry of models and bright spots: models recognised by a "
            "decision dated in the year whose recognition still stands; by ward and sector."
        ),
        by_year=recognised,
        records=lambda year: Records("brightspots-public", (("recognised_in", str(year)),)),
        by_area=lambda year: _split(year, lambda spot: spot.ward.code if spot.ward else None),
        by_sector=lambda year: _split(year, lambda spot: spot.sector),
        sector_titles=lambda: dict(sector_choices()),
        models=MODELS,
    ),
    RegistryMeasure(
        key="brightspots_replications",
        name=_("Replications of recognised models"),
        unit="replications",
        description=_(
            "Counted in the registry of models and bright spots: replications of recognised "
            "models (in a ward or by an agency) started in the year, under way, in place or "
            "stopped since; planned ones are not counted."
        ),
        by_year=replications,
        records=lambda year: Records("brightspots-public", (("replicated_in", str(year)),)),
        models=MODELS,
    ),
)
