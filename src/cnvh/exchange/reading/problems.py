"""What is wrong with an imported file, where, and how to fix it, in Vietnamese and English.

Every problem of a file is collected (none stops the reading of the others) so that a
person sees them all at once. A cell with several problems is reported once: the first
one found, usually the most basic (a number that cannot be read, before what the engine
would say about it).
"""

from dataclasses import dataclass, field
from typing import Any

from cnvh.stats.figures import grouped
from cnvh.stats.problems import CATALOGUE as ENGINE_CATALOGUE

# code -> what (vi), what (en), how to fix (vi), how to fix (en)
MESSAGES: dict[str, tuple[str, str, str, str]] = {
    "empty_upload": (
        "Tệp rỗng (0 byte)",
        "The file is empty (0 bytes)",
        "Chọn đúng tệp có dữ liệu rồi tải lên lại.",
        "Choose the file that holds the data and upload it again.",
    ),
    "too_big": (
        "Tệp lớn {size} MB, vượt giới hạn {limit} MB",
        "The file is {size} MB, over the limit of {limit} MB",
        "Chia dữ liệu thành nhiều tệp nhỏ hơn, hoặc lưu dạng Parquet (nhỏ gọn hơn nhiều).",
        "Split the data into smaller files, or save it as Parquet (much more compact).",
    ),
    "wrong_type": (
        "Không nhận tệp dạng '{suffix}'",
        "Files of type '{suffix}' are not accepted",
        "Dùng tệp CSV, XLSX, XLS, ODS hoặc Parquet.",
        "Use a CSV, XLSX, XLS, ODS or Parquet file.",
    ),
    "content_mismatch": (
        "Tệp có đuôi {suffix} nhưng nội dung là {found}",
        "The file is named {suffix} but holds {found}",
        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng XLSX hoặc CSV (UTF-8).",
        "Open the file in Excel or LibreOffice and save it again as XLSX or CSV (UTF-8).",
    ),
    "zip_broken": (
        "Tệp bị hỏng: không đọc được phần nén bên trong ({detail})",
        "The file is damaged: its compressed parts cannot be read ({detail})",
        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại.",
        "Open the file in Excel or LibreOffice and save it again.",
    ),
    "encrypted": (
        "Tệp được bảo vệ bằng mật khẩu",
        "The file is protected by a password",
        "Bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi tải lên lại.",
        "Remove the password (File › Info › Protect Workbook) and upload it again.",
    ),
    "unreadable": (
        "Không đọc được tệp: {detail}",
        "The file cannot be read: {detail}",
        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng XLSX hoặc CSV (UTF-8).",
        "Open the file in Excel or LibreOffice and save it again as XLSX or CSV (UTF-8).",
    ),
    "encoding_unknown": (
        "Không nhận ra bảng mã ký tự của tệp: không phải UTF-8, cũng không phải Windows-1258",
        "The file's character encoding is not recognised: neither UTF-8 nor Windows-1258",
        "Trong Excel chọn Lưu thành › CSV UTF-8 (phân cách bằng dấu phẩy); với tệp TCVN3 "
        "(ABC) hãy chuyển sang Unicode trước.",
        "In Excel choose Save As › CSV UTF-8 (Comma delimited); convert a TCVN3 (ABC) file "
        "to Unicode first.",
    ),
    "too_many_rows": (
        "Tệp có hơn {limit} dòng dữ liệu",
        "The file has more than {limit} data rows",
        "Chia dữ liệu thành nhiều tệp, mỗi tệp tối đa {limit} dòng.",
        "Split the data into files of at most {limit} rows each.",
    ),
    "no_sheet": (
        "Không có trang tính '{sheet}'; tệp có: {sheets}",
        "There is no sheet '{sheet}'; the file has: {sheets}",
        "Chọn một trong các trang tính của tệp.",
        "Choose one of the file's sheets.",
    ),
    "no_header": (
        "Không tìm thấy dòng tiêu đề: không dòng nào trong {rows} dòng đầu ghi tên các cột "
        "cần có ({columns})",
        "No header row found: none of the first {rows} rows names the columns needed ({columns})",
        "Thêm một dòng tiêu đề ghi tên các cột (tiếng Việt có dấu, không dấu hoặc tiếng Anh).",
        "Add a header row naming the columns (Vietnamese with or without accents, or English).",
    ),
    "no_rows": (
        "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề",
        "The file has no data rows under its header",
        "Kiểm tra lại đúng tệp và đúng trang tính.",
        "Check that this is the right file and sheet.",
    ),
    "missing_column": (
        "Thiếu cột {title_vi} ({name})",
        "Missing column {title_en} ({name})",
        "Thêm cột với tiêu đề như: {headers}.",
        "Add a column headed, for example: {headers}.",
    ),
    "duplicate_column": (
        "Hai cột cùng là {name}: '{first}' và '{second}'",
        "Two columns are both {name}: '{first}' and '{second}'",
        "Giữ lại một cột, xóa hoặc đổi tên cột kia.",
        "Keep one of them; delete or rename the other.",
    ),
    "mixed_units": (
        "Các cột tiền ghi những đơn vị khác nhau: {units}",
        "The money columns state different units: {units}",
        "Đổi số liệu về cùng một đơn vị và ghi đơn vị đó ở tiêu đề mọi cột tiền.",
        "Convert the figures to one unit and state it in every money column's header.",
    ),
    "scaled_unit_not_taken": (
        "Cột “{header}” ghi số tiền theo {unit}, nhưng loại dữ liệu này nhận số tiền bằng đồng",
        "The column “{header}” gives amounts in {unit}, but this kind of data takes amounts"
        " in đồng (VND)",
        "Đổi số liệu sang đồng (ví dụ 12,5 tỷ đồng thành 12.500.000.000) và bỏ đơn vị khỏi"
        " tiêu đề, hoặc ghi “(đồng)”.",
        "Convert the amounts to đồng (12.5 billion VND is 12,500,000,000) and remove the unit"
        " from the header, or write “(VND)”.",
    ),
    "empty_required": (
        "Ô trống ở cột bắt buộc",
        "Empty cell in a required column",
        "Điền giá trị cho ô này, hoặc xóa dòng nếu dòng không dùng.",
        "Fill in the cell, or delete the row if it is not used.",
    ),
    "bad_number": (
        "'{value}' không phải là số",
        "'{value}' is not a number",
        "Ghi số như 1.234.567,5 (kiểu Việt Nam) hoặc 1234567.5.",
        "Write a number such as 1,234,567.5 or 1234567.5 (or 1.234.567,5 the Vietnamese way).",
    ),
    "not_whole": (
        "'{value}' không phải là số nguyên",
        "'{value}' is not a whole number",
        "Ghi số nguyên, không có phần thập phân.",
        "Write a whole number, with no decimal part.",
    ),
    "ambiguous_number": (
        "'{value}' có thể là {thousands} hay {decimal}: cột này có cả số ghi kiểu Việt Nam "
        "lẫn kiểu tiếng Anh",
        "'{value}' could be {thousands} or {decimal}: this column mixes numbers written the "
        "Vietnamese and the English way",
        "Ghi mọi số của cột theo cùng một kiểu; ở ô này ghi {thousands} nếu là số nghìn, "
        "{decimal_vi} nếu là số thập phân.",
        "Write every number of the column the same way; here write {thousands} for the "
        "thousands, {decimal} for the decimal.",
    ),
    "too_many_digits": (
        "'{value}' có quá nhiều chữ số (tối đa {digits})",
        "'{value}' has too many digits (at most {digits})",
        "Làm tròn số hoặc đổi sang đơn vị lớn hơn (ví dụ tỷ đồng).",
        "Round the figure or use a larger unit (e.g. billion VND).",
    ),
    "decimal_too_long": (
        "'{value}' có quá nhiều chữ số (tối đa {whole} chữ số phần nguyên và {places} chữ "
        "số thập phân)",
        "'{value}' has too many digits (at most {whole} before the decimal point and "
        "{places} after it)",
        "Làm tròn số hoặc đổi sang đơn vị lớn hơn (ví dụ tỷ đồng).",
        "Round the figure or use a larger unit (e.g. billion VND).",
    ),
    "save_failed": (
        "Không lưu được dữ liệu ({detail}); không có gì được lưu",
        "The data could not be saved ({detail}); nothing was saved",
        "Xác nhận nhập lại; nếu vẫn lỗi, báo cho quản trị viên kèm mã lần nhập.",
        "Confirm the import again; if it fails again, tell the administrator its number.",
    ),
    "worker_lost": (
        "Tiến trình xử lý đã dừng giữa chừng (bị tắt hoặc gặp sự cố); không có gì được lưu",
        "The process doing this stopped midway (killed or crashed); nothing was saved",
        "Xác nhận nhập lại.",
        "Confirm the import again.",
    ),
    "bad_date": (
        "'{value}' không phải là ngày",
        "'{value}' is not a date",
        "Ghi ngày dạng dd/mm/yyyy (ví dụ 05/03/2024) hoặc yyyy-mm-dd.",
        "Write the date as dd/mm/yyyy (e.g. 05/03/2024) or yyyy-mm-dd.",
    ),
    # What the engine refuses in the same words: a spreadsheet that unpacks too far
    # (cnvh.stats.zips), a row longer than its header.
    **{code: ENGINE_CATALOGUE[code] for code in ("unzipped_too_big", "zip_bomb", "too_many_cells")},
}


@dataclass(frozen=True)
class Figure:
    """A number in a problem's message, written in the style of each language's
    message: "1.000.000 dòng" and "1,000,000 rows"."""

    value: float
    digits: int = 0

    def text(self, language: str) -> str:
        return grouped(self.value, self.digits, language)


def _written(params: dict[str, Any], language: str) -> dict[str, Any]:
    return {
        name: value.text(language) if isinstance(value, Figure) else value
        for name, value in params.items()
    }


@dataclass
class ProblemLog:
    """The problems of one file. Implements `cnvh.exchange.kinds.Problems`.

    `headers` maps a canonical column name to its header as written in the file, so a
    problem names the column the person sees. At most `limit` problems are listed; the
    others are counted."""

    file: str
    sheet: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    limit: int = 1000
    items: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0
    _cells: set[tuple[int, str]] = field(default_factory=set)
    _rows: set[int] = field(default_factory=set)

    def has_row(self, row: int) -> bool:
        """Whether a problem was found in this row already."""
        return row in self._rows

    def add(
        self,
        *,
        row: int | None,
        column: str | None,
        what_vi: str,
        what_en: str,
        fix_vi: str,
        fix_en: str,
    ) -> None:
        if row is not None and column:
            if (row, column) in self._cells:
                return
            self._cells.add((row, column))
        if row is not None:
            self._rows.add(row)
        self.total += 1
        if len(self.items) >= self.limit:
            return
        self.items.append(
            {
                "file": self.file,
                "sheet": self.sheet,
                "row": row,
                "column": column,
                "header": self.headers.get(column, column) if column else None,
                "what_vi": what_vi,
                "what_en": what_en,
                "fix_vi": fix_vi,
                "fix_en": fix_en,
            }
        )

    def report(
        self, code: str, *, row: int | None = None, column: str | None = None, **params: Any
    ) -> None:
        """One of this module's MESSAGES, its {placeholders} filled from `params` (a
        Figure in each language's style) and the row, as the engine's messages name it."""
        what_vi, what_en, fix_vi, fix_en = MESSAGES[code]
        vi, en = _written({"row": row, **params}, "vi"), _written({"row": row, **params}, "en")
        self.add(
            row=row,
            column=column,
            what_vi=what_vi.format(**vi),
            what_en=what_en.format(**en),
            fix_vi=fix_vi.format(**vi),
            fix_en=fix_en.format(**en),
        )

    def count_more(self, count: int) -> None:
        """Problems found elsewhere (the engine) and counted, not listed."""
        self.total += count

    @property
    def more(self) -> int:
        """Problems found but not listed."""
        return self.total - len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0


def where(problem: dict[str, Any], language: str) -> str:
    """ "units.xlsx, sheet Data, row 12, column Mã ngành" in `language` ("vi" or "en")."""
    words = {"vi": ("trang", "dòng", "cột"), "en": ("sheet", "row", "column")}[language]
    parts = [str(problem.get("file") or "")]
    if problem.get("sheet"):
        parts.append(f"{words[0]} {problem['sheet']}")
    if problem.get("row") is not None:
        parts.append(f"{words[1]} {problem['row']}")
    if problem.get("header"):
        parts.append(f"{words[2]} {problem['header']}")
    return ", ".join(part for part in parts if part)


def message(problem: dict[str, Any], language: str) -> str:
    """The whole problem in one language: where, what, how to fix."""
    what, fix = problem[f"what_{language}"], problem[f"fix_{language}"]
    # Some checks end what they say with a full stop; the sentence gets one, not two.
    what = what.removesuffix(".")
    fix_word = "Cách sửa" if language == "vi" else "Fix"
    place = where(problem, language)
    return f"{place}: {what}. {fix_word}: {fix}" if place else f"{what}. {fix_word}: {fix}"
