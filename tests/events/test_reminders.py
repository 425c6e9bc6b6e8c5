"""Deadlines that act: working days left on every view waiting, a reminder when the due
day is near, escalation when it has passed. Days are counted by hand on Vietnam's 2026
calendar (Tết: Mon 16 – Fri 20 February off).

A file complete on Thu 12 February 2026 under Decree 144 Art. 10 (5 working days) is
answered by Thu 26 February: 13 February, then 23, 24, 25 and 26 February."""

from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from cnvh.events import reminders, workflow
from cnvh.events.models import ClearanceNotice
from cnvh.plan.models import Role
from tests import factories
from tests.events import make

Kind = ClearanceNotice.Kind


class CountdownTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.event = make.event(self.town)
        workflow.start_clearance(self.event, date(2026, 2, 12), self.town.officer)
        self.view = self.event.clearances.get()

    def left(self, on: date) -> reminders.Countdown:
        return reminders.countdowns([self.view], on)[self.view.pk]

    def test_the_working_days_left_skip_the_tet_week(self) -> None:
        assert self.view.due_on == date(2026, 2, 26)
        # From Fri 13 February: 23, 24, 25 and 26 February; the Tết week counts nothing.
        assert self.left(date(2026, 2, 13)).left == 4
        assert self.left(date(2026, 2, 20)).left == 4
        assert self.left(date(2026, 2, 24)).left == 2
        assert self.left(date(2026, 2, 26)).left == 0
        assert self.left(date(2026, 2, 27)).left == -1
        # Sat 28 February and Sun 1 March are not working days: Mon 2 March is the 2nd.
        assert self.left(date(2026, 3, 2)).left == -2

    def test_amber_within_two_working_days_red_once_past(self) -> None:
        assert self.left(date(2026, 2, 23)).tag == ""
        assert self.left(date(2026, 2, 24)).tag == "due-soon"
        assert self.left(date(2026, 2, 26)).tag == "due-soon"
        assert self.left(date(2026, 2, 27)).tag == "overdue"

    def test_said_in_both_languages(self) -> None:
        with translation.override("en"):
            assert self.left(date(2026, 2, 24)).shown() == "2 working days left"
            assert self.left(date(2026, 2, 25)).shown() == "1 working day left"
            assert self.left(date(2026, 2, 26)).shown() == "due today"
            assert self.left(date(2026, 3, 2)).shown() == "2 working days late"
        with translation.override("vi"):
            assert self.left(date(2026, 2, 24)).shown() == "còn 2 ngày làm việc"
            assert self.left(date(2026, 2, 26)).shown() == "hết hạn hôm nay"
            assert self.left(date(2026, 3, 2)).shown() == "quá hạn 2 ngày làm việc"


class ReminderTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.ward_leader = factories.user(Role.LEADER, self.town.ward, "ward-leader")
        self.event = make.event(self.town)
        workflow.start_clearance(self.event, date(2026, 2, 12), self.town.officer)
        self.view = self.event.clearances.get()

    def told(self, on: date) -> set[tuple[str, str]]:
        return {
            (notice.user.username, notice.kind) for notice in reminders.send_clearance_reminders(on)
        }

    def test_nothing_while_the_due_day_is_far(self) -> None:
        assert self.told(date(2026, 2, 13)) == set()
        assert self.told(date(2026, 2, 23)) == set()

    def test_the_officers_who_give_the_view_are_reminded_once(self) -> None:
        assert self.told(date(2026, 2, 24)) == {("ward-officer", Kind.DUE_SOON)}
        assert self.told(date(2026, 2, 24)) == set()
        assert self.told(date(2026, 2, 26)) == set()  # told of this due day already

    def test_past_the_due_day_the_leaders_and_the_coordinator_are_told(self) -> None:
        assert self.told(date(2026, 2, 27)) == {
            ("ward-officer", Kind.OVERDUE),
            ("ward-leader", Kind.ESCALATED),
            ("coordinator", Kind.ESCALATED),
        }
        assert self.told(date(2026, 3, 2)) == set()

    def test_a_view_given_is_not_reminded(self) -> None:
        workflow.answer_clearance(self.view, "agree", "", date(2026, 2, 24), self.town.ward_officer)
        assert self.told(date(2026, 2, 27)) == set()

    def test_a_new_due_day_is_a_new_notice(self) -> None:
        self.told(date(2026, 2, 24))
        self.view.due_on = date(2026, 3, 4)
        self.view.save()
        assert self.told(date(2026, 3, 3)) == {("ward-officer", Kind.DUE_SOON)}

    def test_each_notice_is_mailed_in_vietnamese_then_english(self) -> None:
        self.told(date(2026, 2, 27))
        sent = {message.to[0]: message for message in mail.outbox}
        assert set(sent) == {
            "ward-officer@example.org",
            "ward-leader@example.org",
            "coordinator@example.org",
        }
        body = sent["ward-leader@example.org"].body
        vietnamese, english = body.split("\n\n")
        assert english == (
            "Escalated: the view of Agency p-hoan-kiem on “An evening of Trịnh's songs” was "
            "due on 26/02/2026 and has not been given."
        )
        assert vietnamese == (
            "Báo cáo lãnh đạo: ý kiến của Phường Hoàn Kiếm về “Đêm nhạc Trịnh” đã đến hạn "
            "ngày 26/02/2026 nhưng chưa được gửi."
        )
        assert ClearanceNotice.objects.filter(emailed=True).count() == 3

    def test_the_daily_command(self) -> None:
        out = _run("events-remind", "--today", "2026-02-27")
        assert "3 notices made (27/02/2026)" in out
        assert "0 notices made" in _run("events-remind", "--today", "2026-02-27")


def _run(*arguments: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*arguments, stdout=out)
    return out.getvalue()


class PageTests(TestCase):
    """On the pages, today is the real today: the view is made due five working days
    from now, and the reminder is sent as of its due day."""

    def setUp(self) -> None:
        self.town = make.city()
        today = timezone.localdate()
        self.event = make.event(self.town, filed_on=today, starts_on=today + timedelta(days=60))
        workflow.start_clearance(self.event, today, self.town.officer)
        self.view = self.event.clearances.get()

    def test_the_queue_shows_the_working_days_left_and_the_notices(self) -> None:
        reminders.send_clearance_reminders(self.view.due_on)
        self.client.force_login(self.town.ward_officer)
        self.client.cookies["django_language"] = "en"
        text = self.client.get(reverse("events-queue")).content.decode()
        assert "5 working days left" in text
        assert "Your notices" in text
        assert f"due on {self.view.due_on:%d/%m/%Y}" in text

    def test_opening_the_event_reads_its_notices(self) -> None:
        reminders.send_clearance_reminders(self.view.due_on)
        self.client.force_login(self.town.ward_officer)
        self.client.get(reverse("events-detail", args=[self.event.pk]))
        assert not ClearanceNotice.objects.filter(read_at__isnull=True).exists()
        page = self.client.get(reverse("events-queue"))
        assert "notices-title" not in page.content.decode()

    def test_the_board_lists_the_views_due_soon(self) -> None:
        self.view.due_on = timezone.localdate()
        self.view.save()
        self.client.force_login(self.town.coordinator)
        self.client.cookies["django_language"] = "en"
        text = self.client.get(reverse("events-list")).content.decode()
        assert "Views due soon" in text
        assert "due today" in text
