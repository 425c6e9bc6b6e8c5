"""Indicator values from statistical tables published by others (the statistics office's
figures for an indicator, by year and optionally by area).

Only indicators whose values come from imported tables take them. Each row becomes a new
`ImportedValue` tied to its import and row; one already there for the same indicator,
year and area stays, marked as replaced, so both can still be traced.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.geo import units
from cnvh.plan.imports.common import Text, add, check_length, column, duplicates, label, text
from cnvh.plan.limits import FIRST_YEAR, LAST_YEAR
from cnvh.plan.models import ImportedValue, Indicator
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

DECIMAL_PLACES, WHOLE_DIGITS = 6, 14  # what ImportedValue.value holds


class IndicatorValueKind:
    key: str = "indicator_values"
    title_vi: str = "Số liệu chỉ tiêu (bảng thống kê)"
    title_en: str = "Indicator values (statistical tables)"
    permission: str = "plan.import_indicator_values"
    columns: tuple[Column, ...] = (
        column(
            "indicator",
            "code",
            "Mã chỉ tiêu",
            "Indicator code",
            "Chỉ tiêu",
            "Indicator",
            required=True,
        ),
        column("year", "integer", "Năm", "Year", required=True),
        column("area", "code", "Mã địa bàn", "Area code", "Địa bàn", "Area", "Mã ĐVHC"),
        column("value", "decimal", "Giá trị", "Value", "Số liệu", required=True),
        column("unit", "text", "Đơn vị tính", "Unit", "ĐVT"),
        column("source", "text", "Nguồn số liệu", "Source", "Nguồn", "Published in"),
        column("note", "text", "Ghi chú", "Note"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        indicators = _indicators(rows)
        for row in rows:
            indicator = indicators.get(text(row, "indicator"))
            if indicator is None:
                _report_unknown(problems, row)
            elif indicator.source != Indicator.Source.IMPORTED:
                _report_not_imported(problems, row, indicator)
            else:
                _check_area(problems, row, indicator)
                _check_unit(problems, row, indicator)
            _check_year(problems, row)
            _check_value(problems, row)
            check_length(problems, row, "source", 255)
            check_length(problems, row, "note", 500)
        duplicates(
            rows,
            _key,
            problems,
            "value",
            Text(
                "Cùng chỉ tiêu, năm và địa bàn đã có ở dòng {row}.",
                "The same indicator, year and area is on row {row}.",
            ),
            Text(
                "Giữ một giá trị cho mỗi chỉ tiêu, năm và địa bàn: xóa dòng thừa.",
                "Keep one value for each indicator, year and area: remove the extra row.",
            ),
        )

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        indicators = _indicators(rows)
        current = {
            (value.indicator_id, value.year, value.area): value
            for value in ImportedValue.objects.filter(
                indicator__in=indicators.values(), current=True
            )
        }
        for row in rows:
            indicator = indicators[text(row, "indicator")]
            year, area = row.values["year"], text(row, "area")
            value = row.values["value"]
            assert isinstance(year, int) and isinstance(value, Decimal)  # checked
            replaced = current.get((indicator.pk, year, area))
            if replaced is not None:
                replaced.current = False
                replaced.save(update_fields=["current"])
            ImportedValue.objects.create(
                indicator=indicator,
                year=year,
                area=area,
                value=value,
                source=text(row, "source"),
                note=text(row, "note"),
                record=record,
                row=row.number,
                replaces=replaced,
            )
        return len(rows)


def _indicators(rows: Sequence[Row]) -> dict[str, Indicator]:
    wanted = {text(row, "indicator") for row in rows} - {""}
    return Indicator.objects.in_bulk(wanted, field_name="code")


def _key(row: Row) -> tuple[str, object, str] | None:
    if not text(row, "indicator") or row.values.get("year") is None:
        return None
    return (text(row, "indicator"), row.values.get("year"), text(row, "area"))


def _report_unknown(problems: Problems, row: Row) -> None:
    code = text(row, "indicator")
    if not code:
        return
    add(
        problems,
        row,
        "indicator",
        Text(f"Không có chỉ tiêu mã “{code}”.", f"No indicator with code “{code}”."),
        Text(
            "Sửa mã chỉ tiêu cho đúng (xem danh sách chỉ tiêu).",
            "Correct the indicator code (see the list of indicators).",
        ),
    )


def _report_not_imported(problems: Problems, row: Row, indicator: Indicator) -> None:
    source = label(Indicator.Source(indicator.source))
    imported = label(Indicator.Source.IMPORTED)
    add(
        problems,
        row,
        "indicator",
        Text(
            f"Chỉ tiêu “{indicator.code}” lấy giá trị từ nguồn “{source.vi}”, không nhận giá "
            "trị nhập từ tệp.",
            f"The indicator “{indicator.code}” takes its values from “{source.en}”, not from "
            "imported files.",
        ),
        Text(
            f"Chỉ nhập giá trị cho chỉ tiêu có nguồn “{imported.vi}”; nếu chỉ tiêu này nên lấy "
            "số liệu từ bảng thống kê, đề nghị điều phối viên đổi nguồn của chỉ tiêu trước.",
            f"Import values only for indicators whose source is “{imported.en}”; if this "
            "indicator should take its values from statistical tables, ask the coordinator "
            "to change its source first.",
        ),
    )


def _check_area(problems: Problems, row: Row, indicator: Indicator) -> None:
    area = text(row, "area")
    if not area:
        return
    if "area" not in (indicator.disaggregations or []):
        add(
            problems,
            row,
            "area",
            Text(
                f"Chỉ tiêu “{indicator.code}” không chia theo địa bàn.",
                f"The indicator “{indicator.code}” is not broken down by area.",
            ),
            Text(
                "Để trống ô địa bàn (giá trị của cả thành phố), hoặc thêm phân tổ “area” cho "
                "chỉ tiêu trước.",
                "Leave the area empty (the whole city's value), or add the “area” "
                "disaggregation to the indicator first.",
            ),
        )
    elif area not in units.official_codes():
        add(
            problems,
            row,
            "area",
            Text(
                f"Mã địa bàn “{area}” không phải mã đơn vị hành chính chính thức.",
                f"The area code “{area}” is not an official administrative unit code.",
            ),
            Text(
                "Ghi mã của Tổng cục Thống kê: 5 chữ số cho phường, xã (ví dụ 00004), "
                "3 chữ số cho quận, huyện trước 1/7/2025; để trống cho cả thành phố.",
                "Write the statistics office's code: 5 digits for a ward or commune (for "
                "example 00004), 3 for a district before 2025-07-01; empty for the whole city.",
            ),
        )


def _check_unit(problems: Problems, row: Row, indicator: Indicator) -> None:
    unit = text(row, "unit")
    if unit and plain(unit) != plain(indicator.unit):
        add(
            problems,
            row,
            "unit",
            Text(
                f"Đơn vị “{unit}” khác đơn vị của chỉ tiêu “{indicator.unit}”.",
                f"The unit “{unit}” differs from the indicator's unit “{indicator.unit}”.",
            ),
            Text(
                f"Đổi giá trị sang đơn vị “{indicator.unit}” và ghi đơn vị đó.",
                f"Convert the value to “{indicator.unit}” and write that unit.",
            ),
        )


def _check_year(problems: Problems, row: Row) -> None:
    year = row.values.get("year")
    if isinstance(year, int) and not FIRST_YEAR <= year <= LAST_YEAR:
        add(
            problems,
            row,
            "year",
            Text(f"Năm {year} không hợp lệ.", f"The year {year} is not valid."),
            Text(
                f"Ghi năm bằng bốn chữ số, từ {FIRST_YEAR} đến {LAST_YEAR}.",
                f"Write the year with four digits, from {FIRST_YEAR} to {LAST_YEAR}.",
            ),
        )


def _check_value(problems: Problems, row: Row) -> None:
    value = row.values.get("value")
    if not isinstance(value, Decimal) or not value.is_finite():
        return
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    whole = normal.adjusted() + 1 if value else 0
    if places > DECIMAL_PLACES or whole > WHOLE_DIGITS:
        add(
            problems,
            row,
            "value",
            Text(
                f"Giá trị {value} có quá nhiều chữ số.",
                f"The value {value} has too many digits.",
            ),
            Text(
                f"Ghi tối đa {WHOLE_DIGITS} chữ số phần nguyên và {DECIMAL_PLACES} chữ số thập "
                "phân.",
                f"Write at most {WHOLE_DIGITS} digits before the decimal point and "
                f"{DECIMAL_PLACES} after it.",
            ),
        )
