"""Reporting periods: the quarters, half-years and years of a span of years."""

from datetime import date, timedelta

from cnvh.plan.models import ReportingPeriod

MONTHS = {
    ReportingPeriod.Kind.QUARTER: 3,
    ReportingPeriod.Kind.HALF: 6,
    ReportingPeriod.Kind.YEAR: 12,
}


def bounds(kind: str, year: int, number: int) -> tuple[date, date]:
    months = MONTHS[ReportingPeriod.Kind(kind)]
    first_month = months * (number - 1) + 1
    start = date(year, first_month, 1)
    next_start = (
        date(year + 1, 1, 1) if first_month + months > 12 else date(year, first_month + months, 1)
    )
    return start, next_start - timedelta(days=1)


def ensure_periods(since: date, last_year: int, due_days: int) -> list[ReportingPeriod]:
    """Every period that starts on or after `since` (when reporting in cnvh
    begins) until the end of `last_year`, made if missing; reports are due
    `due_days` after a period ends. Existing periods keep their due dates."""
    periods = []
    for year in range(since.year, last_year + 1):
        for kind, months in MONTHS.items():
            for number in range(1, 12 // months + 1):
                start, end = bounds(kind, year, number)
                if start < since:
                    continue
                period, _ = ReportingPeriod.objects.get_or_create(
                    kind=kind,
                    year=year,
                    number=number,
                    defaults={
                        "starts_on": start,
                        "ends_on": end,
                        "due_on": end + timedelta(days=due_days),
                    },
                )
                periods.append(period)
    return periods
