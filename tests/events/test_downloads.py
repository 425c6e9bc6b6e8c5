"""The events list and the public calendar as CSV and XLSX, and the ward's and sector's
iCalendar feeds: what each holds, and what the public files never hold."""

import csv
import io
import re
import zipfile
from datetime import date, datetime, time
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar
from python_calamine import CalamineWorkbook

from cnvh.events import workflow
from cnvh.events.models import Event, Venue
from cnvh.plan.models import Agency, Role
from tests import factories
from tests.events import make

pytestmark = pytest.mark.django_db


def _published(town: make.City, **fields: Any) -> Event:
    event = make.event(town, **fields)
    workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    for clearance in event.clearances.select_related("agency"):
        person = factories.user(Role.OFFICER, clearance.agency)
        workflow.answer_clearance(clearance, "agree", "", date(2026, 2, 13), person)
    workflow.decide(event, True, "9/QĐ", date(2026, 2, 16), "", town.leader)
    workflow.publish(event, date(2026, 2, 17), town.officer)
    return Event.objects.get(pk=event.pk)


@pytest.fixture
def town() -> make.City:
    found = make.city()
    other = factories.agency("p-tay-ho", Agency.Kind.WARD, name_vi="Phường Tây Hồ")
    lake = Venue.objects.create(name="Hồ Tây", ward=other, address="Thanh Niên")
    _published(
        found,
        title_vi="Đêm nhạc của bà Lan",
        title_en="Mrs Lan's night",
        organiser_kind=Event.OrganiserKind.PERSON,
        organiser_tax_code="",
        organiser_name="Nguyễn Thị Lan",
        starts_at=time(19, 30),
        ends_at=time(21, 0),
        expected_attendance=300,
    )
    _published(
        found,
        title_vi="Lễ hội Hồ Tây",
        title_en="West Lake festival",
        sectors=["tourism", "design"],
        venue=lake,
        starts_on=date(2026, 3, 5),
        ends_on=date(2026, 3, 7),
        expected_attendance=300,
        starts_at=time(18, 0),
        ends_at=time(22, 0),
    )
    make.event(found, title_vi="Chưa duyệt", title_en="Not decided", budget=None)
    return found


def _client(user: object | None = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    client.cookies["django_language"] = "en"
    return client


def _csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_working_list_as_csv_holds_every_file_the_member_sees(town: make.City) -> None:
    response = _client(town.ward_officer).get(reverse("events-list"), {"format": "csv"})
    rows = _csv(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="cnvh-events.csv"'
    assert [row["Title (English)"] for row in rows] == [
        "Mrs Lan's night",
        "Not decided",
        "West Lake festival",
    ]
    lan = rows[0]
    assert (lan["Organiser"], lan["Daily hours"], lan["First day"]) == (
        "Nguyễn Thị Lan",
        "19:30–21:00",
        "2026-03-02",
    )
    # The two events at the Opera House on 2 March clash: one open clash each.
    assert (lan["Open clashes"], rows[1]["Open clashes"], rows[2]["Open clashes"]) == (
        "1",
        "1",
        "0",
    )
    assert rows[0]["Budget (VND)"] == "1200000000"
    assert rows[1]["Budget (VND)"] == ""
    filtered = _client(town.ward_officer).get(
        reverse("events-list"), {"format": "csv", "ward": "p-tay-ho"}
    )
    assert [row["Title (English)"] for row in _csv(filtered.content)] == ["West Lake festival"]
    assert _client().get(reverse("events-list"), {"format": "csv"}).status_code == 302


def test_the_working_list_as_xlsx(town: make.City) -> None:
    response = _client(town.officer).get(reverse("events-list"), {"format": "xlsx"})
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    # The first sheet says what the file is; the second holds the table, header first.
    rows = book.get_sheet_by_name(book.sheet_names[1]).to_python()
    header = rows[0]
    festival = next(row for row in rows[1:] if row[2] == "West Lake festival")
    assert festival[header.index("Sectors")] == "Cultural tourism; Design"
    assert festival[header.index("Expected attendance")] == 300
    assert festival[header.index("First day")] in (date(2026, 3, 5), datetime(2026, 3, 5))


def test_the_public_calendar_file_holds_published_events_and_no_personal_data(
    town: make.City,
) -> None:
    response = _client().get(reverse("events-calendar"), {"month": "2026-03", "format": "csv"})
    rows = _csv(response.content)
    assert [row["Title (English)"] for row in rows] == ["Mrs Lan's night", "West Lake festival"]
    body = response.content.decode("utf-8-sig")
    assert "Nguyễn Thị Lan" not in body
    assert "0100109106" not in body  # the enterprise's tax code
    assert "1200000000" not in body
    assert rows[0]["Organiser"] == ""
    assert rows[1]["Organiser"] == "Công ty Biểu diễn Hà Nội"
    assert rows[1]["Daily hours"] == "18:00–22:00"
    assert rows[1]["Page"].endswith(f"/calendar/{Event.objects.get(title_vi='Lễ hội Hồ Tây').pk}/")
    xlsx = _client().get(reverse("events-calendar"), {"month": "2026-03", "format": "xlsx"})
    assert xlsx["Content-Disposition"] == 'attachment; filename="cnvh-calendar.xlsx"'


def _entries(response: object) -> list[str]:
    calendar = Calendar.from_ical(response.content)  # type: ignore[attr-defined]
    return [str(entry["summary"]) for entry in calendar.walk("VEVENT")]


def test_a_wards_and_a_sectors_feed(town: make.City) -> None:
    client = _client()
    ward = client.get(reverse("events-ward-ics", args=["p-tay-ho"]))
    assert ward["Content-Type"].startswith("text/calendar")
    assert _entries(ward) == ["West Lake festival"]
    assert _entries(client.get(reverse("events-ward-ics", args=[town.ward.code]))) == [
        "Mrs Lan's night"
    ]
    assert _entries(client.get(reverse("events-sector-ics", args=["design"]))) == [
        "West Lake festival"
    ]
    assert _entries(client.get(reverse("events-sector-ics", args=["publishing"]))) == []
    assert client.get(reverse("events-sector-ics", args=["astrology"])).status_code == 404
    assert client.get(reverse("events-ward-ics", args=["so-vh"])).status_code == 404


def test_hours_in_the_feed(town: make.City) -> None:
    calendar = Calendar.from_ical(_client().get(reverse("events-ics")).content)
    entries = {str(entry["summary"]): entry for entry in calendar.walk("VEVENT")}
    # 19:30 in Hanoi (UTC+7) is 12:30 UTC.
    one_day = entries["Mrs Lan's night"]
    assert one_day.decoded("dtstart").isoformat() == "2026-03-02T12:30:00+00:00"
    assert one_day.decoded("dtend").isoformat() == "2026-03-02T14:00:00+00:00"
    # Several days with daily hours: whole days, the hours in the description.
    festival = entries["West Lake festival"]
    assert festival.decoded("dtstart") == date(2026, 3, 5)
    assert str(festival["description"]).startswith("Hằng ngày / Daily 18:00–22:00")


def test_the_calendar_reads_a_bounded_number_of_queries(
    town: make.City, django_assert_max_num_queries: object
) -> None:
    for number in range(8):
        _published(town, title_vi=f"Sự kiện {number}", expected_attendance=100)
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        response = _client().get(reverse("events-calendar"), {"month": "2026-03"})
    assert len(response.context["events"]) == 10


WORKING_HEADER = (
    "Number,Title (Vietnamese),Title (English),Kind,Sectors,Status,First day,Last day,"
    "Daily hours,Venue,Ward or commune,City-wide,Organiser,Enterprise tax code,"
    "Expected attendance,Actual attendance,Budget (VND),Receiving authority,Procedure,"
    "Filing date,Filed late,Decision due,Decision number,Decision date,Open clashes"
)
# Each row as the town's events were filed: the two at the Opera House on 2 March clash.
WORKING_ROWS = [
    "{lan},Đêm nhạc của bà Lan,Mrs Lan's night,Performance,Performing arts,Published,"
    "2026-03-02,2026-03-02,19:30–21:00,Nhà hát Lớn,Agency p-hoan-kiem,,Nguyễn Thị Lan,,300,,"
    "1200000000,Agency so-vh,nd144-art10-approval,2026-02-12,,2026-02-26,9/QĐ,2026-02-16,1",
    "{undecided},Chưa duyệt,Not decided,Performance,Performing arts,Filed,2026-03-02,"
    "2026-03-02,,Nhà hát Lớn,Agency p-hoan-kiem,,Công ty Biểu diễn Hà Nội,0100109106,500,,,"
    "Agency so-vh,nd144-art10-approval,2026-02-12,,,,,1",
    "{lake},Lễ hội Hồ Tây,West Lake festival,Performance,Cultural tourism; Design,Published,"
    "2026-03-05,2026-03-07,18:00–22:00,Hồ Tây,Agency p-tay-ho,,Công ty Biểu diễn Hà Nội,"
    "0100109106,300,,1200000000,Agency so-vh,nd144-art10-approval,2026-02-12,,2026-02-26,"
    "9/QĐ,2026-02-16,0",
]
CALENDAR_HEADER = (
    "Title (Vietnamese),Title (English),Kind,First day,Last day,"
    "First day in the lunar calendar,Daily hours,Held every year,Venue,Address,"
    "Ward or commune,Organiser,Description (Vietnamese),Description (English),Page"
)
# Tết fell on 17 February 2026: 2 March is the 14th day of the 1st month, 5 March the 17th.
CALENDAR_ROWS = [
    "Đêm nhạc của bà Lan,Mrs Lan's night,Performance,2026-03-02,2026-03-02,"
    '"14th day of the 1st lunar month, year of Bính Ngọ",19:30–21:00,,Nhà hát Lớn,'
    "1 Tràng Tiền,Agency p-hoan-kiem,,,,http://testserver/calendar/{lan}/",
    "Lễ hội Hồ Tây,West Lake festival,Performance,2026-03-05,2026-03-07,"
    '"17th day of the 1st lunar month, year of Bính Ngọ",18:00–22:00,,Hồ Tây,Thanh Niên,'
    "Agency p-tay-ho,Công ty Biểu diễn Hà Nội,,,http://testserver/calendar/{lake}/",
]


# As each column asks; a file's data sheet stores them so.
WORKING_WIDTHS = [8, 40, 40, 16, 24, 16, 12, 12, 12, 30, 24, 8, 30, 14, 12, 12, 16, 28, 24]
WORKING_WIDTHS += [12, 8, 12, 16, 12, 8]
CALENDAR_WIDTHS = [40, 40, 16, 12, 12, 30, 12, 8, 30, 30, 24, 30, 50, 50, 40]


def _numbers() -> dict[str, int]:
    found = dict(Event.objects.values_list("title_en", "pk"))
    return {
        "lan": found["Mrs Lan's night"],
        "lake": found["West Lake festival"],
        "undecided": found["Not decided"],
    }


def _widths(content: bytes) -> list[float]:
    """The data sheet's column widths, as the file stores them."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        sheet = book.read("xl/worksheets/sheet2.xml").decode()
    found: list[float] = []
    # Neighbouring columns of one width share an element: min="2" max="3".
    for first, last, width in re.findall(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', sheet):
        found += [float(width)] * (int(last) - int(first) + 1)
    return found


@pytest.mark.parametrize(
    ("page", "query", "header", "rows", "widths"),
    [
        (
            "events-list",
            {},
            WORKING_HEADER,
            WORKING_ROWS,
            WORKING_WIDTHS,
        ),
        (
            "events-calendar",
            {"month": "2026-03"},
            CALENDAR_HEADER,
            CALENDAR_ROWS,
            CALENDAR_WIDTHS,
        ),
    ],
)
def test_each_download_holds_exactly_these_cells(
    town: make.City,
    page: str,
    query: dict[str, str],
    header: str,
    rows: list[str],
    widths: list[int],
) -> None:
    """The whole of each file, cell by cell: the CSV as text, the XLSX's data sheet as
    typed cells with its column widths, and its sheet that says what the file is."""
    numbers = _numbers()
    client = _client(town.officer if page == "events-list" else None)
    csv_file = client.get(reverse(page), {"format": "csv", **query})
    expected = [header, *(row.format(**numbers) for row in rows)]
    assert csv_file.content.decode("utf-8-sig") == "\r\n".join(expected) + "\r\n"
    xlsx_file = client.get(reverse(page), {"format": "xlsx", **query})
    book = CalamineWorkbook.from_filelike(io.BytesIO(xlsx_file.content))
    assert book.sheet_names == ["About", "Data"]
    cells = book.get_sheet_by_name("Data").to_python()
    texts = [[_as_csv(value) for value in row] for row in cells]
    assert texts == [next(csv.reader([line])) for line in expected]
    # Numbers and dates are typed cells, not text.
    assert [_kind(text) for text in texts[1]] == [type(value).__name__ for value in cells[1]]
    # xlsxwriter stores a width of w characters as w + 0.7109375 (its padding).
    assert _widths(xlsx_file.content) == [width + 0.7109375 for width in widths]
    about = {str(row[0]): str(row[1]) for row in book.get_sheet_by_name("About").to_python()}
    assert about["Rows"] == str(len(rows))
    assert about["Downloaded from"].startswith(f"http://testserver{reverse(page)}?format=xlsx")


def _as_csv(value: object) -> str:
    """An XLSX cell as the CSV writes the same value."""
    if isinstance(value, float):
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _kind(text: str) -> str:
    """The type a cell holding `text` has in the XLSX: a date, a number, or text."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return "date"
    return "float" if text.isdigit() else "str"
