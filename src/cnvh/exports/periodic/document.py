"""The periodic report as data: built once, then written as HTML, PDF or XLSX.

Everything a writer shows is here, already chosen and in the report's language;
figures keep their full precision (a writer rounds them only for display).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cnvh.plan.progress import GroupProgress
from cnvh.plan.trajectory import Point
from cnvh.presentation.formatting import MoneyScale, format_number, percent


@dataclass(frozen=True)
class Heading:
    """The block at the top of a Vietnamese administrative document."""

    parent_agency: str  # "UBND THÀNH PHỐ HÀ NỘI"
    agency: str  # "SỞ VĂN HÓA VÀ THỂ THAO"
    number: str  # "Số: …/BC-SVHTT"
    nation: str  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str  # "Độc lập - Tự do - Hạnh phúc"
    place_and_date: str  # "Hà Nội, ngày 05 tháng 10 năm 2025"


@dataclass(frozen=True)
class Span:
    """The period reported on: a quarter, a half-year or a year."""

    kind: str
    year: int
    number: int
    starts_on: date
    ends_on: date
    title: str  # "Quý III năm 2025"


@dataclass(frozen=True)
class TaskLine:
    number: int  # the row's number within its content group
    code: str
    title: str
    lead_agency: str
    status: str
    status_label: str
    percent_done: int
    narrative: str  # of the latest approved report for a period within the span
    narrative_period: str
    due_on: date
    overdue: bool  # at the span's end
    report_id: int | None  # the approved report the status and percent done come from
    copy_of: str = ""  # the code the task shares with its copies in other wards, if any


@dataclass(frozen=True)
class Coverage:
    """Who of the wards and communes reported on one task copied to each of them."""

    label: str  # "Approved", "Submitted, not yet approved", "No report"
    state: str  # "approved", "submitted", "missing"
    agencies: list[str]


@dataclass(frozen=True)
class CopiedTask:
    """One task given to every ward or commune: one entry with its coverage, instead of
    a line per ward."""

    code: str  # "1.2"
    title: str  # the title without the ward's name
    copies: int
    due_on: date
    overdue: int
    period: str  # the latest period they owed a report for by the span's end; "" if none
    coverage: list[Coverage]


@dataclass(frozen=True)
class Section:
    """One content group: its tasks and their counts by status."""

    number: int
    title: str
    progress: GroupProgress
    tasks: list[TaskLine]
    copied: list[CopiedTask] = field(default_factory=list)

    @property
    def listed(self) -> list[TaskLine]:
        """The tasks shown one by one: all but the copies of a ward task."""
        return [task for task in self.tasks if not task.copy_of]


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    tasks: int


@dataclass(frozen=True)
class ReportingLine:
    """Reports due, submitted and on time for one reporting period (or all of them)."""

    period: str
    due_on: date | None
    expected: int
    submitted: int
    on_time: int
    completeness: float | None  # a fraction
    timeliness: float | None  # a fraction
    agencies_missing: int


@dataclass(frozen=True)
class Summary:
    tasks: int
    by_status: list[StatusCount]
    mean_percent: float | None  # a fraction, as GroupProgress gives it
    overdue: int
    reporting: list[ReportingLine]
    reporting_total: ReportingLine | None


@dataclass(frozen=True)
class IndicatorValueLine:
    year: int
    value: float
    source: str  # in full: the estimate revision, every report, or what is counted
    source_short: str  # for the table: "estimate hanoi-plan, revision 3", "12 approved reports"


@dataclass(frozen=True)
class IndicatorLine:
    code: str
    name: str
    unit: str  # as stored ("million VND", "%", "events")
    unit_label: str  # in the report's language
    scale: MoneyScale  # how the page shows the indicator's figures
    baseline: Point | None
    target: Point | None  # the target of the span's year, else the next one
    expected: float | None  # on the trajectory, in the value's year
    value: IndicatorValueLine | None  # the latest value up to the span's year
    status: str
    status_label: str
    series: list[IndicatorValueLine] = field(default_factory=list)


@dataclass(frozen=True)
class ShareChart:
    """The share of GRDP (percent) by year against the trajectory to the targets."""

    indicator: str
    years: list[int]
    share: list[float | None]
    trajectory: list[float | None]
    targets: list[Point]
    synthetic: bool


# How a registry's figure reads: a count, an amount in VND, a share, a number of days.
COUNT, MONEY, SHARE, DAYS = "count", "money", "share", "days"


@dataclass(frozen=True)
class Figure:
    """A figure counted from a registry's records, at full precision."""

    value: int | float | Decimal | None
    kind: str = COUNT

    @property
    def shown(self) -> str:
        """As the page and the PDF show it, in the active language's style."""
        if self.kind == SHARE:
            return percent(None if self.value is None else float(self.value), 1)
        return format_number(self.value, 1 if self.kind == DAYS else 0)


@dataclass(frozen=True)
class FigureLine:
    label: str
    unit: str  # in the report's language: "sự kiện", "đồng", "%"
    figure: Figure


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    figures: list[Figure]


@dataclass(frozen=True)
class Breakdown:
    """A small table: one row per sector, ward, month, programme..."""

    title: str
    header: list[str]  # the rows' heading, then one per column of figures
    rows: list[BreakdownRow]
    total: BreakdownRow | None = None


@dataclass(frozen=True)
class RegistrySection:
    """What one registry recorded in the period: prose with the figures in it, the
    same figures as a table (the workbook's), breakdowns and the source line. With no
    record for the period, `empty` says so in one line and the rest is left out."""

    key: str
    title: str
    source: str  # "Nguồn: ..."
    paragraphs: list[str] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)
    empty: str = ""


@dataclass(frozen=True)
class Signatory:
    authority: str  # "KT. GIÁM ĐỐC"; "GIÁM ĐỐC" when the head signs
    title: str  # "PHÓ GIÁM ĐỐC"; empty when the head signs
    name: str
    recipients: list[str]


@dataclass(frozen=True)
class PeriodicReport:
    language: str
    plan_code: str
    heading: Heading
    title: str  # "BÁO CÁO"
    subject: str  # "Kết quả thực hiện Kế hoạch …"
    span: Span
    introduction: str
    notice: str  # what in the plan is a demo assumption, if anything
    summary: Summary
    sections: list[Section]
    indicators: list[IndicatorLine]
    share_chart: ShareChart | None
    signatory: Signatory
    watermark: str = ""  # across every page when the plan is demo data
    registries: list[RegistrySection] = field(default_factory=list)
    registries_scope: str = ""  # what the registries' figures count, and when

    @property
    def filename_stem(self) -> str:
        return (
            f"cnvh-{self.plan_code}-{self.span.year}-"
            f"{self.span.kind}{self.span.number}-{self.language}"
        )
