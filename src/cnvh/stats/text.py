"""Text as compared, whatever its accents: the only place where Vietnamese letters
lose their diacritics."""

import re
import unicodedata


def strip_accents(text: str) -> str:
    """`text` without diacritics, đ and Đ as d and D: "Mã ngành Đồ họa" -> "Ma nganh Do hoa".
    Case, spaces and punctuation are kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


# Words a file or data set title uses to say it is not real data.
DEMO_WORDS = frozenset({"mẫu", "demo", "synthetic", "sample"})


def says_demo(text: str) -> bool:
    """Whether a title says the data is a demonstration: "DỮ LIỆU MẪU", "du_lieu_mau.xlsx",
    "demo-2025.csv", "synthetic totals". Only "mẫu" with its accents counts alone (plain
    "mau" is also "màu", colour); without accents only the phrase "du lieu mau"."""
    lowered = unicodedata.normalize("NFC", text).lower()
    words = re.split(r"[\W_]+", lowered)
    if DEMO_WORDS.intersection(words):
        return True
    plain = " ".join(re.split(r"[\W_]+", strip_accents(lowered)))
    return "du lieu mau" in plain or "dulieumau" in plain.replace(" ", "")


# The Vietnamese alphabet (with the Latin letters it borrows in their Latin places):
# ă and â after a, đ after d, ê after e, ô and ơ after o, ư after u.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Marks that make another letter (breve, circumflex, horn) and the five tones, in the
# dictionaries' order: level, grave (huyền), hook (hỏi), tilde (ngã), acute (sắc), dot (nặng).
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

SortKey = tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]


def vietnamese_sort_key(text: str) -> SortKey:
    """Sort `text` as a Vietnamese dictionary does: letter by letter in the Vietnamese
    alphabet (Đ after D, Ô and Ơ after O, Ư after U), case and tones aside; then by the
    tones, so "Ba" < "Bà" < "Bá" < "Bạ"; spaces and digits before letters."""
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _TONES:
            if tones:
                tones[-1] = _TONES[char]
            continue
        if char in _LETTER_MARKS and letters:
            composed = unicodedata.normalize("NFC", _ALPHABET[letters[-1][1]] + char)
            if composed in _RANK:
                letters[-1] = (1, _RANK[composed])
            continue
        letters.append((1, _RANK[char]) if char in _RANK else (0, ord(char)))
        tones.append(0)
    return (tuple(letters), tuple(tones), text)
