"""Training and dissemination activities from a workbook through the import machinery:
a real CSV with Vietnamese headers and a real XLSX with English ones; all or nothing,
each bad cell named by row and column; the wards' imported sessions count in the
coverage of the wards and communes, checked by hand before and after."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from cnvh.unesco import indicators
from cnvh.unesco.models import Outreach, Participants
from tests.unesco.conftest import City, outreach

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_TASKS_INLINE = True


def import_file(user: Any, path: Path) -> ImportRecord:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    record = service.start_import(user, upload, "unesco-outreach")
    if record.status == ImportRecord.Status.CHECKED:
        record = service.confirm_import(user, record)
    return record


CSV_HEADER = (
    "Loại hoạt động,Tên hoạt động,Mã đơn vị tổ chức,Ngày bắt đầu,Ngày kết thúc,"
    "Kinh phí (đồng),Mã nhiệm vụ,Đối tượng tham dự,Số nữ,Số nam,Tổng số người tham dự\n"
)


def test_imported_sessions_count_in_the_coverage(city: City, tmp_path: Path) -> None:
    outreach(city, "dissemination", city.ward, date(2026, 3, 2), user=city.ward_officer)
    year = indicators.Span(2026, 2026)
    before = indicators.compute(year)
    # Three wards and communes exist (the district ended in 2025); phuong-a held one.
    assert (before.units_disseminating, before.local_units) == (1, 3)
    assert before.coverage == Decimal(1) / Decimal(3)

    path = tmp_path / "tuyen-truyen.csv"
    path.write_text(
        CSV_HEADER + "Tuyên truyền,Phổ biến Kế hoạch tại phường B,phuong-b,05/04/2026,,"
        '"2.500.000",8.1,Người dân,40,35,75\n'
        "Tuyên truyền,Phổ biến Kế hoạch lần hai,phuong-b,20/09/2026,,,,,12,8,20\n"
        # A training course in the commune: not a dissemination session.
        "Khóa đào tạo,Tập huấn thiết kế,xa-c,10/05/2026,12/05/2026,"
        '"15.000.000",,Nghệ sĩ,9,6,\n',
        encoding="utf-8",
    )
    record = import_file(city.coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert record.rows_saved == 3
    after = indicators.compute(year)
    # phuong-a and phuong-b of three: 2/3.
    assert (after.units_disseminating, after.local_units) == (2, 3)
    assert after.coverage == Decimal(2) / Decimal(3)
    assert (after.trained_women, after.trained_men) == (9, 6)

    session = Outreach.objects.get(title_vi="Phổ biến Kế hoạch tại phường B")
    assert (session.kind, session.starts_on, session.ends_on) == (
        "dissemination",
        date(2026, 4, 5),
        date(2026, 4, 5),
    )
    assert (session.budget, session.task, session.recorded_by) == (
        Decimal(2_500_000),
        city.task,
        city.coordinator,
    )
    counted = session.participants.get()
    assert (counted.role, counted.women, counted.men) == ("residents", 40, 35)
    course = Outreach.objects.get(kind="training")
    assert course.participants.get().role == Participants.Role.CREATIVES


def test_an_xlsx_with_english_headers(city: City, tmp_path: Path) -> None:
    path = tmp_path / "outreach.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Kind", "Title (Vietnamese)", "Organiser code", "Starts on"])
    sheet.write_row(0, 4, ["Partner country", "Partner city", "Women", "Men", "Reach (people)"])
    sheet.write_row(1, 0, ["International exchange", "Giao lưu với Bandung", "so-vh"])
    sheet.write_row(1, 3, ["15/10/2026", "Indonesia", "Bandung", 3, 2, "1.200"])
    book.close()
    record = import_file(city.coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    exchange = Outreach.objects.get()
    assert (exchange.kind, exchange.starts_on, exchange.partner_city, exchange.reach) == (
        "exchange",
        date(2026, 10, 15),
        "Bandung",
        1200,
    )
    assert (exchange.participants.get().women, exchange.participants.get().men) == (3, 2)


def test_bad_rows_are_named_and_nothing_is_saved(city: City, tmp_path: Path) -> None:
    path = tmp_path / "sai.csv"
    path.write_text(
        CSV_HEADER
        # Row 2: good.
        + "Tuyên truyền,Tốt,phuong-a,05/04/2026,,,,,10,10,20\n"
        # Row 3: an unknown ward, women and men not making the total.
        "Tuyên truyền,Sai,phuong-z,05/04/2026,,,,,40,35,70\n"
        # Row 4: a month-first date, an unknown plan task, an unknown kind.
        "Hội chợ,Sai nữa,phuong-a,04/25/2026,,,9.9,,,,\n"
        # Row 5: the end before the start, an unknown role.
        "Tuyên truyền,Sai ba,phuong-a,05/04/2026,01/04/2026,,,Khách mời,,,\n",
        encoding="utf-8",
    )
    record = import_file(city.coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    found = sorted((p["row"], p["column"]) for p in record.problems)
    assert found == [
        (3, "organiser"),
        (3, "total"),
        (4, "kind"),
        (4, "starts_on"),
        (4, "task"),
        (5, "ends_on"),
        (5, "role"),
    ]
    total = next(p for p in record.problems if p["column"] == "total")
    assert total["what_vi"] == "Nữ 40 + nam 35 = 75, khác tổng số 70."
    assert total["what_en"] == "Women 40 + men 35 = 75, not the total 70."
    assert total["header"] == "Tổng số người tham dự"
    ward = next(p for p in record.problems if p["column"] == "organiser")
    assert "phuong-z" in ward["what_vi"] and "phuong-z" in ward["what_en"]
    assert not Outreach.objects.exists()


def test_an_officer_imports_only_their_own_agencys_activities(city: City, tmp_path: Path) -> None:
    path = tmp_path / "phuong.csv"
    path.write_text(
        CSV_HEADER
        + "Tuyên truyền,Một buổi,phuong-a,05/04/2026,,,,,1,1,2\n"
        + "Tuyên truyền,Buổi của phường B,phuong-b,06/04/2026,,,,,1,1,2\n",
        encoding="utf-8",
    )
    record = import_file(city.ward_officer, path)
    assert record.status == ImportRecord.Status.INVALID
    [problem] = record.problems
    assert (problem["row"], problem["column"]) == (3, "organiser")
    assert "phuong-b" in problem["what_vi"] and "phuong-a" in problem["what_vi"]
    assert "your own agency's activities (phuong-a)" in problem["what_en"]
    assert not Outreach.objects.exists()

    path.write_text(CSV_HEADER + "Tuyên truyền,Một buổi,phuong-a,05/04/2026,,,,,1,1,2\n")
    record = import_file(city.ward_officer, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    session = Outreach.objects.get()
    assert (session.organiser, session.recorded_by) == (city.ward, city.ward_officer)
    # Another ward's officer neither sees that import nor can confirm it.
    assert not city.other_ward_officer.has_perm("unesco.import_outreach", record)
    assert city.ward_officer.has_perm("unesco.import_outreach", record)


def test_a_leader_imports_no_activities(city: City, tmp_path: Path) -> None:
    path = tmp_path / "phuong.csv"
    path.write_text(CSV_HEADER + "Tuyên truyền,Một buổi,phuong-a,05/04/2026,,,,,1,1,2\n")
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    with pytest.raises(PermissionDenied):
        service.start_import(city.leader, upload, "unesco-outreach")
    assert not Outreach.objects.exists()
