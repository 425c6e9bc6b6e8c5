"""The demo's city for the events register: the agencies whose views the clearance
rules ask, those rules, and the venues of the old quarter with their coordinates (read
from a map: the walking street is about 240 m from Ngọc Sơn temple)."""

from datetime import date
from decimal import Decimal

from cnvh.events.models import ClearanceRule, Venue
from cnvh.plan.models import Agency

# Agencies the rules name, added when the demo's catalogue lacks them.
REVIEWERS = {
    "cong-an-tp": ("Công an thành phố Hà Nội", "Hanoi City Police"),
    "pccc-tp": (
        "Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        "Fire Prevention and Rescue Police",
    ),
    "so-xay-dung": ("Sở Xây dựng", "Department of Construction (transport)"),
    "ttbt-thang-long": (
        "Trung tâm Bảo tồn Di sản Thăng Long - Hà Nội",
        "Thang Long - Hanoi Heritage Conservation Centre",
    ),
    "bql-di-tich": ("Ban Quản lý Di tích và Danh thắng Hà Nội", "Hanoi Monuments Board"),
}


def agencies_asked() -> dict[str, Agency]:
    made = {}
    for code, (name_vi, name_en) in REVIEWERS.items():
        made[code], _ = Agency.objects.get_or_create(
            code=code,
            defaults={"kind": Agency.Kind.OTHER, "name_vi": name_vi, "name_en": name_en},
        )
    for name in ("Hoàn Kiếm", "Cửa Nam", "Ba Đình", "Văn Miếu - Quốc Tử Giám", "Tây Hồ"):
        made[name] = Agency.objects.get(short_name=f"Phường {name}")
    return made


def clearance_rules(agencies: dict[str, Agency]) -> None:
    since = date(2018, 10, 15)
    ClearanceRule.objects.create(
        name_vi="Công an: sự kiện từ 1.000 người",
        name_en="Police: events of 1,000 people or more",
        reviewer=ClearanceRule.Reviewer.AGENCY,
        agency=agencies["cong-an-tp"],
        min_attendance=1000,
        valid_from=since,
    )
    ClearanceRule.objects.create(
        name_vi="Phòng cháy chữa cháy: sự kiện từ 500 người",
        name_en="Fire safety: events of 500 people or more",
        reviewer=ClearanceRule.Reviewer.AGENCY,
        agency=agencies["pccc-tp"],
        min_attendance=500,
        valid_from=since,
    )
    ClearanceRule.objects.create(
        name_vi="Giao thông: lễ hội, hội chợ ngoài trời từ 5.000 người",
        name_en="Transport: festivals and fairs of 5,000 people or more",
        reviewer=ClearanceRule.Reviewer.AGENCY,
        agency=agencies["so-xay-dung"],
        kinds=["festival", "light_festival", "fair", "book_fair"],
        min_attendance=5000,
        valid_from=since,
    )


# key, name, ward, address, capacity, heritage site's manager, latitude, longitude
VENUES = [
    (
        "opera",
        "Nhà hát Lớn Hà Nội",
        "Cửa Nam",
        "1 Tràng Tiền",
        598,
        None,
        "21.024237",
        "105.857614",
    ),
    (
        "ngoc-son",
        "Đền Ngọc Sơn",
        "Hoàn Kiếm",
        "Đinh Tiên Hoàng",
        300,
        "bql-di-tich",
        "21.030729",
        "105.852403",
    ),
    (
        "walking",
        "Phố đi bộ hồ Hoàn Kiếm",
        "Hoàn Kiếm",
        "Đinh Tiên Hoàng",
        20000,
        None,
        "21.028794",
        "105.853550",
    ),
    (
        "citadel",
        "Hoàng thành Thăng Long",
        "Ba Đình",
        "19C Hoàng Diệu",
        30000,
        "ttbt-thang-long",
        "21.035290",
        "105.840214",
    ),
    (
        "temple",
        "Văn Miếu - Quốc Tử Giám",
        "Văn Miếu - Quốc Tử Giám",
        "58 Quốc Tử Giám",
        2000,
        "bql-di-tich",
        "21.028311",
        "105.835891",
    ),
    (
        "west-lake",
        "Công viên hồ Tây",
        "Tây Hồ",
        "Đường Thanh Niên",
        15000,
        None,
        "21.047000",
        "105.839000",
    ),
]


def venues_of(agencies: dict[str, Agency]) -> dict[str, Venue]:
    return {
        key: Venue.objects.create(
            name=name,
            ward=agencies[ward],
            address=address,
            capacity=capacity,
            heritage_site=manager is not None,
            heritage_manager=agencies[manager] if manager else None,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
        )
        for key, name, ward, address, capacity, manager, latitude, longitude in VENUES
    }
