"""cnvh.language: the engine's bilingual problems and Django's catalogue, one way."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cnvh import language
from cnvh.exchange.estimating import EstimateRequestError
from cnvh.stats.problems import Problem


def test_an_engine_problem_in_the_active_language() -> None:
    problem = Problem("missing_column", file="units.csv", row=3, column="vsic")
    with translation.override("vi"):
        assert language.message(problem) == problem.message_vi
        assert language.message(problem).startswith("units.csv, dòng 3, cột vsic: Thiếu cột")
    with translation.override("en"):
        assert language.message(problem) == problem.message_en
        assert language.message(problem).startswith("units.csv, row 3, column vsic: Missing")
    assert language.message(problem, "en-gb") == problem.message_en
    assert language.messages(problem) == {"vi": problem.message_vi, "en": problem.message_en}


def test_a_request_that_cannot_be_estimated_is_told_the_same_way() -> None:
    error = EstimateRequestError("Chọn tập số liệu tổng (GRDP)", "Choose the totals (GRDP)")
    with translation.override("vi"):
        assert language.message(error) == "Chọn tập số liệu tổng (GRDP)"
    with translation.override("en"):
        assert language.message(error) == "Choose the totals (GRDP)"


def test_pick_falls_back_to_the_other_text() -> None:
    assert language.pick("Hà Nội", "Hanoi", "vi") == "Hà Nội"
    assert language.pick("Hà Nội", "Hanoi", "en") == "Hanoi"
    assert language.pick("Hà Nội", "", "en") == "Hà Nội"
    assert language.current("fr") == "vi"


def test_both_from_the_one_catalogue() -> None:
    with translation.override("en"):
        assert language.both("Baseline") == {"vi": "Giá trị cơ sở", "en": "Baseline"}
        assert language.both(_("Revision")) == {"vi": "Phiên bản", "en": "Revision"}
        assert translation.get_language() == "en"
    assert language.both("revision %(revision)s", revision=4) == {
        "vi": "phiên bản 4",
        "en": "revision 4",
    }
