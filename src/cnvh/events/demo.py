"""The demo's cultural events, made through the workflow as the officers would: places
in the wards of the old quarter (with their coordinates), the agencies whose views the
rules ask, and events at every step (reported, held, published, waiting for late views,
incomplete, refused, one clashing with another nearby), dated around `today`."""

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from cnvh.calendar import lunar
from cnvh.events import reminders, workflow
from cnvh.events.demo_city import agencies_asked, clearance_rules, venues_of
from cnvh.events.models import Event, Venue
from cnvh.plan.demo.people import agency_officer
from cnvh.plan.models import Agency, Membership, Role

DEMO_PASSWORD = "cnvh-demo-2026"
CULTURE = "so-vhtt"


@dataclass
class Cast:
    culture: Agency
    officer: Any  # of the culture department, which receives the files
    leader: Any
    officers: dict[int, Any]  # an officer of each agency asked, by agency id


def _officer(agency: Agency, password: str) -> Any:
    found = Membership.objects.filter(agency=agency, role=Role.OFFICER).first()
    if found is not None:
        return found.user
    person = get_user_model().objects.create(**agency_officer(agency), password=password)
    Membership.objects.create(user=person, agency=agency, role=Role.OFFICER)
    return person


def _file(cast: Cast, code: str, filed_on: date, **fields: Any) -> Event:
    fields.setdefault("ends_on", fields["starts_on"])
    fields.setdefault("organiser_kind", Event.OrganiserKind.ENTERPRISE)
    fields.setdefault("receiving_agency", cast.culture)
    event = Event(filed_on=filed_on, **fields)
    return workflow.file_event(event, code, cast.officer)


def _cleared(cast: Cast, event: Event, on: date, late: tuple[str, ...] = ()) -> Event:
    """Ask the agencies on `on`; each agrees the next day, except those in `late`,
    which have not answered."""
    workflow.start_clearance(event, on, cast.officer)
    for clearance in event.clearances.select_related("agency", "event"):
        if clearance.agency.code in late:
            continue
        person = cast.officers[clearance.agency_id]
        workflow.answer_clearance(clearance, "agree", "", on + timedelta(days=1), person)
    return event


def _approved(cast: Cast, event: Event, on: date, number: str) -> Event:
    """Cleared on `on`, approved and published three days later."""
    _cleared(cast, event, on)
    workflow.decide(event, True, number, on + timedelta(days=3), "", cast.leader)
    workflow.publish(event, on + timedelta(days=3), cast.officer)
    return event


def _cast(agencies: dict[str, Agency], culture: Agency, password: str) -> Cast:
    leader = Membership.objects.filter(agency=culture, role=Role.LEADER).first()
    if leader is None:
        raise LookupError(f"the demo needs a leader of {culture.code}")
    return Cast(
        culture=culture,
        officer=_officer(culture, password),
        leader=leader.user,
        officers={agency.pk: _officer(agency, password) for agency in agencies.values()},
    )


@transaction.atomic
def load_demo_events(today: date, *, demo_mode: bool) -> int:
    """The demo's events, or nothing when the register has some already."""
    if Event.objects.exists() or not Agency.objects.filter(code=CULTURE).exists():
        return 0
    agencies = agencies_asked()
    clearance_rules(agencies)
    venues = venues_of(agencies)
    cast = _cast(
        agencies,
        Agency.objects.get(code=CULTURE),
        make_password(DEMO_PASSWORD if demo_mode else None),
    )
    made = _past(cast, venues, today) + _coming(cast, venues, today)
    workflow.deem_silent_consents(today)
    reminders.send_clearance_reminders(today, mail=False)
    return len(made)


def _past(cast: Cast, venues: dict[str, Venue], today: date) -> list[Event]:
    concert = _file(
        cast,
        "nd144-art10-approval",
        today - timedelta(days=80),
        title_vi="Hòa nhạc Mùa thu Hà Nội",
        title_en="Hanoi Autumn Concert",
        kind="performance",
        sectors=["performing_arts"],
        venue=venues["opera"],
        starts_on=today - timedelta(days=60),
        expected_attendance=550,
        budget=Decimal("850000000"),
        budget_sources="Xã hội hóa",
        organiser_tax_code="0100109106",
        organiser_name="Nhà hát Giao hưởng Việt Nam",
        description_vi="Dàn nhạc giao hưởng biểu diễn các tác phẩm về Hà Nội.",
        description_en="The symphony orchestra plays works about Hanoi.",
    )
    _approved(cast, concert, today - timedelta(days=79), "112/QĐ-SVHTT")
    workflow.mark_held(concert, concert.starts_on, cast.officer)
    workflow.report(concert, 580, "Kín chỗ.", concert.starts_on + timedelta(days=1), cast.officer)
    design = _file(
        cast,
        "nd110-registration",
        today - timedelta(days=75),
        title_vi="Lễ hội Thiết kế sáng tạo Hà Nội",
        title_en="Hanoi Creative Design Festival",
        kind="festival",
        sectors=["design", "fashion", "fine_arts"],
        venue=venues["citadel"],
        starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=21),
        expected_attendance=20000,
        budget=Decimal("4500000000"),
        budget_sources="Ngân sách thành phố; tài trợ",
        organiser_kind=Event.OrganiserKind.AGENCY,
        organiser_agency=cast.culture,
        description_vi="Mười ngày triển lãm, tọa đàm và trình diễn thiết kế.",
        description_en="Ten days of design exhibitions, talks and shows.",
    )
    _approved(cast, design, today - timedelta(days=72), "98/QĐ-UBND")
    workflow.mark_held(design, design.starts_on, cast.officer)
    workflow.report(design, 26500, "", design.ends_on + timedelta(days=2), cast.officer)
    books = _file(
        cast,
        "nd110-registration",
        today - timedelta(days=50),
        title_vi="Hội sách Hà Nội",
        title_en="Hanoi Book Fair",
        kind="book_fair",
        sectors=["publishing"],
        venue=venues["walking"],
        starts_on=today - timedelta(days=10),
        ends_on=today - timedelta(days=6),
        expected_attendance=8000,
        budget=Decimal("1200000000"),
        organiser_tax_code="0101234565",
        organiser_name="Công ty Phát hành sách Hà Nội",
    )
    _approved(cast, books, today - timedelta(days=48), "75/QĐ-SVHTT")
    workflow.mark_held(books, books.starts_on, cast.officer)
    return [concert, design, books]


def _next_lunar(day: int, month: int, after: date) -> date:
    for year in (after.year, after.year + 1):
        solar = lunar.to_solar(day, month, year)
        if solar > after:
            return solar
    raise ValueError("no lunar date found")  # pragma: no cover - two years always hold one


def _coming(cast: Cast, venues: dict[str, Venue], today: date) -> list[Event]:
    cheo = _file(
        cast,
        "nd144-art10-approval",
        today - timedelta(days=20),
        title_vi="Đêm Chèo Hà Nội",
        title_en="A night of Chèo theatre",
        kind="performance",
        sectors=["performing_arts"],
        venue=venues["opera"],
        starts_on=today + timedelta(days=12),
        expected_attendance=500,
        budget=Decimal("300000000"),
        organiser_tax_code="0100555559",
        organiser_name="Nhà hát Chèo Hà Nội",
        description_vi="Trích đoạn cheo cổ.",
        description_en="Scenes of classical Chèo.",
    )
    _approved(cast, cheo, today - timedelta(days=18), "131/QĐ-SVHTT")
    spring = _next_lunar(6, 1, today + timedelta(days=25))
    calligraphy = _file(
        cast,
        "nd110-notification",
        today - timedelta(days=5),
        title_vi="Hội chữ Xuân Văn Miếu",
        title_en="Spring calligraphy fair at the Temple of Literature",
        kind="festival",
        sectors=["fine_arts", "tourism"],
        venue=venues["temple"],
        starts_on=spring,
        ends_on=spring + timedelta(days=9),
        lunar_day=6,
        lunar_month=1,
        recurs_yearly=True,
        expected_attendance=1500,
        organiser_kind=Event.OrganiserKind.AGENCY,
        organiser_agency=cast.culture,
        description_vi="Ông đồ cho chữ đầu xuân.",
        description_en="Scholars write New Year wishes.",
    )
    _approved(cast, calligraphy, today - timedelta(days=4), "140/QĐ-SVHTT")
    jazz = _file(
        cast,
        "nd144-art10-approval",
        today - timedelta(days=12),
        title_vi="Đêm nhạc Jazz bên hồ",
        title_en="Jazz by the lake",
        kind="performance",
        sectors=["performing_arts"],
        venue=venues["ngoc-son"],
        starts_on=today + timedelta(days=8),
        expected_attendance=300,
        organiser_kind=Event.OrganiserKind.PERSON,
        organiser_name="Nguyễn Văn Minh",
    )
    _cleared(cast, jazz, today - timedelta(days=10), late=(venues["ngoc-son"].ward.code,))
    street = _street_music(cast, venues, today)
    fashion = _file(
        cast,
        "nd144-art10-approval",
        today - timedelta(days=3),
        title_vi="Trình diễn Áo dài Hà Nội",
        title_en="Hanoi Áo dài show",
        kind="fashion_show",
        sectors=["fashion", "design"],
        venue=venues["temple"],
        starts_on=today + timedelta(days=20),
        expected_attendance=800,
        budget=Decimal("650000000"),
        organiser_tax_code="0101234565",
        organiser_name="Công ty Thời trang Hà Nội",
    )
    workflow.mark_incomplete(
        fashion,
        "Kịch bản chi tiết và danh sách người mẫu.",
        today - timedelta(days=2),
        cast.officer,
    )
    lights = _file(
        cast,
        "nd110-registration",
        today - timedelta(days=2),
        title_vi="Lễ hội Ánh sáng Hồ Tây",
        title_en="West Lake Light Festival",
        kind="light_festival",
        sectors=["design", "tourism"],
        venue=venues["west-lake"],
        starts_on=today + timedelta(days=25),
        ends_on=today + timedelta(days=27),
        expected_attendance=12000,
        budget=Decimal("2000000000"),
        organiser_tax_code="0100109106",
        organiser_name="Công ty Sự kiện Hồ Tây",
    )
    return [cheo, calligraphy, jazz, street, fashion, lights, _refused(cast, venues, today)]


def _street_music(cast: Cast, venues: dict[str, Venue], today: date) -> Event:
    """Filed for the evening of the jazz night, on the walking street about 240 m from
    the temple: the detector finds the clash; the agencies see it in their queue."""
    street = _file(
        cast,
        "nd144-art10-approval",
        today - timedelta(days=6),
        title_vi="Đêm nhạc đường phố Hồ Gươm",
        title_en="Street music by Hoan Kiem Lake",
        kind="performance",
        sectors=["performing_arts"],
        venue=venues["walking"],
        starts_on=today + timedelta(days=8),
        starts_at=time(19, 0),
        ends_at=time(22, 0),
        expected_attendance=3000,
        organiser_tax_code="0101234565",
        organiser_name="Công ty Âm nhạc Thăng Long",
    )
    workflow.start_clearance(street, today - timedelta(days=5), cast.officer)
    return street


def _refused(cast: Cast, venues: dict[str, Venue], today: date) -> Event:
    party = _file(
        cast,
        "nd144-art10-approval",
        today - timedelta(days=40),
        title_vi="Đại nhạc hội điện tử",
        title_en="Electronic music party",
        kind="performance",
        sectors=["performing_arts"],
        venue=venues["walking"],
        starts_on=today - timedelta(days=20),
        expected_attendance=15000,
        organiser_tax_code="0100555559",
        organiser_name="Công ty Giải trí Sông Hồng",
    )
    _cleared(cast, party, today - timedelta(days=38), late=("cong-an-tp",))
    police = party.clearances.get(agency__code="cong-an-tp")
    workflow.answer_clearance(
        police,
        "object",
        "Phố đi bộ không bảo đảm an ninh cho 15.000 người vào ban đêm.",
        today - timedelta(days=36),
        cast.officers[police.agency_id],
    )
    workflow.decide(
        party,
        False,
        "120/SVHTT-QLVH",
        today - timedelta(days=35),
        "Địa điểm không bảo đảm an ninh, an toàn theo ý kiến của Công an thành phố.",
        cast.leader,
    )
    return party
