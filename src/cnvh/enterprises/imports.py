"""The enterprise register from a business-registration workbook (XLSX or CSV), read by
`cnvh.exchange`: all or nothing, each bad cell named by row and column. Rows are merged
by tax code, with the file's other rows and with the register, never by name: two
enterprises may share a name, one tax code is one enterprise."""

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cnvh.enterprises import identity
from cnvh.enterprises import import_checks as checks
from cnvh.enterprises.entries import BATCH, save_register
from cnvh.enterprises.models import Enterprise, LegalForm, Size
from cnvh.enterprises.models.register import Status
from cnvh.enterprises.sectors import vsic
from cnvh.enterprises.wards import find_ward
from cnvh.exchange.config import limits
from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.exchange.reading import ProblemLog, read_file
from cnvh.exchange.reading.table import collector_paused
from cnvh.plan.imports.common import change_reason, check_length, choice_lookup, column, text
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

FORM_SYNONYMS: dict[str, tuple[str, ...]] = {
    LegalForm.ENTERPRISE: (
        "Doanh nghiệp",
        "Công ty",
        "Công ty TNHH",
        "Công ty cổ phần",
        "Doanh nghiệp tư nhân",
        "DN",
    ),
    LegalForm.COOPERATIVE: ("Hợp tác xã", "HTX"),
    LegalForm.HOUSEHOLD: ("Hộ kinh doanh", "HKD", "Hộ"),
    LegalForm.CRAFT_GROUP: ("Tổ hợp tác", "THT", "Tổ hợp tác làng nghề"),
    LegalForm.ARTISAN: ("Nghệ nhân", "Cá nhân", "Individual"),
}
SIZE_SYNONYMS: dict[str, tuple[str, ...]] = {
    Size.MICRO: ("Siêu nhỏ",),
    Size.SMALL: ("Nhỏ",),
    Size.MEDIUM: ("Vừa",),
    Size.LARGE: ("Lớn",),
}
STATUS_SYNONYMS: dict[str, tuple[str, ...]] = {
    Status.ACTIVE: ("Đang hoạt động", "Hoạt động"),
    Status.SUSPENDED: ("Tạm ngừng kinh doanh", "Tạm ngừng"),
    Status.DISSOLVED: ("Giải thể", "Đã giải thể", "Ngừng hoạt động"),
}
CHOICES: dict[str, tuple[Any, dict[str, tuple[str, ...]]]] = {
    "legal_form": (LegalForm, FORM_SYNONYMS),
    "size": (Size, SIZE_SYNONYMS),
    "status": (Status, STATUS_SYNONYMS),
}


class EnterpriseKind:
    key: str = "enterprises"
    title_vi: str = "Doanh nghiệp, hộ kinh doanh"
    title_en: str = "Enterprises"
    permission: str = "enterprises.import_enterprises"
    columns: tuple[Column, ...] = (
        column(
            "tax_code",
            "code",
            "Mã số thuế",
            "Tax code",
            "Mã số doanh nghiệp",
            "MST",
            "Mã số",
            "Số định danh cá nhân",
            required=True,
        ),
        column("name_vi", "text", "Tên doanh nghiệp", "Name (Vietnamese)", "Tên", "Name"),
        column("name_en", "text", "Tên tiếng Anh", "Name (English)", "Tên nước ngoài"),
        column("legal_form", "text", "Loại hình", "Legal form", "Loại hình doanh nghiệp"),
        column(
            "main_vsic",
            "code",
            "Ngành chính",
            "Main VSIC code",
            "Mã ngành chính",
            "VSIC code",
            "Mã VSIC",
            "Mã ngành",
        ),
        column("other_vsic", "text", "Ngành khác", "Other VSIC codes", "Mã ngành khác"),
        column("address", "text", "Địa chỉ", "Address", "Địa chỉ trụ sở"),
        column(
            "ward",
            "code",
            "Mã phường xã",
            "Ward code",
            "Mã xã phường",
            "Mã ĐVHC",
            "Area",
            "Mã địa bàn",
            "Địa bàn",
        ),
        column("size", "text", "Quy mô", "Size"),
        column("founded_on", "date", "Ngày thành lập", "Founding date", "Ngày cấp"),
        column("status", "text", "Tình trạng", "Status", "Trạng thái"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        codes = {identity.compact(text(row, "tax_code")) for row in rows}
        for row in rows:
            checks.check_code(problems, row)
            checks.check_form(problems, row, CHOICES)  # type: ignore[arg-type]
            for name in ("size", "status"):
                checks.check_choice(problems, row, name, CHOICES)  # type: ignore[arg-type]
            for name, limit in (("name_vi", 255), ("name_en", 255), ("address", 255)):
                check_length(problems, row, name, limit)
            checks.check_vsic(problems, row)
            checks.check_ward(problems, row)
            checks.check_parent(problems, row, codes)
        checks.check_named(problems, rows)

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        merged = merge_by_tax_code(rows)
        saved: dict[str, Enterprise] = {}
        codes = list(merged)
        for start in range(0, len(codes), BATCH):
            found = Enterprise.objects.in_bulk(codes[start : start + BATCH], field_name="tax_code")
            saved.update(found)
        enterprises = []
        for code, values in merged.items():
            enterprise = saved.get(code) or Enterprise(tax_code=code)
            _apply(enterprise, values)
            enterprises.append(enterprise)
        # A whole register in one go: batched writes, each row's history kept.
        save_register(enterprises, record.created_by, change_reason(record))
        return len(merged)


def merge_by_tax_code(rows: Sequence[Row]) -> dict[str, dict[str, object]]:
    """Tax code -> the values of its rows, in file order: a later cell that says
    something wins, other VSIC codes are added together."""
    merged: dict[str, dict[str, object]] = {}
    for row in rows:
        code = identity.compact(text(row, "tax_code"))
        values = merged.setdefault(code, {"other_vsic": []})
        for name, value in row.values.items():
            if name == "other_vsic":
                for found in _other_codes(row):
                    if found not in values["other_vsic"]:  # type: ignore[operator]
                        values["other_vsic"].append(found)  # type: ignore[attr-defined]
            elif value not in (None, "") and name != "tax_code":
                values[name] = value
    return merged


def _apply(enterprise: Enterprise, values: dict[str, object]) -> None:
    for name, (choices, synonyms) in CHOICES.items():
        if values.get(name):
            lookup = choice_lookup(choices, synonyms)
            setattr(enterprise, name, lookup[plain(str(values[name]))])
    for name in ("name_vi", "name_en", "address"):
        if values.get(name):
            setattr(enterprise, name, str(values[name]).strip())
    if values.get("main_vsic"):
        enterprise.main_vsic = vsic(values["main_vsic"])
    others = [code for code in values["other_vsic"] if code != enterprise.main_vsic]  # type: ignore[attr-defined]
    enterprise.other_vsic = list(dict.fromkeys([*enterprise.other_vsic, *others]))
    if values.get("founded_on"):
        enterprise.founded_on = values["founded_on"]  # type: ignore[assignment]
    if values.get("ward"):
        found = find_ward(str(values["ward"]))
        enterprise.ward_code = found.code or ""
        enterprise.former_ward_code = found.converted_from
    if not enterprise.legal_form:
        code = enterprise.tax_code
        enterprise.legal_form = LegalForm.HOUSEHOLD if identity.is_personal(code) else "enterprise"


def _other_codes(row: Row) -> list[str]:
    written = text(row, "other_vsic").replace(";", " ").replace(",", " ")
    return [vsic(part) for part in written.split() if part]


# A register file for `cnvh enterprises check`: at least these columns.
REGISTER_COLUMNS = ("tax_code", "name_vi", "main_vsic", "ward")


def check_register(path: Path, sheet: str | None = None) -> ProblemLog:
    """Every problem of a register file (CSV or XLSX): read as the import reads it,
    its four columns required, then each row checked by the import's own checks.
    Saves nothing."""
    kind = EnterpriseKind()
    columns = tuple(
        replace(found, required=found.name in REGISTER_COLUMNS) for found in kind.columns
    )
    problems = ProblemLog(path.name)
    reading = read_file(path, path.name, columns, problems, limits=limits(), sheet=sheet)
    if reading.rows and set(REGISTER_COLUMNS) <= reading.found:
        with collector_paused():
            kind.check(reading.rows, problems)
    return problems
