"""`cnvh load-demo DIR`: estimate every shipped scope from the demo data set, store and
publish it, and load the demo plan with its agencies, people and a year of reports."""

from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cnvh.brightspots.demo.load import load_demo_bright_spots
from cnvh.crafts.demo import load_demo_crafts
from cnvh.enterprises.demo import load_demo_support
from cnvh.enterprises.demo_investment import load_demo_investment
from cnvh.estimates import runner
from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, unchanged
from cnvh.events.demo import load_demo_events
from cnvh.plan.demo.city import load_city_plan
from cnvh.plan.demo.load import load_demo_plan
from cnvh.presentation import page_cache
from cnvh.stats import EstimateOptions, InputError, shipped_scopes
from cnvh.stats.result import Estimate as Result
from cnvh.unesco import demo as unesco_demo


class Command(BaseCommand):
    help = (
        "Estimate every shipped scope from the synthetic demo data set in DIR "
        "(written by `cnvh demo-data`) and store the results as synthetic estimates."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("directory", metavar="DIR", type=Path)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the day the demo's year of reports ends (default: today)",
        )
        parser.add_argument(
            "--scale",
            choices=["demo", "city"],
            default="demo",
            help=(
                "city: grow the plan to a city's 1,000 tasks and 10,000 reports, for load "
                "tests (with the units of `cnvh demo-data --units 108000 --first-year 2016`)"
            ),
        )
        parser.add_argument(
            "--factor",
            type=float,
            default=1.0,
            help="with --scale city: multiply the counts of tasks and reports (default 1)",
        )
        parser.add_argument(
            "--officers-file",
            type=Path,
            default=None,
            help="with --scale city: write the user names of officers with reports to submit",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["directory"]
        try:
            results = [demo_estimate(key, directory) for key in shipped_scopes()]
        except InputError as error:
            raise CommandError(str(error) + hint(directory)) from error
        # All scopes or none: a half-loaded demo would show some definitions stale.
        with transaction.atomic():
            for result in results:
                kept = unchanged(result)
                if kept:
                    self.stdout.write(describe(kept) + ", unchanged")
                    continue
                stored = runner.store(result, label=f"demo data: {directory}", synthetic=True)
                publish(stored, note="demo data")
                self.stdout.write(describe(stored))
        today = options["today"] or timezone.localdate()
        # The public pages show what was just loaded, whatever they had stored.
        transaction.on_commit(page_cache.invalidate)
        if options["scale"] == "city":
            self._city(today, options["factor"], options["officers_file"])
            return
        loaded = load_demo_plan(today, demo_mode=settings.DEBUG)
        if loaded is None:
            self.stdout.write("plan: already loaded, unchanged")
        else:
            self.stdout.write(
                f"plan: {loaded.agencies} agencies, {loaded.tasks} tasks, "
                f"{loaded.reports} reports up to {today}, {loaded.people} people"
                + ("" if settings.DEBUG else " (no passwords: not in demo mode)")
            )
        self._registries(today)

    def _registries(self, today: date) -> None:
        """Each registry's demo records, made through its workflow; each says what it made
        (or None when it was loaded before)."""
        events = load_demo_events(today, demo_mode=settings.DEBUG)
        self.stdout.write(f"events: {events} cultural events" if events else "events: unchanged")
        support = load_demo_support(today)
        self.stdout.write(
            "enterprises: already loaded, unchanged"
            if support is None
            else f"enterprises: {support.enterprises} enterprises, {support.cases} support cases"
        )
        projects = load_demo_investment(today)
        self.stdout.write(
            "investment: already loaded, unchanged"
            if projects is None
            else f"investment: {projects} projects (synthetic)"
        )
        crafts = load_demo_crafts()
        self.stdout.write(
            "crafts: already loaded, unchanged"
            if crafts is None
            else f"crafts: {crafts.villages} craft villages, {crafts.products} OCOP products, "
            f"{crafts.ratings} ratings decided, {crafts.events} traceability steps"
        )
        spots = load_demo_bright_spots(today)
        self.stdout.write(
            "models and bright spots: already loaded, unchanged"
            if spots is None
            else f"models and bright spots: {spots.rounds} rounds, {spots.nominations} "
            f"nominations, {spots.recognised} recognised, {spots.replications} replications"
        )
        unesco = unesco_demo.load_demo()
        self.stdout.write(
            "unesco: already loaded, unchanged"
            if unesco is None
            else f"unesco: {unesco.commitments} commitments, {unesco.activities} activities, "
            f"{unesco.outreach} training and dissemination activities, {unesco.reports} reports"
        )

    def _city(self, today: date, factor: float, officers_file: Path | None) -> None:
        try:
            city = load_city_plan(today, demo_mode=settings.DEBUG, factor=factor)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if city is None:
            self.stdout.write("plan: already loaded, unchanged")
            return
        statuses = ", ".join(f"{status} {count:,}" for status, count in city.by_status.items())
        self.stdout.write(
            f"plan (city scale): {city.tasks:,} tasks, {city.reports:,} reports: {statuses}"
        )
        if officers_file is not None:
            officers_file.parent.mkdir(parents=True, exist_ok=True)
            officers_file.write_text("\n".join(city.officers) + "\n", encoding="utf-8")
            self.stdout.write(
                f"{len(city.officers)} officers with reports to submit: {officers_file}"
            )


def demo_estimate(scope_key: str, directory: Path) -> Result:
    return runner.compute(
        runner.EngineInputs(
            scope_key,
            units=directory / "units.parquet",
            totals=directory / "totals.csv",
            options=EstimateOptions(
                by=("sector", "area"), area_crosswalk=directory / "area-crosswalk.csv"
            ),
        )
    )


def hint(directory: Path) -> str:
    if (directory / "units.parquet").exists():
        return ""
    return (
        "\nTạo dữ liệu minh họa trước / Write the demo data first: "
        f"cnvh demo-data --output {directory}"
    )


def describe(stored: Estimate) -> str:
    years = stored.years()
    span = f"{years[0]}–{years[-1]}" if years else "-"
    return (
        f"{stored.scope_key}: revision {stored.revision}, years {span}, "
        f"{stored.rows.count()} rows (synthetic)"
    )
