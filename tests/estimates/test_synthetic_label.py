"""The synthetic flag follows the data's own label."""

import pytest

from cnvh.stats.text import says_demo


@pytest.mark.parametrize(
    "title",
    [
        "DỮ LIỆU MẪU - Tổng GRDP.xlsx",
        "du_lieu_mau_2025.csv",
        "Bảng mẫu doanh nghiệp",
        "demo-totals.csv",
        "Synthetic units",
        "hanoi_SAMPLE.ods",
    ],
)
def test_titles_that_say_sample_data(title: str) -> None:
    assert says_demo(title)


@pytest.mark.parametrize(
    "title",
    ["Tổng GRDP 2024.xlsx", "màu sắc.csv", "mau_don.csv", "democracy.csv", "units.parquet", ""],
)
def test_titles_of_real_data(title: str) -> None:
    assert not says_demo(title)
