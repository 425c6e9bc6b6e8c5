"""The README.txt that travels with the demo data, in Vietnamese and English."""

from cnvh.demo import calibration


def _share_lines(years: tuple[int, ...]) -> str:
    return "\n".join(
        f"  {year}: GRDP {calibration.grdp(year) / 1e6:,.0f} nghìn tỷ / trillion VND, "
        f"CNVH {calibration.culture_share(year):.2%}"
        for year in years
    )


VI = """\
DỮ LIỆU MẪU TỔNG HỢP (SYNTHETIC) — KHÔNG PHẢI SỐ LIỆU THỐNG KÊ CHÍNH THỨC
=======================================================================

Bộ dữ liệu này do lệnh `cnvh demo-data` sinh ngẫu nhiên (hạt giống/seed = {seed},
{units} đơn vị mỗi năm) để trình diễn và kiểm thử hệ thống cnvh. Các doanh nghiệp,
hộ kinh doanh và số liệu trong đó là giả lập; không được trích dẫn như số liệu
của Hà Nội.

Hiệu chỉnh: GRDP theo giá hiện hành gần các ước tính báo chí (2020 ≈ 1.024;
2022 ≈ 1.196; 2024 ≈ 1.430 nghìn tỷ đồng; các năm khác nội suy hợp lý). Giá trị
tăng thêm của các ngành công nghiệp văn hóa theo phạm vi `hanoi-plan` (tính cả hệ
số tỷ trọng của ẩm thực, du lịch, thời trang...) được hiệu chỉnh về khoảng
3,6–4,3% GRDP, giảm trong các năm COVID 2020–2021.

Địa bàn: năm 2019–2024 theo mã 30 quận/huyện/thị xã cũ (mã GSO 3 chữ số); năm
2025 theo mã 126 phường/xã mới (mã GSO 5 chữ số), lấy từ gói `vietnamadminunits`.
Bảng chuyển đổi area-crosswalk.csv: mỗi quận/huyện cũ → các phường/xã mới, trọng
số = số phường/xã cũ của quận/huyện chuyển sang phường/xã mới đó (phường/xã cũ bị
chia thì chia đều) ÷ tổng số phường/xã cũ của quận/huyện; tổng trọng số bằng 1.

Tiền tệ: triệu đồng. Lao động: người. Mã ngành: VSIC 2018 (một số có dấu chấm,
ví dụ "59.11", như trong tệp thực tế).

Tệp tong-hop-theo-nganh-co-loi.xlsx: số liệu trên cộng theo năm và mã ngành, trình
bày như biểu của cơ quan thống kê (dòng tiêu đề, tiêu đề cột gộp hai dòng, một số
số liệu ghi kiểu Việt Nam 1.584.841,68), để thử chức năng nhập (/imports/new/,
loại "aggregates"). Tệp cố ý có ba lỗi: số có hai dấu phẩy thập phân (dòng 10), mã
ngành bị bỏ trống (dòng 17) và năm ghi năm chữ số (dòng 27). Sửa trong bảng tính
rồi nhập, sau đó ước tính từ tệp này cùng totals.csv. Hộ kinh doanh là mẫu phân tầng theo địa
bàn (stratum = hh-<mã địa bàn>, weight = N_h / n_h); doanh nghiệp là tổng điều
tra (weight = 1, stratum để trống).

Tệp tong-hop-theo-nganh-co-loi.xlsx: số liệu trên cộng theo năm và mã ngành, trình
bày như biểu của cơ quan thống kê (dòng tiêu đề, tiêu đề cột gộp hai dòng, một số
số liệu ghi kiểu Việt Nam 1.584.841,68), để thử chức năng nhập (/imports/new/,
loại "aggregates"). Tệp cố ý có ba lỗi: số có hai dấu phẩy thập phân (dòng 10), mã
ngành bị bỏ trống (dòng 17) và năm ghi năm chữ số (dòng 27). Sửa trong bảng tính
rồi nhập, sau đó ước tính từ tệp này cùng totals.csv. Không gồm các đơn vị chỉ báo
cáo doanh thu.
"""

EN = """\
SYNTHETIC DEMO DATA — NOT OFFICIAL STATISTICS
=============================================

Generated at random by `cnvh demo-data` (seed = {seed}, {units} units a year) to
demonstrate and test cnvh. Its businesses and figures are invented; do not quote
them as Hanoi's.

Calibration (targets; the files hit them to rounding):
{shares}
GRDP at current prices is near the press estimates (2020 ≈ 1,024; 2022 ≈ 1,196;
2024 ≈ 1,430 trillion VND) with the other years filled in plausibly. Value added
of the cultural industries under the `hanoi-plan` scope (with its partial shares
for cuisine, travel, fashion, ...) is scaled to the share above, with the COVID
dip of 2020-2021; value added is measured as the engine does (reported, else
output − intermediate consumption, else revenue × the code's ratio).

Areas: 2019-2024 rows use the 30 former districts (3-digit GSO codes); 2025 rows
use the 126 new wards and communes (5-digit GSO codes), from the package
`vietnamadminunits`. area-crosswalk.csv maps each old district to the new wards
its territory went to; weight = the number of the district's old wards that went
to that new ward (an old ward divided among several new ones counts equally for
each) ÷ the district's number of old wards. Weights sum to 1 per old district.
Businesses are concentrated near the centre; craft households spread wider.

Files
  units.parquet, units.csv  one row per business per year, 2019-2025
    unit_id        HKD-... household business, DN-... enterprise (same id every year)
    year           calendar year
    code           VSIC 2018 code (some written with a dot, e.g. "59.11")
    area           district code (2019-2024) or ward code (2025); text, keep leading zeros
    value_added    million VND; empty when the unit did not report it
    output, intermediate_consumption   million VND; empty when not reported
    revenue        million VND; empty when not reported
    employment     persons
    weight         sampling weight: N_h / n_h for household businesses (a sample
                   stratified by area), 1 for enterprises (a census)
    stratum        hh-<area> for household businesses; empty for enterprises
  tong-hop-theo-nganh-co-loi.xlsx  the units summed by year and industry code as a
    statistics office's workbook (title rows, a merged two-row header, some figures
    typed the Vietnamese way, 1.584.841,68), for trying the import
    (/imports/new/, kind "aggregates"). It has three mistakes on purpose: a figure
    with two decimal commas (row 10), an empty industry code (row 17) and a
    five-digit year (row 27). Fix them in a spreadsheet, import it, and estimate
    from it with totals.csv. Revenue-only units are left out of it.
  Reporting mix: most units report value added (and its parts and revenue); about
  15% report only output and intermediate consumption; about 10% only revenue.
  totals.csv         year, grdp (million VND), employment (persons) for the whole city
  area-crosswalk.csv old_area, new_area, weight
  manifest.json      {{"synthetic": true, "seed": ..., "files": {{name: sha256}}}}
"""


def readme_text(seed: int, units_per_year: int, years: tuple[int, ...] = calibration.YEARS) -> str:
    vi = VI.format(seed=seed, units=f"{units_per_year:,}")
    en = EN.format(seed=seed, units=f"{units_per_year:,}", shares=_share_lines(years))
    return f"{vi}\n{en}"
