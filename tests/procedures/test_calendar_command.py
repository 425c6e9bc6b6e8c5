"""`cnvh calendar`: its three sub-commands and its refusals."""

import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args: str) -> str:
    out = StringIO()
    call_command("calendar", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_add_working_days_across_tet_2024() -> None:
    assert run("add-working-days", "2024-02-07", "5") == "2024-02-21\n"
    assert run("add-working-days", "07/02/2024", "1") == "2024-02-15\n"


def test_lunar() -> None:
    assert run("lunar", "2026-02-17") == (
        "1/1/2026 (mùng 1 tháng Giêng năm Bính Ngọ / 1st day of the 1st lunar month,"
        " year of Bính Ngọ)\n"
    )


def test_solar() -> None:
    assert run("solar", "1/1/2026") == "2026-02-17\n"
    assert run("solar", "1/6/2025", "--leap") == "2025-07-25\n"


@pytest.mark.parametrize(
    "args",
    [
        ("solar", "30/12/2025"),
        ("solar", "1/6/2026", "--leap"),
        ("solar", "1-1-2026"),
        ("lunar", "2026-02-30"),
        ("add-working-days", "2024-02-07", "five"),
    ],
)
def test_bad_input_is_refused_in_both_languages(args: tuple[str, ...]) -> None:
    with pytest.raises(CommandError) as refused:
        run(*args)
    message = str(refused.value)
    assert " / " in message
    assert refused.value.returncode == 1


def test_the_command_line_exits_with_1() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cnvh.cli", "calendar", "solar", "30/12/2025"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "không có" in done.stderr and "does not exist" in done.stderr
