"""Problems found in a user's input, told in Vietnamese and English.

Every problem says what is wrong, where (file, row, column) and how to fix it.
Messages live here, in one catalogue, so the CLI, the web pages and the API
all say the same thing.
"""

from dataclasses import dataclass, field
from typing import Any

from .numbers import WHOLE_DIGITS
from .scenario_messages import SCENARIO_CATALOGUE

# code -> (what, in Vietnamese), (what, in English), (fix, vi), (fix, en)
CATALOGUE: dict[str, tuple[str, str, str, str]] = {
    "file_missing": (
        "Không tìm thấy tệp",
        "File not found",
        "Kiểm tra lại đường dẫn tệp.",
        "Check the file path.",
    ),
    "file_format": (
        "Không đọc được tệp dạng {suffix}",
        "Cannot read a {suffix} file",
        "Dùng tệp CSV, XLSX hoặc Parquet.",
        "Use a CSV, XLSX or Parquet file.",
    ),
    "file_unreadable": (
        "Không đọc được tệp: {detail}",
        "The file cannot be read: {detail}",
        "Mở tệp bằng Excel và lưu lại dạng CSV (UTF-8) hoặc XLSX.",
        "Open the file in Excel and save it again as CSV (UTF-8) or XLSX.",
    ),
    "zip_broken": (
        "Tệp bị hỏng hoặc không phải bảng tính: không đọc được phần nén bên trong ({detail})",
        "The file is damaged or not a spreadsheet: its compressed parts cannot be read ({detail})",
        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng XLSX, hoặc dạng CSV (UTF-8).",
        "Open the file in Excel or LibreOffice and save it again as XLSX, or as CSV (UTF-8).",
    ),
    "unzipped_too_big": (
        "Tệp nén bên trong {size} MB khi giải nén, vượt giới hạn {limit} MB",
        "The file unpacks to {size} MB, over the limit of {limit} MB",
        "Chia dữ liệu thành nhiều tệp nhỏ hơn, hoặc lưu dạng CSV hay Parquet.",
        "Split the data into smaller files, or save it as CSV or Parquet.",
    ),
    "zip_bomb": (
        "Phần '{entry}' của tệp nén {ratio}:1 (giới hạn {limit}:1): tệp này giống một "
        "'bom nén' và không được mở",
        "Part '{entry}' of the file is compressed {ratio}:1 (limit {limit}:1): it looks like "
        "a zip bomb and was not opened",
        "Nếu đây là dữ liệu thật, lưu lại bằng Excel hoặc LibreOffice, hoặc dạng CSV.",
        "If this is real data, save it again from Excel or LibreOffice, or as CSV.",
    ),
    "missing_column": (
        "Thiếu cột {column}",
        "Missing column {column}",
        "Thêm cột {column} (tên tiếng Anh hoặc tiếng Việt đều được).",
        "Add a column {column} (English or Vietnamese header).",
    ),
    "missing_money_columns": (
        "Thiếu cột giá trị: cần value_added, hoặc output và intermediate_consumption, hoặc revenue",
        "No money column: need value_added, or output and intermediate_consumption, or revenue",
        "Thêm cột giá trị tăng thêm, hoặc giá trị sản xuất và chi phí trung gian, hoặc doanh thu.",
        "Add value added, or output and intermediate consumption, or revenue.",
    ),
    "duplicate_column": (
        "Cột {column} xuất hiện nhiều lần",
        "Column {column} appears more than once",
        "Giữ lại một cột {column}, xóa hoặc đổi tên các cột còn lại.",
        "Keep one {column} column; delete or rename the others.",
    ),
    "empty_file": (
        "Tệp không có dòng dữ liệu nào",
        "The file has no data rows",
        "Kiểm tra lại đúng tệp và đúng trang tính.",
        "Check that this is the right file and sheet.",
    ),
    "number_out_of_range": (
        "'{value}' không dùng được: không nhận NaN, vô cực hay số có hơn {digits} chữ số "
        "phần nguyên",
        "'{value}' cannot be used: NaN, infinity and numbers of more than {digits} digits "
        "before the decimal point are refused",
        "Ghi đúng số liệu; nếu số rất lớn, đổi sang đơn vị lớn hơn (ví dụ tỷ đồng).",
        "Write the real figure; for a very large one, use a larger unit (e.g. billion VND).",
    ),
    "too_many_cells": (
        "Dòng {row} có nhiều ô hơn dòng tiêu đề ({count} ô, tiêu đề có {width} cột)",
        "Row {row} has more cells than the header ({count} cells, {width} columns)",
        "Một ô chứa dấu phân cách mà không nằm trong ngoặc kép (vd. số 1.234.567,5 trong tệp "
        "phân cách bằng dấu phẩy): đặt ô đó trong ngoặc kép, ghi số không có dấu phân cách "
        "hàng nghìn, hoặc lưu lại tệp từ Excel.",
        "A cell holds the separator without quotes (e.g. the number 1.234.567,5 in a "
        "comma-separated file): put that cell in double quotes, write the number without "
        "thousands separators, or save the file again from Excel.",
    ),
    "not_a_number": (
        "'{value}' không phải là số",
        "'{value}' is not a number",
        "Ghi số không có dấu phân cách hàng nghìn, dùng dấu chấm thập phân (vd. 1234567.5).",
        "Write a plain number with a decimal point, no thousands separator (e.g. 1234567.5).",
    ),
    "not_a_year": (
        "'{value}' không phải là năm",
        "'{value}' is not a year",
        "Ghi năm bằng 4 chữ số, ví dụ 2024.",
        "Write the year as four digits, e.g. 2024.",
    ),
    "empty_value": (
        "Ô trống",
        "Empty cell",
        "Điền giá trị cho cột {column}.",
        "Fill in the {column} column.",
    ),
    "negative": (
        "{value} là số âm",
        "{value} is negative",
        "Cột {column} không được âm; kiểm tra lại số liệu.",
        "The {column} column cannot be negative; check the figure.",
    ),
    "weight_not_positive": (
        "Quyền số {value} không lớn hơn 0",
        "Weight {value} is not greater than 0",
        "Quyền số mẫu phải lớn hơn 0 (để trống nếu đơn vị không phải mẫu).",
        "A sampling weight must be above 0 (leave it empty for a unit that was not sampled).",
    ),
    "no_money_value": (
        "Đơn vị không có giá trị tăng thêm, giá trị sản xuất/chi phí trung gian hay doanh thu",
        "The unit has no value added, output/intermediate consumption or revenue",
        "Điền ít nhất một trong các cột giá trị cho đơn vị này, hoặc xóa dòng.",
        "Fill in at least one money column for this unit, or delete the row.",
    ),
    "duplicate_unit_year": (
        "Đơn vị {unit_id} có {count} dòng cho năm {year}",
        "Unit {unit_id} has {count} rows for year {year}",
        "Mỗi đơn vị chỉ có một dòng mỗi năm; gộp hoặc xóa các dòng trùng.",
        "Keep one row per unit and year; merge or delete the duplicates.",
    ),
    "duplicate_aggregate": (
        "Năm {year}, mã ngành {value}{area_text} có {count} dòng (các dòng {rows}); "
        "nếu giữ cả, các giá trị sẽ bị cộng dồn",
        "Year {year}, code {value}{area_text} is given {count} times (rows {rows}); "
        "kept, they would be added up",
        "Giữ một dòng cho mỗi năm, mã ngành và địa bàn: xóa dòng trùng, hoặc gộp chúng "
        "thành một dòng nếu là các phần của cùng một số liệu.",
        "Keep one row per year, code and area: delete the repeated row, or merge the rows "
        "into one if they are parts of the same figure.",
    ),
    "duplicate_total": (
        "Có {count} dòng tổng cho năm {year}{area_text}",
        "There are {count} total rows for year {year}{area_text}",
        "Giữ lại một dòng cho mỗi năm và địa bàn.",
        "Keep one row per year and area.",
    ),
    "bad_code": (
        "Mã ngành '{value}' không hợp lệ",
        "Industry code '{value}' is not valid",
        "Mã ngành gồm 2 đến 5 chữ số, ví dụ 5911 hoặc 59.11.",
        "An industry code has 2 to 5 digits, e.g. 5911 or 59.11.",
    ),
    "unknown_code": (
        "Mã ngành '{value}' không có trong {classification}",
        "Industry code '{value}' is not in {classification}",
        "Kiểm tra mã theo {classification}, hoặc chỉ rõ hệ thống ngành của dữ liệu "
        "(--data-classification).",
        "Check the code against {classification}, or state the data's classification "
        "(--data-classification).",
    ),
    "unknown_classification": (
        "Không biết hệ thống ngành '{value}'",
        "Unknown classification '{value}'",
        "Dùng một trong: {known}.",
        "Use one of: {known}.",
    ),
    "no_code_crosswalk": (
        "Không có bảng chuyển đổi mã từ {source} sang {target}",
        "No code crosswalk from {source} to {target}",
        "Cung cấp bảng chuyển đổi (--code-crosswalk) với các cột from_code, to_code, weight.",
        "Give a crosswalk file (--code-crosswalk) with columns from_code, to_code, weight.",
    ),
    "share_out_of_range": (
        "Tỷ lệ {value} nằm ngoài khoảng (0, 1]",
        "Share {value} is outside (0, 1]",
        "Tỷ lệ là phần của mã ngành thuộc lĩnh vực, lớn hơn 0 và không quá 1.",
        "A share is the part of the code in the sector: above 0 and at most 1.",
    ),
    "shares_exceed_one": (
        "Tổng tỷ lệ của mã {value} là {total}, vượt quá 1 (các dòng {rows})",
        "The shares of code {value} add up to {total}, more than 1 (rows {rows})",
        "Một mã ngành chỉ được chia tối đa 100% giữa các lĩnh vực; giảm các tỷ lệ.",
        "A code can be split among sectors up to 100% at most; reduce the shares.",
    ),
    "duplicate_scope_row": (
        "Mã {value} được gán cho lĩnh vực {sector} nhiều lần",
        "Code {value} is given to sector {sector} more than once",
        "Giữ một dòng cho mỗi cặp mã ngành và lĩnh vực.",
        "Keep one row per code and sector.",
    ),
    "unknown_scope": (
        "Không có phạm vi '{value}'",
        "No scope named '{value}'",
        "Dùng một phạm vi có sẵn ({known}) hoặc đường dẫn tới tệp phạm vi CSV/XLSX.",
        "Use a shipped scope ({known}) or the path of a CSV/XLSX scope file.",
    ),
    "weights_not_one": (
        "Tổng trọng số chia của {value} là {total}, không bằng 1",
        "The split weights of {value} add up to {total}, not 1",
        "Các phần chia của một đơn vị/mã cũ phải cộng lại bằng 1.",
        "The parts an old unit or code is split into must add up to 1.",
    ),
    "no_total_for_year": (
        "Không có GRDP toàn địa bàn cho năm {year}",
        "No GRDP for the whole territory in year {year}",
        "Thêm dòng năm {year} (để trống cột area) vào tệp tổng, hoặc bỏ năm này (--years).",
        "Add a row for {year} (area left empty) to the totals file, or leave the year out "
        "(--years).",
    ),
    "grdp_not_positive": (
        "GRDP {value} không lớn hơn 0",
        "GRDP {value} is not above 0",
        "Kiểm tra lại số liệu tổng sản phẩm trên địa bàn.",
        "Check the GRDP figure.",
    ),
    "unit_mismatch": (
        "Đơn vị tiền tệ khác nhau: {left} là '{left_unit}', {right} là '{right_unit}'",
        "Money units differ: {left} is in '{left_unit}', {right} in '{right_unit}'",
        "Đổi số liệu về cùng một đơn vị và ghi rõ đơn vị (--unit hoặc cột unit).",
        "Convert the figures to one unit and state it (--unit or a unit column).",
    ),
    "mixed_units_in_file": (
        "Tệp ghi nhiều đơn vị tiền tệ: {value}",
        "The file states several money units: {value}",
        "Mỗi tệp chỉ dùng một đơn vị; đổi về cùng một đơn vị.",
        "Use one unit per file; convert the figures to one unit.",
    ),
    "unknown_area": (
        "Mã địa bàn '{value}' không có trong danh mục đơn vị hành chính",
        "Area code '{value}' is not an official administrative unit",
        "Dùng mã của Tổng cục Thống kê: 5 chữ số cho xã/phường, 3 chữ số cho quận/huyện cũ.",
        "Use the statistics office's code: 5 digits for a commune or ward, 3 for a former "
        "district.",
    ),
    "area_required": (
        "Thiếu mã địa bàn",
        "Missing area code",
        "Điền mã địa bàn (mã xã/phường) khi tính theo địa bàn (--by area).",
        "Fill in the area code (ward code) when estimating by area (--by area).",
    ),
    "bad_years": (
        "Khoảng năm '{value}' không hợp lệ",
        "Year range '{value}' is not valid",
        "Ghi như 2019-2024 hoặc 2019,2021,2023.",
        "Write it as 2019-2024 or 2019,2021,2023.",
    ),
    "bad_by": (
        "Không tính theo '{value}' được",
        "Cannot break down by '{value}'",
        "Dùng sector, area hoặc sector,area.",
        "Use sector, area or sector,area.",
    ),
    "missing_option": (
        "Thiếu tùy chọn {option}",
        "Missing option {option}",
        "Thêm {option} vào lệnh; xem cnvh estimate --help.",
        "Add {option} to the command; see cnvh estimate --help.",
    ),
    "bad_option": (
        "Tùy chọn không hợp lệ: {detail}",
        "Invalid option: {detail}",
        "Xem {command} --help.",
        "See {command} --help.",
    ),
    "bad_method_option": (
        "Tùy chọn phương pháp không hợp lệ: {detail}",
        "Invalid method option: {detail}",
        "Độ tin cậy nằm giữa 0 và 1; số lần lặp bootstrap không âm.",
        "The confidence is between 0 and 1; bootstrap replicates are not negative.",
    ),
    "no_units_or_aggregates": (
        "Cần đúng một tệp dữ liệu: theo đơn vị (--units) hoặc tổng hợp theo mã (--aggregates)",
        "Give exactly one data file: unit-level (--units) or code-level aggregates (--aggregates)",
        "Chọn một trong hai tùy chọn.",
        "Choose one of the two options.",
    ),
    "benchmark_not_positive": (
        "Không hiệu chỉnh được ngành {value} năm {year}: giá trị tăng thêm khảo sát là {total}",
        "Cannot benchmark division {value} in {year}: the survey's value added is {total}",
        "Bỏ ngành này khỏi tệp hiệu chỉnh, hoặc kiểm tra số liệu khảo sát.",
        "Remove this division from the benchmark file, or check the survey data.",
    ),
    "no_imputation_donors": (
        "Không suy ra được giá trị tăng thêm từ doanh thu: không đơn vị nào báo cáo cả hai",
        "Cannot impute value added from revenue: no unit reports both",
        "Thêm các đơn vị có cả giá trị tăng thêm và doanh thu, hoặc điền giá trị tăng thêm.",
        "Add units that report both value added and revenue, or fill in value added.",
    ),
    "bad_division": (
        "'{value}' không phải mã ngành cấp 2",
        "'{value}' is not a 2-digit division code",
        "Ghi mã ngành cấp 2, ví dụ 59.",
        "Write a 2-digit division code, e.g. 59.",
    ),
    "bad_bootstrap": (
        "Số lần lặp bootstrap '{value}' không hợp lệ",
        "Bootstrap replicates '{value}' is not valid",
        "Ghi một số nguyên ≥ 0, hoặc auto.",
        "Write a whole number ≥ 0, or auto.",
    ),
    **SCENARIO_CATALOGUE,
}


@dataclass(frozen=True)
class Problem:
    code: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def _texts(self) -> tuple[str, str, str, str]:
        what_vi, what_en, fix_vi, fix_en = CATALOGUE[self.code]
        values = {
            "column": self.column or "",
            "row": self.row,
            "digits": WHOLE_DIGITS,
            **self.params,
        }
        return (
            what_vi.format(**values),
            what_en.format(**values),
            fix_vi.format(**values),
            fix_en.format(**values),
        )

    def _where(self, row_word: str, column_word: str) -> str:
        parts = [self.file] if self.file else []
        if self.row is not None:
            parts.append(f"{row_word} {self.row}")
        if self.column:
            parts.append(f"{column_word} {self.column}")
        return ", ".join(parts)

    @property
    def message_vi(self) -> str:
        what, _, fix, _ = self._texts()
        where = self._where("dòng", "cột")
        return f"{where}: {what}. Cách sửa: {fix}" if where else f"{what}. Cách sửa: {fix}"

    @property
    def message_en(self) -> str:
        _, what, _, fix = self._texts()
        where = self._where("row", "column")
        return f"{where}: {what}. Fix: {fix}" if where else f"{what}. Fix: {fix}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "message_vi": self.message_vi,
            "message_en": self.message_en,
        }


class InputError(Exception):
    """Raised with every problem found, so the user can fix them all at once."""

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        self.problems = problems
        self.more = more  # problems of the same kinds not listed, to keep the message readable
        super().__init__(self.render())

    def render(self) -> str:
        lines = []
        for problem in self.problems:
            lines.append(f"- {problem.message_vi}")
            lines.append(f"  {problem.message_en}")
        if self.more:
            more = "problem" if self.more == 1 else "problems"
            lines.append(f"… và {self.more} lỗi khác / and {self.more} more {more}")
        count = len(self.problems) + self.more
        noun = "problem" if count == 1 else "problems"
        header = (
            f"Dữ liệu đầu vào có {count} lỗi; chưa tính gì. / "
            f"The input has {count} {noun}; nothing was computed."
        )
        return "\n".join([header, *lines])


class ProblemList:
    """Collects problems while checking, then raises them together."""

    def __init__(self, limit: int = 50) -> None:
        self.items: list[Problem] = []
        self.more = 0
        self.limit = limit

    def add(self, code: str, **where_and_params: Any) -> None:
        if len(self.items) >= self.limit:
            self.more += 1
            return
        file = where_and_params.pop("file", None)
        row = where_and_params.pop("row", None)
        column = where_and_params.pop("column", None)
        self.items.append(Problem(code, file, row, column, where_and_params))

    def extend(self, other: "ProblemList") -> None:
        for problem in other.items:
            if len(self.items) < self.limit:
                self.items.append(problem)
            else:
                self.more += 1
        self.more += other.more

    def count_more(self, n: int) -> None:
        self.more += n

    def __bool__(self) -> bool:
        return bool(self.items) or self.more > 0

    def raise_if_any(self) -> None:
        if self:
            raise InputError(self.items, self.more)
