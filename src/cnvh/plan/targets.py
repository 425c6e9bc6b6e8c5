"""The plan's targets for the cultural industries' share of GRDP, as the pages use them.

The targets are not written in code: they are the targets of the plan's share
indicator (source "estimate", scope `hanoi-plan`, measure "share"), each with the
document that set it. As loaded in the demo (see docs/domain.md §1):
- 5% of GRDP in 2025: Hanoi People's Committee Plan 217/KH-UBND of 2022-08-12,
  implementing Resolution 09-NQ/TU of the Hanoi Party Committee of 2022-02-22.
- 8% of GRDP in 2030: the later target reported for Hanoi. Check it against the
  adopting document before publishing.
A long-term 10% target is reported for 2045 or for 2050; the sources disagree on
the year, so it is left out until a document settles it.

The targets are set for the plan's own definition of the cultural industries,
so the trajectory and the gap are computed under the indicator's scope only; on
other definitions' charts the targets are marked for reference.

The trajectory a year is judged against is the rule of `cnvh.plan.trajectory`: a
straight line from the baseline through each target. The baseline is the
indicator's (`cnvh.plan.values.baseline`): its stated value, or the estimate's own
share in the baseline year (the last full year before the plan). It comes from the
same estimate, so the same scope, because figures made under different definitions
cannot be compared.

Indicator values and targets of a share are in percent; the engine's rows hold
fractions. This module gives fractions, as the overview's tables and filters use.
"""

from dataclasses import dataclass

from django.db.models import Prefetch

from cnvh.plan import trajectory, values
from cnvh.plan.models import Indicator, LegalDocument, Target

SCOPE_KEY = "hanoi-plan"


@dataclass(frozen=True)
class PlanTarget:
    year: int
    share: float  # a fraction: 0.05 is 5%
    document: str  # the number and title of the document that set it, if any
    note: str


@dataclass(frozen=True)
class PlanTargets:
    indicator: Indicator
    targets: tuple[PlanTarget, ...]
    baseline: trajectory.Point | None  # in percent, as the indicator states it
    assessment: trajectory.Assessment

    @property
    def scope_key(self) -> str:
        return self.indicator.scope_key

    @property
    def baseline_year(self) -> int | None:
        return self.indicator.baseline_year

    @property
    def last_year(self) -> int | None:
        return self.targets[-1].year if self.targets else None

    def applies_to(self, scope_key: str) -> bool:
        return scope_key == self.scope_key

    def trajectory(self, year: int) -> float | None:
        """The share (fraction) the path expects in `year`, between the baseline
        and the last target; None outside that span."""
        points = [trajectory.Point(target.year, target.share * 100) for target in self.targets]
        expected = trajectory.expected_within(year, self.baseline, points)
        return None if expected is None else expected / 100

    def target_for(self, year: int) -> PlanTarget | None:
        return next((target for target in self.targets if target.year == year), None)


def share_indicator(*, published_only: bool) -> Indicator | None:
    """The plan's indicator of the share of GRDP, with its targets and their documents."""
    indicators = Indicator.objects.filter(
        source=Indicator.Source.ESTIMATE, scope_key=SCOPE_KEY, measure=Indicator.Measure.SHARE
    ).prefetch_related(
        Prefetch("targets", queryset=Target.objects.select_related("document").order_by("year"))
    )
    if published_only:
        indicators = indicators.filter(published=True)
    return indicators.order_by("code").first()


def plan_targets(*, published_only: bool) -> PlanTargets | None:
    indicator = share_indicator(published_only=published_only)
    if indicator is None:
        return None
    series = values.series(indicator, published_only=published_only)
    return PlanTargets(
        indicator=indicator,
        targets=tuple(_target(target) for target in indicator.targets.all()),
        baseline=values.baseline(indicator, series),
        assessment=values.assess(indicator, series),
    )


def _document(document: LegalDocument) -> str:
    title = document.title
    return title if document.number in title else f"{document.number} — {title}"


def _target(target: Target) -> PlanTarget:
    document = target.document
    return PlanTarget(
        year=target.year,
        share=float(target.value) / 100,
        document=_document(document) if document else "",
        note=target.note,
    )
