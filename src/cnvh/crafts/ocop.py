"""The OCOP rules applied to points and dates: stars from the bands in force, the
certificate's expiry and when re-rating is due."""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cnvh.crafts.models import OcopBand, OcopRating, OcopScheme


def add_months(day: date, months: int) -> date:
    """The same day `months` later; a day the month lacks is its last day
    (31/08/2026 + 36 months = 31/08/2029; 29/02/2028 + 36 months = 28/02/2031)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def band_for(points: Decimal, scheme: OcopScheme) -> OcopBand | None:
    """The highest band whose lower bound the points reach."""
    return scheme.bands.filter(min_points__lte=points).order_by("-min_points").first()


@dataclass(frozen=True)
class Outcome:
    """What a rating's points give under the scheme in force on a day."""

    total: Decimal
    stars: int | None
    certified: bool
    level: str
    scheme: OcopScheme


def outcome(rating: OcopRating, on: date) -> Outcome | None:
    scheme = OcopScheme.in_force(on)
    total = rating.total
    if scheme is None or total is None:
        return None
    band = band_for(total, scheme)
    if band is None:
        return Outcome(total, None, False, "", scheme)
    return Outcome(total, band.stars, band.certified, band.deciding_level, scheme)


def expiry(decided_on: date) -> date | None:
    scheme = OcopScheme.in_force(decided_on)
    return add_months(decided_on, scheme.validity_months) if scheme else None


def rerating_due(rating: OcopRating, today: date) -> bool:
    """A decided certificate within the scheme's notice of its expiry, or past it."""
    if rating.status != OcopRating.Status.DECIDED or rating.expires_on is None:
        return False
    scheme = OcopScheme.in_force(rating.decision_date or today)
    notice = scheme.notice_months if scheme else 6
    return today >= add_months(rating.expires_on, -notice)
