"""The one identity of an enterprise: its tax code (mã số doanh nghiệp), checked by
`stdnum.vn.mst`; since 2025-07-01 a household business or an individual uses the
12-digit personal identification number instead, which is personal data."""

import re
from dataclasses import dataclass

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

PERSONAL_LENGTH = 12
_SEPARATORS = re.compile(r"[\s.\-]")


@dataclass(frozen=True)
class TaxCodeProblem:
    """What is wrong with a written code and how to fix it, in both languages."""

    what_vi: str
    what_en: str
    fix_vi: str
    fix_en: str


def compact(written: str) -> str:
    """The digits of a code as people write it: "0100233488-001" -> "0100233488001"."""
    return _SEPARATORS.sub("", written or "")


def is_personal(code: str) -> bool:
    """A 12-digit personal identification number, not a tax code of its own."""
    return len(code) == PERSONAL_LENGTH and code.isdigit()


def is_branch(code: str) -> bool:
    return len(code) == 13


def parent_code(code: str) -> str:
    """The 10-digit code of a branch's parent enterprise."""
    return code[:10]


def shown(code: str) -> str:
    """A tax code as it is printed: a branch with its dash, 0100233488-001."""
    return mst.format(code) if len(code) in (10, 13) else code


def problem(written: str) -> TaxCodeProblem | None:
    """None for a valid tax code or personal number, else what is wrong with it."""
    code = compact(written)
    if is_personal(code):
        return None
    try:
        mst.validate(code)
    except InvalidChecksum:
        return TaxCodeProblem(
            f"Mã số thuế “{written}” sai chữ số kiểm tra (chữ số thứ 10).",
            f"The tax code “{written}” has a wrong check digit (the 10th digit).",
            "Kiểm tra lại mã số trên giấy chứng nhận đăng ký doanh nghiệp.",
            "Check the code against the business registration certificate.",
        )
    except (InvalidLength, InvalidFormat, InvalidComponent, StdnumError):
        return TaxCodeProblem(
            f"Mã số thuế “{written}” không hợp lệ.",
            f"The tax code “{written}” is not valid.",
            "Ghi 10 chữ số (doanh nghiệp), 13 chữ số cho chi nhánh (mã doanh nghiệp"
            " mẹ và 001–999), hoặc 12 chữ số định danh cá nhân cho hộ kinh doanh, cá nhân.",
            "Write 10 digits (an enterprise), 13 for a branch (the parent's code and"
            " 001–999), or the 12-digit personal number of a household business or an"
            " individual.",
        )
    return None
