"""What a reviewer reads before approving or returning a report: its numbers beside
the same task's previous report and the indicator's next target."""

from dataclasses import dataclass
from decimal import Decimal

from cnvh.plan.models import Indicator, ProgressReport, ReportValue, Target


@dataclass(frozen=True)
class ReviewLine:
    indicator: Indicator
    value: Decimal | None
    previous: Decimal | None
    target: Target | None

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


def previous_report(report: ProgressReport) -> ProgressReport | None:
    """The same agency's report on the same task for the latest earlier period, once
    it was submitted (a draft says nothing yet)."""
    return (
        ProgressReport.objects.filter(
            task=report.task_id,
            agency=report.agency_id,
            period__starts_on__lt=report.period.starts_on,
        )
        .exclude(status=ProgressReport.Status.DRAFT)
        .select_related("period")
        .order_by("-period__starts_on")
        .first()
    )


def _values(report: ProgressReport | None) -> dict[int, Decimal]:
    if report is None:
        return {}
    found = ReportValue.objects.filter(report=report).values_list("indicator_id", "value")
    return dict(found)


def _next_targets(indicators: list[Indicator], year: int) -> dict[int, Target]:
    """Each indicator's target for `year` or the first later one."""
    targets: dict[int, Target] = {}
    found = Target.objects.filter(indicator__in=indicators, year__gte=year).order_by("year")
    for target in found:
        targets.setdefault(target.indicator_id, target)
    return targets


def review_lines(report: ProgressReport, previous: ProgressReport | None) -> list[ReviewLine]:
    now, before = _values(report), _values(previous)
    indicators = list(Indicator.objects.filter(pk__in=set(now) | set(before)).order_by("code"))
    targets = _next_targets(indicators, report.period.year)
    return [
        ReviewLine(
            indicator=indicator,
            value=now.get(indicator.pk),
            previous=before.get(indicator.pk),
            target=targets.get(indicator.pk),
        )
        for indicator in indicators
    ]
