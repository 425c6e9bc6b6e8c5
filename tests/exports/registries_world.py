"""Records of the five registries around the second quarter of 2026 (01/04–30/06), made
through each registry's workflow, for the periodic report's registry sections. What
falls one day outside the quarter is there to be left out.

Wards and communes: Phường Hoàn Kiếm (events), Xã Bát Tràng (crafts), Phường A and
Phường B (models): four, for the dissemination coverage.

Events (procedure nd144-art10-approval: 7 working days' lead, 5 to answer):
    D  first day 31/03 (held, 300 came)          filed 02/03, decided 05/03
    A  first day 01/04, performing arts (held, 1,200 came)   filed 10/03, decided 17/03
    C  filed 01/06, complete 01/06, due 08/06, decided 10/06 (late); first day 01/07
       (held, 5,000 came)
    B  first day 30/06, performing arts and design (held, no report); filed 25/06 after
       its last day to file; complete 25/06, due 02/07, decided 26/06 (on time)
  In the quarter: held A and B (April 1, May 0, June 1; performing arts 2, design 1; all
  in Phường Hoàn Kiếm); attendance 1,200 from 1 report; files B and C, B late (50%);
  decisions B and C, B on time (50%), 1 and 7 working days (median 4); views due: C's
  ward view (due 08/06, given 05/06): 1 of 1 on time.

Support (900,000,000 VND asked each):
    A digital  approved 01/04, 500,000,000; paid 300,000,000 on 01/05, 100,000,000 on 01/07
    A IP       approved 30/06, 100,000,000
    B digital  approved 31/03, 250,000,000; paid 250,000,000 on 15/04
    C IP       approved 01/07, 80,000,000
    IP titles granted 10/05 (A) and 01/07 (B)
  In the quarter: 1 enterprise (A: crafts, ward 00004 Phường Ba Đình), 2 cases,
  600,000,000 approved, 400,000,000 paid to them so far; 550,000,000 paid in the quarter;
  1 IP title.

Handicrafts (OCOP bands 3★ from 50, 4★ from 70, 5★ from 90; certificates last 36 months):
    P1 handicraft 5★ decided 01/10/2023 (expires 01/10/2026: within 6 months of 30/06)
    P2 food       3★ decided 01/04/2026
    P3 handicraft 4★ decided 15/05/2023, re-rated 4★ on 10/05/2026 (before 15/05/2026)
    P4 handicraft 4★ decided 20/04/2023, re-rated 3★ on 01/06/2026 (after 20/04/2026)
    P5 handicraft 5★ decided 01/07/2026
    Villages recognised 20/05/2019 (traditional craft), 30/06/2026, 01/07/2026; one not.
  In force on 30/06: 5★ 1, 4★ 1, 3★ 2 (handicrafts 5★ 1, 4★ 1, 3★ 1); certified in the
  quarter: 4★ 1, 3★ 2; re-ratings 2, before expiry 1; expiring 1; villages 2 (1
  traditional), 1 in the quarter.

Models: M1 city-level, publishing, Phường A, recognised 10/05/2025, results for 2026,
replications started 01/09/2025, 01/05/2026 and 01/07/2026; M2 ward-level, crafts,
Phường B, recognised 01/04/2026; M3 recognised 01/07/2026. On 30/06: 2 models, M1 taken
up twice (once in the quarter), M1 recognised over a year before and still reporting.

UNESCO: commitments of 10,000,000,000 and 5,000,000,000 VND; activities 20/03–05/04
(200,000,000), 30/06–02/07 with Bandung (1,000,000,000), 01/07–05/07 and 10/01–31/03
(left out): 2 commitments with activity, 2 activities, 1 inter-city, 1,200,000,000
executed (8%). Training 01/04 (Thiết kế: 10+3 women, 5+2 men), 30/06 (Thủ công mỹ nghệ:
4 women, 6 men), 31/03 and 01/07 (left out): 30 trained, 17 women. Sessions: Phường Hoàn
Kiếm 05/05, Phường A 30/06, Phường B 10/02, Xã Bát Tràng 01/11/2025 and 01/07/2026: 3 of
4 wards and communes from 1 January to 30/06 (75%). Activities started in the quarter: 4.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from cnvh.brightspots import workflow as models_workflow
from cnvh.brightspots.models import BrightSpot, Decision, Replication, Round, Rubric
from cnvh.crafts import workflow as crafts_workflow
from cnvh.enterprises import workflow as support_workflow
from cnvh.enterprises.models import IPFiling, Programme
from cnvh.events import workflow as events_workflow
from cnvh.events.models import Event
from cnvh.plan.models import Agency, Role
from cnvh.unesco import workflow as unesco_workflow
from cnvh.unesco.models import Commitment, CommitmentActivity, Outreach
from tests import factories
from tests.crafts import make as crafts_make
from tests.enterprises.conftest import enterprise
from tests.events import make as events_make


def build(coordinator: Any) -> None:
    town = events_make.city()
    events(town)
    support(coordinator)
    bat_trang = factories.agency("xa-bat-trang", Agency.Kind.COMMUNE, name_vi="Xã Bát Tràng")
    crafts(coordinator, bat_trang)
    wards = models(coordinator)
    unesco(coordinator, [town.ward, *wards, bat_trang])


def _event(
    town: events_make.City,
    title: str,
    starts: date,
    filed: date,
    sectors: list[str],
    decided: tuple[date, date, date],
) -> Event:
    """Filed, complete, its ward's view given, decided and published."""
    made = events_make.event(
        town, title_vi=title, starts_on=starts, filed_on=filed, sectors=sectors
    )
    complete, answered, decided_on = decided
    events_workflow.start_clearance(made, complete, town.officer)
    for view in made.clearances.all():
        events_workflow.answer_clearance(view, "agree", "", answered, town.ward_officer)
    made = events_workflow.decide(made, True, f"{title}/QĐ-SVHTT", decided_on, "", town.leader)
    return events_workflow.publish(made, decided_on, town.officer)


def _held(town: events_make.City, event: Event, attendance: int | None) -> None:
    held = events_workflow.mark_held(event, event.starts_on, town.officer)
    if attendance is not None:
        events_workflow.report(held, attendance, "", event.starts_on, town.officer)


def events(town: events_make.City) -> None:
    arts = ["performing_arts"]
    before = _event(town, "D", date(2026, 3, 31), date(2026, 3, 2), arts, _days(3, 3, 4, 3, 5))
    first = _event(town, "A", date(2026, 4, 1), date(2026, 3, 10), arts, _days(3, 11, 12, 3, 17))
    after = _event(town, "C", date(2026, 7, 1), date(2026, 6, 1), arts, _days(6, 1, 5, 6, 10))
    last = _event(
        town,
        "B",
        date(2026, 6, 30),
        date(2026, 6, 25),
        ["performing_arts", "design"],
        _days(6, 25, 26, 6, 26),
    )
    _held(town, before, 300)
    _held(town, first, 1200)
    _held(town, after, 5000)
    _held(town, last, None)


def _days(
    month: int, complete: int, answered: int, decided_month: int, decided: int
) -> tuple[date, date, date]:
    return (
        date(2026, month, complete),
        date(2026, month, answered),
        date(2026, decided_month, decided),
    )


def _case(programme: Programme, firm: Any, decided: date, granted: int, user: Any) -> Any:
    made = support_workflow.receive(
        programme, firm, decided - timedelta(days=30), Decimal(900_000_000), user
    )
    support_workflow.review(made, 80, "", user)
    return support_workflow.approve(
        made, decided, f"{decided:%d%m}/QĐ", Decimal(granted), date(2026, 12, 1), user
    )


def support(user: Any) -> None:
    owner = factories.agency("so-cong-thuong", name_vi="Sở Công Thương")
    digital = Programme.objects.create(
        code="so", name_vi="Chuyển đổi số", name_en="Digital", kind="digital", owner=owner
    )
    ip = Programme.objects.create(
        code="shtt",
        name_vi="Sở hữu trí tuệ",
        name_en="Intellectual property",
        kind="ip",
        owner=owner,
    )
    a = enterprise("0101234565", "A", main_vsic="3290", ward_code="00004")
    b = enterprise("0105556669", "B", main_vsic="7410", ward_code="00008")
    c = enterprise("0107778882", "C", main_vsic="7410", ward_code="00008")
    first = _case(digital, a, date(2026, 4, 1), 500_000_000, user)
    _case(ip, a, date(2026, 6, 30), 100_000_000, user)
    before = _case(digital, b, date(2026, 3, 31), 250_000_000, user)
    _case(ip, c, date(2026, 7, 1), 80_000_000, user)
    support_workflow.disburse(first, date(2026, 5, 1), Decimal(300_000_000), "", user)
    support_workflow.disburse(first, date(2026, 7, 1), Decimal(100_000_000), "", user)
    support_workflow.disburse(before, date(2026, 4, 15), Decimal(250_000_000), "", user)
    for firm, number, decided in (
        (a, "4-2026-00001", date(2026, 5, 10)),
        (b, "4-2026-00002", date(2026, 7, 1)),
    ):
        IPFiling.objects.create(
            enterprise=firm,
            kind="trademark",
            title=f"Nhãn hiệu {firm.name_vi}",
            application_number=number,
            filed_on=date(2025, 1, 6),
            stage="granted",
            decided_on=decided,
        )


def _rate(product: Any, user: Any, leader: Any, on: date, points: tuple[int, ...]) -> None:
    rating = crafts_workflow.propose(product, user, on - timedelta(days=10))
    crafts_workflow.score(rating, user, *(Decimal(p) for p in points))
    crafts_workflow.decide(rating, leader, f"{on:%d%m%Y}/QĐ-UBND", on)


def crafts(user: Any, ward: Agency) -> None:
    leader = factories.user(Role.LEADER)
    five, four, three = (36, 22, 32), (30, 20, 25), (20, 15, 20)
    products = {
        name: crafts_make.product(ward, group=group, name_vi=f"Sản phẩm {name}")
        for name, group in (
            ("P1", "handicrafts"),
            ("P2", "food"),
            ("P3", "handicrafts"),
            ("P4", "handicrafts"),
            ("P5", "handicrafts"),
        )
    }
    _rate(products["P1"], user, leader, date(2023, 10, 1), five)
    _rate(products["P2"], user, leader, date(2026, 4, 1), three)
    _rate(products["P3"], user, leader, date(2023, 5, 15), four)
    _rate(products["P3"], user, leader, date(2026, 5, 10), four)
    _rate(products["P4"], user, leader, date(2023, 4, 20), four)
    _rate(products["P4"], user, leader, date(2026, 6, 1), three)
    _rate(products["P5"], user, leader, date(2026, 7, 1), five)
    traditional = crafts_make.craft(traditional=True)
    other = crafts_make.craft(traditional=False)
    crafts_make.village(
        ward, craft=traditional, recognition_number="1/QĐ", recognition_date=date(2019, 5, 20)
    )
    crafts_make.village(
        ward, craft=other, recognition_number="2/QĐ", recognition_date=date(2026, 6, 30)
    )
    crafts_make.village(
        ward, craft=other, recognition_number="3/QĐ", recognition_date=date(2026, 7, 1)
    )
    crafts_make.village(ward, craft=other)


def _recognise(
    round_: Round, officer: Any, ward: Agency, members: list[Any], fields: dict[str, Any]
) -> BrightSpot:
    user, decided, level = fields.pop("by"), fields.pop("decided"), fields.pop("decision_level")
    spot = BrightSpot(
        host_kind=BrightSpot.HostKind.AGENCY, host_agency=ward, ward=ward, start_year=2022, **fields
    )
    nomination = models_workflow.nominate(round_, officer, ward, spot)
    nomination = models_workflow.screen(nomination, user, admitted=True)
    criteria = round_.rubric.criteria.order_by("position")
    models_workflow.record_scores(
        nomination, members[0], {c.pk: (Decimal(8), "") for c in criteria}
    )
    models_workflow.decide(
        nomination,
        user,
        Decision(
            outcome=Decision.Outcome.RECOGNISED,
            number=f"{nomination.pk}/QĐ-UBND",
            decided_on=decided,
            level=level,
            valid_until=date(decided.year + 3, decided.month, decided.day),
        ),
    )
    return BrightSpot.objects.get(pk=nomination.spot_id)


def models(user: Any) -> list[Agency]:
    first = factories.agency("phuong-a", Agency.Kind.WARD, name_vi="Phường A")
    second = factories.agency("phuong-b", Agency.Kind.WARD, name_vi="Phường B")
    department = factories.agency("so-vh-tt", name_vi="Sở Văn hóa")
    members = [factories.user(Role.LEADER, department) for _ in range(3)]
    today = timezone.localdate()
    round_ = Round(
        name_vi="Đợt 2026",
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=20),
        nominator_kinds=[Agency.Kind.WARD, Agency.Kind.COMMUNE],
        rubric=Rubric.objects.get(code="mo-hinh", version=1),
    )
    models_workflow.make_round(user, round_, members)
    officers = {ward.pk: factories.user(Role.OFFICER, ward) for ward in (first, second)}
    book = _recognise(
        round_,
        officers[first.pk],
        first,
        members,
        {
            "by": user,
            "name_vi": "Phố sách",
            "level": "city",
            "sector": "publishing",
            "decided": date(2025, 5, 10),
            "decision_level": "city",
        },
    )
    _recognise(
        round_,
        officers[second.pk],
        second,
        members,
        {
            "by": user,
            "name_vi": "Làng gốm",
            "level": "ward",
            "sector": "crafts",
            "decided": date(2026, 4, 1),
            "decision_level": "ward",
        },
    )
    _recognise(
        round_,
        officers[second.pk],
        second,
        members,
        {
            "by": user,
            "name_vi": "Chợ đêm",
            "level": "ward",
            "sector": "crafts",
            "decided": date(2026, 7, 1),
            "decision_level": "ward",
        },
    )
    for started in (date(2025, 9, 1), date(2026, 5, 1), date(2026, 7, 1)):
        models_workflow.record_replication(
            book, user, Replication(target=second, started_on=started, status="under_way")
        )
    models_workflow.add_result(
        book, user, models_workflow.ResultRow(2026, "Lượt khách", "lượt", Decimal(1000))
    )
    return [first, second]


def unesco(user: Any, wards: list[Agency]) -> None:
    hoan_kiem, phuong_a, phuong_b, bat_trang = wards
    lead = factories.agency("so-vhtt-unesco", name_vi="Sở Văn hóa và Thể thao (UNESCO)")
    centre = _commitment(user, lead, "centre", 10_000_000_000)
    festival = _commitment(user, lead, "festival", 5_000_000_000)
    for parent, starts, ends, spent, cities in (
        (centre, date(2026, 3, 20), date(2026, 4, 5), 200_000_000, ""),
        (festival, date(2026, 6, 30), date(2026, 7, 2), 1_000_000_000, "Bandung"),
        (centre, date(2026, 7, 1), date(2026, 7, 5), 500_000_000, "Seoul"),
        (festival, date(2026, 1, 10), date(2026, 3, 31), 300_000_000, ""),
    ):
        unesco_workflow.save_activity(
            CommitmentActivity(
                commitment=parent,
                title_vi=f"Hoạt động {starts}",
                title_en=f"Activity {starts}",
                starts_on=starts,
                ends_on=ends,
                partner_cities=cities,
                budget_spent=Decimal(spent),
            ),
            user,
        )
    training = Outreach.Kind.TRAINING
    for day, sector, people in (
        (date(2026, 4, 1), "Thiết kế", {"officials": (10, 5), "creatives": (3, 2)}),
        (date(2026, 6, 30), "Thủ công mỹ nghệ", {"residents": (4, 6)}),
        (date(2026, 3, 31), "Thiết kế", {"officials": (50, 50)}),
        (date(2026, 7, 1), "Thiết kế", {"officials": (7, 7)}),
    ):
        _outreach(user, training, lead, day, sector, people)
    session = Outreach.Kind.DISSEMINATION
    for organiser, day in (
        (hoan_kiem, date(2026, 5, 5)),
        (phuong_a, date(2026, 6, 30)),
        (phuong_b, date(2026, 2, 10)),
        (bat_trang, date(2025, 11, 1)),
        (bat_trang, date(2026, 7, 1)),
    ):
        _outreach(user, session, organiser, day, "", {})


def _commitment(user: Any, lead: Agency, code: str, budget: int) -> Commitment:
    return unesco_workflow.save_commitment(
        Commitment(
            code=code,
            title_vi=f"Cam kết {code}",
            title_en=f"Commitment {code}",
            scope="local",
            source="Hồ sơ ứng cử 2019",
            lead_agency=lead,
            budget=Decimal(budget),
        ),
        user,
        [],
    )


def _outreach(
    user: Any, kind: str, organiser: Agency, day: date, sector: str, people: dict[str, Any]
) -> None:
    unesco_workflow.record_outreach(
        Outreach(
            kind=kind,
            title_vi=f"{kind} {day}",
            organiser=organiser,
            sector=sector,
            starts_on=day,
            ends_on=day,
        ),
        user,
        people,
    )
