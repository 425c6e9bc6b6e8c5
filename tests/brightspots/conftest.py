"""A small city for the registry of models: two wards, a department, a coordinator,
a council of three (one of them also an officer of the first ward) and an open round
on the shipped rubric."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from cnvh.brightspots import workflow
from cnvh.brightspots.models import BrightSpot, Nomination, Round, Rubric
from cnvh.plan.models import Agency, Membership, Role
from tests import factories


@dataclass
class City:
    ward: Agency
    other_ward: Agency
    department: Agency
    city: Agency
    coordinator: Any
    ward_officer: Any
    other_officer: Any
    members: list[Any]
    round: Round

    def spot(self, name: str = "Phố sách", **fields: Any) -> BrightSpot:
        values: dict[str, Any] = {
            "name_vi": name,
            "name_en": f"{name} (en)",
            "level": "ward",
            "sector": "publishing",
            "host_kind": BrightSpot.HostKind.AGENCY,
            "host_agency": self.ward,
            "ward": self.ward,
            "start_year": 2022,
        }
        values.update(fields)
        return BrightSpot(**values)

    def nominate(
        self, name: str, officer: Any = None, agency: Agency | None = None, **at: Any
    ) -> Nomination:
        return workflow.nominate(
            self.round, officer or self.ward_officer, agency or self.ward, self.spot(name), **at
        )

    def admitted(self, name: str, **kwargs: Any) -> Nomination:
        nomination = self.nominate(name, **kwargs)
        return workflow.screen(nomination, self.coordinator, admitted=True)

    def score(self, nomination: Nomination, member: Any, *values: str) -> None:
        criteria = nomination.round.rubric.criteria.order_by("position")
        sheet = {c.pk: (Decimal(v), "") for c, v in zip(criteria, values, strict=True)}
        workflow.record_scores(nomination, member, sheet)


@pytest.fixture
def city(db: None) -> City:
    ward = factories.agency("phuong-a", kind=Agency.Kind.WARD, latitude=21.03, longitude=105.85)
    other = factories.agency("phuong-b", kind=Agency.Kind.WARD, latitude=21.0, longitude=105.8)
    department = factories.agency("so-vhtt", kind=Agency.Kind.DEPARTMENT)
    city = factories.agency("ubnd", kind=Agency.Kind.CITY_COMMITTEE)
    coordinator = factories.user(Role.COORDINATOR, city, name="dieuphoi")
    members = [factories.user(Role.LEADER, department, name=f"member{n}") for n in (1, 2, 3)]
    # The third member is also an officer of the first ward: a conflict for its nominations.
    Membership.objects.create(user=members[2], agency=ward, role=Role.OFFICER)
    today = timezone.localdate()
    round_ = Round(
        name_vi="Đợt 2026",
        name_en="Round 2026",
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=20),
        nominator_kinds=[Agency.Kind.WARD, Agency.Kind.COMMUNE],
        rubric=Rubric.objects.get(code="mo-hinh", version=1),
    )
    workflow.make_round(coordinator, round_, members)
    return City(
        ward=ward,
        other_ward=other,
        department=department,
        city=city,
        coordinator=coordinator,
        ward_officer=factories.user(Role.OFFICER, ward, name="canbo-a"),
        other_officer=factories.user(Role.OFFICER, other, name="canbo-b"),
        members=members,
        round=round_,
    )
