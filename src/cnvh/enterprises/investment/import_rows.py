"""How a projects workbook's rows are read: one row per capital line (a year and a
source), the project's own cells on any of its rows, all rows of one project named by
its project code. What the checks and the save share: the columns, the grouping, and
how a cell becomes a field's value (`resolve`, `apply`)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cnvh.enterprises.entries import enterprise_by_tax_code
from cnvh.enterprises.models import (
    CapitalSource,
    Enterprise,
    InvestmentProject,
    ProjectKind,
)
from cnvh.enterprises.sectors import PLAN_SCOPE, scope_sectors
from cnvh.enterprises.wards import find_ward
from cnvh.exchange.kinds import Column, Row, Value
from cnvh.plan.imports.common import choice_lookup, column, text
from cnvh.plan.models import Agency
from cnvh.stats.columns import plain

SOURCE_SYNONYMS: dict[str, tuple[str, ...]] = {
    CapitalSource.CITY_BUDGET: (
        "Ngân sách thành phố",
        "Ngân sách Thành phố Hà Nội",
        "NSTP",
        "Ngân sách địa phương",
        "NSĐP",
    ),
    CapitalSource.CENTRAL_BUDGET: ("Ngân sách trung ương", "NSTW"),
    CapitalSource.PRIVATE: ("Vốn tư nhân", "Tư nhân", "Vốn doanh nghiệp", "Vốn chủ đầu tư"),
    CapitalSource.SOCIALISATION: ("Xã hội hóa", "Vốn xã hội hóa", "XHH"),
    CapitalSource.ODA: ("Vốn ODA",),
    CapitalSource.PPP: ("Đối tác công tư", "PPP"),
    CapitalSource.FDI: ("Đầu tư trực tiếp nước ngoài", "Vốn FDI", "FDI"),
}
KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    ProjectKind.PROJECT: ("Dự án", "DA"),
    ProjectKind.PROGRAMME: ("Chương trình", "CT"),
}

COLUMNS: tuple[Column, ...] = (
    column("project_code", "code", "Mã dự án", "Project code", "Mã DA", required=True),
    column("name_vi", "text", "Tên dự án", "Project name (Vietnamese)", "Tên", "Name"),
    column("name_en", "text", "Tên tiếng Anh", "Project name (English)"),
    column("kind", "text", "Loại", "Kind", "Dự án hay chương trình"),
    column(
        "managing_agency",
        "code",
        "Mã cơ quan theo dõi",
        "Managing agency code",
        "Cơ quan theo dõi",
        "Managing agency",
    ),
    column(
        "investor_tax_code",
        "code",
        "Mã số thuế chủ đầu tư",
        "Investor tax code",
        "MST chủ đầu tư",
    ),
    column(
        "investor_agency",
        "code",
        "Mã cơ quan chủ đầu tư",
        "Investor agency code",
        "Cơ quan chủ đầu tư",
    ),
    column("sector", "text", "Lĩnh vực", "Sector"),
    column("ward", "code", "Mã phường xã", "Ward code", "Mã xã phường", "Mã ĐVHC"),
    column("location", "text", "Địa điểm", "Location"),
    column("total_capital", "decimal", "Tổng mức đầu tư", "Total investment"),
    column("proposed_on", "date", "Ngày đề xuất", "Proposed on"),
    column(
        "principle_number",
        "text",
        "Số quyết định chủ trương",
        "Decision in principle number",
        "Số QĐ chủ trương",
    ),
    column(
        "principle_date",
        "date",
        "Ngày quyết định chủ trương",
        "Decision in principle date",
        "Ngày QĐ chủ trương",
    ),
    column(
        "investment_number",
        "text",
        "Số quyết định đầu tư",
        "Decision of investment number",
        "Số QĐ đầu tư",
    ),
    column(
        "investment_date",
        "date",
        "Ngày quyết định đầu tư",
        "Decision of investment date",
        "Ngày QĐ đầu tư",
    ),
    column("starts_on", "date", "Khởi công", "Planned start", "Ngày khởi công"),
    column("ends_on", "date", "Hoàn thành", "Planned completion", "Ngày hoàn thành"),
    column("year", "integer", "Năm", "Year", "Năm kế hoạch"),
    column("source", "text", "Nguồn vốn", "Capital source", "Nguồn"),
    column("planned", "decimal", "Kế hoạch vốn", "Planned", "Vốn kế hoạch", "Kế hoạch"),
    column("disbursed", "decimal", "Đã giải ngân", "Disbursed", "Giải ngân"),
)
TITLES = {found.name: (found.title_vi, found.title_en) for found in COLUMNS}
# The project's own cells; the others are its capital line's.
PROJECT_CELLS = tuple(found.name for found in COLUMNS[1:-4])
LINE_CELLS = ("year", "source", "planned", "disbursed")


@dataclass
class FileProject:
    """One project of the file: its rows, and each of its cells with the row that
    first said it."""

    code: str
    rows: list[Row] = field(default_factory=list)
    cells: dict[str, tuple[Value, Row]] = field(default_factory=dict)

    def value(self, name: str) -> Value:
        return self.cells[name][0] if name in self.cells else None

    def row_of(self, name: str) -> Row:
        return self.cells[name][1] if name in self.cells else self.rows[0]

    def lines(self) -> list[Row]:
        return [row for row in self.rows if any(given(row, name) for name in LINE_CELLS)]


def given(row: Row, name: str) -> bool:
    return row.values.get(name) not in (None, "")


def group(rows: Sequence[Row]) -> dict[str, FileProject]:
    """Project code -> its project, in file order; rows without a code are left out
    (the checks name them)."""
    projects: dict[str, FileProject] = {}
    for row in rows:
        code = text(row, "project_code")
        if not code:
            continue
        project = projects.setdefault(code, FileProject(code))
        project.rows.append(row)
        for name in PROJECT_CELLS:
            if given(row, name) and name not in project.cells:
                project.cells[name] = (row.values[name], row)
    return projects


def agency(code: str) -> Agency | None:
    return Agency.objects.filter(code=code.strip(), valid_to__isnull=True).first()


def investor(tax_code: str) -> Enterprise | None:
    """An enterprise of the register: never a household or an individual."""
    found = enterprise_by_tax_code(tax_code)
    return None if found is None or found.is_personal else found


def sector(written: str) -> str | None:
    """The sector's key, written as its key or its title in either language."""
    wanted = plain(written)
    for key, title_vi, title_en in scope_sectors(PLAN_SCOPE):
        if wanted in {plain(key), plain(title_vi), plain(title_en)}:
            return key
    return None


def source(written: str) -> str | None:
    return choice_lookup(CapitalSource, SOURCE_SYNONYMS).get(plain(written))


def kind(written: str) -> str | None:
    return choice_lookup(ProjectKind, KIND_SYNONYMS).get(plain(written))


def money(value: Value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(0)


def day(value: Value) -> date | None:
    return value if isinstance(value, date) else None


def _text(value: Value) -> str:
    return str(value).strip()


# Column -> (field, the field's value from the cell).
FIELDS: dict[str, tuple[str, Callable[[Value], object]]] = {
    "name_vi": ("name_vi", _text),
    "name_en": ("name_en", _text),
    "location": ("location", _text),
    "sector": ("sector", lambda value: sector(str(value)) or ""),
    "ward": ("ward_code", lambda value: find_ward(str(value)).code or ""),
    "total_capital": ("total_capital", money),
    "principle_number": ("principle_decision_number", _text),
    "principle_date": ("principle_decided_on", day),
    "investment_number": ("investment_decision_number", _text),
    "investment_date": ("investment_decided_on", day),
    "starts_on": ("starts_on", day),
    "ends_on": ("ends_on", day),
}


def apply(project: InvestmentProject, found: FileProject) -> None:
    """Sets on `project` every field its cells say; what they leave empty stays as it
    is. A cell naming something unknown sets nothing (the checks name it)."""
    for name, (field_name, convert) in FIELDS.items():
        if name in found.cells:
            setattr(project, field_name, convert(found.value(name)))
    if "kind" in found.cells:
        project.kind = kind(str(found.value("kind"))) or project.kind
    _agencies(project, found)


def _agencies(project: InvestmentProject, found: FileProject) -> None:
    """The managing agency, and the one investor: an enterprise or an agency (both
    written is refused by the model's own check)."""
    if "managing_agency" in found.cells:
        managing = agency(str(found.value("managing_agency")))
        if managing is not None:
            project.managing_agency = managing
    if "investor_tax_code" in found.cells:
        project.investor_enterprise = investor(str(found.value("investor_tax_code")))
        project.investor_agency = None
    if "investor_agency" in found.cells:
        project.investor_agency = agency(str(found.value("investor_agency")))
        if "investor_tax_code" not in found.cells:
            project.investor_enterprise = None
