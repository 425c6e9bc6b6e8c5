"""The engine's inputs as import kinds' columns: the engine's own roles and header
aliases (`cnvh.stats.columns`), with a type and a title for each column."""

from cnvh.stats.columns import ALIASES, ROLES

from ..kinds import Column, ColumnType

TYPES: dict[str, ColumnType] = {
    "year": "integer",
    "value_added": "decimal",
    "output": "decimal",
    "intermediate_consumption": "decimal",
    "revenue": "decimal",
    "employment": "decimal",
    "weight": "decimal",
    "establishments": "decimal",
    "grdp": "decimal",
    "share": "decimal",
    "unit_id": "code",
    "code": "code",
    "area": "code",
    "division": "code",
    "old_area": "code",
    "new_area": "code",
    "from_code": "code",
    "to_code": "code",
}

TITLES: dict[str, tuple[str, str]] = {
    "unit_id": ("Mã đơn vị", "Unit id"),
    "year": ("Năm", "Year"),
    "code": ("Mã ngành", "Industry code"),
    "area": ("Mã địa bàn", "Area code"),
    "value_added": ("Giá trị tăng thêm", "Value added"),
    "output": ("Giá trị sản xuất", "Output"),
    "intermediate_consumption": ("Chi phí trung gian", "Intermediate consumption"),
    "revenue": ("Doanh thu", "Revenue"),
    "employment": ("Số lao động", "Employment"),
    "weight": ("Quyền số", "Weight"),
    "stratum": ("Tầng mẫu", "Stratum"),
    "classification": ("Hệ thống ngành", "Classification"),
    "unit": ("Đơn vị tính", "Unit"),
    "establishments": ("Số cơ sở", "Establishments"),
    "grdp": ("Tổng sản phẩm trên địa bàn (GRDP)", "GRDP"),
    "sector": ("Lĩnh vực", "Sector"),
    "share": ("Tỷ lệ", "Share"),
    "basis": ("Căn cứ", "Basis"),
    "sector_title_vi": ("Tên lĩnh vực (tiếng Việt)", "Sector title (Vietnamese)"),
    "sector_title_en": ("Tên lĩnh vực (tiếng Anh)", "Sector title (English)"),
    "old_area": ("Mã địa bàn cũ", "Old area code"),
    "new_area": ("Mã địa bàn mới", "New area code"),
    "from_code": ("Mã nguồn", "From code"),
    "to_code": ("Mã đích", "To code"),
}


def role_columns(role: str) -> tuple[Column, ...]:
    """The columns of the engine's input `role`, required ones first."""
    spec = ROLES[role]
    return tuple(
        Column(
            name=name,
            type=TYPES.get(name, "text"),
            required=name in spec.required,
            aliases=ALIASES.get(name, (name,)),
            title_vi=TITLES[name][0],
            title_en=TITLES[name][1],
        )
        for name in spec.known
        if name in TITLES
    )
