"""Notifications in the app and by e-mail: reports due within 7 days, overdue,
returned, and waiting for approval.

Each notification is made once per person and occasion (a unique constraint),
so the daily `cnvh remind` can run as often as wanted without repeating itself.
E-mails carry Vietnamese then English, since the mail has no language switch.
"""

import logging
import smtplib
from datetime import date, datetime, timedelta
from typing import Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cnvh.plan.models import Notification, ProgressReport, ReportingPeriod, Task
from cnvh.plan.permissions import reporters_of, reviewers_of, workers_of

DUE_SOON_DAYS = 7
logger = logging.getLogger(__name__)


def message(notification: Notification) -> str:
    values = {"task": notification.task.code, "period": notification.period.label}
    texts = {
        Notification.Kind.DUE_SOON: _("The report on task %(task)s for %(period)s is due soon."),
        Notification.Kind.OVERDUE: _("The report on task %(task)s for %(period)s is overdue."),
        Notification.Kind.RETURNED: _(
            "The report on task %(task)s for %(period)s was returned for correction."
        ),
        Notification.Kind.SUBMITTED: _(
            "The report on task %(task)s for %(period)s waits for approval."
        ),
    }
    return texts[Notification.Kind(notification.kind)] % values


def _notify(
    users: list[Any],
    kind: str,
    task: Task,
    period: ReportingPeriod,
    report: ProgressReport | None = None,
    occasion: str = "",
    at: datetime | None = None,
) -> list[Notification]:
    made = []
    for user in users:
        try:
            with transaction.atomic():
                made.append(
                    Notification.objects.create(
                        user=user,
                        kind=kind,
                        task=task,
                        period=period,
                        report=report,
                        occasion=occasion,
                        created_at=at or timezone.now(),
                    )
                )
        except IntegrityError:
            continue  # already told
    for notification in made:
        _email(notification)
    return made


def _email(notification: Notification) -> None:
    address = notification.user.email
    if not address:
        return
    parts = []
    for language in ("vi", "en"):
        with translation.override(language):
            parts.append(message(notification))
    with translation.override("vi"):
        subject = f"[cnvh] {parts[0]}"
    try:
        send_mail(subject, "\n\n".join(parts), None, [address])
    except (OSError, smtplib.SMTPException):
        # The notification is in the app either way; the mail is a courtesy.
        logger.warning("could not e-mail notification %s", notification.pk, exc_info=True)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed=True)


def notify_submitted(report: ProgressReport) -> list[Notification]:
    occasion = report.submitted_at.isoformat() if report.submitted_at else ""
    return _notify(
        reviewers_of(report),
        Notification.Kind.SUBMITTED,
        report.task,
        report.period,
        report,
        occasion,
        report.submitted_at,
    )


def notify_returned(report: ProgressReport) -> list[Notification]:
    users = workers_of(report.task)
    if report.submitted_by is not None and report.submitted_by not in users:
        users.append(report.submitted_by)
    occasion = report.reviewed_at.isoformat() if report.reviewed_at else ""
    return _notify(
        users,
        Notification.Kind.RETURNED,
        report.task,
        report.period,
        report,
        occasion,
        report.reviewed_at,
    )


def mark_handled(report: ProgressReport, now: datetime, submitted: bool = False) -> None:
    """Notifications that asked for what just happened are read: a review settles
    "waiting for approval"; a submission settles "due", "overdue" and "returned"."""
    if submitted:
        asked = Notification.objects.filter(
            task=report.task_id,
            period=report.period_id,
            kind__in=[
                Notification.Kind.DUE_SOON,
                Notification.Kind.OVERDUE,
                Notification.Kind.RETURNED,
            ],
        )
    else:
        asked = Notification.objects.filter(report=report, kind=Notification.Kind.SUBMITTED)
    asked.filter(read_at__isnull=True).update(read_at=now)


def send_reminders(today: date) -> list[Notification]:
    """Remind the lead agency's officers of reports due within 7 days or overdue."""
    from cnvh.plan.completeness import owes_report

    periods = ReportingPeriod.objects.filter(
        due_on__lte=today + timedelta(days=DUE_SOON_DAYS), starts_on__lte=today
    )
    submitted = set(
        ProgressReport.objects.filter(
            period__in=periods, first_submitted_at__isnull=False
        ).values_list("task_id", "period_id")
    )
    made: list[Notification] = []
    tasks = list(Task.objects.select_related("lead_agency"))
    for period in periods:
        late = period.is_past_due(today)
        kind = Notification.Kind.OVERDUE if late else Notification.Kind.DUE_SOON
        for task in tasks:
            if (task.pk, period.pk) in submitted or not owes_report(task, period):
                continue
            made += _notify(reporters_of(task), kind, task, period)
    return made


def mark_seen(user: Any, report: ProgressReport) -> None:
    """Opening a report reads the person's notifications about it."""
    Notification.objects.filter(user=user, report=report, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return int(Notification.objects.filter(user=user, read_at__isnull=True).count())
