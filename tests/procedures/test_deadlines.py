"""The deadlines API on the shipped table of day swaps, and the version of a procedure
in force on a filing date."""

from datetime import date

import pytest
from django.test import TestCase

from cnvh.plan.models import LegalDocument
from cnvh.procedures.deadlines import (
    NoProcedureInForce,
    answer_due,
    filing_deadline,
    is_late_filing,
    procedure_in_force,
    procedures_applying,
    working_calendar,
    working_days_left,
)
from cnvh.procedures.models import CalendarAdjustment, LegalProcedure


def procedure(
    code: str, valid_from: date, valid_to: date | None, **fields: object
) -> LegalProcedure:
    document, _ = LegalDocument.objects.get_or_create(
        number="TEST/2020", defaults={"kind": "decree", "title_vi": "Văn bản thử"}
    )
    values = {
        "name_vi": "Thủ tục thử",
        "name_en": "Test procedure",
        "lead_time": 7,
        "lead_time_unit": "working",
        "answer_time": 5,
        "answer_time_unit": "working",
        "deciding_level": "city",
        **fields,
    }
    return LegalProcedure.objects.create(
        code=code, legal_document=document, valid_from=valid_from, valid_to=valid_to, **values
    )


class ProcedureInForceTests(TestCase):
    old: LegalProcedure
    new: LegalProcedure

    @classmethod
    def setUpTestData(cls) -> None:
        cls.old = procedure("test-approval", date(2021, 1, 1), date(2025, 6, 30), lead_time=7)
        cls.new = procedure("test-approval", date(2025, 7, 1), None, lead_time=10)

    def test_the_version_in_force_on_the_filing_date(self) -> None:
        assert procedure_in_force("test-approval", date(2025, 6, 30)) == self.old
        assert procedure_in_force("test-approval", date(2025, 7, 1)) == self.new
        assert procedure_in_force("test-approval", date(2030, 1, 1)) == self.new

    def test_none_in_force_is_told_in_both_languages(self) -> None:
        with pytest.raises(NoProcedureInForce) as missing:
            procedure_in_force("test-approval", date(2020, 12, 31))
        assert "Không có thủ tục" in missing.value.message_vi
        assert "31/12/2020" in missing.value.message_en
        with pytest.raises(NoProcedureInForce):
            procedure_in_force("no-such-procedure", date(2025, 1, 1))

    def test_a_filing_is_judged_by_its_own_version(self) -> None:
        # An event on Monday 14 July 2025 filed on Friday 27 June 2025: 11 working days
        # before. The old rule (7) is kept; the new one (10) would be kept too, but a
        # filing on Thursday 3 July (7 working days before) keeps only the old length.
        event = date(2025, 7, 14)
        filed = date(2025, 7, 3)
        rule = procedure_in_force("test-approval", filed)
        assert rule == self.new
        assert filing_deadline(rule, event) == date(2025, 6, 30)
        assert is_late_filing(rule, filed, event)
        assert not is_late_filing(self.old, filed, event)


class ApplyingTests(TestCase):
    def test_the_procedures_for_a_kind_of_event_on_a_day(self) -> None:
        def codes(kind: str, on: date) -> list[str]:
            return [procedure.code for procedure in procedures_applying(kind, on)]

        assert codes("performance", date(2026, 3, 1)) == [
            "nd144-art10-approval",
            "nd144-art9-notification",
        ]
        assert procedures_applying("performance", date(2026, 3, 1))[1].deciding_level == "commune"
        assert codes("banner", date(2026, 3, 1)) == ["ads-banner-notification"]
        assert codes("performance", date(2020, 3, 1)) == []  # before Decree 144/2020
        assert codes("exhibition", date(2026, 3, 1)) == []


class DeadlineTests(TestCase):
    def test_approval_answer_across_tet_2024(self) -> None:
        approval = procedure_in_force("nd144-art10-approval", date(2024, 2, 7))
        # 5 working days after Wednesday 7 Feb 2024 with the announced Tết (8–14 off).
        assert answer_due(approval, date(2024, 2, 7)) == date(2024, 2, 21)

    def test_calendar_day_windows(self) -> None:
        notice = procedure_in_force("nd110-notification", date(2026, 5, 1))
        assert notice.lead_time_unit == "calendar"
        assert filing_deadline(notice, date(2026, 5, 21)) == date(2026, 5, 1)
        assert answer_due(notice, date(2026, 5, 1)) == date(2026, 5, 16)
        assert not is_late_filing(notice, date(2026, 5, 1), date(2026, 5, 21))
        assert is_late_filing(notice, date(2026, 5, 2), date(2026, 5, 21))

    def test_filing_deadline_before_a_monday_event(self) -> None:
        approval = procedure_in_force("nd144-art10-approval", date(2026, 11, 1))
        # 7 working days before Monday 7 Dec 2026: Fri 4, Thu 3, Wed 2, Tue 1, Mon 30,
        # Fri 27, Thu 26 Nov.
        assert filing_deadline(approval, date(2026, 12, 7)) == date(2026, 11, 26)
        # Before Monday 30 Nov: 27, 26, 25, (24 off: Vietnam Culture Day), 23, 20, 19, 18.
        assert filing_deadline(approval, date(2026, 11, 30)) == date(2026, 11, 18)

    def test_working_days_left(self) -> None:
        due = date(2026, 12, 11)  # Friday
        assert working_days_left(due, date(2026, 12, 4)) == 5
        assert working_days_left(due, due) == 0
        assert working_days_left(due, date(2026, 12, 14)) == -1  # the Monday after

    def test_an_edit_of_the_table_is_seen_at_once(self) -> None:
        monday = date(2026, 12, 14)
        assert working_calendar().is_working_day(monday)
        swap = CalendarAdjustment.objects.create(
            date=monday, kind=CalendarAdjustment.Kind.DAY_OFF, reason_vi="Nghỉ thử"
        )
        assert not working_calendar().is_working_day(monday)
        swap.kind = CalendarAdjustment.Kind.WORKING_DAY
        swap.save()
        assert working_calendar().is_working_day(monday)
        swap.delete()
        assert working_calendar().is_working_day(monday)

    def test_the_calendar_is_kept_between_calls(self) -> None:
        first = working_calendar()
        with self.assertNumQueries(1):
            assert working_calendar() is first
