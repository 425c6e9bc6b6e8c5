"""Training, cooperation and dissemination activities from a workbook (XLSX or CSV),
read by `cnvh.exchange`: headers in Vietnamese or English, dates dd/mm/yyyy, numbers
1.234.567, all or nothing, each bad cell named by row and column. One row is one
activity with the participants of one role by sex; a ward's dissemination sessions
imported here count in the coverage of the wards and communes like typed ones."""

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cnvh.exchange.kinds import Column, Problems, Row
from cnvh.plan.imports.common import (
    Text,
    add,
    check_date_order,
    check_length,
    choice_lookup,
    choice_names,
    column,
    day,
    duplicates,
    mark_change,
    text,
)
from cnvh.plan.models import Agency, Role, Task
from cnvh.plan.permissions import agencies_with, is_coordinator
from cnvh.stats.columns import plain
from cnvh.unesco import workflow
from cnvh.unesco.models import Outreach, Participants

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

LENGTHS = {"title_vi": 500, "title_en": 500, "partner_country": 255, "partner_city": 255}
COUNTS = ("women", "men", "total", "reach")


# How people shorten the kinds and roles in their sheets.
KIND_SYNONYMS = {
    "training": ("khoa dao tao", "dao tao", "tap huan", "boi duong", "training course"),
    "conference": ("hoi thao", "hoi nghi", "toa dam", "workshop"),
    "exchange": ("giao luu quoc te", "giao luu", "hop tac quoc te"),
    "mou": ("ghi nho", "bien ban ghi nho", "memorandum"),
    "dissemination": ("tuyen truyen", "pho bien", "buoi tuyen truyen"),
}
ROLE_SYNONYMS = {
    "officials": ("can bo", "cong chuc", "vien chuc"),
    "creatives": ("nghe si", "nha thiet ke", "sang tao"),
    "enterprises": ("doanh nghiep", "nghe nhan"),
    "residents": ("nguoi dan", "hoc sinh", "sinh vien", "khac"),
}


def kinds() -> dict[str, str]:
    return choice_lookup(Outreach.Kind, KIND_SYNONYMS)


def roles() -> dict[str, str]:
    return choice_lookup(Participants.Role, ROLE_SYNONYMS)


class OutreachKind:
    key: str = "unesco-outreach"
    title_vi: str = "Hoạt động đào tạo, hợp tác, tuyên truyền"
    title_en: str = "Training, cooperation and dissemination activities"
    permission: str = "unesco.import_outreach"
    columns: tuple[Column, ...] = (
        column("kind", "text", "Loại hoạt động", "Kind", "Loại", required=True),
        column("title_vi", "text", "Tên hoạt động", "Title (Vietnamese)", "Tên", required=True),
        column("title_en", "text", "Tên tiếng Anh", "Title (English)"),
        column("organiser", "code", "Mã đơn vị tổ chức", "Organiser code", "Đơn vị", required=True),
        column("partner_country", "text", "Quốc gia đối tác", "Partner country"),
        column("partner_city", "text", "Thành phố đối tác", "Partner city"),
        column("sector", "text", "Lĩnh vực", "Sector"),
        column("starts_on", "date", "Ngày bắt đầu", "Starts on", "Ngày", required=True),
        column("ends_on", "date", "Ngày kết thúc", "Ends on"),
        column("budget", "decimal", "Kinh phí (đồng)", "Budget (VND)", "Kinh phí"),
        column("task", "code", "Mã nhiệm vụ", "Plan task", "Nhiệm vụ"),
        column("role", "text", "Đối tượng tham dự", "Participants' role", "Đối tượng"),
        column("women", "integer", "Số nữ", "Women", "Nữ"),
        column("men", "integer", "Số nam", "Men", "Nam"),
        column("total", "integer", "Tổng số người tham dự", "Participants", "Tổng số"),
        column("reach", "integer", "Số người được tiếp cận", "Reach (people)", "Lượt tiếp cận"),
        column("outputs", "text", "Kết quả", "Outputs"),
    )

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        dates = Text("ngày bắt đầu và ngày kết thúc", "the start and end dates")
        for row in rows:
            _check_choice(row, problems, "kind", kinds(), Outreach.Kind)
            _check_choice(row, problems, "role", roles(), Participants.Role)
            _check_organiser(row, problems)
            _check_task(row, problems)
            check_date_order(problems, row, "starts_on", "ends_on", dates)
            _check_counts(row, problems)
            for name, limit in LENGTHS.items():
                check_length(problems, row, name, limit)
        duplicates(
            rows,
            _same_activity,
            problems,
            "title_vi",
            Text(
                "Trùng với dòng {row}: cùng tên, đơn vị tổ chức và ngày bắt đầu.",
                "The same as row {row}: same title, organiser and start date.",
            ),
            Text("Bỏ một trong hai dòng.", "Remove one of the two rows."),
        )

    def check_importer(self, rows: Sequence[Row], problems: Problems, user: Any) -> None:
        """An officer imports the activities their own agency organised, as on the
        page: a row organised by another agency is refused."""
        if user is None or is_coordinator(user):
            return
        own = dict(
            Agency.objects.filter(pk__in=agencies_with(user, Role.OFFICER)).values_list(
                "code", "pk"
            )
        )
        listed = ", ".join(sorted(own)) or "-"
        for row in rows:
            code = text(row, "organiser")
            if not code or code in own or not Agency.objects.filter(code=code).exists():
                continue  # an unknown code is named by the organiser check already
            add(
                problems,
                row,
                "organiser",
                Text(
                    f"Hoạt động do “{code}” tổ chức: bạn chỉ nhập được hoạt động của cơ"
                    f" quan mình ({listed}).",
                    f"The activity was organised by “{code}”: you may import only your"
                    f" own agency's activities ({listed}).",
                ),
                Text(
                    "Bỏ dòng này, hoặc nhờ cơ quan đó hay điều phối viên nhập.",
                    "Remove this row, or ask that agency or the coordinator to import it.",
                ),
            )

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        for row in rows:
            activity = _activity(row)
            mark_change(activity, record)
            role = roles().get(plain(text(row, "role"))) or Participants.Role.RESIDENTS
            counted = {role: (_count(row, "women"), _count(row, "men"))}
            workflow.record_outreach(activity, record.created_by, counted)
        return len(rows)


def _same_activity(row: Row) -> tuple[str, str, object] | None:
    title = plain(text(row, "title_vi"))
    return (title, text(row, "organiser"), day(row, "starts_on")) if title else None


def _count(row: Row, name: str) -> int:
    value = row.values.get(name)
    return value if isinstance(value, int) else 0


def _check_choice(
    row: Row, problems: Problems, name: str, lookup: dict[str, str], choices: type
) -> None:
    written = text(row, name)
    if written and plain(written) not in lookup:
        listed = choice_names(choices)
        add(
            problems,
            row,
            name,
            Text(f"Không rõ “{written}”.", f"“{written}” is not known."),
            Text(f"Ghi một trong: {listed.vi}.", f"Write one of: {listed.en}."),
        )


def _check_organiser(row: Row, problems: Problems) -> None:
    code = text(row, "organiser")
    if code and not Agency.objects.filter(code=code).exists():
        add(
            problems,
            row,
            "organiser",
            Text(
                f"Không có cơ quan, phường, xã mã “{code}”.",
                f"No agency, ward or commune with the code “{code}”.",
            ),
            Text(
                "Ghi mã như trang Cơ quan ghi, ví dụ phuong-hoan-kiem.",
                "Write the code as the Agencies page shows it, e.g. phuong-hoan-kiem.",
            ),
        )


def _check_task(row: Row, problems: Problems) -> None:
    code = text(row, "task")
    if code and Task.objects.filter(code=code).count() != 1:
        add(
            problems,
            row,
            "task",
            Text(
                f"Không có (hoặc có nhiều) nhiệm vụ mã “{code}”.",
                f"No plan task (or several) with the code “{code}”.",
            ),
            Text(
                "Ghi mã nhiệm vụ như trang Kế hoạch ghi, ví dụ 8.1, hoặc để trống.",
                "Write the task's code as the Plan page shows it, e.g. 8.1, or leave it empty.",
            ),
        )


def _check_counts(row: Row, problems: Problems) -> None:
    for name in COUNTS:
        value = row.values.get(name)
        if isinstance(value, int) and value < 0:
            add(
                problems,
                row,
                name,
                Text(f"Số người âm: {value}.", f"A negative number of people: {value}."),
                Text("Ghi số không âm.", "Write a number of zero or more."),
            )
            return
    total = row.values.get("total")
    if isinstance(total, int) and _count(row, "women") + _count(row, "men") != total:
        women, men = _count(row, "women"), _count(row, "men")
        add(
            problems,
            row,
            "total",
            Text(
                f"Nữ {women} + nam {men} = {women + men}, khác tổng số {total}.",
                f"Women {women} + men {men} = {women + men}, not the total {total}.",
            ),
            Text(
                "Sửa số nữ, số nam hoặc tổng số để nữ cộng nam bằng tổng số.",
                "Correct the women, the men or the total so that women and men make the total.",
            ),
        )
    budget = row.values.get("budget")
    if isinstance(budget, Decimal) and (budget < 0 or budget != budget.to_integral()):
        add(
            problems,
            row,
            "budget",
            Text(f"Kinh phí {budget} không hợp lệ.", f"The budget {budget} is not valid."),
            Text(
                "Ghi số đồng, không âm và không có phần lẻ, ví dụ 15.000.000.",
                "Write whole VND, not negative, e.g. 15,000,000.",
            ),
        )


def _activity(row: Row) -> Outreach:
    starts = day(row, "starts_on")
    if starts is None:  # pragma: no cover - a required column, checked before
        raise ValueError(f"row {row.number}: no start date")
    task = text(row, "task")
    reach = row.values.get("reach")
    budget = row.values.get("budget")
    return Outreach(
        kind=kinds()[plain(text(row, "kind"))],
        title_vi=text(row, "title_vi"),
        title_en=text(row, "title_en"),
        organiser=Agency.objects.get(code=text(row, "organiser")),
        partner_country=text(row, "partner_country"),
        partner_city=text(row, "partner_city"),
        sector=text(row, "sector"),
        starts_on=starts,
        ends_on=day(row, "ends_on") or starts,
        budget=budget if isinstance(budget, Decimal) else None,
        task=Task.objects.get(code=task) if task else None,
        outputs=text(row, "outputs"),
        reach=reach if isinstance(reach, int) else None,
    )
