"""`cnvh demo-data`: write the synthetic demo data set."""

import time
from pathlib import Path

from cnvh.demo import calibration
from cnvh.demo.generate import DEFAULT_SEED, DEFAULT_UNITS, generate
from cnvh.stats.arguments import ArgumentParser


def _parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="cnvh demo-data",
        description="Write a SYNTHETIC, reproducible demo data set (not official statistics).",
    )
    parser.add_argument(
        "--units",
        type=int,
        default=DEFAULT_UNITS,
        help=f"about how many businesses a year (default {DEFAULT_UNITS:,})",
    )
    parser.add_argument(
        "--first-year",
        type=int,
        default=calibration.YEARS[0],
        help=(
            f"first year of data (default {calibration.YEARS[0]}; earlier years are "
            f"extrapolated back from {calibration.YEARS[0]}), through {calibration.YEARS[-1]}"
        ),
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="same seed, same files, byte for byte"
    )
    parser.add_argument(
        "--output", type=Path, default=Path("var/demo"), help="directory (default var/demo)"
    )
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.units < 1:
        _parser().error("--units ≥ 1")
    if not 1990 <= args.first_year < calibration.YEARS[-1]:
        _parser().error(f"--first-year: 1990 to {calibration.YEARS[-1] - 1}")
    started = time.perf_counter()
    checksums = generate(
        args.output, units_per_year=args.units, seed=args.seed, first_year=args.first_year
    )
    elapsed = time.perf_counter() - started
    print(f"SYNTHETIC demo data (seed {args.seed}) written to {args.output} in {elapsed:.1f} s:")
    for name in checksums:
        print(f"  {name}")
    return 0
