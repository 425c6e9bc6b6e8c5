"""Load the plan's reference data: agencies, legal documents, the plan, its
groups, tasks, indicators and targets, from `data/` and the official units."""

import csv
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from simple_history.utils import bulk_create_with_history

from cnvh.geo import units
from cnvh.plan.models import (
    Agency,
    ContentGroup,
    Indicator,
    LegalDocument,
    Plan,
    Target,
    Task,
)

DATA = Path(__file__).parent / "data"
CITY = "ubnd-tp"
REFORM_EVE = date(2025, 6, 30)


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plan_settings() -> dict[str, Any]:
    with (DATA / "plan.toml").open("rb") as handle:
        return tomllib.load(handle)


def load_agencies() -> dict[str, Agency]:
    """The city committee, departments and other bodies, today's 126 wards and
    communes, and the 30 districts that existed until 2025-06-30."""
    city = Agency.objects.create(
        code=CITY,
        kind=Agency.Kind.CITY_COMMITTEE,
        name_vi="Ủy ban nhân dân thành phố Hà Nội",
        name_en="Hanoi People's Committee",
        short_name="UBND TP",
        unit_code=units.HANOI,
    )
    made = [city]
    for row in rows("agencies.csv"):
        made.append(Agency(parent=city, **row))
    for unit in units.communes():
        kind = Agency.Kind.WARD if unit.name.startswith("Phường") else Agency.Kind.COMMUNE
        made.append(_unit_agency(unit, kind, city))
    for unit in units.former_districts():
        made.append(_unit_agency(unit, Agency.Kind.DISTRICT, city))
    bulk_create_with_history(made[1:], Agency)
    return {agency.code: agency for agency in Agency.objects.all()}


def _unit_agency(unit: units.AdministrativeUnit, kind: str, city: Agency) -> Agency:
    return Agency(
        code=unit.code,
        kind=kind,
        name_vi=f"UBND {unit.name}",
        name_en=f"People's Committee of {unit.name}",
        short_name=unit.name,
        unit_code=unit.code,
        parent=city,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
        latitude=unit.lat,
        longitude=unit.lon,
    )


def load_documents(agencies: dict[str, Agency]) -> dict[str, LegalDocument]:
    documents: dict[str, LegalDocument] = {}
    for row in rows("documents.csv"):
        documents[row["number"]] = LegalDocument.objects.create(
            number=row["number"],
            kind=row["kind"],
            title_vi=row["title_vi"],
            title_en=row["title_en"],
            issuer=None if row["issuer_name"] else agencies[CITY],
            issuer_name=row["issuer_name"],
            issued_on=date.fromisoformat(row["issued_on"]) if row["issued_on"] else None,
            implements=documents.get(row["implements"]),
            assumption=row["assumption"],
        )
    return documents


def load_indicators(documents: dict[str, LegalDocument]) -> dict[str, Indicator]:
    indicators = {}
    for row in rows("indicators.csv"):
        indicators[row["code"]] = Indicator.objects.create(
            code=row["code"],
            name_vi=row["name_vi"],
            name_en=row["name_en"],
            definition_vi=row["definition_vi"],
            definition_en=row["definition_en"],
            unit=row["unit"],
            source=row["source"],
            scope_key=row["scope_key"],
            measure=row["measure"],
            registry=row["registry"],
            aggregation=row["aggregation"] or Indicator.Aggregation.SUM,
            disaggregations=row["disaggregations"].split(),
            baseline_year=int(row["baseline_year"]) if row["baseline_year"] else None,
            baseline_value=Decimal(row["baseline_value"]) if row["baseline_value"] else None,
            published=row["published"] == "yes",
            direction=row["direction"] or Indicator.Direction.INCREASE,
        )
    for row in rows("targets.csv"):
        Target.objects.create(
            indicator=indicators[row["indicator"]],
            year=int(row["year"]),
            value=Decimal(row["value"]),
            document=documents.get(row["document"]),
            note_vi=""
            if row["document"]
            else "Mục tiêu được báo chí đưa tin; cần đối chiếu văn bản.",
            note_en="" if row["document"] else "Target as reported; check the adopting document.",
        )
    return indicators


def load_plan(
    agencies: dict[str, Agency],
    documents: dict[str, LegalDocument],
    indicators: dict[str, Indicator],
) -> Plan:
    settings = plan_settings()
    plan = Plan.objects.create(
        code=settings["code"],
        title_vi=settings["title_vi"],
        title_en=settings["title_en"],
        document=documents[settings["document"]],
        owner=agencies[settings["owner"]],
        starts_on=settings["starts_on"],
        ends_on=settings["ends_on"],
        objectives_vi=settings["objectives_vi"].strip(),
        objectives_en=settings["objectives_en"].strip(),
        assumption=settings["assumption"],
    )
    groups = {
        int(row["number"]): ContentGroup.objects.create(
            plan=plan, number=int(row["number"]), title_vi=row["title_vi"], title_en=row["title_en"]
        )
        for row in rows("groups.csv")
    }
    for row in rows("tasks.csv"):
        task = Task.objects.create(
            group=groups[int(row["group"])],
            code=row["code"],
            title_vi=row["title_vi"],
            title_en=row["title_en"],
            lead_agency=agencies[row["lead"]],
            starts_on=date.fromisoformat(row["starts_on"]),
            due_on=date.fromisoformat(row["due_on"]),
            frequency=row["frequency"],
            expected_output_vi=row["expected_output_vi"],
            expected_output_en=row["expected_output_en"],
            assumption=settings["assumption"],
        )
        task.coordinating_agencies.set(agencies[code] for code in row["coordinating"].split())
        task.indicators.set(indicators[code] for code in row["indicators"].split())
    _ward_tasks(settings, groups[1], agencies, indicators)
    return plan


def _ward_tasks(
    settings: dict[str, Any],
    group: ContentGroup,
    agencies: dict[str, Agency],
    indicators: dict[str, Indicator],
) -> None:
    spec = settings["ward_task"]
    for unit in units.communes():
        agency = agencies[unit.code]
        task = Task.objects.create(
            group=group,
            code=spec["code"].format(unit=unit.code),
            title_vi=spec["title_vi"].format(name=unit.name),
            title_en=spec["title_en"].format(name=unit.name),
            lead_agency=agency,
            starts_on=spec["starts_on"],
            due_on=spec["due_on"],
            frequency=spec["frequency"],
            assumption=settings["assumption"],
        )
        task.coordinating_agencies.set(agencies[code] for code in spec["coordinating"])
        task.indicators.set(indicators[code] for code in spec["indicators"])
