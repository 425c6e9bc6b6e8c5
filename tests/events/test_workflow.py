"""The clearance workflow: every step gated, deadlines by the procedure in force on the
filing day, each step recorded. Dates are counted by hand on Vietnam's 2026 calendar
(Tết: Mon 16 – Fri 20 February off)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.test import TestCase

from cnvh.events import workflow
from cnvh.events.models import Clearance, Status
from cnvh.events.workflow import StepRefused
from tests.events import make


class FilingTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()

    def test_the_lead_time_counts_back_over_the_tet_week(self) -> None:
        # 7 working days before Mon 2 March 2026: 27, 26, 25, 24, 23 February, then
        # the Tết week (16–20) is skipped: Fri 13 and Thu 12 February.
        on_time = make.event(self.town, filed_on=date(2026, 2, 12))
        assert on_time.filing_deadline == date(2026, 2, 12)
        assert not on_time.late_filing
        late = make.event(self.town, filed_on=date(2026, 2, 13))
        assert late.late_filing
        assert "12/02/2026" in late.transitions.get().note

    def test_the_procedure_is_the_version_in_force_on_the_filing_day(self) -> None:
        # Art. 9 notices: the district received them until 30 June 2025, the commune after.
        before = make.event(
            self.town,
            "nd144-art9-notification",
            filed_on=date(2025, 6, 30),
            starts_on=date(2025, 7, 10),
        )
        after = make.event(
            self.town,
            "nd144-art9-notification",
            filed_on=date(2025, 7, 1),
            starts_on=date(2025, 7, 10),
        )
        assert before.procedure.deciding_level == "district"
        assert after.procedure.deciding_level == "commune"

    def test_a_procedure_for_another_kind_is_refused(self) -> None:
        with pytest.raises(StepRefused):
            make.event(self.town, "nd110-registration")

    def test_a_ward_leader_may_not_file(self) -> None:
        with pytest.raises(PermissionDenied):
            make.event(self.town, by=make.factories.user("leader", self.town.ward))


class ClearanceTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()

    def test_the_agencies_asked_follow_the_rules(self) -> None:
        small = make.event(self.town, expected_attendance=999)
        workflow.start_clearance(small, date(2026, 2, 12), self.town.officer)
        assert set(small.clearances.values_list("agency__code", flat=True)) == {"p-hoan-kiem"}
        big = make.event(self.town, expected_attendance=1000, venue=self.town.temple)
        workflow.start_clearance(big, date(2026, 2, 12), self.town.officer)
        asked = set(big.clearances.values_list("agency__code", flat=True))
        assert asked == {"p-hoan-kiem", "cong-an", "bql-di-tich"}

    def test_views_are_due_within_the_answer_time_over_tet(self) -> None:
        # Complete on Thu 12 Feb; 5 working days: Fri 13, (Tết 16–20), Mon 23, Tue 24,
        # Wed 25, Thu 26 February.
        event = make.event(self.town)
        workflow.start_clearance(event, date(2026, 2, 12), self.town.officer)
        event.refresh_from_db()
        assert event.decision_due == date(2026, 2, 26)
        assert event.clearances.get().due_on == date(2026, 2, 26)
        assert event.clearances.get().overdue_on(date(2026, 2, 27))
        assert not event.clearances.get().overdue_on(date(2026, 2, 26))

    def test_an_incomplete_file_goes_back_and_forth(self) -> None:
        event = make.event(self.town)
        with pytest.raises(StepRefused):
            workflow.mark_incomplete(event, " ", date(2026, 2, 13), self.town.officer)
        workflow.mark_incomplete(event, "Kịch bản", date(2026, 2, 13), self.town.officer)
        with pytest.raises(StepRefused):
            workflow.start_clearance(event, date(2026, 2, 13), self.town.officer)
        workflow.resubmit(event, date(2026, 2, 23), self.town.officer)
        workflow.start_clearance(event, date(2026, 2, 23), self.town.officer)
        event.refresh_from_db()
        # From Mon 23 Feb: 24, 25, 26, 27 February and Mon 2 March.
        assert event.decision_due == date(2026, 3, 2)
        steps = list(event.transitions.values_list("from_status", "to_status"))
        assert steps == [
            ("", "filed"),
            ("filed", "incomplete"),
            ("incomplete", "resubmitted"),
            ("resubmitted", "in_clearance"),
        ]

    def test_only_the_asked_agency_answers_and_only_once(self) -> None:
        event = make.event(self.town)
        workflow.start_clearance(event, date(2026, 2, 12), self.town.officer)
        clearance = event.clearances.get()
        with pytest.raises(PermissionDenied):
            workflow.answer_clearance(
                clearance, Clearance.Answer.AGREE, "", date(2026, 2, 13), self.town.police_officer
            )
        with pytest.raises(StepRefused):
            workflow.answer_clearance(
                clearance, Clearance.Answer.OBJECT, "", date(2026, 2, 13), self.town.ward_officer
            )
        workflow.answer_clearance(
            clearance, Clearance.Answer.AGREE, "", date(2026, 2, 13), self.town.ward_officer
        )
        clearance.refresh_from_db()
        assert clearance.on_time is True
        with pytest.raises(PermissionDenied):
            workflow.answer_clearance(
                clearance, Clearance.Answer.AGREE, "", date(2026, 2, 13), self.town.ward_officer
            )


class DecisionTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.event = make.event(self.town)
        workflow.start_clearance(self.event, date(2026, 2, 12), self.town.officer)

    def _agree(self) -> None:
        workflow.answer_clearance(
            self.event.clearances.get(), "agree", "", date(2026, 2, 13), self.town.ward_officer
        )

    def test_no_decision_while_a_view_is_awaited(self) -> None:
        with pytest.raises(StepRefused, match="Hoàn Kiếm"):
            workflow.decide(
                self.event, True, "12/QĐ-SVHTT", date(2026, 2, 24), "", self.town.leader
            )

    def test_an_officer_does_not_decide_and_a_refusal_has_reasons(self) -> None:
        self._agree()
        with pytest.raises(StepRefused, match="12/02/2026"):
            workflow.decide(self.event, True, "1/QĐ", date(2026, 2, 11), "", self.town.leader)
        with pytest.raises(PermissionDenied):
            workflow.decide(self.event, True, "1/QĐ", date(2026, 2, 24), "", self.town.officer)
        with pytest.raises(StepRefused):
            workflow.decide(self.event, False, "1/QĐ", date(2026, 2, 24), "", self.town.leader)

    def test_approved_published_held_reported(self) -> None:
        self._agree()
        workflow.decide(self.event, True, "12/QĐ-SVHTT", date(2026, 2, 24), "", self.town.leader)
        with pytest.raises(StepRefused):
            workflow.mark_held(self.event, date(2026, 3, 2), self.town.officer)
        workflow.publish(self.event, date(2026, 2, 25), self.town.officer)
        with pytest.raises(StepRefused):
            workflow.mark_held(self.event, date(2026, 3, 1), self.town.officer)
        workflow.mark_held(self.event, date(2026, 3, 2), self.town.officer)
        workflow.report(self.event, 640, "Đông vui", date(2026, 3, 3), self.town.officer)
        self.event.refresh_from_db()
        assert self.event.status == Status.REPORTED
        assert self.event.decision_number == "12/QĐ-SVHTT"
        assert self.event.actual_attendance == 640
        assert self.event.sequence == 1
        assert self.event.transitions.count() == 6
        assert self.event.history.count() >= 6

    def test_silence_is_consent_only_where_the_procedure_says_so(self) -> None:
        # Art. 10 approvals need a decision: silence gives nothing.
        assert workflow.deem_silent_consents(date(2026, 3, 30)) == []
        # A festival's notice (Decree 110): 15 calendar days to answer, silence is consent.
        notice = make.event(
            self.town,
            "nd110-notification",
            kind="festival",
            filed_on=date(2026, 1, 10),
            starts_on=date(2026, 2, 22),
        )
        workflow.start_clearance(notice, date(2026, 1, 10), self.town.officer)
        notice.refresh_from_db()
        assert notice.decision_due == date(2026, 1, 25)
        assert workflow.deem_silent_consents(date(2026, 1, 25)) == []
        assert workflow.deem_silent_consents(date(2026, 1, 26)) == [notice]
        notice.refresh_from_db()
        assert notice.status == Status.DEEMED_ACCEPTED


class ConsentCommandTests(TestCase):
    def test_the_daily_command_applies_silent_consent(self) -> None:
        from io import StringIO

        from django.core.management import call_command

        town = make.city()
        notice = make.event(
            town,
            "nd110-notification",
            kind="festival",
            filed_on=date(2026, 1, 10),
            starts_on=date(2026, 2, 22),
        )
        workflow.start_clearance(notice, date(2026, 1, 10), town.officer)
        out = StringIO()
        call_command("events-consent", "--today", "2026-01-25", stdout=out)
        assert "0 file(s)" in out.getvalue()
        call_command("events-consent", "--today", "2026-01-26", stdout=out)
        assert "1 file(s) deemed accepted on 26/01/2026" in out.getvalue()
        notice.refresh_from_db()
        assert notice.status == Status.DEEMED_ACCEPTED
        assert notice.transitions.filter(to_status=Status.DEEMED_ACCEPTED, by=None).exists()
