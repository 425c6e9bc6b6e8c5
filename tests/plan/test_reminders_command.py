"""`cnvh remind`: makes the due and overdue notifications once, and says how many."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from cnvh.plan.models import Notification, Role
from tests import factories


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_remind_makes_each_notification_once_and_counts_them() -> None:
    ward = factories.agency("ward-a", kind="ward")
    officers = [factories.user(Role.OFFICER, of=ward) for _ in range(2)]
    factories.task(lead=ward, code="7.1", starts_on=date(2026, 1, 1))
    factories.quarter(2026, 1)  # Q1 2026: due 2026-04-10
    # On 2026-04-05 the report is due within 7 days: one notice per officer.
    assert "2 notifications made (2026-04-05)" in remind("--date", "2026-04-05")
    assert sorted(n.user_id for n in Notification.objects.all()) == sorted(o.pk for o in officers)
    assert {n.kind for n in Notification.objects.all()} == {Notification.Kind.DUE_SOON}
    assert len(mail.outbox) == 2
    # Run again the same day: nothing new.
    assert "0 notifications made" in remind("--date", "2026-04-05")
    # After the due date: overdue, once more per officer.
    assert "2 notifications made (2026-04-11)" in remind("--date", "2026-04-11")
    assert Notification.objects.filter(kind=Notification.Kind.OVERDUE).count() == 2


@pytest.mark.django_db
def test_remind_refuses_a_bad_date() -> None:
    with pytest.raises(CommandError, match="Not a date"):
        remind("--date", "05/04/2026")
