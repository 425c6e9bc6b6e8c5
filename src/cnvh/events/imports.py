"""Event files from an agency's workbook (XLSX or CSV), read by `cnvh.exchange`: headers
in Vietnamese or English, dates dd/mm/yyyy, all or nothing, each bad cell named by row
and column. Each row is recorded as a file through the workflow (`file_event`), as if
typed in the filing form: under the procedure in force on its filing date, flagged late
when late, and looked at for clashes. An officer of a department or ward imports only
the files their own agency received."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from stdnum.vn import mst

from cnvh.events import import_checks as checks
from cnvh.events import workflow
from cnvh.events.models import Event
from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.plan.imports.common import (
    Text,
    check_date_order,
    check_length,
    column,
    day,
    duplicates,
    mark_change,
    text,
)
from cnvh.plan.models import Agency
from cnvh.plan.permissions import is_coordinator, record_keeping_agencies
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

LENGTHS = {"title_vi": 255, "title_en": 255, "organiser_name": 255, "budget_sources": 255}


class EventKind:
    key: str = "events"
    title_vi: str = "Hồ sơ sự kiện văn hóa"
    title_en: str = "Cultural event files"
    permission: str = "events.import_events"
    columns: tuple[Column, ...] = (
        column("procedure", "code", "Mã thủ tục", "Procedure", "Thủ tục", required=True),
        column(
            "receiving_agency",
            "code",
            "Cơ quan tiếp nhận",
            "Receiving authority",
            "Mã cơ quan tiếp nhận",
            required=True,
        ),
        column("filed_on", "date", "Ngày nhận hồ sơ", "Filing date", "Ngày nộp", required=True),
        column("title_vi", "text", "Tên sự kiện", "Title (Vietnamese)", "Tên", required=True),
        column("title_en", "text", "Tên tiếng Anh", "Title (English)"),
        column("kind", "text", "Loại sự kiện", "Kind", "Loại hình", required=True),
        column("sectors", "text", "Lĩnh vực", "Sectors"),
        column("venue", "text", "Địa điểm", "Venue", "Nơi tổ chức", required=True),
        column("starts_on", "date", "Ngày bắt đầu", "First day", "Từ ngày", required=True),
        column("ends_on", "date", "Ngày kết thúc", "Last day", "Đến ngày"),
        column("starts_at", "text", "Giờ bắt đầu", "Daily from", "Từ giờ"),
        column("ends_at", "text", "Giờ kết thúc", "Daily until", "Đến giờ"),
        column(
            "expected_attendance",
            "integer",
            "Số người dự kiến",
            "Expected attendance",
            "Quy mô",
            required=True,
        ),
        column("organiser_name", "text", "Đơn vị tổ chức", "Organiser", "Người tổ chức"),
        column("organiser_tax_code", "code", "Mã số thuế", "Enterprise tax code", "MST"),
        column("organiser_agency", "code", "Mã cơ quan tổ chức", "Organising agency code"),
        column("budget", "decimal", "Kinh phí (đồng)", "Budget (VND)", "Kinh phí"),
        column("budget_sources", "text", "Nguồn kinh phí", "Sources of the budget"),
        column("city_wide", "text", "Sự kiện toàn thành phố", "City-wide"),
        column("description_vi", "text", "Mô tả", "Description (Vietnamese)"),
        column("description_en", "text", "Mô tả tiếng Anh", "Description (English)"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        checker = checks.Checker(problems)
        dates = Text("ngày bắt đầu và ngày kết thúc", "the first and last days")
        for row in rows:
            checker.kind(row)
            checker.procedure(row)
            checker.agency(row, "receiving_agency")
            checker.agency(row, "organiser_agency")
            checker.venue(row)
            check_date_order(problems, row, "starts_on", "ends_on", dates)
            checker.hours(row)
            checker.organiser(row)
            checker.sectors(row)
            checker.city_wide(row)
            for name, limit in LENGTHS.items():
                check_length(problems, row, name, limit)
            checker.not_filed_yet(row, day(row, "starts_on"))
        duplicates(
            rows,
            _same_file,
            problems,
            "title_vi",
            Text(
                "Trùng với dòng {row}: cùng tên, địa điểm và ngày bắt đầu.",
                "The same as row {row}: same title, venue and first day.",
            ),
            Text("Bỏ một trong hai dòng.", "Remove one of the two rows."),
        )

    def check_importer(self, rows: Sequence[Row], problems: Problems, user: Any) -> None:
        """An officer of a department or ward imports the files their agency received:
        a row for another agency is refused. The coordinator's rows are any agency's."""
        if user is None or is_coordinator(user):
            return
        checks.Checker(problems).own_agency(rows, record_keeping_agencies(user))

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        for row in rows:
            event = _event(row)
            mark_change(event, record)
            workflow.file_event(event, text(row, "procedure"), record.created_by)
        return len(rows)


def _same_file(row: Row) -> tuple[str, str, object] | None:
    title, venue = plain(text(row, "title_vi")), plain(text(row, "venue"))
    starts = day(row, "starts_on")
    return (title, venue, starts) if title and venue and starts else None


def _day(row: Row, name: str) -> date:
    found = day(row, name)
    if found is None:  # pragma: no cover - a required column, checked before
        raise ValueError(f"row {row.number}: no {name}")
    return found


def _event(row: Row) -> Event:
    """The file a checked row describes."""
    starts = _day(row, "starts_on")
    budget = row.values.get("budget")
    agency_code = text(row, "organiser_agency")
    event = Event(
        title_vi=text(row, "title_vi"),
        title_en=text(row, "title_en"),
        kind=checks.kind_of(text(row, "kind")) or "",
        sectors=checks.sectors_of(text(row, "sectors"))[0],
        venue=checks.venues_named(text(row, "venue"))[0],
        starts_on=starts,
        ends_on=day(row, "ends_on") or starts,
        starts_at=checks.hour_of(text(row, "starts_at")),
        ends_at=checks.hour_of(text(row, "ends_at")),
        city_wide=bool(checks.flag_of(text(row, "city_wide"))),
        expected_attendance=int(str(row.values["expected_attendance"])),
        budget=budget if isinstance(budget, Decimal) else None,
        budget_sources=text(row, "budget_sources"),
        description_vi=text(row, "description_vi"),
        description_en=text(row, "description_en"),
        receiving_agency=Agency.objects.get(code=text(row, "receiving_agency")),
        filed_on=_day(row, "filed_on"),
        organiser_name=text(row, "organiser_name"),
    )
    if agency_code:
        event.organiser_kind = Event.OrganiserKind.AGENCY
        event.organiser_agency = Agency.objects.get(code=agency_code)
    elif text(row, "organiser_tax_code"):
        event.organiser_kind = Event.OrganiserKind.ENTERPRISE
        event.organiser_tax_code = str(mst.validate(text(row, "organiser_tax_code")))
    else:
        event.organiser_kind = Event.OrganiserKind.PERSON
    return event
