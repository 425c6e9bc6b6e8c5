"""Working days: Monday to Friday, less public holidays and the rest days owed for
them, less the extra days off the government announces, plus the weekend days it
makes working days in exchange (`Adjustments`, kept as data by the procedures app).

Counting convention of `add_working_days` and `working_days_between`: the start day
is not counted. "Within 5 working days of filing on Wednesday 7 February 2024" is the
5th working day after 7 February, whatever 7 February itself was; a file received on
a Saturday starts counting on Monday. The Civil Code counts a period the same way
(Art. 147: a period counted in days starts the day after the event).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from cnvh.calendar import holidays

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Adjustments:
    """The government's announced changes: extra days off, and days (usually weekend
    days) made working days in exchange."""

    days_off: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def of(cls, days_off: Iterable[date] = (), working_days: Iterable[date] = ()) -> "Adjustments":
        return cls(frozenset(days_off), frozenset(working_days))


@lru_cache(maxsize=512)
def _statutory_days_off(year: int) -> frozenset[date]:
    return frozenset(holidays.days_off(year))


class WorkingCalendar:
    """Which days are working days, and counts of them."""

    def __init__(self, adjustments: Adjustments | None = None) -> None:
        self.adjustments = adjustments or Adjustments()

    def is_holiday(self, day: date) -> bool:
        """A statutory holiday or a rest day owed for one (of this year or the last)."""
        return day in _statutory_days_off(day.year) or day in _statutory_days_off(day.year - 1)

    def is_working_day(self, day: date) -> bool:
        if day in self.adjustments.working_days:
            return True
        if day in self.adjustments.days_off:
            return False
        return not holidays.is_weekend(day) and not self.is_holiday(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The `n`th working day after `start` (start not counted); `n` < 0 counts
        back: the `|n|`th working day before `start`. `n` = 0 gives `start`."""
        step = ONE_DAY if n >= 0 else -ONE_DAY
        day, left = start, abs(n)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """The working days after `a` up to and including `b`; negative when `b` is
        before `a` (then the working days after `b` up to and including `a`)."""
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += ONE_DAY
            count += self.is_working_day(day)
        return count
