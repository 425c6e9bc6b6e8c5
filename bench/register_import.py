"""`make bench`: the import of a business-registration workbook of 50,000 enterprises.

Writes a real XLSX (xlsxwriter, Vietnamese headers, a title above the table): synthetic
enterprises with valid tax codes (one in twenty a branch of an enterprise above it, one
in twenty a household business by a personal number), cultural VSIC codes, today's ward
codes and founding dates. Then, in a fresh SQLite database migrated for the purpose,
runs the import as the pages and `cnvh import` run it (`cnvh.exchange.service`): the
check (read and every row checked), then the save in one transaction. Prints each
step's time, the rows per second of the whole, and the process's peak resident memory
(`resource`), with what it was before the import.

    python -m bench.register_import [--enterprises 50000] [--profile]
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

DEFAULT_ENTERPRISES = 50_000
VSIC = ("3290", "5911", "5920", "7410", "9000", "1811", "5811", "7310", "2393", "4773")
FORMS = ("Công ty TNHH", "Công ty cổ phần", "Doanh nghiệp tư nhân", "Hợp tác xã")
HEADER = (
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Loại hình",
    "Ngành chính",
    "Ngành khác",
    "Địa chỉ",
    "Mã phường xã",
    "Ngày thành lập",
    "Tình trạng",
)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.register_import", description=__doc__)
    parser.add_argument("--enterprises", type=int, default=DEFAULT_ENTERPRISES)
    parser.add_argument(
        "--profile", action="store_true", help="print the 25 costliest calls of the import"
    )
    return parser.parse_args(argv)


def _setup(folder: Path) -> None:
    """Django on a new SQLite database in `folder`, with the enterprise register's tables."""
    os.environ["CNVH_VAR_DIR"] = str(folder)
    os.environ["CNVH_DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "cnvh.settings"
    import django
    from django.core.management import call_command

    django.setup()
    # Only what the register needs, and what that needs: the whole schema would take
    # four times as long to build as a small register takes to import.
    for app in ("exchange", "enterprises"):  # the import's record, then the register
        call_command("migrate", app, verbosity=0)


def tax_codes(count: int) -> list[str]:
    """`count` valid enterprise codes, in order: 10 digits with their check digit."""
    from stdnum.vn import mst

    found: list[str] = []
    serial = 1_000_000
    while len(found) < count:
        serial += 1
        base = f"01{serial:07d}"
        digit = mst.calc_check_digit(base)
        if len(digit) == 1:
            found.append(base + digit)
    return found


def rows(count: int) -> list[list[object]]:
    """The register's rows: every 20th a branch of the enterprise before it, every 20th
    (offset by ten) a household business by a 12-digit personal number."""
    from cnvh.enterprises.wards import ward_names

    wards = sorted(ward_names())
    codes = iter(tax_codes(count))
    made: list[list[object]] = []
    parent = ""
    for number in range(count):
        if number % 20 == 19 and parent:
            code, form, name = f"{parent}-001", "Công ty TNHH", f"Chi nhánh {number}"
        elif number % 20 == 9:
            code, form, name = f"001{number:09d}", "Hộ kinh doanh", f"Hộ kinh doanh {number}"
        else:
            code, form = next(codes), FORMS[number % len(FORMS)]
            name, parent = f"Công ty Văn hóa Sáng tạo số {number}", code
        made.append(
            [
                code,
                name,
                form,
                VSIC[number % len(VSIC)],
                VSIC[(number + 3) % len(VSIC)] if number % 3 == 0 else "",
                f"Số {number % 300 + 1} phố Hàng Bông",
                wards[number % len(wards)],
                date(1995, 1, 1) + timedelta(days=number % 10_000),
                "Đang hoạt động",
            ]
        )
    return made


def write_workbook(path: Path, count: int) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Doanh nghiệp")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ KINH DOANH (số liệu minh họa)"])
    sheet.write_row(2, 0, HEADER)
    for number, row in enumerate(rows(count), start=3):
        for position, cell in enumerate(row):
            if isinstance(cell, date):
                sheet.write_datetime(number, position, cell, dates)
            elif cell:
                sheet.write_string(number, position, str(cell))
    book.close()
    return path


def peak_mib() -> float:
    """The process's peak resident memory so far (Linux reports kibibytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: Path) -> dict[str, float]:
    """Checks and saves the file as one import; the seconds of each step."""
    from django.core.files import File

    from cnvh.enterprises.models import Enterprise
    from cnvh.exchange import service
    from cnvh.exchange.models import ImportRecord

    with path.open("rb") as opened:
        started = time.perf_counter()
        record = service.start_import(None, File(opened, name=path.name), "enterprises")
    checked = time.perf_counter()
    if record.status != ImportRecord.Status.CHECKED:
        raise SystemExit(f"the file did not pass its checks: {record.problems[:3]}")
    record = service.confirm_import(None, record, background=False)
    saved = time.perf_counter()
    if record.status != ImportRecord.Status.IMPORTED:
        raise SystemExit(f"the save failed: {record.problems[:3]}")
    return {
        "check": checked - started,
        "save": saved - checked,
        "rows": record.rows_read,
        "enterprises": Enterprise.objects.count(),
    }


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    with tempfile.TemporaryDirectory(prefix="cnvh-bench-") as folder:
        _setup(Path(folder))
        path = write_workbook(Path(folder) / "dang-ky-kinh-doanh.xlsx", args.enterprises)
        before = peak_mib()
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            figures = profiler.runcall(run, path)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        else:
            figures = run(path)
        total = figures["check"] + figures["save"]
        print(
            f"register workbook of {args.enterprises:,} enterprises:"
            f" {path.stat().st_size / 2**20:.2f} MiB, {figures['rows']:,.0f} rows,"
            f" {figures['enterprises']:,.0f} enterprises saved"
        )
        print(
            f"register import: check {figures['check']:.1f} s, save {figures['save']:.1f} s,"
            f" total {total:.1f} s, {figures['rows'] / total:,.0f} rows/s"
        )
        print(f"register import peak memory: {peak_mib():.0f} MiB ({before:.0f} MiB before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
