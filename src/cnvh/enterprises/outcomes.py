"""When each step of an IP filing is expected, from the legal durations in force on its
filing date (dated rows, `IPStepDuration`), and which steps are overdue."""

import calendar
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.utils import timezone

from cnvh.enterprises.models import IPFiling, IPStepDuration
from cnvh.enterprises.models.outcomes import IPStage, IPStep

# Each step: counted from (the date done before it), and the date that marks it done.
STEPS: tuple[tuple[str, str, str], ...] = (
    (IPStep.FORMALITY, "filed_on", "formality_accepted_on"),
    (IPStep.PUBLICATION, "formality_accepted_on", "published_on"),
    (IPStep.EXAMINATION, "published_on", "decided_on"),
)
FINISHED = frozenset({IPStage.GRANTED, IPStage.REFUSED})


@dataclass(frozen=True)
class StepDue:
    step: str
    label: str
    expected: date | None  # None: no duration in force for this kind and step
    done: date | None
    overdue: bool


@dataclass(frozen=True)
class FilingSteps:
    filing: IPFiling
    steps: tuple[StepDue, ...]
    expires: date | None

    @property
    def overdue(self) -> bool:
        return any(step.overdue for step in self.steps)


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has fewer days."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def durations(kind: str, filed_on: date) -> dict[str, int]:
    """Step -> months, by the rows in force on the filing date."""
    rows = IPStepDuration.objects.filter(kind=kind, valid_from__lte=filed_on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=filed_on)
    )
    return {row.step: row.months for row in rows}


def filing_steps(filing: IPFiling, today: date | None = None) -> FilingSteps:
    today = today or timezone.localdate()
    months = durations(filing.kind, filing.filed_on)
    steps: list[StepDue] = []
    start: date | None = filing.filed_on
    for step, _, done_field in STEPS:
        done: date | None = getattr(filing, done_field)
        expected = add_months(start, months[step]) if start and step in months else None
        waiting = done is None and filing.stage not in FINISHED
        overdue = waiting and expected is not None and expected < today
        steps.append(StepDue(step, str(IPStep(step).label), expected, done, overdue))
        # The next step counts from this one's real date, else from when it was due.
        start = done or expected
    expires = filing.expires_on
    if expires is None and filing.stage == IPStage.GRANTED and IPStep.VALIDITY in months:
        expires = add_months(filing.filed_on, months[IPStep.VALIDITY])
    return FilingSteps(filing, tuple(steps), expires)
