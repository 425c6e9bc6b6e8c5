"""The columns each kind of input has, and the headers people write for them."""

import re
from dataclasses import dataclass

from .text import strip_accents

# Canonical column -> headers accepted, written plain (no diacritics, lower case,
# words joined by "_"). English names first, then the usual Vietnamese ones.
ALIASES: dict[str, tuple[str, ...]] = {
    "unit_id": (
        "unit_id",
        "id",
        "business_id",
        "enterprise_id",
        "tax_code",
        "ma_don_vi",
        "ma_so_thue",
        "mst",
        "ma_doanh_nghiep",
        "ma_co_so",
    ),
    "year": ("year", "nam", "nam_bao_cao"),
    "code": (
        "code",
        "industry_code",
        "vsic",
        "vsic_code",
        "isic",
        "sic",
        "ma_nganh",
        "ma_nganh_vsic",
        "ma_nganh_kinh_te",
        "nganh_kinh_te",
        "ma_vsic",
    ),
    "area": (
        "area",
        "area_code",
        "ward",
        "ward_code",
        "district",
        "district_code",
        "ma_xa",
        "ma_phuong_xa",
        "ma_dia_ban",
        "dia_ban",
        "ma_don_vi_hanh_chinh",
        "ma_huyen",
    ),
    "value_added": ("value_added", "va", "gva", "gia_tri_tang_them", "gttt"),
    "output": ("output", "gross_output", "gia_tri_san_xuat", "gtsx"),
    "intermediate_consumption": ("intermediate_consumption", "ic", "chi_phi_trung_gian", "cptg"),
    "revenue": ("revenue", "turnover", "doanh_thu", "doanh_thu_thuan"),
    "employment": (
        "employment",
        "employees",
        "workers",
        "jobs",
        "lao_dong",
        "so_lao_dong",
        "tong_so_lao_dong",
    ),
    "weight": ("weight", "sampling_weight", "quyen_so", "trong_so"),
    "stratum": ("stratum", "strata", "tang", "lop", "tang_mau"),
    "establishments": ("establishments", "businesses", "so_co_so", "so_doanh_nghiep", "so_don_vi"),
    "grdp": ("grdp", "gdp", "tong_san_pham", "tong_san_pham_tren_dia_ban"),
    "sector": ("sector", "linh_vuc", "nganh_cnvh"),
    "share": ("share", "ty_le", "he_so", "ty_trong"),
    "growth": ("growth", "growth_rate", "tang_truong", "toc_do_tang", "toc_do_tang_truong"),
    "basis": ("basis", "source", "note", "can_cu", "nguon", "ghi_chu"),
    "division": ("division", "ma_nganh_cap_2", "nganh_cap_2"),
    "classification": ("classification", "he_thong_nganh", "phien_ban_vsic"),
    "unit": ("unit", "currency_unit", "don_vi_tinh", "dvt"),
    "old_area": ("old_area", "old_code", "ma_cu", "dia_ban_cu"),
    "new_area": ("new_area", "new_code", "ma_moi", "dia_ban_moi"),
    "from_code": ("from_code", "ma_nguon", "tu_ma"),
    "to_code": ("to_code", "ma_dich", "sang_ma"),
    "title_vi": ("title_vi", "ten_nganh", "ten_nganh_kinh_te"),
    "title_en": ("title_en", "title", "name", "industry_name"),
    "sector_title_vi": ("sector_title_vi", "ten_linh_vuc"),
    "sector_title_en": ("sector_title_en", "sector_name", "sector_title"),
}

_LOOKUP = {alias: name for name, aliases in ALIASES.items() for alias in aliases}

MONEY = {"value_added", "output", "intermediate_consumption", "revenue", "grdp"}
NUMBERS = MONEY | {"employment", "weight", "establishments", "share", "growth"}


@dataclass(frozen=True)
class Role:
    """One kind of input: its name in messages and its columns."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...]

    @property
    def known(self) -> tuple[str, ...]:
        return self.required + self.optional


ROLES = {
    "units": Role(
        "units",
        ("unit_id", "year", "code"),
        (
            "area",
            "value_added",
            "output",
            "intermediate_consumption",
            "revenue",
            "employment",
            "weight",
            "stratum",
            "classification",
            "unit",
        ),
    ),
    "aggregates": Role(
        "aggregates",
        ("year", "code", "value_added"),
        ("area", "employment", "establishments", "classification", "unit"),
    ),
    "totals": Role("totals", ("year", "grdp"), ("area", "employment", "unit")),
    "benchmark": Role("benchmark", ("year", "division", "value_added"), ("unit",)),
    "area_crosswalk": Role("area_crosswalk", ("old_area", "new_area"), ("weight",)),
    "code_crosswalk": Role(
        "code_crosswalk", ("from_code", "to_code"), ("weight", "status", "note")
    ),
    "code_list": Role("code_list", ("code",), ("title_vi", "title_en")),
    "sector_growth": Role("sector_growth", ("sector", "growth"), ()),
    "grdp_path": Role("grdp_path", ("year", "grdp"), ("unit",)),
    "scope": Role(
        "scope", ("code", "sector", "share"), ("basis", "sector_title_vi", "sector_title_en")
    ),
}


def plain(header: str) -> str:
    """A header as compared: "Mã ngành (VSIC)" -> "ma_nganh_vsic"."""
    return re.sub(r"[^a-z0-9]+", "_", strip_accents(header).casefold()).strip("_")


def canonical_column(header: str) -> str | None:
    return _LOOKUP.get(plain(header))
