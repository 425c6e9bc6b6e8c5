"""The support register's counts as measures a plan indicator can take (see
`cnvh.plan.registry_measures`), each computed by `cnvh.enterprises.indicators` for the
cases decided in a year."""

from collections.abc import Callable
from decimal import Decimal
from typing import Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cnvh.enterprises import indicators
from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.models import SupportCase
from cnvh.enterprises.sectors import scope_sectors
from cnvh.language import pick
from cnvh.plan.registry_measures import Records, RegistryMeasure

MODELS = (
    "enterprises.SupportCase",
    "enterprises.Disbursement",
    "enterprises.IPFiling",
    "enterprises.Enterprise",
    "enterprises.EnterpriseSector",
)


def _decision_years() -> list[int]:
    cases = SupportCase.objects.filter(stage__in=indicators.SUPPORTED, decided_on__isnull=False)
    return sorted({day.year for day in cases.dates("decided_on", "year")})


def _each_year(
    count: Callable[[indicators.SupportIndicators], int | Decimal],
) -> Callable[[], dict[int, float]]:
    def by_year() -> dict[int, float]:
        return {
            year: float(count(indicators.support_indicators(year))) for year in _decision_years()
        }

    return by_year


def titles_granted() -> dict[int, float]:
    titles = indicators.titles_granted(supported=True).filter(decided_on__isnull=False)
    years = sorted({day.year for day in titles.dates("decided_on", "year")})
    return {year: float(indicators.support_indicators(year).ip_granted_supported) for year in years}


def _supported_in(year: int) -> Records:
    return Records(
        "enterprises-list",
        (("supported_in", str(year)),),
        permission="enterprises.view_register",
    )


def _sector_titles() -> dict[str, str]:
    return {key: pick(vi, en) for key, vi, en in scope_sectors(PLAN_SCOPE)}


def _by(field: str) -> Callable[[int], dict[str, float]]:
    def split(year: int) -> dict[str, float]:
        found = getattr(indicators.support_indicators(year), field)
        return {key: float(n) for key, n in found.items() if key}

    return split


def _support_amount(
    amount: Literal["granted", "disbursed"], name: Promise, description: Promise
) -> RegistryMeasure:
    """A sum in VND of the cases approved in the year: `amount` is "granted" or
    "disbursed", the field of `SupportIndicators` summed."""
    return RegistryMeasure(
        key=f"support_{amount}",
        name=name,
        unit="VND",
        description=description,
        by_year=_each_year(lambda found: getattr(found, amount)),
        records=_supported_in,
        models=MODELS,
    )


MEASURES = (
    RegistryMeasure(
        key="enterprises_supported",
        name=_("Enterprises supported"),
        unit="enterprises",
        description=_(
            "Counted in the support register: enterprises with a support case approved in "
            "the year (reported cases included), each once however many cases it has; by "
            "the enterprise's ward and by its sectors."
        ),
        by_year=_each_year(lambda found: found.enterprises_supported),
        records=_supported_in,
        by_area=_by("by_ward"),
        by_sector=_by("by_sector"),
        sector_titles=_sector_titles,
        models=MODELS,
    ),
    _support_amount(
        "granted",
        _("Support granted"),
        _(
            "Summed in the support register: the amounts granted by the support cases "
            "approved in the year, in VND."
        ),
    ),
    _support_amount(
        "disbursed",
        _("Support disbursed"),
        _(
            "Summed in the support register: what was paid out, in any year, on the support "
            "cases approved in the year, in VND."
        ),
    ),
    RegistryMeasure(
        key="ip_titles_supported",
        name=_("IP titles granted to supported enterprises"),
        unit="titles",
        description=_(
            "Counted in the support register: intellectual-property titles (trademarks, "
            "industrial designs, uses of a geographical indication, copyright) granted in "
            "the year to enterprises that have had support approved."
        ),
        by_year=titles_granted,
        records=lambda year: Records(
            "enterprises-list",
            (("ip_granted_in", str(year)),),
            permission="enterprises.view_register",
        ),
        models=MODELS,
    ),
)
