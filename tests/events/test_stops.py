"""Postponed, suspended, cancelled at any point with a reason; resumed where it stopped;
closed after the report. Each step gated and recorded; the public still sees an event it
was told of, marked as off, and never one it was not."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.test import TestCase
from django.urls import reverse

from cnvh.events import workflow
from cnvh.events.models import Event, Status
from cnvh.events.permissions import public_events
from cnvh.events.workflow import StepRefused
from tests.events import make

DAY = date(2026, 2, 25)


def _published(town: make.City) -> Event:
    event = make.event(town)
    workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    workflow.answer_clearance(
        event.clearances.get(), "agree", "", date(2026, 2, 13), town.ward_officer
    )
    workflow.decide(event, True, "7/QĐ-SVHTT", date(2026, 2, 24), "", town.leader)
    return workflow.publish(event, DAY, town.officer)


class StopTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()

    def test_a_file_not_yet_public_is_cancelled_out_of_sight(self) -> None:
        event = make.event(self.town)
        cancelled = workflow.call_off(
            event, Status.CANCELLED, "Nhà tổ chức rút hồ sơ.", DAY, self.town.officer
        )
        assert cancelled.status == Status.CANCELLED
        assert cancelled.sequence == 0  # no calendar was ever told
        step = cancelled.transitions.order_by("-pk")[0]
        assert (step.from_status, step.to_status, step.note) == (
            Status.FILED,
            Status.CANCELLED,
            "Nhà tổ chức rút hồ sơ.",
        )
        assert not public_events().filter(pk=event.pk).exists()

    def test_a_published_event_postponed_stays_public_marked_and_revised(self) -> None:
        event = _published(self.town)
        assert (event.published_on, event.sequence) == (DAY, 1)
        off = workflow.call_off(
            event, Status.POSTPONED, "Mưa bão.", date(2026, 2, 27), self.town.officer
        )
        assert off.sequence == 2
        assert public_events().filter(pk=event.pk).exists()
        resumed = workflow.resume(off, date(2026, 3, 1), self.town.officer)
        assert (resumed.status, resumed.sequence) == (Status.PUBLISHED, 3)
        assert resumed.transitions.order_by("-pk")[0].note == "Tiếp tục từ bước “Công bố”."

    def test_suspended_while_being_held_and_cancelled_after(self) -> None:
        event = workflow.mark_held(_published(self.town), date(2026, 3, 2), self.town.officer)
        suspended = workflow.call_off(
            event, Status.SUSPENDED, "Vi phạm an toàn.", date(2026, 3, 2), self.town.coordinator
        )
        assert suspended.status == Status.SUSPENDED
        cancelled = workflow.call_off(
            suspended, Status.CANCELLED, "Không khắc phục.", date(2026, 3, 3), self.town.officer
        )
        assert cancelled.status == Status.CANCELLED
        with pytest.raises(StepRefused):
            workflow.resume(cancelled, date(2026, 3, 4), self.town.officer)

    def test_the_reason_is_required_and_nothing_changes_without_it(self) -> None:
        event = make.event(self.town)
        with pytest.raises(StepRefused):
            workflow.call_off(event, Status.POSTPONED, "  ", DAY, self.town.officer)
        event.refresh_from_db()
        assert event.status == Status.FILED
        assert event.transitions.count() == 1

    def test_a_held_event_is_neither_postponed_nor_cancelled(self) -> None:
        event = workflow.mark_held(_published(self.town), date(2026, 3, 2), self.town.officer)
        for to in (Status.POSTPONED, Status.CANCELLED):
            with pytest.raises(StepRefused):
                workflow.call_off(event, to, "Lý do.", date(2026, 3, 3), self.town.officer)

    def test_only_the_receiving_authority_or_the_coordinator(self) -> None:
        event = make.event(self.town)
        with pytest.raises(PermissionDenied):
            workflow.call_off(event, Status.CANCELLED, "Lý do.", DAY, self.town.ward_officer)

    def test_closed_after_the_report_and_still_counted_as_held(self) -> None:
        event = workflow.mark_held(_published(self.town), date(2026, 3, 2), self.town.officer)
        event = workflow.report(event, 480, "", date(2026, 3, 5), self.town.officer)
        with pytest.raises(StepRefused):
            workflow.close(make.event(self.town), DAY, self.town.officer)
        closed = workflow.close(event, date(2026, 3, 6), self.town.officer)
        assert closed.status == Status.CLOSED
        assert public_events().filter(pk=event.pk).exists()
        from cnvh.events import indicators

        found = indicators.compute(date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 31))
        assert found.held == 1


class PageTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()

    def test_cancelling_on_the_page_with_its_reason_shows_on_the_public_page(self) -> None:
        event = _published(self.town)
        self.client.force_login(self.town.officer)
        self.client.cookies["django_language"] = "en"
        url = reverse("events-call-off", args=[event.pk])
        refused = self.client.post(url, {"to": "cancelled", "reason": ""}, follow=True)
        assert "Give the reason" in refused.content.decode()
        assert Event.objects.get(pk=event.pk).status == Status.PUBLISHED
        self.client.post(url, {"to": "cancelled", "reason": "Đơn vị tổ chức xin hủy."})
        assert Event.objects.get(pk=event.pk).status == Status.CANCELLED
        self.client.logout()  # which forgets the cookies
        self.client.cookies["django_language"] = "en"
        page = self.client.get(reverse("events-public", args=[event.pk])).content.decode()
        assert "Cancelled" in page and "Đơn vị tổ chức xin hủy." in page

    def test_closing_and_resuming_through_the_steps(self) -> None:
        event = make.event(self.town)
        self.client.force_login(self.town.officer)
        self.client.post(
            reverse("events-call-off", args=[event.pk]), {"to": "postponed", "reason": "Đổi lịch."}
        )
        self.client.post(reverse("events-step", args=[event.pk]), {"step": "resume"})
        assert Event.objects.get(pk=event.pk).status == Status.FILED


class FeedTests(TestCase):
    def test_a_cancelled_event_is_cancelled_in_the_feed_and_the_json_ld(self) -> None:
        town = make.city()
        event = _published(town)
        workflow.call_off(event, Status.CANCELLED, "Mưa bão.", date(2026, 2, 27), town.officer)
        feed = self.client.get(reverse("events-ics")).content.decode()
        assert "STATUS:CANCELLED" in feed and "SEQUENCE:2" in feed
        page = self.client.get(reverse("events-public", args=[event.pk])).content.decode()
        assert "https://schema.org/EventCancelled" in page
        calendar = self.client.get(
            reverse("events-calendar"), {"month": "2026-03"}
        ).content.decode()
        assert "Đã hủy" in calendar
