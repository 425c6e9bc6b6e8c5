"""`cnvh area-crosswalk`: old units to today's, for --area-crosswalk."""

import sys
from pathlib import Path

from cnvh.stats.arguments import EXIT_BAD_INPUT, ArgumentParser

from .crosswalk import commune_crosswalk, district_crosswalk, write_crosswalk
from .units import HANOI


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="cnvh area-crosswalk",
        description="Viết bảng chuyển đổi địa bàn cũ sang xã/phường từ 01/7/2025. / "
        "Write the crosswalk from the units before 2025-07-01 to today's communes.",
    )
    parser.add_argument("--province", default=HANOI, help="GSO province code (default 01, Hanoi)")
    parser.add_argument(
        "--from",
        dest="level",
        choices=["district", "commune"],
        default="district",
        help="old districts (default) or old communes",
    )
    parser.add_argument("--output", type=Path, required=True, help="CSV file to write")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    make = district_crosswalk if args.level == "district" else commune_crosswalk
    try:
        rows = make(args.province)
    except (ValueError, IndexError):
        sys.stderr.write(
            f"Không có tỉnh/thành phố mã '{args.province}'. / "
            f"No province with code '{args.province}'.\n"
        )
        return EXIT_BAD_INPUT
    write_crosswalk(rows, args.output)
    old = len({row[0] for row in rows})
    new = len({row[1] for row in rows})
    print(f"{args.output}: {old} → {new} ({len(rows)} rows)")
    return 0
