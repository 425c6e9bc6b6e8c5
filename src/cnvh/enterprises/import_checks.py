"""The checks of each row of an enterprise file, each problem in Vietnamese and English
with its row and column and how to fix it."""

from collections.abc import Sequence

from cnvh.enterprises import identity
from cnvh.enterprises.models import Enterprise
from cnvh.enterprises.models.register import PERSONAL_FORMS, TAX_CODE_FORMS
from cnvh.enterprises.sectors import known_vsic, vsic
from cnvh.enterprises.wards import find_ward
from cnvh.exchange.kinds import Problems, Row
from cnvh.plan.imports.common import Text, add, choice_lookup, choice_names, text
from cnvh.stats.columns import plain


def check_code(problems: Problems, row: Row) -> None:
    written = text(row, "tax_code")
    if not written:
        return
    code = identity.compact(written)
    if code.isdigit() and len(code) in (9, 11):
        add(
            problems,
            row,
            "tax_code",
            Text(
                f"Mã số “{written}” thiếu một chữ số: có thể số 0 ở đầu đã bị bỏ.",
                f"The code “{written}” lacks a digit: its leading zero may have been dropped.",
            ),
            Text(
                "Định dạng cột mã số là văn bản (Text) và ghi đủ số 0 ở đầu, ví dụ 0100233488.",
                "Format the code column as text and write its leading zero, e.g. 0100233488.",
            ),
        )
        return
    found = identity.problem(written)
    if found is not None:
        add(
            problems,
            row,
            "tax_code",
            Text(found.what_vi, found.what_en),
            Text(found.fix_vi, found.fix_en),
        )


def check_form(problems: Problems, row: Row, choices: dict[str, tuple[object, object]]) -> None:
    """The legal form is one of the list, and matches the kind of code."""
    if not check_choice(problems, row, "legal_form", choices):
        return
    written, code = text(row, "legal_form"), identity.compact(text(row, "tax_code"))
    if not written or not code:
        return
    form_type, synonyms = choices["legal_form"]
    form = choice_lookup(form_type, synonyms)[plain(written)]  # type: ignore[arg-type]
    if identity.is_personal(code) and form in TAX_CODE_FORMS:
        add(
            problems,
            row,
            "tax_code",
            Text(
                f"“{written}” có mã số thuế riêng, không dùng số định danh cá nhân.",
                f"“{written}” has a tax code of its own, not a personal number.",
            ),
            Text(
                "Ghi mã số doanh nghiệp 10 chữ số, hoặc sửa loại hình.",
                "Write the 10-digit enterprise code, or correct the legal form.",
            ),
        )
    elif not identity.is_personal(code) and form in PERSONAL_FORMS:
        add(
            problems,
            row,
            "tax_code",
            Text(
                "Hộ kinh doanh, cá nhân dùng số định danh cá nhân 12 chữ số từ 01/07/2025.",
                "Household businesses and individuals use the 12-digit personal number"
                " since 1 July 2025.",
            ),
            Text(
                "Ghi số định danh cá nhân của chủ hộ, hoặc sửa loại hình.",
                "Write the owner's personal number, or correct the legal form.",
            ),
        )


def check_choice(
    problems: Problems, row: Row, name: str, choices: dict[str, tuple[object, object]]
) -> bool:
    written = text(row, name)
    choice_type, synonyms = choices[name]
    if not written or plain(written) in choice_lookup(choice_type, synonyms):  # type: ignore[arg-type]
        return True
    listed = choice_names(choice_type)  # type: ignore[arg-type]
    add(
        problems,
        row,
        name,
        Text(f"Không rõ “{written}”.", f"Unknown value “{written}”."),
        Text(f"Ghi một trong: {listed.vi}.", f"Write one of: {listed.en}."),
    )
    return False


def check_vsic(problems: Problems, row: Row) -> None:
    written = [text(row, "main_vsic")] if text(row, "main_vsic") else []
    others = text(row, "other_vsic").replace(";", " ").replace(",", " ").split()
    for name, cells in (("main_vsic", written), ("other_vsic", others)):
        for cell in cells:
            if not known_vsic(vsic(cell)):
                add(
                    problems,
                    row,
                    name,
                    Text(
                        f"Mã ngành “{cell}” không có trong VSIC 2018.",
                        f"The industry code “{cell}” is not in VSIC 2018.",
                    ),
                    Text(
                        "Ghi mã ngành VSIC 2018 cấp 2 đến 5 chữ số, ví dụ 5920 hoặc 59.20.",
                        "Write a VSIC 2018 code of 2 to 5 digits, e.g. 5920 or 59.20.",
                    ),
                )


def check_ward(problems: Problems, row: Row, where: Text | None = None) -> None:
    """A ward code of today's Hanoi or a former commune's; `where` says how to fix it
    when not (today's ward of the enterprise, unless said)."""
    written = text(row, "ward")
    if not written:
        return
    found = find_ward(written)
    if found.code:
        return
    if found.candidates:
        what = Text(
            f"Xã/phường cũ mã {written} đã chia cho nhiều đơn vị mới:"
            f" {', '.join(found.candidates)}.",
            f"The former commune {written} was divided among several of today's units:"
            f" {', '.join(found.candidates)}.",
        )
        fix = where or Text(
            "Ghi mã phường, xã hiện nay nơi doanh nghiệp đặt trụ sở.",
            "Write the code of today's ward or commune where the enterprise is.",
        )
    else:
        what = Text(
            f"Không có phường, xã mã “{written}” của Hà Nội.",
            f"No ward or commune of Hanoi has the code “{written}”.",
        )
        fix = Text(
            "Ghi mã đơn vị hành chính 5 chữ số của Tổng cục Thống kê (trước hay sau 01/07/2025).",
            "Write the 5-digit statistical office code of the unit (before or after 1 July 2025).",
        )
    add(problems, row, "ward", what, fix)


def check_parent(problems: Problems, row: Row, in_file: set[str]) -> None:
    """A branch's parent is in the file or already in the register."""
    code = identity.compact(text(row, "tax_code"))
    if not identity.is_branch(code) or identity.problem(code) is not None:
        return
    parent = identity.parent_code(code)
    if parent in in_file or Enterprise.objects.filter(tax_code=parent).exists():
        return
    add(
        problems,
        row,
        "tax_code",
        Text(
            f"Chi nhánh {identity.shown(code)}: không có doanh nghiệp mẹ {parent}.",
            f"Branch {identity.shown(code)}: its parent enterprise {parent} is not known.",
        ),
        Text(
            f"Thêm một dòng cho doanh nghiệp {parent}, hoặc nhập doanh nghiệp đó trước.",
            f"Add a row for enterprise {parent}, or import it first.",
        ),
    )


def check_named(problems: Problems, rows: Sequence[Row]) -> None:
    """A new enterprise has a name in one of its rows (rows merge by tax code)."""
    first: dict[str, Row] = {}
    named: set[str] = set()
    for row in rows:
        code = identity.compact(text(row, "tax_code"))
        first.setdefault(code, row)
        if text(row, "name_vi"):
            named.add(code)
    saved = set(
        Enterprise.objects.filter(tax_code__in=list(first)).values_list("tax_code", flat=True)
    )
    for code, row in first.items():
        if code and code not in named and code not in saved:
            add(
                problems,
                row,
                "name_vi",
                Text(
                    f"Doanh nghiệp mới {code} chưa có tên.",
                    f"The new enterprise {code} has no name.",
                ),
                Text(
                    "Ghi tên doanh nghiệp (tiếng Việt) trên ít nhất một dòng của mã số này.",
                    "Write its Vietnamese name in at least one row of this code.",
                ),
            )
