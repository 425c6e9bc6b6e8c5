"""Editing the assessment rubric: a version a round uses becomes a new version (the
round keeps its own), an unused one is corrected in place, weights typed in per cent
the Vietnamese way must sum to 100, and the scale bounds the scores."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cnvh.brightspots import workflow
from cnvh.brightspots.models import Criterion, Round, Rubric, Score
from tests.brightspots.conftest import City
from tests.brightspots.test_pages import client_of


def rubric_form(rubric: Rubric, weights: list[str], **fields: str) -> dict[str, str]:
    """The edit page's fields: the heading, then one line per weight (names kept)."""
    data = {
        "name_vi": "Tiêu chí đánh giá mô hình, điểm sáng (sửa đổi)",
        "name_en": "Assessment criteria (revised)",
        "adopted_on": "01/07/2026",
        "top_score": "10",
        "criteria-TOTAL_FORMS": str(len(weights)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "30",
    }
    for n, weight in enumerate(weights):
        data |= {
            f"criteria-{n}-name_vi": f"Tiêu chí {n + 1}",
            f"criteria-{n}-name_en": f"Criterion {n + 1}",
            f"criteria-{n}-weight": weight,
        }
    return data | fields


# 12,5 + 12,5 + 25 + 50 = 100
WEIGHTS = ["12,5", "12,5", "25", "50"]


def test_a_rubric_in_use_gets_a_new_version_and_the_round_keeps_its_own(city: City) -> None:
    used = city.round.rubric
    before = [(c.name_vi, c.weight) for c in used.criteria.order_by("position")]
    response = client_of(city.coordinator).post(
        f"/brightspots/rubrics/{used.pk}/edit/", rubric_form(used, WEIGHTS)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    new = Rubric.objects.get(code="mo-hinh", version=2)
    assert new.adopted_on == date(2026, 7, 1)
    assert [(c.name_vi, c.weight) for c in new.criteria.order_by("position")] == [
        ("Tiêu chí 1", Decimal("0.125")),
        ("Tiêu chí 2", Decimal("0.125")),
        ("Tiêu chí 3", Decimal("0.25")),
        ("Tiêu chí 4", Decimal("0.5")),
    ]
    used.refresh_from_db()
    assert [(c.name_vi, c.weight) for c in used.criteria.order_by("position")] == before
    assert Round.objects.get(pk=city.round.pk).rubric_id == used.pk
    assert new.history.get().history_user == city.coordinator
    page = client_of(city.coordinator).get("/brightspots/rubrics/").content.decode()
    assert "12,5" in page and "phiên bản 2" in page and "phiên bản 1" in page


def test_an_unused_version_is_corrected_in_place_with_its_history(city: City) -> None:
    draft = Rubric.objects.create(
        code="mo-hinh", version=2, name_vi="Nháp", adopted_on=date(2026, 6, 1)
    )
    Criterion.objects.create(rubric=draft, position=1, name_vi="Cũ", weight=Decimal(1))
    client = client_of(city.coordinator)
    response = client.post(f"/brightspots/rubrics/{draft.pk}/edit/", rubric_form(draft, WEIGHTS))
    assert response.status_code == 302
    assert Rubric.objects.filter(code="mo-hinh").count() == 2  # no third version
    first = draft.criteria.get(position=1)
    assert (first.name_vi, first.weight) == ("Tiêu chí 1", Decimal("0.125"))
    assert [h.name_vi for h in first.history.order_by("history_date")] == ["Cũ", "Tiêu chí 1"]
    assert draft.criteria.count() == 4


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", "Trọng số (cột “Trọng số (%)”) cộng lại được 97,5 %"),
        ("en", "The weights (column “Weight (%)”) sum to 97.5 %"),
    ],
)
def test_weights_not_summing_to_100_are_refused_naming_the_field(
    city: City, language: str, expected: str
) -> None:
    used = city.round.rubric
    form = rubric_form(used, ["12,5", "10", "25", "50"])
    if language == "en":
        form |= {f"criteria-{n}-weight": w for n, w in enumerate(["12.5", "10", "25", "50"])}
    response = client_of(city.coordinator, language).post(
        f"/brightspots/rubrics/{used.pk}/edit/", form
    )
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert Rubric.objects.count() == 1
    assert Criterion.objects.count() == 5


def test_a_criterion_without_weight_is_refused_on_its_field(city: City) -> None:
    used = city.round.rubric
    form = rubric_form(used, WEIGHTS) | {"criteria-3-weight": ""}
    page = client_of(city.coordinator).post(f"/brightspots/rubrics/{used.pk}/edit/", form)
    assert page.status_code == 200
    assert "Ghi trọng số của tiêu chí theo phần trăm, ví dụ 12,5." in page.content.decode()
    assert Rubric.objects.count() == 1


def test_only_the_coordinator_edits_the_rubric(city: City) -> None:
    used = city.round.rubric
    url = f"/brightspots/rubrics/{used.pk}/edit/"
    assert client_of(city.ward_officer).post(url, rubric_form(used, WEIGHTS)).status_code == 403
    assert client_of(city.members[0]).get(url).status_code == 403
    assert Rubric.objects.count() == 1


def test_a_score_above_the_rubrics_scale_is_refused(city: City) -> None:
    used = city.round.rubric
    form = rubric_form(used, WEIGHTS, top_score="5")
    response = client_of(city.coordinator).post(f"/brightspots/rubrics/{used.pk}/edit/", form)
    assert response.status_code == 302
    five = Rubric.objects.get(version=2)
    assert five.top_score == 5
    city.round = workflow.make_round(
        city.coordinator,
        Round(
            name_vi="Đợt thang 5",
            opens_on=city.round.opens_on,
            closes_on=city.round.closes_on,
            nominator_kinds=city.round.nominator_kinds,
            rubric=five,
        ),
        city.members[:2],
    )
    nomination = city.admitted("Làng nghề gốm")
    with pytest.raises(ValidationError) as refused:
        city.score(nomination, city.members[0], "5", "5", "6", "4")
    assert "from 0 to 5" in str(refused.value) or "từ 0 đến 5" in str(refused.value)
    assert not Score.objects.exists()
    city.score(nomination, city.members[0], "5", "5", "4.5", "4")
    assert Score.objects.count() == 4
