"""Agencies from a file: inserted or updated by code, each change in the agency's history
with the import as its reason.

An empty cell leaves what is saved as it is; a dash ("-") empties a saved text or
removes the parent.
"""

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.plan.imports.common import (
    Text,
    add,
    check_date_order,
    check_length,
    choice_lookup,
    choice_names,
    column,
    day,
    duplicates,
    given,
    mark_change,
    new_text,
    set_fields,
    text,
)
from cnvh.plan.models import Agency
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    Agency.Kind.CITY_COMMITTEE: ("UBND thành phố", "UBND TP", "Thành phố", "City"),
    Agency.Kind.DEPARTMENT: ("Sở", "Ngành", "Sở ngành"),
    Agency.Kind.DISTRICT: ("Quận", "Huyện", "Thị xã", "Quận huyện", "District"),
    Agency.Kind.OTHER: ("Khác", "Cơ quan khác", "Other"),
}


class AgencyKind:
    key: str = "agencies"
    title_vi: str = "Cơ quan, đơn vị"
    title_en: str = "Agencies"
    permission: str = "plan.import_agencies"
    columns: tuple[Column, ...] = (
        column("code", "code", "Mã cơ quan", "Agency code", "Mã", required=True),
        column(
            "name_vi",
            "text",
            "Tên cơ quan",
            "Name (Vietnamese)",
            "Tên tiếng Việt",
            "Tên (tiếng Việt)",
            "Name",
            required=True,
        ),
        column("name_en", "text", "Tên tiếng Anh", "Name (English)", "Tên (tiếng Anh)"),
        column("short_name", "text", "Tên viết tắt", "Short name", "Tên ngắn"),
        column("kind", "text", "Loại cơ quan", "Kind", "Loại", "Type", required=True),
        column(
            "parent",
            "code",
            "Mã cơ quan cấp trên",
            "Parent agency code",
            "Cơ quan cấp trên",
            "Parent",
            "Parent code",
        ),
        column(
            "unit_code",
            "code",
            "Mã đơn vị hành chính",
            "Official unit code",
            "Mã ĐVHC",
            "Administrative unit code",
        ),
        column("valid_from", "date", "Hiệu lực từ ngày", "Valid from", "Hiệu lực từ"),
        column("valid_to", "date", "Hiệu lực đến ngày", "Valid to", "Hiệu lực đến"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        kinds = choice_lookup(Agency.Kind, KIND_SYNONYMS)
        saved = Agency.objects.in_bulk([text(row, "code") for row in rows], field_name="code")
        for row in rows:
            _check_code(problems, row)
            _check_kind(problems, row, kinds)
            for name, limit in (("name_vi", 255), ("name_en", 255), ("short_name", 64)):
                check_length(problems, row, name, limit)
            _check_unit_code(problems, row)
            _check_validity(problems, row, saved.get(text(row, "code")))
        duplicates(
            rows,
            lambda row: text(row, "code") or None,
            problems,
            "code",
            Text("Mã cơ quan trùng với dòng {row}.", "The agency code repeats row {row}."),
            Text(
                "Mỗi cơ quan chỉ ghi một dòng: gộp hai dòng hoặc sửa mã.",
                "Give each agency one row: merge the rows or correct the code.",
            ),
        )
        _check_parents(rows, problems)

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        kinds = choice_lookup(Agency.Kind, KIND_SYNONYMS)
        codes = [text(row, name) for row in rows for name in ("code", "parent")]
        agencies = Agency.objects.in_bulk(codes, field_name="code")
        saved = 0
        for row in parents_first(rows):
            code = text(row, "code")
            agency = agencies.get(code) or Agency(code=code)
            fields = _fields(row, kinds)
            if given(row, "parent"):
                parent = new_text(row, "parent")
                fields["parent_id"] = agencies[parent].pk if parent else None
            if set_fields(agency, fields) or agency.pk is None:
                mark_change(agency, record)
                agency.save()
                saved += 1
            agencies[code] = agency
        return saved


def _fields(row: Row, kinds: dict[str, str]) -> dict[str, object]:
    fields: dict[str, object] = {
        "name_vi": text(row, "name_vi"),
        "kind": kinds[plain(text(row, "kind"))],
    }
    for name in ("name_en", "short_name", "unit_code"):
        if given(row, name):
            fields[name] = new_text(row, name)
    for name in ("valid_from", "valid_to"):
        if given(row, name):
            fields[name] = day(row, name)
    return fields


def _check_code(problems: Problems, row: Row) -> None:
    code = text(row, "code")
    if code and (not SLUG.match(code) or len(code) > 32):
        add(
            problems,
            row,
            "code",
            Text(f"Mã cơ quan “{code}” không hợp lệ.", f"The agency code “{code}” is not valid."),
            Text(
                "Mã chỉ gồm chữ không dấu, chữ số, “-” và “_”, tối đa 32 ký tự (ví dụ: so-vhtt).",
                "A code holds only letters without accents, digits, “-” and “_”, at most 32 "
                "characters (for example so-vhtt).",
            ),
        )


def _check_kind(problems: Problems, row: Row, kinds: dict[str, str]) -> None:
    kind = text(row, "kind")
    if kind and plain(kind) not in kinds:
        listed = choice_names(Agency.Kind)
        add(
            problems,
            row,
            "kind",
            Text(f"Không rõ loại cơ quan “{kind}”.", f"Unknown kind of agency “{kind}”."),
            Text(f"Ghi một trong: {listed.vi}.", f"Write one of: {listed.en}."),
        )


def _check_unit_code(problems: Problems, row: Row) -> None:
    unit = new_text(row, "unit_code")
    if unit and (not unit.isdigit() or len(unit) > 8):
        add(
            problems,
            row,
            "unit_code",
            Text(
                f"Mã đơn vị hành chính “{unit}” không phải mã số của Tổng cục Thống kê.",
                f"The official unit code “{unit}” is not a statistical office code.",
            ),
            Text(
                "Ghi mã số của đơn vị hành chính (ví dụ 00004), hoặc để trống.",
                "Write the unit's numeric code (for example 00004), or leave it empty.",
            ),
        )


def _check_validity(problems: Problems, row: Row, saved: Agency | None) -> None:
    """The dates the agency will have, the file's or the saved ones, are in order."""
    dated = Row(row.number, dict(row.values))
    for name in ("valid_from", "valid_to"):
        if saved is not None and day(row, name) is None:
            dated.values[name] = getattr(saved, name)
    check_date_order(
        problems,
        dated,
        "valid_from",
        "valid_to",
        Text("“Hiệu lực từ ngày” và “Hiệu lực đến ngày”", "“Valid from” and “Valid to”"),
        at="valid_to" if day(row, "valid_to") else "valid_from",
    )


def _check_parents(rows: Sequence[Row], problems: Problems) -> None:
    """Every parent exists in the file or in cnvh, and no agency is its own ancestor."""
    parents: dict[str, str | None] = dict(Agency.objects.values_list("code", "parent__code"))
    for row in rows:
        code = text(row, "code")
        if not code:
            continue
        if given(row, "parent"):
            parents[code] = new_text(row, "parent") or None
        else:
            # A row that leaves the parent out still defines its agency, a new one
            # included: a later row may name it as its parent.
            parents.setdefault(code, None)
    for row in rows:
        code, parent = text(row, "code"), new_text(row, "parent")
        if not parent or not code:
            continue
        if parent not in parents:
            add(
                problems,
                row,
                "parent",
                Text(
                    f"Không có cơ quan cấp trên mã “{parent}” trong tệp hay trong hệ thống.",
                    f"No parent agency with code “{parent}” in the file or in cnvh.",
                ),
                Text(
                    "Sửa mã cơ quan cấp trên, hoặc thêm một dòng cho cơ quan đó.",
                    "Correct the parent's code, or add a row for that agency.",
                ),
            )
            continue
        loop = _loop_from(code, parents)
        if loop:
            add(
                problems,
                row,
                "parent",
                Text(
                    "Cơ quan cấp trên tạo vòng lặp: " + " → ".join(loop) + ".",
                    "The parents go round in a circle: " + " → ".join(loop) + ".",
                ),
                Text(
                    "Sửa cơ quan cấp trên để không cơ quan nào là cấp trên của chính mình.",
                    "Correct the parents so that no agency is above itself.",
                ),
            )


def _loop_from(code: str, parents: dict[str, str | None]) -> list[str]:
    """The way back to `code` when its parents lead to it, else nothing."""
    path = [code]
    current = parents.get(code)
    while current is not None and current not in path:
        path.append(current)
        current = parents.get(current)
    return [*path, code] if current == code else []


def parents_first(rows: Sequence[Row]) -> list[Row]:
    """The rows in an order where an agency's parent from the file comes before it."""
    by_code = {text(row, "code"): row for row in rows}
    ordered: list[Row] = []
    placed: set[str] = set()
    for row in rows:
        chain: list[Row] = []
        current: Row | None = row
        while current is not None and text(current, "code") not in placed:
            placed.add(text(current, "code"))
            chain.append(current)
            current = by_code.get(text(current, "parent"))
        ordered.extend(reversed(chain))
    return ordered
