"""The worked example in the README gives the figures the README computes by hand."""

import json
import re
from pathlib import Path

import pytest

from cnvh.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"


def _block_after(text: str, label: str) -> str:
    match = re.search(re.escape(label) + r"\s*```\n(.*?)```", text, re.S)
    assert match, f"no code block after {label} in the README"
    return match.group(1)


def test_the_readme_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    (tmp_path / "units.csv").write_text(_block_after(text, "`units.csv`:"), encoding="utf-8")
    (tmp_path / "totals.csv").write_text(_block_after(text, "`totals.csv`:"), encoding="utf-8")
    assert (
        main(
            [
                "estimate",
                "--scope",
                "hanoi-plan",
                "--units",
                str(tmp_path / "units.csv"),
                "--totals",
                str(tmp_path / "totals.csv"),
                "--format",
                "json",
            ]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)["rows"]
    values = {row["sector"]: row["value_added"] for row in rows}
    assert values == pytest.approx(
        {"cinema": 500, "broadcasting": 500, "cuisine": 40, "advertising": 300, None: 1340}
    )
    total = next(row for row in rows if row["sector"] is None)
    assert total["share"] == pytest.approx(0.0134)
    assert "1,340" in text and "1.34% of GRDP" in text
