"""The recognition criteria of a craft village (Decree 52/2018/NĐ-CP, art. 5),
computed from its records against the thresholds in force on a day."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cnvh.crafts.models import CraftVillage, RecognitionThreshold


@dataclass(frozen=True)
class Criterion:
    label: Promise
    value: Decimal | bool | None
    minimum: Decimal | None
    met: bool | None  # None: no threshold in force, or no data to judge by
    legal_basis: str = ""


def household_share(village: CraftVillage) -> Decimal | None:
    """Households in the trade as a percentage of all households, to 2 decimals."""
    if not village.households_total:
        return None
    share = Decimal(100) * village.households_in_trade / village.households_total
    return share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _against(
    label: Promise, value: Decimal | None, threshold: RecognitionThreshold | None
) -> Criterion:
    if threshold is None or value is None:
        return Criterion(label, value, threshold.minimum if threshold else None, None)
    return Criterion(
        label, value, threshold.minimum, value >= threshold.minimum, threshold.legal_basis
    )


def criteria(village: CraftVillage, on: date) -> list[Criterion]:
    thresholds = RecognitionThreshold.in_force(on)
    kinds = RecognitionThreshold.Criterion
    return [
        _against(
            _("Share of households in the trade (%)"),
            household_share(village),
            thresholds.get(kinds.HOUSEHOLD_SHARE),
        ),
        _against(
            _("Consecutive years of stable production"),
            Decimal(village.years_stable),
            thresholds.get(kinds.STABLE_YEARS),
        ),
        Criterion(
            _("Meets the environmental rules"),
            village.environment_compliant,
            None,
            village.environment_compliant,
        ),
    ]


def meets_all(village: CraftVillage, on: date) -> bool:
    return all(criterion.met for criterion in criteria(village, on))
