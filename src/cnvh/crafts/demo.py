"""Synthetic demo records for the crafts registry, made through the workflow (every
rating proposed, scored by the coordinator, decided by a leader). Villages and crafts
are real places and crafts; their figures, decisions and tax codes are invented."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from cnvh.crafts import workflow
from cnvh.crafts.epcis import VIETNAM
from cnvh.crafts.models import Artisan, Craft, CraftVillage, Mark, Product, TraceEvent
from cnvh.plan.models import Agency

CRAFTS = [
    # code, vi, en, years present
    ("gom-su", "Gốm sứ", "Ceramics", 500),
    ("det-lua", "Dệt lụa", "Silk weaving", 1000),
    ("kham-trai", "Khảm trai", "Mother-of-pearl inlay", 300),
]
VILLAGES = [
    # name, ward code, craft, households, in the trade, workers, years stable, env., revenue
    ("Làng gốm Bát Tràng", "00577", "gom-su", 2100, 1260, 5200, 12, True, "1200000000000"),
    ("Làng lụa Vạn Phúc", "09556", "det-lua", 1350, 410, 1400, 9, True, "210000000000"),
    ("Làng khảm trai Chuyên Mỹ", "10330", "kham-trai", 1800, 300, 900, 1, False, "95000000000"),
]
# code, vi, en, group, producer, kind, tax code, village index, (A, B, C), proposed, decided
PRODUCTS = [
    (
        "binh-gom-men-ran",
        "Bình gốm men rạn",
        "Crackle-glaze vase",
        "handicrafts",
        "Công ty TNHH Gốm Minh Hải (dữ liệu giả lập)",
        "enterprise",
        "0102345677",
        0,
        ("37", "22", "33"),
        "2024-02-01",
        "2024-03-15",
    ),
    (
        "khan-lua-van-phuc",
        "Khăn lụa Vạn Phúc",
        "Van Phuc silk scarf",
        "textiles",
        "Hợp tác xã Lụa Vạn Phúc (dữ liệu giả lập)",
        "cooperative",
        "0103456789",
        1,
        ("30", "18", "27.5"),
        "2023-12-01",
        "2024-01-31",
    ),
    (
        "hop-kham-trai",
        "Hộp khảm trai",
        "Inlaid box",
        "handicrafts",
        "Hộ kinh doanh Nguyễn Văn Khảm (dữ liệu giả lập)",
        "household",
        "0104567890",
        2,
        ("26", "15", "21"),
        "2025-05-01",
        "2025-06-30",
    ),
]


@dataclass
class Loaded:
    villages: int
    products: int
    ratings: int
    events: int


def _day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _rate(
    product: Product, points: tuple[str, ...], proposed: str, decided: str, people: Any
) -> None:
    coordinator, leader = people
    rating = workflow.propose(product, coordinator, _day(proposed))
    workflow.score(rating, coordinator, *(Decimal(part) for part in points))
    workflow.decide(rating, leader, f"{100 + product.pk}/QĐ-UBND", _day(decided))


def _chain(product: Product, recorder: Any, place: str, geo: str) -> int:
    steps = [
        ("commissioning", "active", "ADD", "Xưởng sản xuất", "Kiểm tra men và nhiệt độ lò"),
        (
            "inspecting",
            "conformant",
            "OBSERVE",
            "Kiểm tra chất lượng",
            "Đối chiếu tiêu chuẩn cơ sở",
        ),
        ("packing", "in_progress", "OBSERVE", "Đóng gói", ""),
        ("shipping", "in_transit", "OBSERVE", "Xuất kho", ""),
    ]
    start = datetime.datetime(2026, 10, 1, 8, 0, tzinfo=VIETNAM)
    for number, (step, disposition, action, where, how) in enumerate(steps):
        TraceEvent.objects.create(
            product=product,
            lot="L2026-10",
            quantity=Decimal(120),
            event_time=start + datetime.timedelta(days=number * 3, hours=number),
            action=action,
            biz_step=step,
            disposition=disposition,
            read_point=geo,
            biz_location=geo,
            place_name=f"{where}, {place}",
            how=how,
            recorded_by=recorder,
        )
    return len(steps)


@transaction.atomic
def load_demo_crafts() -> Loaded | None:
    """None if products are already recorded, or the demo's people are missing."""
    users = get_user_model().objects
    coordinator = users.filter(username="dieuphoi").first()
    leader = users.filter(username="lanhdao").first()
    if Product.objects.exists() or coordinator is None or leader is None:
        return None
    crafts = {
        code: Craft.objects.create(
            code=code, name_vi=vi, name_en=en, traditional=True, years_present=years
        )
        for code, vi, en, years in CRAFTS
    }
    villages: list[CraftVillage] = []
    for name, ward, craft, total, trade, workers, stable, env, revenue in VILLAGES:
        villages.append(
            CraftVillage.objects.create(
                name=name,
                ward=Agency.objects.get(code=ward),
                craft=crafts[craft],
                households_total=total,
                households_in_trade=trade,
                workers=workers,
                years_stable=stable,
                environment_compliant=env,
                revenue=Decimal(revenue),
                recognition_number="" if not env else f"{len(villages) + 7}/QĐ-UBND",
                recognition_date=None if not env else datetime.date(2019, 5, 20),
            )
        )
    Artisan.objects.create(
        name="Nghệ nhân A (dữ liệu giả lập)",
        craft=crafts["gom-su"],
        village=villages[0],
        title=Artisan.Title.PEOPLES,
        recognised_year=2019,
    )
    Artisan.objects.create(
        name="Nghệ nhân B (dữ liệu giả lập)",
        craft=crafts["det-lua"],
        village=villages[1],
        title=Artisan.Title.MERITORIOUS,
        recognised_year=2022,
    )
    mark = Mark.objects.create(
        kind=Mark.Kind.COLLECTIVE,
        name="Gốm sứ Bát Tràng",
        registration_number="4-0000000-demo",
        holder="Hiệp hội Gốm sứ Bát Tràng",
    )
    ratings = events = 0
    for code, vi, en, group, producer, kind, tax, village, points, proposed, decided in PRODUCTS:
        home = villages[village]
        product = Product.objects.create(
            code=code,
            name_vi=vi,
            name_en=en,
            group=group,
            producer_name=producer,
            producer_kind=kind,
            producer_tax_code=tax,
            ward=home.ward,
            village=home,
            craft=home.craft,
        )
        if village == 0:
            product.marks.add(mark)
        _rate(product, points, proposed, decided, (coordinator, leader))
        ratings += 1
        if village < 2:
            events += _chain(
                product,
                coordinator,
                home.name,
                ["geo:20.9767,105.9128", "geo:20.9811,105.7787"][village],
            )
    return Loaded(len(villages), len(PRODUCTS), ratings, events)
