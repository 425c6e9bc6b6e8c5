"""Every write of the registry: each step checks the caller's permission through the
rules and records who did it in the history. Pages, the demo and the tests all write
through here.

The Membership Monitoring Report goes like a progress report: a draft the
coordinator edits section by section, submitted, returned with a reason or approved
by someone else. Each step re-reads the report under a row lock and checks its state
again, so two steps at the same moment run one after the other."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cnvh.brightspots.models import BrightSpot
from cnvh.events.models import Event
from cnvh.plan.models import Task
from cnvh.plan.permissions import require
from cnvh.unesco import builder
from cnvh.unesco.models import (
    Commitment,
    CommitmentActivity,
    MonitoringReport,
    NetworkParticipation,
    Outreach,
    Participants,
    ReportSection,
    SectionText,
)
from cnvh.unesco.permissions import organisers_for

# The Network asks for a report every four years: a report's period runs from the
# year of the previous report to the year of this one (2023 to 2027).
REPORT_INTERVAL = 4
# The longest text of a section: a report's section is a few pages.
MAX_SECTION_TEXT = 20_000


class ReportStateChanged(Exception):
    """The report is no longer in a state that allows the step."""

    def __init__(self, report: MonitoringReport) -> None:
        super().__init__(report.status)
        self.report = report


def _stamp(record: Model, user: Any, now: datetime | None = None) -> None:
    # simple-history reads the acting user (and a back-dated time) from here.
    record._history_user = user  # type: ignore[attr-defined]
    if now is not None:
        record._history_date = now  # type: ignore[attr-defined]


@transaction.atomic
def save_commitment(
    commitment: Commitment, user: Any, tasks: Iterable[Task] | None = None
) -> Commitment:
    require(user, "unesco.change_commitments")
    commitment.full_clean()
    _stamp(commitment, user)
    commitment.save()
    if tasks is not None:
        commitment.tasks.set(list(tasks))
    return commitment


@transaction.atomic
def save_activity(
    activity: CommitmentActivity,
    user: Any,
    events: Iterable[Event] | None = None,
    bright_spots: Iterable[BrightSpot] | None = None,
) -> CommitmentActivity:
    """Saves the activity; the events and models it is linked to, when given."""
    require(user, "unesco.change_commitments")
    activity.full_clean()
    _stamp(activity, user)
    activity.save()
    if events is not None:
        activity.events.set(list(events))
    if bright_spots is not None:
        activity.bright_spots.set(list(bright_spots))
    return activity


@transaction.atomic
def save_participation(participation: NetworkParticipation, user: Any) -> NetworkParticipation:
    require(user, "unesco.change_commitments")
    participation.full_clean()
    _stamp(participation, user)
    participation.save()
    return participation


@transaction.atomic
def record_outreach(
    outreach: Outreach, user: Any, participants: Mapping[str, tuple[int, int]]
) -> Outreach:
    """Save an activity and who took part (women, men by role). An officer records
    only the activities of their own agency."""
    if outreach.pk is None:
        require(user, "unesco.add_outreach")
        outreach.recorded_by = user
    else:
        stored = Outreach.objects.select_for_update().get(pk=outreach.pk)
        require(user, "unesco.change_outreach", stored)
    allowed = organisers_for(user)
    if allowed is not None and outreach.organiser_id not in allowed:
        raise PermissionDenied("unesco.change_outreach")
    outreach.full_clean()
    _stamp(outreach, user)
    outreach.save()
    for role, (women, men) in participants.items():
        _save_participants(outreach, role, women, men, user)
    return outreach


def _save_participants(outreach: Outreach, role: str, women: int, men: int, user: Any) -> None:
    row = Participants.objects.filter(outreach=outreach, role=role).first()
    if row is None and not (women or men):
        return
    row = row or Participants(outreach=outreach, role=role)
    row.women, row.men = women, men
    _stamp(row, user)
    row.save()


@transaction.atomic
def start_report(
    first_year: int, last_year: int, user: Any, now: datetime | None = None
) -> MonitoringReport:
    """The report of the period: the existing one, or a new draft."""
    require(user, "unesco.start_report")
    check_period(first_year, last_year)
    existing = MonitoringReport.objects.filter(first_year=first_year, last_year=last_year).first()
    if existing is not None:
        return existing
    report = MonitoringReport(
        first_year=first_year,
        last_year=last_year,
        created_by=user,
        created_at=now or timezone.now(),
    )
    _stamp(report, user, now)
    report.save()
    return report


def check_period(first_year: int, last_year: int) -> None:
    if last_year - first_year != REPORT_INTERVAL:
        raise ValidationError(
            _(
                "A monitoring report covers the four years from one report to the next:"
                " %(first)s to %(last)s is not four years apart. Give the year of the"
                " previous report and the year of this one, e.g. 2023 to 2027."
            )
            % {"first": first_year, "last": last_year}
        )


@transaction.atomic
def save_section(
    report: MonitoringReport,
    section: ReportSection,
    user: Any,
    text_vi: str,
    text_en: str,
    now: datetime | None = None,
) -> SectionText:
    """Keep the coordinator's text of a section; the figures stay drawn from the records."""
    for name, typed in (("text_vi", text_vi), ("text_en", text_en)):
        if len(typed) > MAX_SECTION_TEXT:
            raise ValidationError(
                {
                    name: _("The text is too long: at most %(count)s characters.")
                    % {"count": MAX_SECTION_TEXT}
                }
            )
    report = _locked(report)
    _check_state(report, user, report.editable)
    require(user, "unesco.change_report", report)
    now = now or timezone.now()
    text = SectionText.objects.filter(report=report, section=section).first()
    text = text or SectionText(report=report, section=section)
    text.text_vi, text.text_en = text_vi.strip(), text_en.strip()
    text.edited_by, text.edited_at = user, now
    _stamp(text, user, now)
    text.save()
    return text


@transaction.atomic
def submit(report: MonitoringReport, user: Any, now: datetime | None = None) -> MonitoringReport:
    report = _locked(report)
    _check_state(report, user, report.editable)
    require(user, "unesco.submit_report", report)
    now = now or timezone.now()
    report.status = MonitoringReport.Status.SUBMITTED
    report.submitted_by, report.submitted_at = user, now
    report.return_reason = ""
    _stamp(report, user, now)
    report.save(update_fields=["status", "submitted_by", "submitted_at", "return_reason"])
    return report


@transaction.atomic
def return_report(
    report: MonitoringReport, user: Any, reason: str, now: datetime | None = None
) -> MonitoringReport:
    report = _locked(report)
    _check_state(report, user, report.status == MonitoringReport.Status.SUBMITTED)
    require(user, "unesco.review_report", report)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the report is returned and what to fix.")})
    now = now or timezone.now()
    report.status = MonitoringReport.Status.RETURNED
    report.return_reason = reason.strip()[:MAX_SECTION_TEXT]
    report.reviewed_by, report.reviewed_at = user, now
    _stamp(report, user, now)
    report.save(update_fields=["status", "return_reason", "reviewed_by", "reviewed_at"])
    return report


@transaction.atomic
def approve(report: MonitoringReport, user: Any, now: datetime | None = None) -> MonitoringReport:
    report = _locked(report)
    _check_state(report, user, report.status == MonitoringReport.Status.SUBMITTED)
    require(user, "unesco.review_report", report)
    empty = empty_sections(report)
    if empty:
        raise ValidationError(
            {
                "sections": _(
                    "The section “%(section)s” is empty (no text and nothing from the"
                    " records): return the report so the coordinator writes it, or take the"
                    " section out of use."
                )
                % {"section": empty[0].title}
            }
        )
    now = now or timezone.now()
    report.status = MonitoringReport.Status.APPROVED
    report.reviewed_by, report.reviewed_at = user, now
    _stamp(report, user, now)
    report.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    return report


def empty_sections(report: MonitoringReport) -> list[builder.Section]:
    """The sections in use with neither the coordinator's text (in either language)
    nor an item drawn from the records."""
    written = {
        text.section_id
        for text in SectionText.objects.filter(report=report)
        if text.text_vi.strip() or text.text_en.strip()
    }
    language = "en" if (translation.get_language() or "").startswith("en") else "vi"
    draft = builder.build(report, language, "")
    return [s for s in draft.sections if s.section_id not in written and not s.items]


def _check_state(report: MonitoringReport, user: Any, allowed: bool) -> None:
    """Refuse a step the report's state no longer allows, to those who may see it."""
    if not allowed and user.has_perm("unesco.view_reports"):
        raise ReportStateChanged(report)


def _locked(report: MonitoringReport) -> MonitoringReport:
    return MonitoringReport.objects.select_for_update().get(pk=report.pk)
