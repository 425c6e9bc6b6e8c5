"""The periodic report's document: every figure against hand-computed values, the
database, and the functions the pages use."""

from datetime import date

import pytest
from django.utils import translation

from cnvh.estimates.models import Estimate
from cnvh.exports.periodic import heading
from cnvh.exports.periodic.build import Issue, periodic_report
from cnvh.exports.periodic.document import IndicatorLine, PeriodicReport
from cnvh.plan import completeness, values
from cnvh.plan import progress as plan_progress
from cnvh.plan.models import ReportingPeriod, Task
from tests import factories
from tests.exports import periodic_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> periodic_world.World:
    return periodic_world.build()


def report(world: periodic_world.World, number: int, language: str = "vi") -> PeriodicReport:
    with translation.override(language):
        return periodic_report(
            world.plan, "quarter", 2026, number, Issue(issued_on=date(2026, 7, 5))
        )


def indicator(document: PeriodicReport, code: str) -> IndicatorLine:
    return next(line for line in document.indicators if line.code == code)


def test_the_heading_and_title_in_vietnamese(world: periodic_world.World) -> None:
    document = report(world, 2)
    assert document.heading.parent_agency == "UBND THÀNH PHỐ HÀ NỘI"
    assert document.heading.agency == "SỞ VĂN HÓA VÀ THỂ THAO"
    assert document.heading.number == "Số: …/BC-SVHTT"
    assert document.heading.nation == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert document.heading.motto == "Độc lập - Tự do - Hạnh phúc"
    assert document.heading.place_and_date == "Hà Nội, ngày 05 tháng 7 năm 2026"
    assert document.title == "BÁO CÁO"
    assert document.subject == "Kết quả thực hiện Kế hoạch phát triển công nghiệp văn hóa"
    assert document.span.title == "Quý II năm 2026"
    assert (document.span.starts_on, document.span.ends_on) == (date(2026, 4, 1), date(2026, 6, 30))


def test_the_heading_in_english(world: periodic_world.World) -> None:
    document = report(world, 2, "en")
    assert document.heading.agency == "DEPARTMENT OF CULTURE AND SPORTS"
    assert document.heading.nation == "SOCIALIST REPUBLIC OF VIETNAM"
    assert document.heading.motto == "Independence - Freedom - Happiness"
    assert document.heading.place_and_date == "Hanoi, 5 July 2026"
    assert document.span.title == "Quarter II of 2026"


def test_half_years_years_and_dates_in_january() -> None:
    with translation.override("vi"):
        assert heading.span_title("half", 2026, 1) == "6 tháng đầu năm 2026"
        assert heading.span_title("half", 2026, 2) == "6 tháng cuối năm 2026"
        assert heading.span_title("year", 2026, 1) == "Năm 2026"
        assert heading.place_and_date("Hà Nội", date(2026, 1, 9)) == (
            "Hà Nội, ngày 09 tháng 01 năm 2026"
        )


def test_tasks_stand_as_at_the_end_of_the_period(world: periodic_world.World) -> None:
    document = report(world, 2)
    lines = {task.code: task for section in document.sections for task in section.tasks}
    assert set(lines) == {"T1", "T2", "T3"}  # T4 starts in September
    assert (lines["T1"].status, lines["T1"].percent_done) == ("in_progress", 70)
    assert (lines["T2"].status, lines["T2"].percent_done) == ("completed", 100)
    assert (lines["T3"].status, lines["T3"].percent_done) == ("not_started", 0)
    assert [code for code, line in lines.items() if line.overdue] == ["T3"]
    assert lines["T1"].narrative == "Kết quả T1 kỳ 2: đã tổ chức hội thảo."
    assert lines["T2"].narrative == ""  # its last report was for Q1
    summary = document.summary
    counts = {count.status: count.tasks for count in summary.by_status}
    assert counts == {"not_started": 1, "in_progress": 1, "completed": 1, "suspended": 0}
    assert summary.tasks == 3
    assert summary.mean_percent == pytest.approx(170 / 300)
    assert summary.overdue == 1


def test_completeness_is_the_agency_pages_rule(world: periodic_world.World) -> None:
    document = report(world, 2)
    [line] = document.summary.reporting
    assert (line.expected, line.submitted, line.on_time) == (2, 1, 1)
    assert (line.completeness, line.timeliness) == (0.5, 0.5)
    assert line.agencies_missing == 1
    rows = completeness.completeness([world.periods[2]], Task.objects.all())
    assert sum(row.expected for row in rows) == line.expected
    assert sum(row.submitted for row in rows) == line.submitted


def test_the_latest_period_equals_the_plan_pages(world: periodic_world.World) -> None:
    """Q3 is the latest period with approved reports: the report is the plan as the
    pages show it now."""
    document = report(world, 3)
    shown = {group.group.number: group for group in plan_progress.by_group(world.plan)}
    for section in document.sections:
        assert section.progress.by_status == {
            status: count for status, count in shown[section.number].by_status.items()
        }
        assert section.progress.mean_percent == shown[section.number].mean_percent
    for section in document.sections:
        for line in section.tasks:
            task = Task.objects.get(group__plan=world.plan, code=line.code)
            assert (line.status, line.percent_done) == (task.status, task.percent_done)
    assert [line.percent_done for line in document.sections[0].tasks] == [90, 100]
    [reporting] = document.summary.reporting
    assert (reporting.expected, reporting.submitted) == (3, 1)  # T1, T3 and T4 owed; T1 reported


def test_reported_values_count_only_periods_ended(world: periodic_world.World) -> None:
    assert indicator(report(world, 2), "events").value.value == 3 + 4 + 2  # type: ignore[union-attr]
    third = indicator(report(world, 3), "events")
    assert third.value.value == 3 + 4 + 2 + 5  # type: ignore[union-attr]
    assert [v.value for v in values.series(world.events)] == [14.0]  # the indicator page's
    assert third.value.source_short == "số báo cáo đã được phê duyệt: 4"  # type: ignore[union-attr]


def test_the_share_of_grdp_as_the_indicator_page_shows_it(
    world: periodic_world.World, stored_estimate: Estimate
) -> None:
    share = factories.indicator("cnvh-grdp-share", baseline_year=2021, targets={2025: 5, 2030: 8})
    line = indicator(report(world, 2), share.code)
    series = values.series(share)
    assessment = values.assess(share, series)
    assert line.value is not None and line.value.year == 2024
    assert line.value.value == series[-1].value == pytest.approx(4.2)
    assert line.baseline is not None and (line.baseline.year, line.baseline.value) == (
        2021,
        pytest.approx(3.5),
    )
    assert line.target is not None and (line.target.year, line.target.value) == (2030, 8.0)
    # 2024 on the path from 3.5% (2021) to 5% (2025): 3.5 + 1.5 × 3/4 = 4.625; progress
    # 0.7 of 1.125 expected is 62%: at risk.
    assert line.expected == pytest.approx(4.625) == assessment.expected
    assert line.status == "at_risk" == assessment.status
    chart = report(world, 2).share_chart
    assert chart is not None
    assert chart.share[chart.years.index(2024)] == pytest.approx(4.2)
    assert chart.trajectory[chart.years.index(2030)] == pytest.approx(8.0)


def test_a_half_year_counts_the_quarters_within(world: periodic_world.World) -> None:
    ReportingPeriod.objects.create(
        kind="half",
        year=2026,
        number=1,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 30),
        due_on=date(2026, 7, 10),
    )
    with translation.override("vi"):
        document = periodic_report(world.plan, "half", 2026, 1)
    assert [line.period for line in document.summary.reporting] == ["Quý 1/2026", "Quý 2/2026"]
    total = document.summary.reporting_total
    assert total is not None
    # Q1: T1, T2, T3 due, T1 and T2 on time; Q2: T1 and T3 due, T1 on time.
    assert (total.expected, total.submitted, total.on_time) == (5, 3, 3)
    assert total.completeness == pytest.approx(3 / 5)
    assert document.span.title == "6 tháng đầu năm 2026"
    assert indicator(document, "events").value.value == 9  # type: ignore[union-attr]
