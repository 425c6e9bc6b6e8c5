"""Models and bright spots in a real browser, on the Vietnamese pages: a ward officer
nominates a model (12.500 visitors), the coordinator admits it, a council member
scores every criterion 8,5, and the coordinator records the recognition dated
15/03/2026; what was stored is read back, and the public page shows the model on the
ward map. Screenshots: docs/screenshots/brightspots-*.png."""

import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from cnvh.brightspots import shipped, workflow
from cnvh.brightspots.models import (
    BrightSpot,
    Criterion,
    Decision,
    Nomination,
    Round,
    Rubric,
    Score,
)
from cnvh.plan.models import Agency, Role
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"  # the factories' password
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def log_in(page: Any, username: str) -> None:
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


@pytest.fixture
def world() -> dict[str, Any]:
    # A transactional test starts from empty tables: the shipped rubric again.
    shipped.install(Rubric, Criterion)
    ward = factories.agency(
        "phuong-hoan-kiem",
        kind=Agency.Kind.WARD,
        name_vi="UBND Phường Hoàn Kiếm",
        short_name="Phường Hoàn Kiếm",
        latitude=21.0287,
        longitude=105.8524,
    )
    other = factories.agency(
        "phuong-ha-dong",
        kind=Agency.Kind.WARD,
        short_name="Phường Hà Đông",
        latitude=20.9714,
        longitude=105.7788,
    )
    city = factories.agency("ubnd-tp", kind=Agency.Kind.CITY_COMMITTEE)
    coordinator = factories.user(Role.COORDINATOR, city, "dieuphoi")
    member = factories.user(Role.LEADER, factories.agency("so-vhtt"), "hoidong")
    today = timezone.localdate()
    round_ = workflow.make_round(
        coordinator,
        Round(
            name_vi=f"Đợt bình chọn mô hình, điểm sáng năm {today.year}",
            opens_on=today - timedelta(days=5),
            closes_on=today + timedelta(days=25),
            nominator_kinds=[Agency.Kind.WARD],
            rubric=Rubric.objects.get(code="mo-hinh", version=1),
        ),
        [member],
    )
    _recognised_elsewhere(round_, other, coordinator, member)
    return {
        "round": round_,
        "ward": ward,
        "other": other,
        "officer": factories.user(Role.OFFICER, ward, "canbophuong"),
        "coordinator": coordinator,
        "member": member,
    }


def _recognised_elsewhere(round_: Round, ward: Agency, coordinator: Any, member: Any) -> None:
    """A model already recognised in another ward, through the workflow."""
    spot = BrightSpot(
        name_vi="Không gian sáng tạo Hà Đông",
        level="ward",
        sector="design",
        host_kind="agency",
        host_agency=ward,
        ward=ward,
        start_year=2020,
    )
    officer = factories.user(Role.OFFICER, ward, "canbo-hadong")
    nomination = workflow.nominate(round_, officer, ward, spot)
    nomination = workflow.screen(nomination, coordinator, admitted=True)
    criteria = round_.rubric.criteria.order_by("position")
    sheet = {c.pk: (Decimal(v), "") for c, v in zip(criteria, "97889", strict=True)}
    workflow.record_scores(nomination, member, sheet)
    decision = Decision(
        outcome="recognised",
        number="98/QĐ-UBND",
        decided_on=date(2026, 2, 10),
        level="ward",
        valid_until=date(2029, 2, 9),
    )
    workflow.decide(nomination, coordinator, decision)


def nominate(page: Any, world: dict[str, Any]) -> Nomination:
    page.goto(f"/brightspots/rounds/{world['round'].pk}/nominate/")
    page.locator("#id_name_vi").fill("Phố sách Hà Nội")
    page.locator("#id_name_en").fill("Hanoi Book Street")
    page.select_option("#id_level", "ward")
    page.select_option("#id_sector", "publishing")
    page.select_option("#id_host_kind", "agency")
    page.select_option("#id_host_agency", str(world["ward"].pk))
    page.select_option("#id_ward", str(world["ward"].pk))
    page.locator("#id_start_year").fill("2021")
    page.locator("#id_results-0-year").fill("2025")
    page.locator("#id_results-0-indicator").fill("Lượt khách")
    page.locator("#id_results-0-unit").fill("lượt")
    page.locator("#id_results-0-value").fill("12.500")
    page.get_by_role("button", name="Nộp hồ sơ đề cử").click()
    page.wait_for_url(re.compile(r"/brightspots/nominations/\d+/"))
    return Nomination.objects.get(spot__name_vi="Phố sách Hà Nội")


def test_nominate_score_and_recognise(new_page: Any, world: dict[str, Any]) -> None:
    officer = new_page("vi")
    log_in(officer, "canbophuong")
    nomination = nominate(officer, world)
    assert nomination.spot.results.get().value == Decimal(12500)
    nomination = workflow.screen(nomination, world["coordinator"], admitted=True)

    member = new_page("vi")
    log_in(member, "hoidong")
    member.goto(f"/brightspots/nominations/{nomination.pk}/score/")
    for criterion in nomination.round.rubric.criteria.all():
        member.locator(f"#id_score_{criterion.pk}").fill("8,5")
    member.locator("textarea").first.fill("Lượng khách ổn định, dễ nhân rộng.")
    member.screenshot(path=str(SCREENSHOTS / "brightspots-score-vi.png"), full_page=True)
    member.get_by_role("button", name="Lưu điểm của tôi").click()
    member.wait_for_url(re.compile(rf"/brightspots/nominations/{nomination.pk}/$"))
    assert {s.score for s in Score.objects.filter(nomination=nomination)} == {Decimal("8.5")}
    # Σ weights × 8,5 = 8,5, shown in the Vietnamese style.
    assert member.locator(".weighted-score").inner_text() == "8,5"

    coordinator = new_page("vi")
    log_in(coordinator, "dieuphoi")
    coordinator.goto(f"/brightspots/nominations/{nomination.pk}/decide/")
    coordinator.select_option("#id_outcome", "recognised")
    coordinator.locator("#id_number").fill("125/QĐ-UBND")
    coordinator.locator("#id_decided_on").fill("15/03/2026")
    coordinator.select_option("#id_level", "ward")
    coordinator.locator("#id_valid_until").fill("14/03/2029")
    coordinator.get_by_role("button", name="Lưu").click()
    coordinator.wait_for_url(re.compile(r"/brightspots/models/\d+/"))
    decision = Decision.objects.get(nomination=nomination)
    assert (decision.decided_on, decision.valid_until) == (date(2026, 3, 15), date(2029, 3, 14))
    assert coordinator.locator(".decided-on").inner_text() == "15/03/2026"
    assert coordinator.locator(".valid-until").inner_text() == "14/03/2029"
    spot = BrightSpot.objects.get(name_vi="Phố sách Hà Nội")
    assert spot.status == BrightSpot.Status.RECOGNISED

    coordinator.goto(f"/brightspots/models/{spot.pk}/replications/new/")
    coordinator.select_option("#id_target", str(world["other"].pk))
    coordinator.locator("#id_started_on").fill("01/10/2026")
    coordinator.select_option("#id_status", "under_way")
    coordinator.get_by_role("button", name="Lưu").click()
    coordinator.wait_for_url(re.compile(r"/brightspots/models/\d+/$"))
    assert spot.replications.get().started_on == date(2026, 10, 1)
    coordinator.screenshot(path=str(SCREENSHOTS / "brightspots-model-vi.png"), full_page=True)
    coordinator.goto(f"/brightspots/rounds/{world['round'].pk}/")
    coordinator.screenshot(path=str(SCREENSHOTS / "brightspots-round-vi.png"), full_page=True)

    public = new_page("vi")
    errors: list[str] = []
    public.on("pageerror", lambda error: errors.append(str(error)))
    public.goto("/bright-spots/")
    # The ward's bubble is drawn and named on the map, and the script met no error.
    public.locator("[data-chart=wards] svg text", has_text="Hoàn Kiếm").first.wait_for()
    assert errors == []
    assert "Phố sách Hà Nội" in public.content()
    assert (
        "Phường Hà Đông — 01/10/2026"
        in public.locator(".bright-spot", has_text="Phố sách").inner_text()
    )
    public.screenshot(path=str(SCREENSHOTS / "brightspots-public-vi.png"), full_page=True)


def test_the_coordinator_edits_the_rubric_in_use(new_page: Any, world: dict[str, Any]) -> None:
    """Weights typed the Vietnamese way: a sum of 90 % is refused with nothing saved,
    then 12,5 + 27,5 + 20 + 25 + 15 = 100 makes version 2; the round keeps version 1."""
    used = world["round"].rubric
    page = new_page("vi")
    log_in(page, "dieuphoi")
    page.goto("/brightspots/rubrics/")
    page.get_by_role("link", name="Tạo phiên bản mới từ phiên bản này").click()
    page.locator("#id_adopted_on").fill("01/07/2026")
    for n, weight in enumerate(["12,5", "17,5", "20", "25", "15"]):
        page.locator(f"#id_criteria-{n}-weight").fill(weight)
    page.get_by_role("button", name="Lưu bộ tiêu chí").click()
    page.wait_for_load_state()
    assert "cộng lại được 90 %" in page.locator(".form-errors").inner_text()
    assert Rubric.objects.count() == 1

    page.locator("#id_criteria-1-weight").fill("27,5")
    page.locator("#id_criteria-5-name_vi").fill("Ứng dụng công nghệ số")
    page.get_by_role("button", name="Lưu bộ tiêu chí").click()
    page.wait_for_load_state()
    assert "Ghi trọng số của tiêu chí theo phần trăm" in page.locator(".field-error").inner_text()
    assert Rubric.objects.count() == 1

    page.locator("#id_criteria-5-name_vi").fill("")
    page.screenshot(path=str(SCREENSHOTS / "brightspots-rubric-form-vi.png"), full_page=True)
    page.get_by_role("button", name="Lưu bộ tiêu chí").click()
    page.wait_for_url(re.compile(r"/brightspots/rubrics/$"))
    new = Rubric.objects.get(code=used.code, version=2)
    assert new.adopted_on == date(2026, 7, 1)
    assert [c.weight for c in new.criteria.order_by("position")] == [
        Decimal("0.125"),
        Decimal("0.275"),
        Decimal("0.2"),
        Decimal("0.25"),
        Decimal("0.15"),
    ]
    assert [c.weight for c in used.criteria.order_by("position")] == [
        weight for *_, weight in shipped.CRITERIA
    ]
    assert Round.objects.get(pk=world["round"].pk).rubric_id == used.pk
    weights = page.locator(f"#rubric-{new.pk} .weight").all_inner_texts()
    assert weights == ["12,5", "27,5", "20", "25", "15"]
    page.screenshot(path=str(SCREENSHOTS / "brightspots-rubrics-vi.png"), full_page=True)
