"""The procedures and day swaps cnvh ships with, as data (loaded by a migration; a
coordinator edits them afterwards, with history). Facts that could not be checked
against the legal text are flagged unconfirmed, with what is uncertain."""

from typing import Any

DOCUMENTS: list[dict[str, Any]] = [
    {
        "number": "144/2020/NĐ-CP",
        "kind": "decree",
        "title_vi": "Nghị định quy định về hoạt động nghệ thuật biểu diễn",
        "title_en": "Decree on performing-arts activities",
        "issuer_name": "Chính phủ",
        "issued_on": "2020-12-14",
    },
    {
        "number": "110/2018/NĐ-CP",
        "kind": "decree",
        "title_vi": "Nghị định quy định về quản lý và tổ chức lễ hội",
        "title_en": "Decree on the management and organisation of festivals",
        "issuer_name": "Chính phủ",
        "issued_on": "2018-08-29",
    },
    {
        "number": "16/2012/QH13",
        "kind": "other",
        "title_vi": "Luật Quảng cáo",
        "title_en": "Advertising Law",
        "issuer_name": "Quốc hội",
        "issued_on": "2012-06-21",
    },
    {
        "number": "137/2025/NĐ-CP",
        "kind": "decree",
        "title_vi": (
            "Nghị định quy định về phân định thẩm quyền của chính quyền địa phương hai cấp"
            " trong lĩnh vực văn hóa, thể thao và du lịch"
        ),
        "title_en": (
            "Decree on the division of powers between the two levels of local government"
            " in culture, sports and tourism"
        ),
        "issuer_name": "Chính phủ",
        "issued_on": "2025-06-12",
    },
]

PERFORMANCE_KINDS = ["performance", "fashion_show"]
FESTIVAL_KINDS = ["festival", "light_festival", "book_fair", "fair"]

PROCEDURES: list[dict[str, Any]] = [
    {
        "code": "nd144-art9-notification",
        "name_vi": "Thông báo tổ chức biểu diễn nghệ thuật",
        "name_en": "Notification of a performing-arts show",
        "document": "144/2020/NĐ-CP",
        "article": "Điều 9",
        "applies_to": PERFORMANCE_KINDS,
        "lead_time": 5,
        "lead_time_unit": "working",
        "answer_time": 0,
        "answer_time_unit": "working",
        "silence_is_consent": True,
        "deciding_level": "district",
        "valid_from": "2021-02-01",
        "valid_to": "2025-06-30",
        "unconfirmed": True,
        "unconfirmed_note": (
            "Ngày có hiệu lực của Nghị định và cấp tiếp nhận thông báo trước cải cách 2025"
            " chưa đối chiếu văn bản. / The decree's date of effect and the level that received"
            " notices before the 2025 reform are not checked against the text."
        ),
    },
    {
        "code": "nd144-art9-notification",
        "name_vi": "Thông báo tổ chức biểu diễn nghệ thuật",
        "name_en": "Notification of a performing-arts show",
        "document": "144/2020/NĐ-CP",
        "article": "Điều 9",
        "applies_to": PERFORMANCE_KINDS,
        "lead_time": 5,
        "lead_time_unit": "working",
        "answer_time": 0,
        "answer_time_unit": "working",
        "silence_is_consent": True,
        "deciding_level": "commune",
        "valid_from": "2025-07-01",
        "valid_to": None,
        "unconfirmed": False,
        "unconfirmed_note": "",
    },
    {
        "code": "nd144-art10-approval",
        "name_vi": "Chấp thuận tổ chức biểu diễn nghệ thuật",
        "name_en": "Approval of a performing-arts show",
        "document": "144/2020/NĐ-CP",
        "article": "Điều 10",
        "applies_to": PERFORMANCE_KINDS,
        "lead_time": 7,
        "lead_time_unit": "working",
        "answer_time": 5,
        "answer_time_unit": "working",
        "silence_is_consent": False,
        "deciding_level": "city",
        "valid_from": "2021-02-01",
        "valid_to": None,
        "unconfirmed": False,
        "unconfirmed_note": "",
    },
    {
        "code": "nd144-art13-contest",
        "name_vi": "Tổ chức cuộc thi, liên hoan các loại hình nghệ thuật biểu diễn",
        "name_en": "Contest or festival of the performing arts",
        "document": "144/2020/NĐ-CP",
        "article": "Điều 13",
        "applies_to": ["arts_contest"],
        "lead_time": 30,
        "lead_time_unit": "working",
        "answer_time": 15,
        "answer_time_unit": "working",
        "silence_is_consent": False,
        "deciding_level": "city",
        "valid_from": "2021-02-01",
        "valid_to": None,
        "unconfirmed": False,
        "unconfirmed_note": "",
    },
    {
        "code": "nd110-registration",
        "name_vi": "Đăng ký tổ chức lễ hội",
        "name_en": "Registration of a festival",
        "document": "110/2018/NĐ-CP",
        "article": "Điều 9",
        "applies_to": FESTIVAL_KINDS,
        "lead_time": 20,
        "lead_time_unit": "working",
        "answer_time": 20,
        "answer_time_unit": "working",
        "silence_is_consent": False,
        "deciding_level": "city",
        "valid_from": "2018-10-15",
        "valid_to": None,
        "unconfirmed": True,
        "unconfirmed_note": (
            "Thời hạn nộp và giải quyết (16–20 ngày theo thủ tục của địa phương) và điều"
            " khoản chưa đối chiếu văn bản. / The filing and answer windows (16–20 days in"
            " local procedures) and the article are not checked against the text."
        ),
    },
    {
        "code": "nd110-notification",
        "name_vi": "Thông báo tổ chức lễ hội hằng năm",
        "name_en": "Notification of an annual festival",
        "document": "110/2018/NĐ-CP",
        "article": "Điều 10",
        "applies_to": FESTIVAL_KINDS,
        "lead_time": 20,
        "lead_time_unit": "calendar",
        "answer_time": 15,
        "answer_time_unit": "calendar",
        "silence_is_consent": True,
        "deciding_level": "commune",
        "valid_from": "2018-10-15",
        "valid_to": None,
        "unconfirmed": True,
        "unconfirmed_note": (
            "Điều khoản và cấp tiếp nhận trước ngày 01/7/2025 (cấp huyện) chưa đối chiếu văn"
            " bản. / The article and the receiving level before 1 July 2025 (the district)"
            " are not checked against the text."
        ),
    },
    {
        "code": "ads-banner-notification",
        "name_vi": "Thông báo sản phẩm quảng cáo trên băng-rôn",
        "name_en": "Notification of an outdoor advertising banner",
        "document": "16/2012/QH13",
        "article": "Điều 29",
        "applies_to": ["banner"],
        "lead_time": 15,
        "lead_time_unit": "calendar",
        "answer_time": 5,
        "answer_time_unit": "working",
        "silence_is_consent": True,
        "deciding_level": "city",
        "valid_from": "2013-01-01",
        "valid_to": None,
        "unconfirmed": True,
        "unconfirmed_note": (
            "Các sửa đổi năm 2025 của Luật Quảng cáo chưa đối chiếu; băng-rôn treo tối đa"
            " 15 ngày. / The 2025 amendments to the Advertising Law are not checked; a banner"
            " hangs at most 15 days."
        ),
    },
]

_TET_2024 = "Phương án nghỉ Tết Giáp Thìn 2024 được Thủ tướng Chính phủ đồng ý (11/2023)"
_MAY_2024 = "Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2024"
_TET_2025 = "Phương án nghỉ Tết Ất Tỵ 2025 được Thủ tướng Chính phủ đồng ý (26/11/2024)"
_MAY_2025 = "Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4–1/5/2025"
_NEW_YEAR_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"
_SEPT_2026 = "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ"

# (date, kind, reason vi, reason en, legal basis, unconfirmed)
ADJUSTMENTS: list[tuple[str, str, str, str, str, bool]] = [
    (
        "2024-02-08",
        "day_off",
        "Nghỉ Tết: 29 tháng Chạp",
        "Tết: the 29th of the 12th month",
        _TET_2024,
        False,
    ),
    (
        "2024-02-15",
        "working_day",
        "Đi làm lại sau Tết (nghỉ bù đã tính đến 14/2)",
        "Back to work after Tết (rest days in lieu end on 14 Feb)",
        _TET_2024,
        False,
    ),
    (
        "2024-04-29",
        "day_off",
        "Nghỉ hoán đổi dịp 30/4–1/5",
        "Swapped day off around 30 April – 1 May",
        _MAY_2024,
        False,
    ),
    (
        "2024-05-04",
        "working_day",
        "Làm bù cho thứ Hai 29/4",
        "Worked in exchange for Monday 29 April",
        _MAY_2024,
        False,
    ),
    (
        "2025-01-27",
        "day_off",
        "Nghỉ Tết: 28 tháng Chạp",
        "Tết: the 28th of the 12th month",
        _TET_2025,
        False,
    ),
    (
        "2025-02-03",
        "working_day",
        "Đi làm lại sau Tết (năm ngày Tết từ 27/1 đến 31/1)",
        "Back to work after Tết (the five Tết days were 27–31 Jan)",
        _TET_2025,
        False,
    ),
    (
        "2025-04-26",
        "working_day",
        "Làm bù cho thứ Sáu 2/5",
        "Worked in exchange for Friday 2 May",
        _MAY_2025,
        False,
    ),
    (
        "2025-05-02",
        "day_off",
        "Nghỉ hoán đổi dịp 30/4–1/5",
        "Swapped day off around 30 April – 1 May",
        _MAY_2025,
        False,
    ),
    (
        "2026-01-02",
        "day_off",
        "Nghỉ hoán đổi dịp Tết Dương lịch",
        "Swapped day off after New Year's Day",
        _NEW_YEAR_2026,
        False,
    ),
    (
        "2026-01-10",
        "working_day",
        "Làm bù cho thứ Sáu 2/1",
        "Worked in exchange for Friday 2 January",
        _NEW_YEAR_2026,
        False,
    ),
    (
        "2026-08-22",
        "working_day",
        "Làm bù cho thứ Hai 31/8",
        "Worked in exchange for Monday 31 August",
        _SEPT_2026,
        False,
    ),
    (
        "2026-08-31",
        "day_off",
        "Nghỉ hoán đổi dịp Quốc khánh",
        "Swapped day off before National Day",
        _SEPT_2026,
        False,
    ),
    (
        "2026-11-24",
        "day_off",
        "Ngày Văn hóa Việt Nam",
        "Vietnam Culture Day",
        (
            "Nghị quyết 80-NQ/TW của Bộ Chính trị (chủ trương); văn bản pháp luật quy định"
            " ngày nghỉ chưa đối chiếu"
        ),
        True,
    ),
]
