"""`cnvh scenario`: the growth that reaches a target share of GRDP, and where the trend
leads, from the same inputs as `cnvh estimate`."""

import argparse
import dataclasses
import io
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from . import command
from .figures import grouped, percent
from .money import display_unit
from .problems import InputError, ProblemList
from .result import Estimate
from .scenario import ScenarioParams, scenario
from .scenario_inputs import read_grdp_path, read_sector_growth
from .scenario_result import Scenario

# Unlike `cnvh estimate` (2), as the scenario's specification asks: 1 for bad input.
EXIT_BAD_INPUT = 1


def build_parser() -> argparse.ArgumentParser:
    parser = command.build_parser()
    parser.prog = "cnvh scenario"
    parser.description = (
        "Tốc độ tăng trưởng cần thiết để đạt tỷ trọng mục tiêu, và xu hướng. / "
        "The growth that reaches a target share of GRDP, and where the trend leads."
    )
    parser.add_argument("--base-year", type=int, help="base year Y0 (in the data)")
    parser.add_argument("--target-year", type=int, help="target year Y1, after Y0")
    parser.add_argument("--target-share", type=float, help="target share of GRDP, e.g. 0.08")
    grdp = parser.add_mutually_exclusive_group()
    grdp.add_argument("--grdp-growth", type=float, help="GRDP growth a year, e.g. 0.07")
    grdp.add_argument("--grdp", type=Path, help="GRDP projection: year, grdp (Y0..Y1)")
    parser.add_argument(
        "--sector-growth", type=Path, help="growth assumed by sector: sector, growth"
    )
    parser.add_argument(
        "--trend-from", type=int, help="first year of the trend (default: the data's first)"
    )
    return parser


def _missing(args: argparse.Namespace, problems: ProblemList) -> None:
    for option, value in (
        ("--base-year", args.base_year),
        ("--target-year", args.target_year),
        ("--target-share", args.target_share),
    ):
        if value is None:
            problems.add("missing_option", option=option)
    if args.grdp_growth is None and args.grdp is None:
        problems.add("no_grdp_growth")
    if args.by != "sector":
        problems.add("bad_option", detail=f"--by {args.by}", command="cnvh scenario")


def _params(
    args: argparse.Namespace, result: Estimate, problems: ProblemList
) -> tuple[ScenarioParams, list[dict[str, object]]]:
    files: list[dict[str, object]] = []
    grdp_path = None
    growth: dict[str, float] = {}
    if args.grdp:
        grdp_path, described = read_grdp_path(args.grdp, problems)
        files += [described] if described else []
    if args.sector_growth:
        growth, described = read_sector_growth(args.sector_growth, result.scope, problems)
        files += [described] if described else []
    params = ScenarioParams(
        base_year=args.base_year,
        target_year=args.target_year,
        target_share=args.target_share,
        grdp_growth=args.grdp_growth,
        grdp_path=grdp_path,
        sector_growth=growth,
        trend_from=args.trend_from,
    )
    return params, files


def run(args: argparse.Namespace, console: Console) -> Scenario:
    problems = ProblemList()
    options = command.estimate_options(args, problems)
    _missing(args, problems)
    problems.raise_if_any()
    options = dataclasses.replace(options, by=("sector",))
    result = command.run_estimate(args, options, console)
    params, files = _params(args, result, problems)
    problems.raise_if_any()
    made = scenario(result, params)
    made.provenance = scenario_provenance(result.provenance, params, files)
    return made


def scenario_provenance(
    estimate: dict[str, Any], params: ScenarioParams, files: list[dict[str, object]]
) -> dict[str, Any]:
    """The estimate's provenance, its inputs joined by the scenario's files, and the
    scenario's assumptions and method."""
    return {
        **estimate,
        "inputs": [*estimate.get("inputs", []), *files],
        "scenario": {
            **params.describe(),
            "method": "docs/methods.md §11: required growth in closed form; trend as "
            "compound annual growth; projected share intervals from the estimate's "
            "bootstrap replicates",
        },
    }


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    errors = Console(stderr=True)
    try:
        made = run(args, errors)
    except InputError as error:
        sys.stderr.write(error.render() + "\n")
        return EXIT_BAD_INPUT
    text = render(made, args.format, args.lang)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def render(made: Scenario, fmt: str, lang: str) -> str:
    if fmt == "json":
        return made.to_json() + "\n"
    if fmt == "csv":
        return made.to_csv()
    console = Console(record=True, width=160, file=io.StringIO())
    console.print(table(made, lang))
    return console.export_text()


def _pct(value: float | None, lang: str) -> str:
    return "" if value is None else percent(value, 2, lang)


def table(made: Scenario, lang: str) -> Table:
    vi = lang == "vi"
    params = made.params
    unit = display_unit(made.unit, lang)
    years = f"{params.base_year}→{params.target_year}"
    title = (
        f"Con đường tới {_pct(params.target_share, lang)} GRDP, {years}; GRDP tăng "
        f"{_pct(made.grdp_growth, lang)}/năm; xu hướng từ {made.trend_from}"
        if vi
        else f"The road to {_pct(params.target_share, lang)} of GRDP, {years}; GRDP growing "
        f"{_pct(made.grdp_growth, lang)} a year; trend from {made.trend_from}"
    )
    headers = (
        [
            "Lĩnh vực",
            f"GTTT {params.base_year} ({unit})",
            f"Tỷ trọng {params.base_year}",
            "Xu hướng/năm",
            f"Dự báo {params.target_year}",
            "Khoảng tin cậy",
            "Cần tăng/năm",
            "Cần tăng nếu chỉ mình lĩnh vực",
        ]
        if vi
        else [
            "Sector",
            f"Value added {params.base_year} ({unit})",
            f"Share {params.base_year}",
            "Trend a year",
            f"Projected {params.target_year}",
            "Interval",
            "Required a year",
            "Required alone",
        ]
    )
    result = Table(title=title)
    for index, header in enumerate(headers):
        result.add_column(header, justify="left" if index == 0 else "right")
    for row in made.rows:
        names = made.scope.sectors.get(row.sector or "", {})
        name = names.get("title_vi" if vi else "title_en", row.sector) if row.sector else None
        interval = (
            f"{_pct(row.projected_share_ci_low, lang)}–{_pct(row.projected_share_ci_high, lang)}"
            if row.projected_share_ci_low is not None
            else ""
        )
        result.add_row(
            name or ("Tổng" if vi else "Total"),
            grouped(row.base_value_added, 1, lang),
            _pct(row.base_share, lang),
            _pct(row.trend_growth, lang),
            _pct(row.projected_share, lang),
            interval,
            _pct(row.required_growth, lang),
            _pct(row.required_growth_alone, lang),
        )
    return result
