"""A small city for the registry's tests: a department, two wards, a commune, a
former district, and one person of each role the rules tell apart; the records are
made through the workflow, as the pages make them."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from cnvh.plan.models import Agency, Role, Task
from cnvh.unesco import workflow
from cnvh.unesco.models import Commitment, CommitmentActivity, Outreach
from tests import factories


@dataclass
class City:
    department: Agency
    ward: Agency
    other_ward: Agency
    commune: Agency
    task: Task
    coordinator: Any
    second_coordinator: Any
    leader: Any
    officer: Any
    ward_officer: Any
    other_ward_officer: Any


@pytest.fixture
def city(db: None) -> City:
    return build_city()


def build_city() -> City:
    department = factories.agency("so-vh")
    ward = factories.agency("phuong-a", kind=Agency.Kind.WARD, name_vi="Phường A")
    other = factories.agency("phuong-b", kind=Agency.Kind.WARD, name_vi="Phường B")
    commune = factories.agency("xa-c", kind=Agency.Kind.COMMUNE, name_vi="Xã C")
    # A district that ended in 2025: not counted among the wards and communes.
    factories.agency("quan-d", kind=Agency.Kind.DISTRICT, valid_to=date(2025, 6, 30))
    return City(
        department=department,
        ward=ward,
        other_ward=other,
        commune=commune,
        task=factories.task(lead=department, code="8.1"),
        coordinator=factories.user(Role.COORDINATOR, department, "dieuphoi"),
        second_coordinator=factories.user(Role.COORDINATOR, department, "dieuphoi2"),
        leader=factories.user(Role.LEADER, department, "lanhdao"),
        officer=factories.user(Role.OFFICER, department, "canbo"),
        ward_officer=factories.user(Role.OFFICER, ward, "canbophuong"),
        other_ward_officer=factories.user(Role.OFFICER, other, "canbophuongb"),
    )


def commitment(city: City, code: str, budget: int, scope: str = "local") -> Commitment:
    return workflow.save_commitment(
        Commitment(
            code=code,
            title_vi=f"Cam kết {code}",
            title_en=f"Commitment {code}",
            scope=scope,
            source="2019 application",
            lead_agency=city.department,
            budget=Decimal(budget),
        ),
        city.coordinator,
        [city.task],
    )


def activity(
    city: City, parent: Commitment, starts: date, ends: date, spent: int, cities: str = ""
) -> CommitmentActivity:
    return workflow.save_activity(
        CommitmentActivity(
            commitment=parent,
            title_vi=f"Hoạt động {starts:%Y-%m}",
            title_en=f"Activity {starts:%Y-%m}",
            starts_on=starts,
            ends_on=ends,
            partner_cities=cities,
            partner_countries="Indonesia" if cities else "",
            sdg_targets="11.4",
            budget_spent=Decimal(spent),
        ),
        city.coordinator,
    )


def outreach(
    city: City,
    kind: str,
    organiser: Agency,
    day: date,
    user: Any = None,
    participants: dict[str, tuple[int, int]] | None = None,
) -> Outreach:
    return workflow.record_outreach(
        Outreach(
            kind=kind,
            title_vi=f"{kind} {day}",
            organiser=organiser,
            starts_on=day,
            ends_on=day,
            budget=Decimal(5_000_000),
        ),
        user or city.coordinator,
        participants or {},
    )
