"""`cnvh unesco-report`: the current draft of a period to a file; bad input is
refused in Vietnamese and English with exit status 1."""

import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document

from cnvh.unesco import workflow
from tests.unesco.conftest import City

COMMAND = "unesco-report"


@pytest.fixture
def draft(city: City) -> None:
    workflow.start_report(2023, 2027, city.coordinator)


def test_writes_the_docx_and_the_pdf(draft: None, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    call_command(COMMAND, "--from", "2023", "--to", "2027", "--lang", "en", "--output", str(out))
    document = Document(BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "Membership Monitoring Report 2023–2027"
    pdf = tmp_path / "report.pdf"
    call_command(
        COMMAND,
        "--from",
        "2023",
        "--to",
        "2027",
        "--lang",
        "vi",
        "--format",
        "pdf",
        "--output",
        str(pdf),
    )
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("arguments", "vietnamese", "english"),
    [
        (["--from", "2023", "--to", "2026"], "Chưa có báo cáo", "No report of 2023–2026"),
        (["--from", "23", "--to", "2027"], "Năm không hợp lệ", "Not a year: “23”"),
        (["--from", "2023", "--to", "2027", "--lang", "fr"], "Ngôn ngữ", "choose en or vi"),
        (["--from", "2023", "--to", "2027", "--format", "odt"], "Định dạng", "docx or pdf"),
    ],
)
def test_bad_input_is_explained(
    draft: None, tmp_path: Path, arguments: list[str], vietnamese: str, english: str
) -> None:
    out = tmp_path / "report.docx"
    with pytest.raises(CommandError) as refused:
        call_command(COMMAND, *arguments, "--output", str(out))
    assert vietnamese in str(refused.value) and english in str(refused.value)
    assert not out.exists()


def test_a_missing_folder_is_explained(draft: None, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.docx"
    with pytest.raises(CommandError, match="No such folder"):
        call_command(COMMAND, "--from", "2023", "--to", "2027", "--output", str(out))


def test_the_command_line_exits_with_1(tmp_path: Path) -> None:
    """Through `cnvh` itself, as an operator runs it: a message, no traceback."""
    env = {**os.environ, "CNVH_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "cnvh.settings"}
    out = tmp_path / "r.docx"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "cnvh.cli",
            COMMAND,
            "--from",
            "2O23",
            "--to",
            "2027",
            "--output",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Năm không hợp lệ: “2O23”" in result.stderr
    assert "Not a year: “2O23”" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
