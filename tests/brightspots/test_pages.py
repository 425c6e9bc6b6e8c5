"""The registry's pages through the test client: a nomination made on its form,
screened, scored with Vietnamese numbers, decided with a dd/mm/yyyy date, then shown
on the model's page and on the public page."""

from datetime import date
from decimal import Decimal

from django.test import Client

from cnvh.brightspots.models import BrightSpot, Decision, Nomination, Score
from tests.brightspots.conftest import City


def client_of(user: object | None, language: str = "vi") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def nomination_form(city: City, **fields: str) -> dict[str, str]:
    data = {
        "agency": str(city.ward.pk),
        "name_vi": "Không gian sáng tạo phố cổ",
        "name_en": "Old-quarter creative space",
        "level": "ward",
        "sector": "design",
        "host_kind": "enterprise",
        "host_tax_code": "0100109106",
        "host_name": "Công ty TNHH Sáng tạo",
        "ward": str(city.ward.pk),
        "start_year": "2022",
        "description": "",
        "results-TOTAL_FORMS": "3",
        "results-INITIAL_FORMS": "0",
        "results-MIN_NUM_FORMS": "0",
        "results-MAX_NUM_FORMS": "3",
        "results-0-year": "2024",
        "results-0-indicator": "Lượt khách",
        "results-0-unit": "lượt",
        "results-0-value": "12.500",
    }
    data.update(fields)
    return data


def test_the_whole_way_through_the_pages(city: City) -> None:
    officer = client_of(city.ward_officer)
    response = officer.post(f"/brightspots/rounds/{city.round.pk}/nominate/", nomination_form(city))
    assert response.status_code == 302, response.content.decode()[:3000]
    nomination = Nomination.objects.get()
    spot = nomination.spot
    assert (spot.host_tax_code, spot.sector) == ("0100109106", "design")
    assert spot.results.get().value == Decimal(12500)

    coordinator = client_of(city.coordinator)
    url = f"/brightspots/nominations/{nomination.pk}/"
    assert coordinator.post(url + "screen/", {"admitted": "yes"}).status_code == 302
    assert coordinator.post(url + "site-visit/", {"day": "05/03/2026"}).status_code == 302
    nomination.refresh_from_db()
    assert nomination.site_visit_on == date(2026, 3, 5)

    member = client_of(city.members[0])
    criteria = list(city.round.rubric.criteria.order_by("position"))
    sheet = {f"score_{c.pk}": "8,5" for c in criteria} | {f"comment_{criteria[0].pk}": "Tốt"}
    assert member.post(url + "score/", sheet).status_code == 302
    assert {s.score for s in Score.objects.all()} == {Decimal("8.5")}
    page = member.get(url).content.decode()
    assert "8,5" in page  # the weighted score, in the reader's style

    decision = {
        "outcome": "recognised",
        "number": "125/QĐ-UBND",
        "decided_on": "15/03/2026",
        "level": "ward",
        "valid_until": "14/03/2029",
    }
    assert coordinator.post(url + "decide/", decision).status_code == 302
    stored = Decision.objects.get()
    assert (stored.decided_on, stored.valid_until) == (date(2026, 3, 15), date(2029, 3, 14))
    spot.refresh_from_db()
    assert spot.status == BrightSpot.Status.RECOGNISED

    detail = coordinator.get(f"/brightspots/models/{spot.pk}/").content.decode()
    assert "125/QĐ-UBND" in detail and "15/03/2026" in detail
    public = client_of(None).get("/bright-spots/")
    assert public.status_code == 200
    assert "Không gian sáng tạo phố cổ" in public.content.decode()


def test_a_wrong_tax_code_is_refused_with_how_to_fix_it(city: City) -> None:
    officer = client_of(city.ward_officer, "en")
    response = officer.post(
        f"/brightspots/rounds/{city.round.pk}/nominate/",
        nomination_form(city, host_tax_code="0100109107"),
    )
    assert response.status_code == 200
    assert "0100109107 is not a valid enterprise code" in response.content.decode()
    assert not BrightSpot.objects.exists()


def test_a_score_above_ten_is_refused(city: City) -> None:
    nomination = city.admitted("A")
    criteria = list(city.round.rubric.criteria.order_by("position"))
    sheet = {f"score_{c.pk}": "11" for c in criteria}
    response = client_of(city.members[0], "en").post(
        f"/brightspots/nominations/{nomination.pk}/score/", sheet
    )
    assert response.status_code == 200
    assert "less than or equal to 10" in response.content.decode()
    assert not Score.objects.exists()


def test_the_public_page_shows_only_recognised_models(city: City) -> None:
    city.admitted("Chưa được công nhận")
    page = client_of(None).get("/bright-spots/").content.decode()
    assert "Chưa được công nhận" not in page
