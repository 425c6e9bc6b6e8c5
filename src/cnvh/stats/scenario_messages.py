"""The problems of a scenario's inputs, in Vietnamese and English (cnvh.stats.problems
adds them to its one catalogue)."""

# code -> (what, in Vietnamese), (what, in English), (fix, vi), (fix, en)
SCENARIO_CATALOGUE: dict[str, tuple[str, str, str, str]] = {
    "target_year_not_after_base": (
        "Năm mục tiêu {target} không sau năm gốc {base}",
        "The target year {target} is not after the base year {base}",
        "Chọn năm mục tiêu lớn hơn năm gốc, ví dụ --base-year 2025 --target-year 2030.",
        "Choose a target year after the base year, e.g. --base-year 2025 --target-year 2030.",
    ),
    "target_share_out_of_range": (
        "Tỷ trọng mục tiêu {value} không nằm trong khoảng (0, 1)",
        "The target share {value} is not within (0, 1)",
        "Ghi tỷ trọng dạng phân số: 8% là 0.08.",
        "Write the share as a fraction: 8% is 0.08.",
    ),
    "growth_too_low": (
        "Tốc độ tăng {value} không lớn hơn −1 (−100%)",
        "Growth {value} is not above −1 (−100%)",
        "Ghi tốc độ tăng dạng phân số lớn hơn −1: 7% là 0.07, giảm 5% là −0.05.",
        "Write growth as a fraction above −1: 7% is 0.07, a 5% fall is −0.05.",
    ),
    "growth_too_high": (
        "Tốc độ tăng {value} vượt quá {limit} ({percent} mỗi năm)",
        "Growth {value} is above {limit} ({percent} a year)",
        "Ghi tốc độ tăng dạng phân số: 7% là 0.07 (không phải 7).",
        "Write growth as a fraction: 7% is 0.07 (not 7).",
    ),
    "horizon_too_long": (
        "Từ năm gốc {base} đến năm mục tiêu {target} là hơn {limit} năm",
        "From the base year {base} to the target year {target} is more than {limit} years",
        "Chọn năm mục tiêu gần hơn.",
        "Choose a nearer target year.",
    ),
    "no_base_year_data": (
        "Dữ liệu không có năm gốc {year} (có các năm {years})",
        "The data has no figures for the base year {year} (it has {years})",
        "Chọn một năm gốc có trong dữ liệu (--base-year), hoặc bổ sung dữ liệu năm {year}.",
        "Choose a base year the data has (--base-year), or add the data for {year}.",
    ),
    "base_share_zero": (
        "Tỷ trọng năm gốc {year} bằng 0: không tính được tốc độ cần thiết",
        "The share in the base year {year} is 0: no growth rate can reach the target from it",
        "Kiểm tra dữ liệu và phạm vi của năm gốc, hoặc chọn năm gốc khác.",
        "Check the base year's data and scope, or choose another base year.",
    ),
    "unknown_sector": (
        "Lĩnh vực '{value}' không có trong phạm vi {scope}",
        "Sector '{value}' is not in the scope {scope}",
        "Dùng mã lĩnh vực của phạm vi: {known}.",
        "Use the scope's sector keys: {known}.",
    ),
    "duplicate_sector": (
        "Lĩnh vực '{value}' được ghi nhiều lần",
        "Sector '{value}' is given more than once",
        "Giữ một dòng cho mỗi lĩnh vực.",
        "Keep one row per sector.",
    ),
    "bad_trend_from": (
        "Không tính được xu hướng từ năm {year}: {reason}",
        "Cannot take the trend from {year}: {reason}",
        "Chọn một năm trước năm gốc có trong dữ liệu (--trend-from), ví dụ {first}.",
        "Choose a year before the base year that the data has (--trend-from), e.g. {first}.",
    ),
    "grdp_year_missing": (
        "Tệp GRDP không có năm {year}",
        "The GRDP file has no row for {year}",
        "Ghi GRDP cho mọi năm từ năm gốc đến năm mục tiêu.",
        "Give the GRDP of every year from the base year to the target year.",
    ),
    "no_grdp_growth": (
        "Cần đúng một giả định tăng trưởng GRDP",
        "Give exactly one GRDP assumption",
        "Dùng --grdp-growth (ví dụ 0.07) hoặc --grdp TỆP (năm, GRDP), không dùng cả hai.",
        "Use --grdp-growth (e.g. 0.07) or --grdp FILE (year, grdp), not both.",
    ),
}
