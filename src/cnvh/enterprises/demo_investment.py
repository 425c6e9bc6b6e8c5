"""A dozen synthetic investment projects, made through the projects' own workflow
(propose, approve, start, stall, operate, cancel; capital and milestones) by the demo's
people of the Department of Culture and Sports, dated from the demo's day. Every name,
number and amount is invented; each name says so ("minh họa")."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from cnvh.enterprises.demo import FIRMS, tax_code
from cnvh.enterprises.entries import enterprise_by_tax_code
from cnvh.enterprises.investment import workflow
from cnvh.enterprises.models import Enterprise, InvestmentProject
from cnvh.plan.models import Agency

B = Decimal(1_000_000_000)


@dataclass(frozen=True)
class DemoProject:
    name: str
    investor: int | str  # a demo firm's number, or an agency's code
    sector: str
    ward: str
    total: int  # billion VND
    # Per year from the demo's year (-1: last year): source -> (planned, disbursed), billion
    capital: dict[int, dict[str, tuple[int, int]]]
    # The steps after the proposal: (action, days before the demo's day, reason)
    steps: tuple[tuple[str, int, str], ...]
    # (title, due days before the demo's day — negative: ahead —, done: days before or None)
    milestones: tuple[tuple[str, int, int | None], ...] = ()
    kind: str = "project"
    ends_in: int = 900  # planned completion, days after the demo's day (negative: past)


APPROVED = (("approve", 600, ""),)
UNDER_WAY = (*APPROVED, ("start", 500, ""))
PROJECTS = [
    DemoProject(
        "Trung tâm Thiết kế Sáng tạo Hà Nội (minh họa)",
        "so-vhtt",
        "design",
        "00004",
        120,
        {-1: {"city_budget": (40, 38)}, 0: {"city_budget": (50, 21)}, 1: {"city_budget": (30, 0)}},
        UNDER_WAY,
        (("Khởi công", 480, 470), ("Hoàn thành phần thô", -60, None)),
    ),
    DemoProject(
        "Cụm rạp chiếu phim cộng đồng (minh họa)",
        5,
        "cinema",
        "00025",
        85,
        {-1: {"ppp": (20, 20)}, 0: {"ppp": (35, 12), "private": (10, 4)}},
        UNDER_WAY,
        (("Khởi công", 480, 475), ("Lắp đặt thiết bị chiếu", 40, None)),
    ),
    DemoProject(
        "Không gian sáng tạo Gốm Bát Tràng (minh họa)",
        0,
        "crafts",
        "00004",
        32,
        {-1: {"private": (18, 18), "socialisation": (6, 6)}, 0: {"private": (8, 8)}},
        (*UNDER_WAY, ("operate", 60, "")),
        (("Khai trương", 70, 60),),
        ends_in=-30,
    ),
    DemoProject(
        "Cải tạo Nhà hát Thăng Long (minh họa)",
        "so-vhtt",
        "performing_arts",
        "00008",
        64,
        {-1: {"city_budget": (20, 9), "central_budget": (10, 3)}, 0: {"city_budget": (20, 0)}},
        (*UNDER_WAY, ("stall", 150, "Điều chỉnh thiết kế phòng cháy chữa cháy (minh họa).")),
        (("Khởi công", 480, 480), ("Hoàn thành sân khấu", 120, None)),
    ),
    DemoProject(
        "Bảo tàng Lụa Vạn Phúc (minh họa)",
        6,
        "crafts",
        "00004",
        27,
        {0: {"private": (12, 0)}, 1: {"private": (15, 0)}},
        (("approve", 90, ""),),
    ),
    DemoProject(
        "Mở rộng studio trò chơi điện tử Rồng Vàng (minh họa)",
        4,
        "software_games",
        "00008",
        140,
        {-1: {"fdi": (60, 55)}, 0: {"fdi": (50, 30), "private": (10, 6)}},
        UNDER_WAY,
        (("Hoàn thành studio 1", 300, 310), ("Hoàn thành studio 2", -90, None)),
    ),
    DemoProject(
        "Phố sách và không gian đọc (minh họa)",
        "so-vhtt",
        "publishing",
        "00004",
        18,
        {0: {"socialisation": (10, 7), "city_budget": (8, 5)}},
        (("approve", 200, ""), ("start", 180, "")),
        (("Mở cửa giai đoạn 1", 30, 32),),
    ),
    DemoProject(
        "Trung tâm biểu diễn nghệ thuật ngoài trời (minh họa)",
        5,
        "performing_arts",
        "00025",
        210,
        {1: {"ppp": (80, 0)}},
        (),
    ),
    DemoProject(
        "Nhà trưng bày sơn mài Hạ Thái (minh họa)",
        1,
        "crafts",
        "00008",
        15,
        {-1: {"private": (9, 9)}, 0: {"city_budget": (4, 2)}},
        UNDER_WAY,
        (("Hoàn thành nhà trưng bày", 45, None),),
        ends_in=-20,
    ),
    DemoProject(
        "Trung tâm bảo tồn di sản số (minh họa)",
        "so-khcn",
        "tourism",
        "00004",
        46,
        {0: {"oda": (20, 0), "city_budget": (6, 0)}},
        (("approve", 40, ""),),
    ),
    DemoProject(
        "Chương trình quảng bá thiết kế Hà Nội (minh họa)",
        "so-vhtt",
        "design",
        "",
        9,
        {-1: {"city_budget": (3, 3)}, 0: {"city_budget": (3, 2)}, 1: {"city_budget": (3, 0)}},
        UNDER_WAY,
        (("Tuần lễ thiết kế", 50, 48),),
        kind="programme",
    ),
    DemoProject(
        "Khu phức hợp quảng cáo ngoài trời (minh họa)",
        7,
        "advertising",
        "00008",
        75,
        {},
        (("cancel", 300, "Không phù hợp quy hoạch không gian quảng cáo (minh họa)."),),
    ),
]


def load_demo_investment(today: date) -> int | None:
    """The number of projects made; None when they are there already, or the demo's
    people and firms are not (loading twice changes nothing)."""
    if InvestmentProject.objects.filter(name_vi=PROJECTS[0].name).exists():
        return None
    users = get_user_model().objects.in_bulk(["canbo", "lanhdao"], field_name="username")
    firms = [enterprise_by_tax_code(tax_code(n * 37 + 11)) for n in range(len(FIRMS))]
    if len(users) < 2 or None in firms:
        return None
    manager = Agency.objects.get(code="so-vhtt")
    for number, demo in enumerate(PROJECTS):
        _make(demo, number, today, manager, firms, users)
    return len(PROJECTS)


def _make(
    demo: DemoProject,
    number: int,
    today: date,
    manager: Agency,
    firms: list[Enterprise | None],
    users: dict[str, Any],
) -> None:
    officer, leader = users["canbo"], users["lanhdao"]
    investor = demo.investor
    project = InvestmentProject(
        name_vi=demo.name,
        kind=demo.kind,
        managing_agency=manager,
        investor_enterprise=firms[investor] if isinstance(investor, int) else None,
        investor_agency=None if isinstance(investor, int) else Agency.objects.get(code=investor),
        sector=demo.sector,
        ward_code=demo.ward,
        total_capital=demo.total * B,
        principle_decision_number=f"{40 + number}/QĐ-UBND",
        principle_decided_on=today - timedelta(days=650),
        starts_on=today - timedelta(days=500),
        ends_on=today + timedelta(days=demo.ends_in),
    )
    workflow.propose(project, today - timedelta(days=700), officer)
    for action, days, reason in demo.steps:
        who = leader if action in ("approve", "cancel") else officer
        workflow.move(
            project, action, today - timedelta(days=days), reason, who, f"{100 + number}/QĐ-UBND"
        )
    for offset, sources in demo.capital.items():
        for source, (planned, disbursed) in sources.items():
            workflow.record_capital(
                project, today.year + offset, source, planned * B, disbursed * B, officer
            )
    for title, due, done in demo.milestones:
        milestone = workflow.add_milestone(project, title, today - timedelta(days=due), officer)
        if done is not None:
            workflow.mark_done(milestone, today - timedelta(days=done), officer)
