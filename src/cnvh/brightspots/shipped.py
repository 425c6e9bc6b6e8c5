"""The rubric cnvh ships: version 1 of the assessment of models and bright spots.
Peer practice (Interreg Europe good practices) asks that a practice has proved itself
with measurable results and can be taken up elsewhere; the weights are a proposal the
coordinator replaces by adopting a new version (a round keeps the version it used)."""

from datetime import date
from decimal import Decimal
from typing import Any

RUBRIC = {
    "code": "mo-hinh",
    "version": 1,
    "name_vi": "Tiêu chí đánh giá mô hình, điểm sáng",
    "name_en": "Assessment criteria for models and bright spots",
    "adopted_on": date(2026, 1, 1),
}
# position, Vietnamese, English, weight
CRITERIA = [
    (1, "Kết quả đo lường được", "Measurable results", Decimal("0.30")),
    (2, "Khả năng nhân rộng", "Transferability", Decimal("0.25")),
    (3, "Tính sáng tạo", "Innovation", Decimal("0.20")),
    (4, "Tính bền vững", "Sustainability", Decimal("0.15")),
    (5, "Sức lan tỏa trong cộng đồng", "Reach in the community", Decimal("0.10")),
]


def install(rubric_model: Any, criterion_model: Any) -> None:
    rubric, _ = rubric_model.objects.get_or_create(
        code=RUBRIC["code"], version=RUBRIC["version"], defaults=RUBRIC
    )
    for position, name_vi, name_en, weight in CRITERIA:
        criterion_model.objects.get_or_create(
            rubric=rubric,
            position=position,
            defaults={"name_vi": name_vi, "name_en": name_en, "weight": weight},
        )
