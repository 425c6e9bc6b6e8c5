"""The tax code check: 10 digits with a check digit, 13 for a branch, 12 for a
personal number; the weights 31, 29, 23, 19, 17, 13, 7, 5, 3 worked by hand."""

import pytest

from cnvh.enterprises import identity


def check_digit_by_hand(first_nine: str) -> int:
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, weights, strict=True))
    return 10 - total % 11


def test_the_check_digit_worked_by_hand() -> None:
    # 0*31+1*29+0*23+1*19+2*17+3*13+4*7+5*5+6*3 = 192; 192 mod 11 = 5; 10 - 5 = 5.
    assert check_digit_by_hand("010123456") == 5
    assert identity.problem("0101234565") is None


def test_a_wrong_check_digit_is_named_in_both_languages() -> None:
    found = identity.problem("0101234566")
    assert found is not None
    assert "chữ số kiểm tra" in found.what_vi and "check digit" in found.what_en
    assert "“0101234566”" in found.what_en


@pytest.mark.parametrize(
    "written",
    ["0100233488-001", "0100233488001", "001085012345", "0100 233 488"],
)
def test_branches_personal_numbers_and_spaces_pass(written: str) -> None:
    assert identity.problem(written) is None


@pytest.mark.parametrize("written", ["010023348", "01002334880", "ABCDEFGHIJ", "0100233488-000"])
def test_wrong_lengths_letters_and_branch_000_are_refused(written: str) -> None:
    found = identity.problem(written)
    assert found is not None and "12" in found.fix_en


def test_a_branch_is_printed_with_its_dash_and_knows_its_parent() -> None:
    code = identity.compact("0100233488-001")
    assert (identity.is_branch(code), identity.parent_code(code)) == (True, "0100233488")
    assert identity.shown(code) == "0100233488-001"
    assert identity.is_personal("001085012345") and not identity.is_personal("0100233488")
