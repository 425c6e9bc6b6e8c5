"""The procedures and day swaps shipped by the data migration."""

from datetime import date

from django.test import TestCase

from cnvh.procedures.deadlines import procedure_in_force, working_calendar
from cnvh.procedures.models import CalendarAdjustment, LegalProcedure


class ShippedTests(TestCase):
    def test_procedures_and_their_legal_basis(self) -> None:
        codes = set(LegalProcedure.objects.values_list("code", flat=True))
        assert codes == {
            "nd144-art9-notification",
            "nd144-art10-approval",
            "nd144-art13-contest",
            "nd110-registration",
            "nd110-notification",
            "ads-banner-notification",
        }
        contest = procedure_in_force("nd144-art13-contest", date(2026, 1, 1))
        assert (contest.lead_time, contest.answer_time) == (30, 15)
        assert contest.legal_document.number == "144/2020/NĐ-CP"
        banner = procedure_in_force("ads-banner-notification", date(2026, 1, 1))
        assert banner.legal_document.number == "16/2012/QH13"
        assert banner.unconfirmed and banner.unconfirmed_note

    def test_the_2025_reform_moves_notifications_to_the_commune(self) -> None:
        before = procedure_in_force("nd144-art9-notification", date(2025, 6, 30))
        after = procedure_in_force("nd144-art9-notification", date(2025, 7, 1))
        assert (before.deciding_level, after.deciding_level) == ("district", "commune")

    def test_announced_days_2024_to_2026(self) -> None:
        calendar = working_calendar()
        off = [date(2024, 2, 8), date(2024, 4, 29), date(2025, 1, 27), date(2025, 5, 2)]
        off += [date(2026, 1, 2), date(2026, 8, 31), date(2026, 2, 16), date(2026, 4, 27)]
        working = [date(2024, 2, 15), date(2024, 5, 4), date(2025, 2, 3), date(2025, 4, 26)]
        working += [date(2026, 1, 10), date(2026, 8, 22)]
        assert [day for day in off if calendar.is_working_day(day)] == []
        assert [day for day in working if not calendar.is_working_day(day)] == []
        assert CalendarAdjustment.objects.get(date=date(2026, 11, 24)).unconfirmed

    def test_days_off_in_tet_2025_as_announced(self) -> None:
        calendar = working_calendar()
        days = [date(2025, 1, day) for day in range(24, 32)] + [date(2025, 2, d) for d in (1, 2, 3)]
        assert [calendar.is_working_day(day) for day in days] == [
            True,  # Friday 24
            *[False] * 9,  # Saturday 25 January to Sunday 2 February
            True,  # Monday 3 February
        ]
