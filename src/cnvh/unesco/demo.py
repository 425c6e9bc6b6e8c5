"""The registry's demo: Hanoi's City of Design commitments with some activities, its
part in the Network, training courses and ward dissemination sessions, and two
monitoring reports (2019–2023 approved, 2023–2027 a draft). Everything is written
through `cnvh.unesco.workflow` by the demo's people, as they would on the pages.
The figures are made up (marked as demo), not Hanoi's."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from cnvh.brightspots.models import BrightSpot
from cnvh.events.models import Event
from cnvh.plan.models import Agency, Membership, Role, Task
from cnvh.unesco import workflow
from cnvh.unesco.models import (
    Commitment,
    CommitmentActivity,
    NetworkParticipation,
    Outreach,
    ReportSection,
)

# code, scope, lead, title_vi, title_en, budget (VND), plan tasks
COMMITMENTS = [
    (
        "design-centre",
        "local",
        "so-vhtt",
        "Trung tâm Thiết kế sáng tạo Hà Nội",
        "Hanoi Creative Design Centre",
        20_000_000_000,
        ["8.1"],
    ),
    (
        "creative-spaces",
        "local",
        "so-qhkt",
        "Mạng lưới không gian sáng tạo, gồm các làng nghề",
        "Network of creative spaces, craft villages among them",
        15_000_000_000,
        ["8.1", "4.4"],
    ),
    (
        "talent",
        "local",
        "so-noi-vu",
        "Chương trình phát triển tài năng sáng tạo",
        "Creative-talent programme",
        5_000_000_000,
        ["3.1"],
    ),
    (
        "festival",
        "international",
        "so-vhtt",
        "Lễ hội Thiết kế sáng tạo Hà Nội hằng năm",
        "Annual Hanoi Creative Design Festival",
        12_000_000_000,
        ["8.1"],
    ),
    (
        "sea-forum",
        "international",
        "so-vhtt",
        "Diễn đàn các thành phố sáng tạo Đông Nam Á",
        "Southeast Asia Creative Cities Forum",
        6_000_000_000,
        ["8.1", "8.2"],
    ),
    (
        "young-designers",
        "international",
        "so-du-lich",
        "Mạng lưới nhà thiết kế trẻ",
        "Young designers' network",
        2_000_000_000,
        [],
    ),
]
# commitment, title_vi, title_en, starts, ends, partner cities, countries, SDG, spent
ACTIVITIES = [
    (
        "design-centre",
        "Khảo sát địa điểm trung tâm",
        "Site survey for the centre",
        date(2023, 3, 1),
        date(2023, 6, 30),
        "",
        "",
        "11.4",
        300_000_000,
    ),
    (
        "creative-spaces",
        "Không gian sáng tạo tại làng gốm Bát Tràng",
        "Creative space in the Bát Tràng pottery village",
        date(2024, 4, 1),
        date(2024, 9, 30),
        "",
        "",
        "11.4; 8.3",
        1_200_000_000,
    ),
    (
        "festival",
        "Lễ hội Thiết kế sáng tạo 2023",
        "Creative Design Festival 2023",
        date(2023, 11, 10),
        date(2023, 11, 26),
        "Bandung; Bangkok",
        "Indonesia; Thái Lan",
        "11.4",
        2_500_000_000,
    ),
    (
        "festival",
        "Lễ hội Thiết kế sáng tạo 2024",
        "Creative Design Festival 2024",
        date(2024, 11, 9),
        date(2024, 11, 24),
        "Bandung; Seoul",
        "Indonesia; Hàn Quốc",
        "11.4; 11.7",
        2_800_000_000,
    ),
    (
        "sea-forum",
        "Diễn đàn lần thứ nhất",
        "First forum",
        date(2025, 10, 15),
        date(2025, 10, 16),
        "Bangkok; Cebu; Singapore",
        "Thái Lan; Philippines; Singapore",
        "17.17",
        900_000_000,
    ),
]
NETWORK = [
    (
        "conference_attended",
        "Hội nghị thường niên UCCN 2023 (minh họa)",
        "UCCN Annual Conference 2023 (demo)",
        date(2023, 7, 3),
        "Bồ Đào Nha / Portugal",
        "Trình bày Lễ hội Thiết kế sáng tạo",
        "Presented the Creative Design Festival",
    ),
    (
        "subnetwork",
        "Họp nhóm các thành phố Thiết kế (minh họa)",
        "Cities of Design subnetwork meeting (demo)",
        date(2024, 5, 20),
        "",
        "Đề xuất diễn đàn Đông Nam Á",
        "Proposed the Southeast Asia forum",
    ),
]


@dataclass
class Loaded:
    commitments: int
    activities: int
    outreach: int
    reports: int


def _person(username: str) -> Any:
    return get_user_model().objects.get(username=username)


@transaction.atomic
def load_demo() -> Loaded | None:
    """The demo registry; None if already there (loading twice changes nothing)."""
    if Commitment.objects.exists() or not Agency.objects.filter(code="so-vhtt").exists():
        return None
    coordinator, leader = _person("dieuphoi"), _person("lanhdao")
    agencies = {a.code: a for a in Agency.objects.filter(kind=Agency.Kind.DEPARTMENT)}
    tasks = {t.code: t for t in Task.objects.filter(code__in=["3.1", "4.4", "8.1", "8.2"])}
    made = {}
    for code, scope, lead, title_vi, title_en, budget, codes in COMMITMENTS:
        commitment = Commitment(
            code=code,
            scope=scope,
            lead_agency=agencies[lead],
            title_vi=title_vi,
            title_en=title_en,
            source="Hồ sơ ứng cử 2019 / 2019 application",
            budget=Decimal(budget),
        )
        made[code] = workflow.save_commitment(
            commitment, coordinator, [tasks[c] for c in codes if c in tasks]
        )
    for code, title_vi, title_en, starts, ends, cities, countries, sdg, spent in ACTIVITIES:
        workflow.save_activity(
            CommitmentActivity(
                commitment=made[code],
                title_vi=title_vi,
                title_en=title_en,
                starts_on=starts,
                ends_on=ends,
                partner_cities=cities,
                partner_countries=countries,
                sdg_targets=sdg,
                budget_spent=Decimal(spent),
            ),
            coordinator,
        )
    for kind, title_vi, title_en, held, place, said_vi, said_en in NETWORK:
        workflow.save_participation(
            NetworkParticipation(
                kind=kind,
                title_vi=title_vi,
                title_en=title_en,
                held_on=held,
                place=place,
                contribution_vi=said_vi,
                contribution_en=said_en,
            ),
            coordinator,
        )
    linked = _linked_activities(coordinator, made)
    outreach = _outreach(coordinator, agencies["so-vhtt"], tasks.get("3.1"))
    _reports(coordinator, leader)
    return Loaded(len(made), len(ACTIVITIES) + linked, outreach, 2)


# The demo's records of the other registries that commitments' activities build on.
FESTIVAL_EVENT = "Lễ hội Thiết kế sáng tạo Hà Nội"
CRAFT_VILLAGE_MODEL = "Trải nghiệm gốm Bát Tràng"


def _linked_activities(coordinator: Any, made: dict[str, Commitment]) -> int:
    """The festival held this year, from the events register, and the Bát Tràng
    creative space linked to the model it became, when those demos are loaded.
    Returns the activities added."""
    added = 0
    event = Event.objects.filter(title_vi=FESTIVAL_EVENT).first()
    if event is not None:
        festival = CommitmentActivity(
            commitment=made["festival"],
            title_vi=f"Lễ hội Thiết kế sáng tạo {event.starts_on.year}",
            title_en=f"Creative Design Festival {event.starts_on.year}",
            starts_on=event.starts_on,
            ends_on=event.ends_on or event.starts_on,
            partner_cities="Bandung; Kobe",
            partner_countries="Indonesia; Nhật Bản",
            sdg_targets="11.4",
            budget_spent=Decimal(3_000_000_000),
        )
        workflow.save_activity(festival, coordinator, events=[event])
        added += 1
    model = BrightSpot.objects.filter(name_vi=CRAFT_VILLAGE_MODEL).first()
    space = CommitmentActivity.objects.filter(commitment=made["creative-spaces"]).first()
    if model is not None and space is not None:
        workflow.save_activity(space, coordinator, bright_spots=[model])
    return added


# Each year's course: (title vi, title en, sector, first day, last day, budget in VND,
# outputs, participants by role as (women, men)).
COURSES = [
    (
        "Khóa bồi dưỡng quản lý công nghiệp sáng tạo",
        "Course on managing the creative industries",
        "Thiết kế",
        date(2025, 9, 8),
        date(2025, 9, 12),
        180_000_000,
        "45 học viên được cấp chứng chỉ",
        {"officials": (20, 12), "creatives": (8, 5)},
    ),
    (
        "Khóa đào tạo thiết kế sản phẩm thủ công cho nghệ nhân",
        "Product design course for craft artisans",
        "Thủ công mỹ nghệ",
        date(2026, 6, 15),
        date(2026, 6, 19),
        120_000_000,
        "23 nghệ nhân hoàn thành khóa học",
        {"enterprises": (14, 9)},
    ),
]
# The wards' dissemination sessions, a round a year: (first day, wards by code order).
SESSION_ROUNDS = [(date(2025, 10, 1), slice(0, 12)), (date(2026, 3, 2), slice(12, 20))]


def _outreach(coordinator: Any, department: Agency, task: Task | None) -> int:
    for title_vi, title_en, sector, starts, ends, budget, outputs, people in COURSES:
        course = Outreach(
            kind=Outreach.Kind.TRAINING,
            title_vi=title_vi,
            title_en=title_en,
            organiser=department,
            sector=sector,
            starts_on=starts,
            ends_on=ends,
            budget=Decimal(budget),
            task=task,
            outputs=outputs,
        )
        workflow.record_outreach(course, coordinator, people)
    officer = Membership.objects.filter(role=Role.OFFICER, user__username="canbophuong").first()
    sessions = sum(
        _sessions(first_day, wards, coordinator, officer, task)
        for first_day, wards in SESSION_ROUNDS
    )
    if officer:
        session = Outreach(
            kind=Outreach.Kind.DISSEMINATION,
            title_vi="Phổ biến kế hoạch cho các tổ dân phố",
            organiser=officer.agency,
            starts_on=date(2025, 11, 5),
            ends_on=date(2025, 11, 5),
            budget=Decimal(3_500_000),
            reach=120,
        )
        workflow.record_outreach(session, officer.user, {"residents": (30, 22)})
        sessions += 1
    return len(COURSES) + sessions


def _sessions(
    first_day: date, wards: slice, coordinator: Any, officer: Any, task: Task | None
) -> int:
    """One session a day in each ward of the round, recorded by the ward's own officer
    where the demo has one, by the coordinator for the others."""
    chosen = Agency.objects.filter(kind=Agency.Kind.WARD).order_by("code")[wards]
    for number, ward in enumerate(chosen):
        name = ward.short_name or ward.name_vi
        person = officer.user if officer and officer.agency_id == ward.pk else coordinator
        day = first_day + timedelta(days=number)
        session = Outreach(
            kind=Outreach.Kind.DISSEMINATION,
            title_vi=f"Phổ biến Kế hoạch phát triển công nghiệp văn hóa tại {name}",
            title_en=f"The cultural industries plan explained in {name}",
            organiser=ward,
            starts_on=day,
            ends_on=day,
            budget=Decimal(5_000_000),
            task=task,
            reach=200 + 10 * number,
        )
        workflow.record_outreach(session, person, {"residents": (15 + number, 10 + number)})
    return len(chosen)


def _reports(coordinator: Any, leader: Any) -> None:
    previous = workflow.start_report(2019, 2023, coordinator)
    summary = ReportSection.objects.get(code="summary")
    workflow.save_section(
        previous,
        summary,
        coordinator,
        "Báo cáo đầu tiên kể từ khi gia nhập Mạng lưới (minh họa).",
        "The first report since joining the Network (demo).",
    )
    # A section with nothing from the records gets a line: approval refuses an empty one.
    for empty in workflow.empty_sections(previous):
        workflow.save_section(
            previous,
            ReportSection.objects.get(pk=empty.section_id),
            coordinator,
            "Không có hoạt động trong kỳ (minh họa).",
            "Nothing to report for the period (demo).",
        )
    workflow.submit(previous, coordinator)
    workflow.approve(previous, leader)
    current = workflow.start_report(2023, 2027, coordinator)
    workflow.save_section(
        current,
        summary,
        coordinator,
        "Hà Nội tiếp tục thực hiện các cam kết Thành phố Thiết kế (bản nháp minh họa).",
        "Hanoi goes on with its City of Design commitments (demo draft).",
    )
