"""`cnvh estimate`: the engine on the command line."""

import argparse
import io
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .arguments import EXIT_BAD_INPUT, ArgumentParser
from .checked import CheckedFiles
from .estimate import estimate
from .figures import grouped, percent
from .money import display_unit
from .options import EstimateOptions, parse_by, parse_replicates, parse_years
from .problems import InputError, ProblemList
from .result import Estimate
from .scope import load_scope, shipped_scopes


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="cnvh estimate",
        description="Ước tính công nghiệp văn hóa từ dữ liệu doanh nghiệp. / "
        "Estimate the cultural industries from business data.",
    )
    parser.add_argument(
        "--scope",
        help=f"shipped scope ({', '.join(shipped_scopes())}) "
        "or a CSV/XLSX file with columns code, sector, share",
    )
    parser.add_argument(
        "--scope-classification",
        default="VSIC2018",
        help="classification of a scope file (default VSIC2018)",
    )
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--units", type=Path, help="unit-level data (CSV, XLSX or Parquet)")
    data.add_argument("--aggregates", type=Path, help="code-level aggregates")
    parser.add_argument("--totals", type=Path, help="economy totals: year, grdp[, area]")
    parser.add_argument("--years", help="e.g. 2019-2024 or 2019,2021,2023-2024")
    parser.add_argument("--by", default="sector", help="sector, area or sector,area")
    parser.add_argument(
        "--unit",
        default="million VND",
        help="money unit of files that do not state one (default million VND)",
    )
    parser.add_argument(
        "--data-classification", help="classification of the data's codes (default: the scope's)"
    )
    parser.add_argument(
        "--code-list",
        type=Path,
        help="full list of the data classification's codes (code, title_vi, title_en)",
    )
    parser.add_argument(
        "--code-crosswalk", type=Path, help="crosswalk file: from_code, to_code, weight"
    )
    parser.add_argument(
        "--area-crosswalk", type=Path, help="old areas to today's: old_area, new_area, weight"
    )
    parser.add_argument(
        "--benchmark",
        type=Path,
        help="official value added by division: year, division, value_added",
    )
    parser.add_argument(
        "--bootstrap",
        default="auto",
        help="replicates for confidence intervals (auto: 200 if sampled)",
    )
    parser.add_argument("--seed", type=int, default=20250701, help="bootstrap random seed")
    parser.add_argument("--confidence", type=float, default=0.95, help="confidence level")
    parser.add_argument(
        "--check-areas",
        action="store_true",
        help="check area codes against the official list of administrative units",
    )
    parser.add_argument(
        "--no-duplicate-check",
        action="store_true",
        help="skip checking that each unit appears once a year (data already checked)",
    )
    parser.add_argument(
        "--checked-files",
        type=Path,
        default=default_checked_files(),
        help="folder of the record of files already checked (default %(default)s)",
    )
    parser.add_argument(
        "--no-record",
        action="store_true",
        help="read every file in full, and neither use nor write the record of checked files",
    )
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="language of the table's sector names"
    )
    parser.add_argument("--output", type=Path, help="write to this file instead of the screen")
    return parser


def default_checked_files() -> Path:
    """The record lives with the person's caches, as other tools keep theirs: re-running
    an estimate on the same large files is what a statistician does all day."""
    if folder := os.environ.get("CNVH_CHECKED_FILES_DIR"):
        return Path(folder)
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "cnvh" / "checked-files"


def estimate_options(args: argparse.Namespace, problems: ProblemList) -> EstimateOptions:
    for option, value in (("--scope", args.scope), ("--totals", args.totals)):
        if value is None:
            problems.add("missing_option", option=option)
    if args.units is None and args.aggregates is None:
        problems.add("missing_option", option="--units / --aggregates")
    if not 0 < args.confidence < 1:
        problems.add("bad_method_option", detail=f"--confidence {args.confidence}")
    return EstimateOptions(
        years=parse_years(args.years, problems) if args.years else None,
        by=parse_by(args.by, problems),
        unit=args.unit,
        data_classification=args.data_classification,
        code_list=args.code_list,
        code_crosswalk=args.code_crosswalk,
        area_crosswalk=args.area_crosswalk,
        benchmark=args.benchmark,
        bootstrap=parse_replicates(args.bootstrap, problems),
        seed=args.seed,
        confidence=args.confidence,
        check_duplicates=not args.no_duplicate_check,
        check_areas=args.check_areas,
    )


def run_estimate(args: argparse.Namespace, options: EstimateOptions, console: Console) -> Estimate:
    scope = load_scope(args.scope, classification=args.scope_classification.upper())
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("cnvh estimate", total=1.0)

        def report(step: str, done: float) -> None:
            bar.update(task, completed=done, description=f"cnvh estimate: {step}")

        return estimate(
            scope,
            totals=args.totals,
            units=args.units,
            aggregates=args.aggregates,
            options=options,
            progress=report,
            checked=None if args.no_record else CheckedFiles(args.checked_files),
        )


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    errors = Console(stderr=True)
    problems = ProblemList()
    options = estimate_options(args, problems)
    try:
        problems.raise_if_any()
        result = run_estimate(args, options, errors)
    except InputError as error:
        sys.stderr.write(error.render() + "\n")
        return EXIT_BAD_INPUT
    text = render(result, args.format, args.lang)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def render(result: Estimate, fmt: str, lang: str) -> str:
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "csv":
        return result.to_csv()
    console = Console(record=True, width=140, file=io.StringIO())
    console.print(_table(result, lang))
    return console.export_text()


def _number(value: float | None, lang: str, digits: int = 1) -> str:
    return "" if value is None else grouped(value, digits, lang)


def _percent(value: float | None, lang: str) -> str:
    return "" if value is None else percent(value, 2, lang)


def _table(result: Estimate, lang: str) -> Table:
    vi = lang == "vi"
    scope = result.scope
    title = scope.title_vi if vi else scope.title_en
    unit = display_unit(result.unit, lang)
    level = f"{(result.provenance.get('bootstrap') or {}).get('confidence', 0.95):.0%}"
    table = Table(title=f"{title} ({scope.key} {scope.version}) — {unit}")
    headers = (
        [
            "Năm",
            "Lĩnh vực",
            "Địa bàn",
            f"GTTT ({unit})",
            "% GRDP",
            f"KTC {level}",
            "Lao động",
            "Cơ sở",
        ]
        if vi
        else [
            "Year",
            "Sector",
            "Area",
            f"Value added ({unit})",
            "% of GRDP",
            f"{level} CI",
            "Employment",
            "Establishments",
        ]
    )
    for index, header in enumerate(headers):
        table.add_column(header, justify="left" if index in (1, 2) else "right")
    total_label = "Tổng" if vi else "Total"
    everywhere = "Toàn địa bàn" if vi else "All areas"
    for row in result.rows:
        names = scope.sectors.get(row.sector or "", {})
        sector = names.get("title_vi" if vi else "title_en", row.sector) if row.sector else None
        interval = (
            f"{_percent(row.share_ci_low, lang)}–{_percent(row.share_ci_high, lang)}"
            if row.share_ci_low is not None
            else ""
        )
        table.add_row(
            str(row.year),
            sector or total_label,
            row.area or everywhere,
            _number(row.value_added, lang),
            _percent(row.share, lang),
            interval,
            _number(row.employment, lang, 0),
            _number(row.establishments, lang),
        )
    return table
