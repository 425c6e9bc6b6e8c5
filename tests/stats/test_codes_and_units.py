from cnvh.stats.codes import load_classification, normalise_code
from cnvh.stats.money import canonical_unit, display_unit, same_unit, split_header_unit


def test_codes_normalise_consistently() -> None:
    assert normalise_code("59.20") == normalise_code("5920") == normalise_code(" 59.2 0") == "5920"
    assert normalise_code(5920.0) == "5920"
    assert normalise_code("59-20") == "5920"


def test_classifications_list_every_division() -> None:
    vsic2018 = load_classification("VSIC2018")
    assert len(vsic2018.divisions) == 88
    assert vsic2018.title("59", "en").startswith("Motion picture")
    assert vsic2018.knows("5911") and vsic2018.knows("59999")  # partial list: by division
    assert not vsic2018.knows("0099")
    assert load_classification("VSIC2025").knows("5821")  # publishing of video games


def test_unit_labels() -> None:
    assert canonical_unit("Triệu đồng") == "million VND"
    assert same_unit("tỷ đồng", "VND billion")
    assert same_unit("GBP million", "million  gbp")
    assert not same_unit("million VND", "billion VND")
    assert split_header_unit("Doanh thu [triệu đồng]") == ("Doanh thu", "million VND")
    assert split_header_unit("value_added") == ("value_added", None)
    assert display_unit("million VND", "vi") == "triệu đồng"
    assert display_unit("GBP million", "vi") == "GBP million"
