"""Deadlines of legal procedures, on Vietnam's working-day calendar.

The API other registries use (the events register above all):

- `working_calendar()`: the working calendar with the announced day swaps of the
  `CalendarAdjustment` table;
- `procedure_in_force(code, on)`: the version of a procedure in force on a day; a
  record is always judged by the version in force on its filing date;
  `procedures_applying(kind, on)`: those in force for a kind of event;
- `answer_due`, `filing_deadline`, `is_late_filing`, `working_days_left`.

Days are counted as `cnvh.calendar.workdays` does: the start day is not counted
("within 5 working days of filing" ends on the 5th working day after the filing day).
Whether a window is in calendar or working days is the procedure's own data.
"""

from datetime import date, timedelta
from threading import Lock
from typing import Any

from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save

from cnvh.calendar.workdays import Adjustments, WorkingCalendar
from cnvh.procedures.models import CalendarAdjustment, DayUnit, LegalProcedure


class NoProcedureInForce(LookupError):
    """No version of a procedure is in force on the day asked, in both languages."""

    def __init__(self, code: str, on: date) -> None:
        self.message_vi = (
            f"Không có thủ tục “{code}” có hiệu lực ngày {on:%d/%m/%Y}: kiểm tra mã thủ tục"
            " và ngày nộp hồ sơ, hoặc nhờ điều phối viên bổ sung phiên bản thủ tục cho ngày đó"
        )
        self.message_en = (
            f"No procedure “{code}” is in force on {on:%d/%m/%Y}: check the procedure code"
            " and the filing date, or ask a coordinator to add the procedure's version for"
            " that day"
        )
        super().__init__(f"{self.message_vi} / {self.message_en}")
        self.code = code
        self.on = on


_cache: dict[str, Any] = {}
_lock = Lock()


def _table_state() -> tuple[int, int | None]:
    """A fingerprint of the table that changes with every edit, from any process:
    each save or delete adds a history row."""
    found = CalendarAdjustment.history.aggregate(rows=Count("history_id"), last=Max("history_id"))
    return found["rows"], found["last"]


def working_calendar() -> WorkingCalendar:
    """The working calendar with the table's day swaps. Built once and kept until the
    table changes (one small query per call checks that): pages and reminders that
    compute many deadlines share it."""
    state = _table_state()
    with _lock:
        if _cache.get("state") == state and "calendar" in _cache:
            calendar: WorkingCalendar = _cache["calendar"]
            return calendar
    rows = CalendarAdjustment.objects.values_list("date", "kind")
    days_off = [day for day, kind in rows if kind == CalendarAdjustment.Kind.DAY_OFF]
    working = [day for day, kind in rows if kind == CalendarAdjustment.Kind.WORKING_DAY]
    calendar = WorkingCalendar(Adjustments.of(days_off, working))
    with _lock:
        _cache.update(state=state, calendar=calendar)
    return calendar


def forget_working_calendar(**_kwargs: Any) -> None:
    with _lock:
        _cache.clear()


def connect_invalidation() -> None:
    post_save.connect(
        forget_working_calendar, sender=CalendarAdjustment, dispatch_uid="cnvh-cal-save"
    )
    post_delete.connect(
        forget_working_calendar, sender=CalendarAdjustment, dispatch_uid="cnvh-cal-delete"
    )


def procedure_in_force(code: str, on: date) -> LegalProcedure:
    """The version of procedure `code` in force on `on` (its valid_to day included)."""
    found = (
        LegalProcedure.objects.select_related("legal_document")
        .filter(code=code, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("-valid_from")
        .first()
    )
    if found is None:
        raise NoProcedureInForce(code, on)
    return found


def procedures_applying(kind: str, on: date) -> list[LegalProcedure]:
    """The procedures in force on `on` that apply to events of `kind` (an `EventKind`
    code), by code. The table is small: filtered here, the same on every database."""
    in_force = (
        LegalProcedure.objects.select_related("legal_document")
        .filter(valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("code")
    )
    return [procedure for procedure in in_force if kind in (procedure.applies_to or [])]


def _add(days: int, unit: str, start: date) -> date:
    if unit == DayUnit.WORKING:
        return working_calendar().add_working_days(start, days)
    return start + timedelta(days=days)


def answer_due(procedure: LegalProcedure, filed_on: date) -> date:
    """The last day the authority may answer a file received on `filed_on`."""
    return _add(procedure.answer_time, procedure.answer_time_unit, filed_on)


def filing_deadline(procedure: LegalProcedure, event_start: date) -> date:
    """The latest day to file so that the lead time is kept: the lead time counted back
    from the event's first day (5 working days before a Monday event is the Monday
    before; 20 calendar days before 21 May is 1 May)."""
    return _add(-procedure.lead_time, procedure.lead_time_unit, event_start)


def is_late_filing(procedure: LegalProcedure, filed_on: date, event_start: date) -> bool:
    """Whether a file received on `filed_on` misses the lead time before `event_start`.
    `procedure` is the version in force on `filed_on` (`procedure_in_force`)."""
    return filed_on > filing_deadline(procedure, event_start)


def working_days_left(due: date, today: date) -> int:
    """Working days from `today` (not counted) to `due` (counted): 0 on the due day,
    1 the working day before; negative once past (-1 the working day after)."""
    return working_calendar().working_days_between(today, due)
