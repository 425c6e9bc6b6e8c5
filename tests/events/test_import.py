"""Event files from an agency's workbook, through the import machinery: a real CSV with
Vietnamese headers and a real XLSX (xlsxwriter) with English ones; each row filed
through the workflow; all or nothing, each bad cell named by row and column."""

from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.events.models import Clash, Event, Status, Transition
from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from tests.events import make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_TASKS_INLINE = True


@pytest.fixture
def town() -> make.City:
    return make.city()


def import_file(user: Any, path: Path) -> ImportRecord:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    record = service.start_import(user, upload, "events")
    if record.status == ImportRecord.Status.CHECKED:
        record = service.confirm_import(user, record)
    return record


CSV_HEADER = (
    "Mã thủ tục,Cơ quan tiếp nhận,Ngày nhận hồ sơ,Tên sự kiện,Loại sự kiện,Lĩnh vực,"
    "Địa điểm,Ngày bắt đầu,Ngày kết thúc,Giờ bắt đầu,Giờ kết thúc,Số người dự kiến,"
    "Đơn vị tổ chức,Mã số thuế,Kinh phí (đồng)\n"
)


def test_a_csv_with_vietnamese_headers_files_each_event(town: make.City, tmp_path: Path) -> None:
    path = tmp_path / "ho-so-su-kien.csv"
    path.write_text(
        CSV_HEADER + "nd144-art10-approval,so-vh,12/02/2026,Đêm nhạc Trịnh,Biểu diễn nghệ thuật,"
        "Nghệ thuật biểu diễn,Nhà hát Lớn,02/03/2026,,19:30,21:30,1.500,"
        'Công ty Biểu diễn Hà Nội,0100109106,"1.200.000.000"\n'
        "nd144-art10-approval,so-vh,03/03/2026,Múa rối nước,performance,,den ngoc son,"
        "10/03/2026,12/03/2026,,,300,Nguyễn Văn Minh,,\n",
        encoding="utf-8",
    )
    record = import_file(town.coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert (record.rows_read, record.rows_saved) == (2, 2)
    concert = Event.objects.get(title_vi="Đêm nhạc Trịnh")
    assert (concert.status, concert.procedure.code, concert.filed_on) == (
        Status.FILED,
        "nd144-art10-approval",
        date(2026, 2, 12),
    )
    assert (concert.starts_on, concert.ends_on, concert.starts_at, concert.ends_at) == (
        date(2026, 3, 2),
        date(2026, 3, 2),
        time(19, 30),
        time(21, 30),
    )
    assert (concert.expected_attendance, concert.budget) == (1500, Decimal("1200000000"))
    assert (concert.organiser_kind, concert.organiser_tax_code, concert.sectors) == (
        "enterprise",
        "0100109106",
        ["performing_arts"],
    )
    assert concert.created_by == town.coordinator
    assert Transition.objects.filter(event=concert, to_status=Status.FILED).count() == 1
    puppets = Event.objects.get(title_vi="Múa rối nước")
    # Filed on 3 March for 10 March: 7 working days before is 27 February: late.
    assert puppets.late_filing and puppets.filing_deadline == date(2026, 2, 27)
    assert (puppets.venue, puppets.organiser_kind) == (town.temple, "person")
    history = concert.history.earliest("history_id")
    assert history.history_change_reason == f"import #{record.pk} ho-so-su-kien.csv"


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Files")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    hours = book.add_format({"num_format": "hh:mm"})
    sheet.write_row(0, 0, ["EVENT FILES RECEIVED BY THE WARD"])
    header = [
        "Procedure",
        "Receiving authority",
        "Filing date",
        "Title (Vietnamese)",
        "Title (English)",
        "Kind",
        "Venue",
        "First day",
        "Daily from",
        "Daily until",
        "Expected attendance",
        "Organiser",
        "City-wide",
    ]
    sheet.write_row(2, 0, header)
    for number, row in enumerate(rows, start=3):
        for position, cell in enumerate(row):
            if isinstance(cell, date):
                sheet.write_datetime(number, position, cell, dates)
            elif isinstance(cell, time):
                sheet.write_datetime(number, position, cell, hours)
            elif isinstance(cell, int):
                sheet.write_number(number, position, cell)
            elif cell is not None:
                sheet.write_string(number, position, cell)
    book.close()
    return path


def test_an_xlsx_with_english_headers_finds_the_clash(town: make.City, tmp_path: Path) -> None:
    make.event(town, title_vi="Hòa nhạc có sẵn", title_en="A concert already filed")
    row = [
        "nd144-art10-approval",
        "so-vh",
        date(2026, 2, 12),
        "Lễ hội đèn lồng",
        "Lantern festival",
        "Performance",
        "Nhà hát Lớn",
        date(2026, 3, 2),
        time(18, 0),
        time(22, 0),
        2000,
        "Nguyễn Thị Hoa",
        "yes",
    ]
    record = import_file(town.coordinator, _workbook(tmp_path / "files.xlsx", [row]))
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    lanterns = Event.objects.get(title_en="Lantern festival")
    assert (lanterns.starts_at, lanterns.ends_at, lanterns.city_wide) == (
        time(18, 0),
        time(22, 0),
        True,
    )
    assert sorted(Clash.objects.filter(event=lanterns).values_list("rule", flat=True)) == [
        "city_wide",
        "same_venue",
    ]


def test_bad_rows_are_named_and_nothing_is_saved(town: make.City, tmp_path: Path) -> None:
    path = tmp_path / "sai.csv"
    path.write_text(
        CSV_HEADER
        # Row 2: good.
        + "nd144-art10-approval,so-vh,12/02/2026,Tốt,Biểu diễn nghệ thuật,,Nhà hát Lớn,"
        "02/03/2026,,,,100,Nguyễn Văn A,,\n"
        # Row 3: an unknown venue, a date month-first that cannot be a day-first date.
        "nd144-art10-approval,so-vh,12/02/2026,Sai,Biểu diễn nghệ thuật,,Nhà hát Nhỏ,"
        "03/25/2026,,,,100,Nguyễn Văn B,,\n"
        # Row 4: a procedure for another kind, hours backwards, a wrong tax code.
        "nd144-art13-contest,so-vh,12/02/2026,Sai nữa,Triển lãm,,Nhà hát Lớn,"
        "02/03/2026,,22:00,20:00,100,Công ty X,0100109107,\n"
        # Row 5: an unknown receiving agency and an unknown sector.
        "nd144-art10-approval,so-khong-co,12/02/2026,Sai ba,Biểu diễn nghệ thuật,Chiêm tinh,"
        "Nhà hát Lớn,02/03/2026,,,,100,Nguyễn Văn C,,\n",
        encoding="utf-8",
    )
    record = import_file(town.coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    found = sorted((p["row"], p["column"]) for p in record.problems)
    assert found == [
        (3, "starts_on"),
        (3, "venue"),
        (4, "ends_at"),
        (4, "organiser_tax_code"),
        (4, "procedure"),
        (5, "receiving_agency"),
        (5, "sectors"),
    ]
    venue = next(p for p in record.problems if p["column"] == "venue")
    assert "Không có địa điểm “Nhà hát Nhỏ”" in venue["what_vi"]
    assert "No venue “Nhà hát Nhỏ” is in the register." in venue["what_en"]
    assert venue["header"] == "Địa điểm"
    assert not Event.objects.exists()


def test_a_file_already_recorded_is_not_recorded_twice(town: make.City, tmp_path: Path) -> None:
    make.event(town, title_vi="Đêm nhạc Trịnh")
    path = tmp_path / "lai.csv"
    line = (
        "nd144-art10-approval,so-vh,12/02/2026,Mới,Biểu diễn nghệ thuật,,Nhà hát Lớn,"
        "09/03/2026,,,,100,Nguyễn Văn A,,\n"
    )
    path.write_text(
        CSV_HEADER
        + line
        + line
        + "nd144-art10-approval,so-vh,12/02/2026,Đêm nhạc Trịnh,Biểu diễn nghệ thuật,,"
        "Nhà hát Lớn,02/03/2026,,,,100,Nguyễn Văn A,,\n",
        encoding="utf-8",
    )
    record = import_file(town.coordinator, path)
    found = sorted((p["row"], p["column"], p["what_en"][:30]) for p in record.problems)
    assert found == [
        (3, "title_vi", "The same as row 2: same title,"),
        (4, "title_vi", "The file “Đêm nhạc Trịnh” on 0"),
    ]
    assert Event.objects.count() == 1


def test_who_imports_event_files(town: make.City) -> None:
    """The coordinator; an officer of a department or ward (the police here is a
    department); not a leader, nor an officer of another kind of body."""
    for person in (town.coordinator, town.officer, town.ward_officer, town.police_officer):
        assert person.has_perm("events.import_events")
        assert person.has_perm("exchange.import_data")
    for person in (town.leader, town.heritage_officer):
        assert not person.has_perm("events.import_events")


WARD_ROW = (
    "nd144-art10-approval,{agency},12/02/2026,{title},Biểu diễn nghệ thuật,,Nhà hát Lớn,"
    "02/03/2026,,,,100,Nguyễn Văn A,,\n"
)


def test_a_ward_officer_imports_the_wards_own_files(town: make.City, tmp_path: Path) -> None:
    path = tmp_path / "phuong.csv"
    rows = [WARD_ROW.format(agency="p-hoan-kiem", title=title) for title in ("Chèo", "Tuồng")]
    path.write_text(CSV_HEADER + "".join(rows), encoding="utf-8")
    record = import_file(town.ward_officer, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    saved = Event.objects.order_by("title_vi")
    assert [(e.title_vi, e.receiving_agency.code) for e in saved] == [
        ("Chèo", "p-hoan-kiem"),
        ("Tuồng", "p-hoan-kiem"),
    ]
    assert {event.created_by for event in saved} == {town.ward_officer}
    # Another officer of the ward may follow it; the department's officer may not.
    colleague = make.factories.user("officer", town.ward)
    assert colleague.has_perm("events.import_events", record)
    assert not town.officer.has_perm("events.import_events", record)
    assert town.coordinator.has_perm("events.import_events", record)


def test_a_row_of_another_agency_refuses_the_whole_file(town: make.City, tmp_path: Path) -> None:
    path = tmp_path / "lan.csv"
    path.write_text(
        CSV_HEADER
        + WARD_ROW.format(agency="p-hoan-kiem", title="Chèo")
        + WARD_ROW.format(agency="so-vh", title="Tuồng")
        + WARD_ROW.format(agency="p-hoan-kiem", title="Cải lương"),
        encoding="utf-8",
    )
    record = import_file(town.ward_officer, path)
    assert record.status == ImportRecord.Status.INVALID
    assert [(p["row"], p["column"]) for p in record.problems] == [(3, "receiving_agency")]
    problem = record.problems[0]
    assert problem["what_vi"] == (
        "Hồ sơ do cơ quan “so-vh” tiếp nhận: bạn chỉ nhập được hồ sơ của cơ quan mình"
        " (p-hoan-kiem)."
    )
    assert problem["what_en"] == (
        "The file was received by “so-vh”: you may import only your own agency's files"
        " (p-hoan-kiem)."
    )
    assert problem["header"] == "Cơ quan tiếp nhận"
    assert not Event.objects.exists()
    # The coordinator imports the same file for both agencies.
    assert import_file(town.coordinator, path).status == ImportRecord.Status.IMPORTED
    assert Event.objects.count() == 3


def test_an_officer_uploads_on_the_import_page_and_sees_only_their_agencys(
    town: make.City, tmp_path: Path, client: Any
) -> None:
    content = (CSV_HEADER + WARD_ROW.format(agency="p-hoan-kiem", title="Chèo")).encode()
    client.force_login(town.ward_officer)
    answer = client.post(
        "/imports/new/",
        {"kind": "events", "file": SimpleUploadedFile("phuong.csv", content), "sheet": ""},
    )
    record = ImportRecord.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/imports/{record.pk}/"
    assert record.status == ImportRecord.Status.CHECKED, record.problems
    assert client.post(f"/imports/{record.pk}/confirm/").status_code == 302
    assert Event.objects.get().title_vi == "Chèo"
    client.force_login(town.officer)
    assert client.get(f"/imports/{record.pk}/").status_code == 403
    assert client.post(f"/imports/{record.pk}/confirm/").status_code == 403
