"""Models and bright spots from a workbook (XLSX or CSV), read by `cnvh.exchange`:
headers in Vietnamese or English, dates dd/mm/yyyy and numbers 1.234.567, all or
nothing, each bad cell named by row and column. Each row is a model entering the
registry (a candidate for a round; recognition comes only from a decision), with at
most one measurable result of a year."""

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import translation
from stdnum.exceptions import ValidationError as NumberInvalid
from stdnum.vn import mst

from cnvh.brightspots.models import BrightSpot, Level, Result, sector_choices
from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.plan.imports.common import (
    Text,
    add,
    check_length,
    choice_lookup,
    choice_names,
    column,
    duplicates,
    mark_change,
    text,
)
from cnvh.plan.limits import FIRST_YEAR, LAST_YEAR
from cnvh.plan.models import Agency, Task
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

LENGTHS = {"name_vi": 255, "name_en": 255, "host_name": 255, "result_indicator": 255}
RESULT = ("result_year", "result_indicator", "result_unit", "result_value")
WARD_KINDS = (Agency.Kind.WARD, Agency.Kind.COMMUNE)


def sector_of(written: str) -> str | None:
    """A sector by its key or its title in either language, with or without accents."""
    lookup: dict[str, str] = {}
    for language in ("vi", "en"):
        with translation.override(language):
            lookup.update({plain(title): key for key, title in sector_choices()})
    lookup.update({plain(key): key for key, _ in sector_choices()})
    return lookup.get(plain(written))


def task_of(code: str) -> list[Task]:
    return list(Task.objects.filter(code=code)[:2])


class ModelKind:
    key: str = "brightspots"
    title_vi: str = "Mô hình, điểm sáng"
    title_en: str = "Models and bright spots"
    permission: str = "brightspots.import_models"
    columns: tuple[Column, ...] = (
        column("name_vi", "text", "Tên mô hình", "Model (Vietnamese)", "Tên", required=True),
        column("name_en", "text", "Tên tiếng Anh", "Model (English)"),
        column("level", "text", "Cấp", "Level", required=True),
        column("sector", "text", "Lĩnh vực", "Sector", "Ngành", required=True),
        column("host_kind", "text", "Loại chủ thể", "Host kind", required=True),
        column("host_agency", "code", "Mã cơ quan chủ trì", "Host agency code"),
        column("host_tax_code", "code", "Mã số thuế", "Host's tax code", "MST"),
        column("host_name", "text", "Chủ thể", "Host", "Tên chủ thể", "Host's name"),
        column("ward", "code", "Mã phường, xã", "Ward or commune code", "Phường, xã"),
        column("start_year", "integer", "Năm bắt đầu", "Start year", required=True),
        column("task", "code", "Mã nhiệm vụ", "Plan task", "Nhiệm vụ"),
        column("description", "text", "Mô tả", "Description"),
        column("result_year", "integer", "Năm kết quả", "Result year"),
        column("result_indicator", "text", "Chỉ tiêu kết quả", "Result indicator"),
        column("result_unit", "text", "Đơn vị tính", "Unit"),
        column("result_value", "decimal", "Giá trị", "Value"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        for row in rows:
            _check_choices(row, problems)
            _check_host(row, problems)
            _check_ward(row, problems)
            check_task(row, problems)
            _check_years(row, problems)
            _check_result(row, problems)
            _check_recorded(row, problems)
            for name, limit in LENGTHS.items():
                check_length(problems, row, name, limit)
        duplicates(
            rows,
            _same_model,
            problems,
            "name_vi",
            Text(
                "Trùng với dòng {row}: cùng tên mô hình và phường, xã.",
                "The same as row {row}: same model name and ward.",
            ),
            Text("Bỏ một trong hai dòng.", "Remove one of the two rows."),
        )

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        for row in rows:
            spot = _spot(row, record)
            spot.full_clean()
            mark_change(spot, record)
            spot.save()
            if row.values.get("result_year") is not None:
                result = Result(
                    spot=spot,
                    year=int(str(row.values["result_year"])),
                    indicator=text(row, "result_indicator"),
                    unit=text(row, "result_unit"),
                    value=Decimal(str(row.values["result_value"])),
                )
                result.full_clean()
                mark_change(result, record)
                result.save()
        return len(rows)


def _same_model(row: Row) -> tuple[str, str] | None:
    name = plain(text(row, "name_vi"))
    return (name, text(row, "ward")) if name else None


# How people shorten the levels' names in their sheets.
LEVEL_SYNONYMS = {
    "department": ("so nganh", "so", "nganh"),
    "ward": ("phuong", "xa", "phuong xa", "cap xa"),
    "city": ("cap thanh pho",),
}


def levels() -> dict[str, str]:
    return choice_lookup(Level, LEVEL_SYNONYMS)


def host_kinds() -> dict[str, str]:
    return choice_lookup(BrightSpot.HostKind, {})


def _check_choices(row: Row, problems: Problems) -> None:
    for name, lookup, choices in (
        ("level", levels(), Level),
        ("host_kind", host_kinds(), BrightSpot.HostKind),
    ):
        written = text(row, name)
        if written and plain(written) not in lookup:
            listed = choice_names(choices)
            add(
                problems,
                row,
                name,
                Text(f"Không rõ “{written}”.", f"“{written}” is not known."),
                Text(f"Ghi một trong: {listed.vi}.", f"Write one of: {listed.en}."),
            )
    written = text(row, "sector")
    if written and sector_of(written) is None:
        add(
            problems,
            row,
            "sector",
            Text(f"Không rõ lĩnh vực “{written}”.", f"Unknown sector “{written}”."),
            Text(
                "Ghi một lĩnh vực của kế hoạch, ví dụ Thiết kế hoặc design.",
                "Write one of the plan's sectors, e.g. Design or design.",
            ),
        )


def _check_host(row: Row, problems: Problems) -> None:
    kind = host_kinds().get(plain(text(row, "host_kind")))
    if kind == BrightSpot.HostKind.AGENCY:
        code = text(row, "host_agency")
        if not Agency.objects.filter(code=code).exists():
            add(
                problems,
                row,
                "host_agency",
                Text(f"Không có cơ quan mã “{code}”.", f"No agency with the code “{code}”."),
                Text(
                    "Ghi mã cơ quan chủ trì như trang Cơ quan ghi, ví dụ so-vhtt.",
                    "Write the host agency's code as the Agencies page shows it, e.g. so-vhtt.",
                ),
            )
        return
    if kind is not None and not text(row, "host_name"):
        add(
            problems,
            row,
            "host_name",
            Text("Thiếu tên chủ thể.", "The host's name is missing."),
            Text(
                "Ghi tên doanh nghiệp, tổ chức hoặc cá nhân.",
                "Write the enterprise's, organisation's or person's name.",
            ),
        )
    if kind == BrightSpot.HostKind.ENTERPRISE:
        code = text(row, "host_tax_code")
        try:
            mst.validate(code)
        except NumberInvalid:
            add(
                problems,
                row,
                "host_tax_code",
                Text(
                    f"“{code}” không phải mã số doanh nghiệp hợp lệ.",
                    f"“{code}” is not a valid enterprise code.",
                ),
                Text(
                    "Ghi 10 chữ số (13 với chi nhánh) như trên giấy đăng ký kinh doanh.",
                    "Write its 10 digits (13 for a branch) as on the business registration.",
                ),
            )


def _check_ward(row: Row, problems: Problems) -> None:
    code = text(row, "ward")
    if code and not Agency.objects.filter(code=code, kind__in=WARD_KINDS).exists():
        add(
            problems,
            row,
            "ward",
            Text(
                f"Không có phường, xã mã “{code}”.",
                f"No ward or commune with the code “{code}”.",
            ),
            Text(
                "Ghi mã phường, xã như trang Cơ quan ghi, ví dụ phuong-hoan-kiem.",
                "Write the ward's code as the Agencies page shows it, e.g. phuong-hoan-kiem.",
            ),
        )


def check_task(row: Row, problems: Problems) -> None:
    """The plan task a row names: one task of that code (shared with other imports)."""
    code = text(row, "task")
    if not code:
        return
    found = task_of(code)
    if len(found) == 1:
        return
    what = (
        Text(f"Không có nhiệm vụ mã “{code}”.", f"No plan task with the code “{code}”.")
        if not found
        else Text(
            f"Nhiều kế hoạch có nhiệm vụ mã “{code}”.", f"Several plans have a task “{code}”."
        )
    )
    add(
        problems,
        row,
        "task",
        what,
        Text(
            "Ghi mã nhiệm vụ như trang Kế hoạch ghi, ví dụ 1.2, hoặc để trống.",
            "Write the task's code as the Plan page shows it, e.g. 1.2, or leave it empty.",
        ),
    )


def _check_recorded(row: Row, problems: Problems) -> None:
    name, ward = text(row, "name_vi"), text(row, "ward")
    if name and BrightSpot.objects.filter(name_vi=name, ward__code=ward or None).exists():
        add(
            problems,
            row,
            "name_vi",
            Text(
                f"Mô hình “{name}” của phường, xã này đã có trong sổ.",
                f"The model “{name}” of this ward is already in the registry.",
            ),
            Text(
                "Bỏ dòng này; thêm kết quả mới trên trang của mô hình.",
                "Remove the row; add new results on the model's page.",
            ),
        )


def _check_years(row: Row, problems: Problems) -> None:
    for name in ("start_year", "result_year"):
        year = row.values.get(name)
        if isinstance(year, int) and not FIRST_YEAR <= year <= LAST_YEAR:
            add(
                problems,
                row,
                name,
                Text(f"Năm {year} không hợp lệ.", f"{year} is not a valid year."),
                Text("Ghi năm bốn chữ số, ví dụ 2024.", "Write a four-digit year, e.g. 2024."),
            )


def _check_result(row: Row, problems: Problems) -> None:
    filled = [name for name in RESULT if row.values.get(name) not in (None, "")]
    if filled and len(filled) < len(RESULT):
        missing = next(name for name in RESULT if name not in filled)
        add(
            problems,
            row,
            missing,
            Text("Kết quả thiếu một trong bốn ô.", "The result lacks one of its four cells."),
            Text(
                "Ghi đủ năm, chỉ tiêu, đơn vị tính và giá trị của kết quả, hoặc bỏ trống cả bốn.",
                "Fill the result's year, indicator, unit and value, or leave all four empty.",
            ),
        )


def _spot(row: Row, record: "ImportRecord") -> BrightSpot:
    host_kind = host_kinds()[plain(text(row, "host_kind"))]
    task = task_of(text(row, "task"))[0] if text(row, "task") else None
    ward = text(row, "ward")
    spot = BrightSpot(
        name_vi=text(row, "name_vi"),
        name_en=text(row, "name_en"),
        level=levels()[plain(text(row, "level"))],
        sector=sector_of(text(row, "sector")) or "",
        host_kind=host_kind,
        host_name=text(row, "host_name"),
        ward=Agency.objects.get(code=ward) if ward else None,
        start_year=int(str(row.values["start_year"])),
        task=task,
        description=text(row, "description"),
        created_by=record.created_by,
    )
    if host_kind == BrightSpot.HostKind.AGENCY:
        spot.host_agency = Agency.objects.get(code=text(row, "host_agency"))
    if host_kind == BrightSpot.HostKind.ENTERPRISE:
        spot.host_tax_code = str(mst.validate(text(row, "host_tax_code")))
    return spot
