"""Slowing down password guessing, across every app process.

Failed logins are rows of `LoginAttempt`, so all processes behind the proxy see
the same count. A user name is locked for 15 minutes after its 5th failure
within 15 minutes; an address after its 20th. While locked, even the right
password is refused: otherwise a guesser would learn from the answer when it
had found the password.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from cnvh.plan.models import LoginAttempt

WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)
KEEP = timedelta(days=1)


@dataclass(frozen=True)
class Limit:
    field: str
    failures: int


BY_USERNAME = Limit("username", 5)
BY_ADDRESS = Limit("address", 20)


def normalise(username: str) -> str:
    # "Admin" and "admin " count as one name, so changing case does not buy guesses.
    return username.strip().lower()[:150]


def _locked_until(attempts: QuerySet[LoginAttempt], limit: Limit, now: datetime) -> datetime | None:
    """The end of the latest lockout still running, if any.

    A lockout starts at a failure that is the `limit.failures`-th within WINDOW.
    """
    since = now - LOCKOUT - WINDOW
    times = sorted(attempts.filter(at__gte=since).values_list("at", flat=True))
    until = None
    for index in range(limit.failures - 1, len(times)):
        if times[index] - times[index - limit.failures + 1] <= WINDOW:
            until = times[index] + LOCKOUT
    return until if until is not None and until > now else None


def locked_until(
    username: str, address: str | None, now: datetime | None = None
) -> datetime | None:
    """When the name or the address may try again, or None if it may now."""
    now = now or timezone.now()
    ends = [
        _locked_until(LoginAttempt.objects.filter(username=normalise(username)), BY_USERNAME, now)
    ]
    if address:
        ends.append(_locked_until(LoginAttempt.objects.filter(address=address), BY_ADDRESS, now))
    found = [end for end in ends if end is not None]
    return max(found) if found else None


def record_failure(username: str, address: str | None) -> None:
    LoginAttempt.objects.create(username=normalise(username), address=address or None)
    # Old rows say nothing any more; dropping them keeps the table small.
    LoginAttempt.objects.filter(at__lt=timezone.now() - KEEP).delete()
