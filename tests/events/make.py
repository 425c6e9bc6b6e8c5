"""Builders for the events tests: a small city with a culture department, a ward, a
police station and a heritage site's manager, and events filed through the workflow."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from cnvh.events import workflow
from cnvh.events.models import Clash, Clearance, ClearanceRule, Event, Venue
from cnvh.plan.models import Agency, Role
from tests import factories


@dataclass
class City:
    culture: Agency
    ward: Agency
    police: Agency
    heritage: Agency
    officer: Any  # of the culture department, which receives the files
    leader: Any  # of the culture department, who decides
    ward_officer: Any
    police_officer: Any
    heritage_officer: Any
    coordinator: Any
    hall: Venue  # an ordinary venue in the ward
    temple: Venue  # a heritage site in the ward


def city() -> City:
    culture = factories.agency("so-vh", name_vi="Sở Văn hóa và Thể thao")
    ward = factories.agency("p-hoan-kiem", Agency.Kind.WARD, name_vi="Phường Hoàn Kiếm")
    police = factories.agency("cong-an", name_vi="Công an thành phố")
    heritage = factories.agency("bql-di-tich", Agency.Kind.OTHER, name_vi="Ban quản lý di tích")
    ClearanceRule.objects.create(
        name_vi="Công an: sự kiện đông người",
        reviewer=ClearanceRule.Reviewer.AGENCY,
        agency=police,
        min_attendance=1000,
        valid_from=date(2018, 1, 1),
    )
    return City(
        culture=culture,
        ward=ward,
        police=police,
        heritage=heritage,
        officer=factories.user(Role.OFFICER, culture, "culture-officer"),
        leader=factories.user(Role.LEADER, culture, "culture-leader"),
        ward_officer=factories.user(Role.OFFICER, ward, "ward-officer"),
        police_officer=factories.user(Role.OFFICER, police, "police-officer"),
        heritage_officer=factories.user(Role.OFFICER, heritage, "heritage-officer"),
        coordinator=factories.user(Role.COORDINATOR, culture, "coordinator"),
        hall=Venue.objects.create(name="Nhà hát Lớn", ward=ward, address="1 Tràng Tiền"),
        temple=Venue.objects.create(
            name="Đền Ngọc Sơn",
            ward=ward,
            address="Đinh Tiên Hoàng",
            heritage_site=True,
            heritage_manager=heritage,
        ),
    )


def event(town: City, code: str = "nd144-art10-approval", **fields: Any) -> Event:
    """An event filed by the culture department's officer through the workflow."""
    by = fields.pop("by", town.officer)
    fields.setdefault("title_vi", "Đêm nhạc Trịnh")
    fields.setdefault("title_en", "An evening of Trịnh's songs")
    fields.setdefault("kind", "performance")
    fields.setdefault("sectors", ["performing_arts"])
    fields.setdefault("organiser_kind", Event.OrganiserKind.ENTERPRISE)
    fields.setdefault("organiser_tax_code", "0100109106")
    fields.setdefault("organiser_name", "Công ty Biểu diễn Hà Nội")
    fields.setdefault("venue", town.hall)
    fields.setdefault("starts_on", date(2026, 3, 2))
    fields.setdefault("ends_on", fields["starts_on"])
    fields.setdefault("expected_attendance", 500)
    fields.setdefault("budget", Decimal("1200000000"))
    fields.setdefault("filed_on", date(2026, 2, 12))
    fields.setdefault("receiving_agency", town.culture)
    return workflow.file_event(Event(**fields), code, by)


def around(lead: Agency, coordinating: Agency, people: dict[str, Any]) -> dict[str, Any]:
    """Events received by `lead`, at a venue in `coordinating` (whose view each needs),
    for the permission and security worlds: one filed, one waiting for that view, one
    published."""
    officer, leader = people["officer_of_lead"], people["leader_of_lead"]
    hall = Venue.objects.create(name="Cung Văn hóa", ward=coordinating, address="91 Trần Hưng Đạo")
    town = City(
        lead,
        coordinating,
        lead,
        lead,
        officer,
        leader,
        people["officer_of_coordinating"],
        officer,
        officer,
        people["coordinator"],
        hall,
        hall,
    )
    filed = event(town, title_vi="Hồ sơ mới")
    clearing = event(town, title_vi="Chờ ý kiến")
    workflow.start_clearance(clearing, date(2026, 2, 12), officer)
    published = event(town, title_vi="Đã công bố")
    workflow.start_clearance(published, date(2026, 2, 12), officer)
    workflow.answer_clearance(
        published.clearances.get(), "agree", "", date(2026, 2, 13), town.ward_officer
    )
    workflow.decide(published, True, "7/QĐ-SVHTT", date(2026, 2, 24), "", leader)
    workflow.publish(published, date(2026, 2, 25), officer)
    # The three share a venue and a day: the second and third clash with the first.
    open_clash, resolved = Clash.objects.order_by("pk")[:2]
    workflow.resolve_clash(resolved, "Đổi giờ.", date(2026, 2, 13), officer)
    return {
        "event_venue": hall,
        "open_clash": open_clash,
        "resolved_clash": Clash.objects.get(pk=resolved.pk),
        "filed_event": filed,
        "clearing_event": Event.objects.get(pk=clearing.pk),
        "pending_clearance": Clearance.objects.get(event=clearing),
        "published_event": Event.objects.get(pk=published.pk),
    }


def published(town: City, **fields: Any) -> Event:
    """An event filed, cleared by the ward, approved and published."""
    filed = event(town, **fields)
    workflow.start_clearance(filed, date(2026, 2, 12), town.officer)
    reviewers = {
        town.ward.pk: town.ward_officer,
        town.police.pk: town.police_officer,
        town.heritage.pk: town.heritage_officer,
    }
    for clearance in filed.clearances.all():
        reviewer = reviewers[clearance.agency_id]
        workflow.answer_clearance(clearance, "agree", "", date(2026, 2, 13), reviewer)
    workflow.decide(filed, True, "3/QĐ-SVHTT", date(2026, 2, 24), "", town.leader)
    workflow.publish(filed, date(2026, 2, 25), town.officer)
    return filed
