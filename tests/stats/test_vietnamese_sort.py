"""Vietnamese dictionary order: the one sort key every list of names uses."""

from cnvh.stats.text import vietnamese_sort_key

# Wards and communes of Hanoi (2025), shuffled.
NAMES = [
    "Yên Hòa",
    "Ô Chợ Dừa",
    "Ứng Hòa",
    "Đống Đa",
    "Dương Nội",
    "Ba Đình",
    "Ô Diên",
    "Hoàn Kiếm",
    "Đông Anh",
    "Uy Nỗ",
    "Hai Bà Trưng",
    "Hà Đông",
    "Ngọc Hà",
    "Ơ Bích",
    "Ứng Thiên",
    "Cửa Nam",
]


def test_hanoi_names_in_dictionary_order() -> None:
    assert sorted(NAMES, key=vietnamese_sort_key) == [
        "Ba Đình",
        "Cửa Nam",
        "Dương Nội",
        "Đông Anh",  # Đ after D; "Đông A" before "Đống Đ": letters first, tones after
        "Đống Đa",
        "Hà Đông",  # "Hà " before "Hai": a space before a letter
        "Hai Bà Trưng",
        "Hoàn Kiếm",
        "Ngọc Hà",
        "Ô Chợ Dừa",  # Ô after O-words (none here) and before Ơ
        "Ô Diên",
        "Ơ Bích",
        "Uy Nỗ",
        "Ứng Hòa",  # Ư after U
        "Ứng Thiên",
        "Yên Hòa",
    ]


def test_plain_python_sorting_gets_it_wrong() -> None:
    """Why the key exists: code points put Đ, Ô and Ư after Y."""
    assert sorted(["Yên Hòa", "Đống Đa", "Dương Nội"]) == ["Dương Nội", "Yên Hòa", "Đống Đa"]


def test_tones_order_words_with_the_same_letters() -> None:
    syllables = ["bạ", "bá", "ba", "bã", "bà", "bả"]
    assert sorted(syllables, key=vietnamese_sort_key) == ["ba", "bà", "bả", "bã", "bá", "bạ"]


def test_case_and_composition_do_not_matter() -> None:
    composed, decomposed = "Ứng Hòa", "U\u031b\u0301ng Ho\u0300a"
    assert vietnamese_sort_key(composed)[:2] == vietnamese_sort_key(decomposed)[:2]
    assert vietnamese_sort_key("ĐỐNG ĐA")[:2] == vietnamese_sort_key("đống đa")[:2]
    assert sorted(["o", "ơ", "ô", "p"], key=vietnamese_sort_key) == ["o", "ô", "ơ", "p"]
