"""The demo's models and bright spots, made through the workflow as people would:
a past round (nominated, screened, scored, decided, taken up elsewhere) and the
current round, open, with one nomination under assessment. Synthetic, like the rest
of the demo: names of real places, invented records."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from stdnum.vn import mst

from cnvh.brightspots import workflow
from cnvh.brightspots.models import BrightSpot, Decision, Nomination, Replication, Round, Rubric
from cnvh.plan.models import Agency

COUNCIL = ("lanhdao", "thongke", "canbo")

# name, name (en), level, sector, ward, nominated by (agency short name), host,
# scores of the three members (each criterion), results (year, indicator, unit, value)
PAST = [
    (
        "Phố sách Hà Nội",
        "Hanoi Book Street",
        "city",
        "publishing",
        "Phường Hoàn Kiếm",
        "Phường Hoàn Kiếm",
        ("agency", None),
        ("9", "8.5", "8", "8", "9"),
        [(2024, "Lượt khách", "lượt", "1250000"), (2025, "Lượt khách", "lượt", "1410000")],
    ),
    (
        "Trải nghiệm gốm Bát Tràng",
        "Bat Trang pottery experience",
        "enterprise",
        "crafts",
        "Xã Bát Tràng",
        "Sở VHTT",
        ("enterprise", "Công ty TNHH Gốm sáng tạo Bát Tràng (minh họa)"),
        ("8", "9", "7.5", "8", "8.5"),
        [(2024, "Doanh thu", "triệu đồng", "18500"), (2025, "Doanh thu", "triệu đồng", "21300,5")],
    ),
    (
        "Tuần lễ thiết kế sáng tạo Hà Nội",
        "Hanoi Creative Design Week",
        "department",
        "design",
        "Phường Văn Miếu - Quốc Tử Giám",
        "Sở VHTT",
        ("agency", None),
        ("8.5", "8", "9", "7", "8"),
        [(2024, "Lượt khách", "lượt", "85000")],
    ),
    (
        "Số hóa câu chuyện phố nghề",
        "Craft streets' stories, digitised",
        "ward",
        "software_games",
        "Phường Cửa Nam",
        "Phường Hoàn Kiếm",
        ("organisation", "Câu lạc bộ Di sản số (minh họa)"),
        ("5", "4.5", "6", "4", "5"),
        [],
    ),
]


@dataclass
class Loaded:
    rounds: int
    nominations: int
    recognised: int
    replications: int


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _agencies() -> dict[str, Agency]:
    return {agency.short_name: agency for agency in Agency.objects.exclude(short_name="")}


def _tax_code(body: str) -> str:
    """A well-formed synthetic enterprise code: 9 digits and their check digit."""
    return body + mst.calc_check_digit(body)


@transaction.atomic
def load_demo_bright_spots(today: date) -> Loaded | None:
    """The demo registry; None if the registry already has rounds."""
    if Round.objects.exists():
        return None
    people = {user.username: user for user in get_user_model().objects.all()}
    agencies = _agencies()
    rubric = Rubric.objects.get(code="mo-hinh", version=1)
    council = [people[name] for name in COUNCIL]
    coordinator = people["dieuphoi"]
    past = _past_round(today, rubric, council, coordinator, people, agencies)
    current = _current_round(today, rubric, council, coordinator, people, agencies)
    return Loaded(
        rounds=2,
        nominations=Nomination.objects.filter(round__in=[past, current]).count(),
        recognised=BrightSpot.objects.filter(status=BrightSpot.Status.RECOGNISED).count(),
        replications=Replication.objects.count(),
    )


def _spot(row: tuple[Any, ...], agencies: dict[str, Agency], number: int) -> BrightSpot:
    name_vi, name_en, level, sector, ward, _, (kind, host), *_ = row
    spot = BrightSpot(
        name_vi=name_vi,
        name_en=name_en,
        level=level,
        sector=sector,
        host_kind=kind,
        ward=agencies[ward],
        start_year=2021 + number % 3,
        description="Dữ liệu minh họa (synthetic).",
    )
    if kind == "agency":
        spot.host_agency = agencies[ward] if level != "department" else agencies["Sở VHTT"]
    else:
        spot.host_name = host
        spot.host_tax_code = _tax_code(f"01{number:07d}") if kind == "enterprise" else ""
    return spot


def _nominator(people: dict[str, Any], agency: Agency) -> Any:
    return people["canbophuong"] if agency.kind in ("ward", "commune") else people["canbo"]


def _nominate(
    round_: Round,
    row: tuple[Any, ...],
    number: int,
    day: date,
    people: dict[str, Any],
    agencies: dict[str, Agency],
) -> Nomination:
    agency = agencies[row[5]]
    results = [
        workflow.ResultRow(year, indicator, unit, Decimal(value.replace(",", ".")))
        for year, indicator, unit, value in row[8]
    ]
    return workflow.nominate(
        round_,
        _nominator(people, agency),
        agency,
        _spot(row, agencies, number),
        results,
        now=_at(day),
    )


def _score(nomination: Nomination, council: list[Any], scores: tuple[str, ...], day: date) -> None:
    criteria = list(nomination.round.rubric.criteria.order_by("position"))
    for offset, member in enumerate(council):
        if not member.has_perm("brightspots.score", nomination):
            continue  # their own agency's nomination: they do not score it
        # Each member differs a little from the others, within the scale.
        sheet = {
            c.pk: (min(Decimal(10), Decimal(value) + Decimal(offset) / 2 - Decimal("0.5")), "")
            for c, value in zip(criteria, scores, strict=True)
        }
        workflow.record_scores(nomination, member, sheet, now=_at(day, 10 + offset))


def _past_round(
    today: date,
    rubric: Rubric,
    council: list[Any],
    coordinator: Any,
    people: dict[str, Any],
    agencies: dict[str, Agency],
) -> Round:
    opens = date(today.year - 1, 3, 1)
    round_ = workflow.make_round(
        coordinator,
        Round(
            name_vi=f"Đợt bình chọn mô hình, điểm sáng công nghiệp văn hóa năm {opens.year}",
            name_en=f"Round of models and bright spots of the cultural industries, {opens.year}",
            opens_on=opens,
            closes_on=opens + timedelta(days=91),
            nominator_kinds=["ward", "commune", "department"],
            rubric=rubric,
        ),
        council,
    )
    decided = opens + timedelta(days=160)
    for number, row in enumerate(PAST, start=1):
        nomination = _nominate(
            round_, row, number, opens + timedelta(days=10 * number), people, agencies
        )
        nomination = workflow.screen(nomination, coordinator, True, now=_at(opens + timedelta(95)))
        workflow.record_site_visit(nomination, coordinator, opens + timedelta(days=110 + number))
        _score(nomination, council, row[7], opens + timedelta(days=120))
        _decide(nomination, coordinator, decided, number)
    _replicate(coordinator, agencies, decided)
    # The book street keeps reporting after its recognition.
    book = BrightSpot.objects.get(name_vi=PAST[0][0])
    result = workflow.ResultRow(decided.year + 1, "Lượt khách", "lượt", Decimal(1_520_000))
    workflow.add_result(book, people["canbophuong"], result)
    return round_


def _decide(nomination: Nomination, coordinator: Any, day: date, number: int) -> None:
    if nomination.spot.name_vi == PAST[-1][0]:
        decision = Decision(
            outcome=Decision.Outcome.REJECTED,
            decided_on=day,
            reasons="Chưa có kết quả đo lường được; mời đề cử lại khi có số liệu một năm.",
        )
    else:
        decision = Decision(
            outcome=Decision.Outcome.RECOGNISED,
            number=f"{100 + number}/QĐ-UBND",
            decided_on=day,
            level=nomination.spot.level,
            valid_until=date(day.year + 3, day.month, day.day) - timedelta(days=1),
        )
    workflow.decide(nomination, coordinator, decision, now=_at(day, 15))


def _replicate(coordinator: Any, agencies: dict[str, Agency], decided: date) -> None:
    book = BrightSpot.objects.get(name_vi=PAST[0][0])
    for ward, months, status in (
        ("Phường Hà Đông", 2, "under_way"),
        ("Phường Sơn Tây", 5, "planned"),
    ):
        workflow.record_replication(
            book,
            coordinator,
            Replication(
                target=agencies[ward],
                started_on=decided + timedelta(days=30 * months),
                status=status,
                results="Không gian đọc cuối tuần (minh họa).",
            ),
        )


def _current_round(
    today: date,
    rubric: Rubric,
    council: list[Any],
    coordinator: Any,
    people: dict[str, Any],
    agencies: dict[str, Agency],
) -> Round:
    round_ = workflow.make_round(
        coordinator,
        Round(
            name_vi=f"Đợt bình chọn mô hình, điểm sáng năm {today.year}",
            name_en=f"Round of models and bright spots, {today.year}",
            opens_on=today - timedelta(days=20),
            closes_on=today + timedelta(days=40),
            nominator_kinds=["ward", "commune", "department"],
            rubric=rubric,
        ),
        council,
    )
    rows = [
        (
            "Chợ đêm văn hóa Tây Hồ",
            "Tay Ho cultural night market",
            "ward",
            "cuisine",
            "Phường Tây Hồ",
            "Phường Hoàn Kiếm",
            ("agency", None),
            ("7.5", "8", "7", "7", "8"),
            [(2025, "Lượt khách", "lượt", "64000")],
        ),
        (
            "Sân khấu kịch đường phố",
            "Street theatre",
            "organisation",
            "performing_arts",
            "Phường Hoàn Kiếm",
            "Phường Hoàn Kiếm",
            ("organisation", "Nhóm kịch Phố (minh họa)"),
            (),
            [(2025, "Buổi diễn", "buổi", "48")],
        ),
    ]
    first = _nominate(round_, rows[0], 11, today - timedelta(days=15), people, agencies)
    first = workflow.screen(first, coordinator, True, now=_at(today - timedelta(days=5)))
    _score(first, council[:2], rows[0][7], today - timedelta(days=2))
    _nominate(round_, rows[1], 12, today - timedelta(days=3), people, agencies)
    return round_
