"""The checks of a projects workbook, each problem in Vietnamese and English with its
row and column and how to fix it. A project is also put through the model's own
`full_clean()` (the forms' and the workflow's rules), its messages given in both
languages, so the file is refused for what the pages refuse."""

from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from cnvh.enterprises import identity
from cnvh.enterprises.import_checks import check_ward
from cnvh.enterprises.investment import import_rows as cells
from cnvh.enterprises.investment.import_rows import FileProject, given
from cnvh.enterprises.models import InvestmentProject, ProjectStatus
from cnvh.enterprises.models.investment import vnd
from cnvh.exchange.kinds import Problems, Row
from cnvh.plan.imports.common import Text, add, choice_names, duplicates, text

FIX_CELL = Text("Sửa ô này trong tệp rồi nhập lại.", "Correct this cell and import the file again.")
# The model's fields -> the file's columns that set them.
FIELD_COLUMNS = {
    "investor_enterprise": "investor_tax_code",
    "principle_decided_on": "principle_date",
    "principle_decision_number": "principle_number",
    "investment_decided_on": "investment_date",
    "investment_decision_number": "investment_number",
    "ward_code": "ward",
    "total_capital": "total_capital",
}


class Checker:
    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.today = timezone.localdate()

    def rows(self, rows: Sequence[Row]) -> None:
        for row in rows:
            if not text(row, "project_code"):
                self.missing(row, "project_code")
            self.line(row)
        duplicates(
            rows,
            _line_key,
            self.problems,
            "source",
            Text(
                "Trùng với dòng {row}: cùng dự án, năm và nguồn vốn.",
                "The same as row {row}: same project, year and source.",
            ),
            Text("Gộp hai dòng làm một.", "Merge the two rows into one."),
        )

    def line(self, row: Row) -> None:
        """A capital line: its year, a known source, its amounts, the disbursement
        within the plan."""
        if not any(given(row, name) for name in cells.LINE_CELLS):
            return
        for name in ("year", "source", "planned"):
            if not given(row, name):
                self.missing(row, name)
        year = row.values.get("year")
        if isinstance(year, int) and not 1990 <= year <= 2100:
            self.report(row, "year", Text(f"Năm {year}?", f"Year {year}?"), _YEAR)
        written = text(row, "source")
        if written and cells.source(written) is None:
            self.unknown_source(row, written)
        planned, disbursed = (cells.money(row.values.get(n)) for n in ("planned", "disbursed"))
        for name, amount in (("planned", planned), ("disbursed", disbursed)):
            if amount < 0:
                self.report(row, name, Text("Số tiền âm.", "A negative amount."), FIX_CELL)
        if disbursed > planned:
            self.report(
                row,
                "disbursed",
                Text(
                    f"Đã giải ngân {vnd(disbursed)} đồng, vượt kế hoạch {vnd(planned)} đồng"
                    f" của nguồn này năm {year}.",
                    f"Disbursed {vnd(disbursed)} VND, above the {vnd(planned)} VND planned"
                    f" from this source in {year}.",
                ),
                Text(
                    "Sửa số đã giải ngân, hoặc nâng kế hoạch vốn.",
                    "Correct the disbursement, or raise the planned amount.",
                ),
            )

    def project(self, found: FileProject) -> None:
        stored = InvestmentProject.objects.filter(code=found.code).first()
        if stored is not None and stored.status == ProjectStatus.CANCELLED:
            self.report(
                found.rows[0],
                "project_code",
                Text(f"Dự án {found.code} đã bị hủy.", f"The project {found.code} is cancelled."),
                Text("Bỏ các dòng của dự án này.", "Remove this project's rows."),
            )
            return
        if stored is None:
            for name in ("name_vi", "managing_agency", "total_capital"):
                if name not in found.cells:
                    self.missing(found.rows[0], name)
        self.references(found)
        self.model(found, stored)
        self.steps(found, stored)
        self.capital(found, stored)

    def references(self, found: FileProject) -> None:
        """Each code the project's cells name is one the city knows."""
        for name in ("managing_agency", "investor_agency"):
            if name in found.cells and cells.agency(str(found.value(name))) is None:
                self.report(
                    found.row_of(name),
                    name,
                    Text(
                        f"Không có cơ quan mã “{found.value(name)}”.",
                        f"No agency has the code “{found.value(name)}”.",
                    ),
                    Text(
                        "Ghi mã cơ quan như trong danh mục cơ quan, ví dụ so-vhtt.",
                        "Write the agency's code as in the list of agencies, e.g. so-vhtt.",
                    ),
                )
        tax_code = str(found.value("investor_tax_code") or "")
        if tax_code and cells.investor(tax_code) is None:
            self.report(
                found.row_of("investor_tax_code"),
                "investor_tax_code",
                Text(
                    f"Không doanh nghiệp nào trong sổ đăng ký có mã số thuế"
                    f" {identity.compact(tax_code)}.",
                    f"No enterprise of the register has the tax code {identity.compact(tax_code)}.",
                ),
                Text(
                    "Nhập doanh nghiệp vào sổ đăng ký trước, hoặc ghi cơ quan chủ đầu tư.",
                    "Import the enterprise into the register first, or name an investing agency.",
                ),
            )
        for name, known, choices in (
            ("sector", cells.sector, None),
            ("kind", cells.kind, cells.ProjectKind),
        ):
            written = str(found.value(name) or "")
            if written and known(written) is None:
                listed = choice_names(choices) if choices else Text("", "")
                self.report(
                    found.row_of(name),
                    name,
                    Text(f"Không rõ “{written}”.", f"Unknown value “{written}”."),
                    Text(
                        f"Ghi một trong: {listed.vi or _sectors('vi')}.",
                        f"Write one of: {listed.en or _sectors('en')}.",
                    ),
                )
        if "ward" in found.cells:
            check_ward(self.problems, found.row_of("ward"), _WARD_FIX)

    def model(self, found: FileProject, stored: InvestmentProject | None) -> None:
        """The model's own rules, on the project as the file would leave it."""
        project = InvestmentProject.objects.get(pk=stored.pk) if stored else InvestmentProject()
        # Unsaved and without its code: the total is checked against the file's
        # capital below, and the code is the file's own key.
        project.pk, project.code = None, ""
        cells.apply(project, found)
        said: dict[str, dict[str, list[str]]] = {}
        for language in ("vi", "en"):
            with translation.override(language):
                try:
                    project.full_clean(exclude=["code"], validate_unique=False)
                except ValidationError as error:
                    said[language] = error.message_dict
        for name, messages_vi in said.get("vi", {}).items():
            column = FIELD_COLUMNS.get(name, name)
            if column in ("managing_agency", "investor_agency") and column in found.cells:
                continue  # named above as an unknown code
            if column == "investor_tax_code" and _unknown_investor(found):
                continue  # named above as an unknown tax code
            if column not in cells.TITLES and column != "__all__":
                continue  # a field the file does not set, missing for a new project above
            for vi, en in zip(messages_vi, said["en"][name], strict=True):
                self.report(found.row_of(column), column, Text(vi, en), FIX_CELL)

    def steps(self, found: FileProject, stored: InvestmentProject | None) -> None:
        """The workflow's dates: none ahead of today, approval after the proposal."""
        for name in ("proposed_on", "principle_date", "investment_date"):
            when = cells.day(found.value(name))
            if when is not None and when > self.today:
                self.report(
                    found.row_of(name),
                    name,
                    Text(f"Ngày {when:%d/%m/%Y} chưa đến.", f"{when:%d/%m/%Y} has not come yet."),
                    Text("Ghi ngày đã qua, dạng dd/mm/yyyy.", "Write a past date, as dd/mm/yyyy."),
                )
        approved = cells.day(found.value("investment_date"))
        proposed = cells.day(found.value("proposed_on"))
        if stored is not None:
            last = stored.steps.order_by("on", "pk").last()
            proposed = last.on if last is not None else proposed
        if approved is not None and proposed is not None and approved < proposed:
            self.report(
                found.row_of("investment_date"),
                "investment_date",
                Text(
                    f"Quyết định đầu tư ngày {approved:%d/%m/%Y}, trước ngày đề xuất"
                    f" {proposed:%d/%m/%Y}.",
                    f"The decision of investment is dated {approved:%d/%m/%Y}, before the"
                    f" proposal of {proposed:%d/%m/%Y}.",
                ),
                Text("Sửa một trong hai ngày.", "Correct either date."),
            )

    def capital(self, found: FileProject, stored: InvestmentProject | None) -> None:
        """Money is paid out only on an approved project, and the capital of all
        years and sources stays within the total investment."""
        approved = "investment_date" in found.cells or (
            stored is not None and stored.status != ProjectStatus.PROPOSED
        )
        lines = {key: row for row in found.lines() if (key := _line_key(row)) is not None}
        for row in lines.values():
            if not approved and cells.money(row.values.get("disbursed")) > 0:
                self.report(
                    row,
                    "disbursed",
                    Text(
                        f"Dự án {found.code} chưa có quyết định đầu tư nên chưa giải ngân được.",
                        f"The project {found.code} has no decision of investment yet, so"
                        " nothing can be disbursed.",
                    ),
                    Text(
                        "Ghi số và ngày quyết định đầu tư, hoặc để trống số đã giải ngân.",
                        "Write the decision of investment's number and date, or leave the"
                        " disbursement empty.",
                    ),
                )
        amounts = (cells.money(row.values.get("planned")) for row in lines.values())
        planned = sum(amounts, Decimal(0))
        if stored is not None:
            for line in stored.capital.all():
                if (found.code, line.year, line.source) not in lines:
                    planned += line.planned or 0
        total = found.value("total_capital")
        if not isinstance(total, Decimal):
            total = stored.total_capital if stored is not None else None
        if lines and total is not None and planned > total:
            self.report(
                found.lines()[-1],
                "planned",
                Text(
                    f"Kế hoạch vốn của mọi năm, mọi nguồn của dự án {found.code} là"
                    f" {vnd(planned)} đồng, vượt tổng mức đầu tư {vnd(total)} đồng.",
                    f"The capital planned for all years and sources of {found.code} is"
                    f" {vnd(planned)} VND, above its total investment of {vnd(total)} VND.",
                ),
                Text(
                    "Sửa kế hoạch vốn, hoặc tổng mức đầu tư.",
                    "Correct the planned amounts, or the total investment.",
                ),
            )

    def missing(self, row: Row, name: str) -> None:
        title_vi, title_en = cells.TITLES[name]
        self.report(
            row,
            name,
            Text(f"Thiếu {title_vi.lower()}.", f"{title_en} is missing."),
            Text(f"Ghi {title_vi.lower()} vào ô này.", f"Write the {title_en.lower()} here."),
        )

    def unknown_source(self, row: Row, written: str) -> None:
        listed = choice_names(cells.CapitalSource)
        self.report(
            row,
            "source",
            Text(f"Không rõ nguồn vốn “{written}”.", f"Unknown capital source “{written}”."),
            Text(f"Ghi một trong: {listed.vi}.", f"Write one of: {listed.en}."),
        )

    def report(self, row: Row, column: str, what: Text, fix: Text) -> None:
        add(self.problems, row, None if column == "__all__" else column, what, fix)


def _line_key(row: Row) -> tuple[str, object, str | None] | None:
    code, year = text(row, "project_code"), row.values.get("year")
    found = cells.source(text(row, "source"))
    return (code, year, found) if code and year and found else None


def _unknown_investor(found: FileProject) -> bool:
    written = found.value("investor_tax_code")
    return written is not None and cells.investor(str(written)) is None


def _sectors(language: str) -> str:
    return ", ".join(
        title_en if language == "en" else title_vi
        for _key, title_vi, title_en in cells.scope_sectors(cells.PLAN_SCOPE)
    )


_YEAR = Text("Ghi năm bốn chữ số, ví dụ 2025.", "Write a four-digit year, e.g. 2025.")
_WARD_FIX = Text(
    "Ghi mã phường, xã hiện nay nơi đặt dự án.",
    "Write the code of today's ward or commune where the project is.",
)
