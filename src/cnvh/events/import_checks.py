"""The checks of each row of an agency's workbook of event files, each problem in
Vietnamese and English with its row and column and how to fix it. The lookups the save
uses too (kinds, venues, organisers, hours) live here, so both read a cell alike."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from django.utils import timezone, translation
from stdnum.exceptions import ValidationError as NumberInvalid
from stdnum.vn import mst

from cnvh.events.models import KIND_CHOICES, Event, Venue, searchable, sector_choices
from cnvh.exchange.kinds import Problems, Row
from cnvh.plan.imports.common import Text, add, day, text
from cnvh.plan.models import Agency
from cnvh.procedures import deadlines
from cnvh.stats.columns import plain

YES = frozenset({"co", "x", "yes", "y", "1", "true", "dung"})
NO = frozenset({"khong", "no", "n", "0", "false", ""})
HOURS = re.compile(r"^(\d{1,2})\s*[:hg.]\s*(\d{2})?(?::\d{2})?$", re.IGNORECASE)


def _labels(choices: Sequence[tuple[str, object]]) -> dict[str, str]:
    """Every way of writing a choice: its code, its label in Vietnamese and English."""
    lookup: dict[str, str] = {}
    for code, label in choices:
        lookup[plain(code)] = code
        for language in ("vi", "en"):
            with translation.override(language):
                lookup[plain(str(label))] = code
    return lookup


def kind_of(written: str) -> str | None:
    return _labels(KIND_CHOICES).get(plain(written))


def sectors_of(written: str) -> tuple[list[str], list[str]]:
    """The sector keys a cell names ("Thiết kế; Thời trang"), and the parts unknown."""
    lookup = _labels(sector_choices())
    with translation.override("vi"):
        lookup.update({plain(name): key for key, name in sector_choices()})
    found: list[str] = []
    unknown: list[str] = []
    for part in re.split(r"[;,\n]+", written):
        if not part.strip():
            continue
        key = lookup.get(plain(part))
        if key is None:
            unknown.append(part.strip())
        elif key not in found:
            found.append(key)
    return found, unknown


def venues_named(written: str) -> list[Venue]:
    """The venues a cell names: by number, or by name with or without accents."""
    if written.isdigit():
        return list(Venue.objects.filter(pk=int(written)))
    wanted = searchable(written)
    return [venue for venue in Venue.objects.all() if searchable(venue.name) == wanted]


def hour_of(written: str) -> time | None:
    """ "19:30", "19h30", "19h", "19:30:00" (a spreadsheet's time) -> 19:30."""
    matched = HOURS.match(written.strip())
    if not matched:
        return None
    hours, minutes = int(matched[1]), int(matched[2] or 0)
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def flag_of(written: str) -> bool | None:
    word = plain(written)
    if word in YES:
        return True
    return False if word in NO else None


def current_agency(code: str) -> Agency | None:
    today = timezone.localdate()
    found = Agency.objects.filter(code=code).first()
    return found if found is not None and found.exists_on(today) else None


@dataclass(frozen=True)
class Checker:
    problems: Problems

    def kind(self, row: Row) -> None:
        written = text(row, "kind")
        if written and kind_of(written) is None:
            listed_vi, listed_en = _listed("vi"), _listed("en")
            add(
                self.problems,
                row,
                "kind",
                Text(f"Không rõ loại sự kiện “{written}”.", f"Unknown kind of event “{written}”."),
                Text(f"Ghi một trong: {listed_vi}.", f"Write one of: {listed_en}."),
            )

    def procedure(self, row: Row) -> None:
        code, filed = text(row, "procedure"), day(row, "filed_on")
        if not code or filed is None:
            return
        try:
            procedure = deadlines.procedure_in_force(code, filed)
        except deadlines.NoProcedureInForce as error:
            fix = Text(
                "Ghi mã thủ tục như trang Thủ tục ghi, ví dụ nd144-art10-approval.",
                "Write the procedure's code as the Procedures page shows it,"
                " e.g. nd144-art10-approval.",
            )
            add(self.problems, row, "procedure", Text(error.message_vi, error.message_en), fix)
            return
        kind = kind_of(text(row, "kind"))
        if kind is not None and kind not in (procedure.applies_to or []):
            add(
                self.problems,
                row,
                "procedure",
                Text(
                    f"Thủ tục {code} không áp dụng cho loại sự kiện “{text(row, 'kind')}”.",
                    f"Procedure {code} does not apply to the kind “{text(row, 'kind')}”.",
                ),
                Text(
                    "Chọn thủ tục áp dụng cho loại sự kiện này, hoặc sửa loại sự kiện.",
                    "Choose a procedure that applies to this kind, or correct the kind.",
                ),
            )

    def agency(self, row: Row, name: str) -> None:
        code = text(row, name)
        if code and current_agency(code) is None:
            add(
                self.problems,
                row,
                name,
                Text(
                    f"Không có cơ quan mã “{code}” đang hoạt động.",
                    f"No agency with the code “{code}” exists today.",
                ),
                Text(
                    "Ghi mã cơ quan như trang Cơ quan ghi, ví dụ so-vhtt.",
                    "Write the agency's code as the Agencies page shows it, e.g. so-vhtt.",
                ),
            )

    def venue(self, row: Row) -> None:
        written = text(row, "venue")
        if not written:
            return
        found = venues_named(written)
        if len(found) == 1:
            return
        if found:
            numbers = ", ".join(str(venue.pk) for venue in found)
            what = Text(
                f"Có {len(found)} địa điểm tên “{written}” (số {numbers}).",
                f"{len(found)} venues are named “{written}” (numbers {numbers}).",
            )
            fix = Text("Ghi số của địa điểm thay cho tên.", "Write the venue's number instead.")
        else:
            what = Text(
                f"Không có địa điểm “{written}” trong danh mục.",
                f"No venue “{written}” is in the register.",
            )
            fix = Text(
                "Ghi tên như trang Địa điểm ghi, hoặc thêm địa điểm đó trước.",
                "Write the name as the Venues page shows it, or add the venue first.",
            )
        add(self.problems, row, "venue", what, fix)

    def hours(self, row: Row) -> None:
        hours = {name: text(row, name) for name in ("starts_at", "ends_at")}
        for name, written in hours.items():
            if written and hour_of(written) is None:
                add(
                    self.problems,
                    row,
                    name,
                    Text(f"Không đọc được giờ “{written}”.", f"“{written}” is not an hour."),
                    Text("Ghi giờ kiểu 19:30 (24 giờ).", "Write the hour like 19:30 (24 hours)."),
                )
                return
        starts, ends = (hour_of(written) if written else None for written in hours.values())
        if (starts is None) != (ends is None):
            missing = "ends_at" if ends is None else "starts_at"
            add(
                self.problems,
                row,
                missing,
                Text("Chỉ có một trong hai giờ.", "Only one of the two hours is given."),
                Text(
                    "Ghi cả giờ bắt đầu và giờ kết thúc, hoặc bỏ trống cả hai.",
                    "Write both hours, or neither.",
                ),
            )
        elif starts is not None and ends is not None and ends <= starts:
            add(
                self.problems,
                row,
                "ends_at",
                Text(
                    f"Giờ kết thúc {ends:%H:%M} không sau giờ bắt đầu {starts:%H:%M}.",
                    f"The end {ends:%H:%M} is not after the start {starts:%H:%M}.",
                ),
                Text(
                    "Sửa giờ; sự kiện kéo dài qua nửa đêm thì bỏ trống cả hai giờ.",
                    "Correct the hours; for an event past midnight leave both empty.",
                ),
            )

    def organiser(self, row: Row) -> None:
        code, name = text(row, "organiser_tax_code"), text(row, "organiser_name")
        if code:
            try:
                mst.validate(code)
            except NumberInvalid:
                add(
                    self.problems,
                    row,
                    "organiser_tax_code",
                    Text(
                        f"“{code}” không phải mã số doanh nghiệp hợp lệ.",
                        f"“{code}” is not a valid enterprise tax code.",
                    ),
                    Text(
                        "Ghi 10 chữ số (13 với chi nhánh) như giấy chứng nhận đăng ký doanh"
                        " nghiệp; định dạng cột là văn bản để giữ số 0 ở đầu.",
                        "Write its 10 digits (13 for a branch) as on the registration"
                        " certificate; format the column as text to keep a leading zero.",
                    ),
                )
        if not text(row, "organiser_agency") and not name:
            add(
                self.problems,
                row,
                "organiser_name",
                Text("Không có đơn vị tổ chức.", "The organiser is missing."),
                Text(
                    "Ghi tên đơn vị (và mã số thuế nếu là doanh nghiệp), hoặc mã cơ quan tổ chức.",
                    "Write the organiser's name (and tax code for an enterprise), or the"
                    " organising agency's code.",
                ),
            )

    def sectors(self, row: Row) -> None:
        unknown = sectors_of(text(row, "sectors"))[1]
        if unknown:
            names = ", ".join(f"“{part}”" for part in unknown)
            keys = ", ".join(key for key, _ in sector_choices())
            add(
                self.problems,
                row,
                "sectors",
                Text(f"Không rõ lĩnh vực {names}.", f"Unknown sector {names}."),
                Text(
                    f"Ghi tên lĩnh vực hoặc mã, cách nhau bằng dấu chấm phẩy: {keys}.",
                    f"Write sector names or keys, separated by semicolons: {keys}.",
                ),
            )

    def city_wide(self, row: Row) -> None:
        written = text(row, "city_wide")
        if written and flag_of(written) is None:
            add(
                self.problems,
                row,
                "city_wide",
                Text(f"Không rõ “{written}”.", f"Unknown value “{written}”."),
                Text("Ghi “có” hoặc “không”.", "Write “yes” or “no”."),
            )

    def own_agency(self, rows: Sequence[Row], own: set[int]) -> None:
        """Each row's receiving authority is one of the importer's agencies (`own`)."""
        codes = dict(Agency.objects.filter(pk__in=own).values_list("code", "name_vi"))
        listed = ", ".join(sorted(codes)) or "-"
        for row in rows:
            code = text(row, "receiving_agency")
            if not code or code in codes or current_agency(code) is None:
                continue  # an unknown code is named by the agency check already
            add(
                self.problems,
                row,
                "receiving_agency",
                Text(
                    f"Hồ sơ do cơ quan “{code}” tiếp nhận: bạn chỉ nhập được hồ sơ của cơ"
                    f" quan mình ({listed}).",
                    f"The file was received by “{code}”: you may import only your own"
                    f" agency's files ({listed}).",
                ),
                Text(
                    "Bỏ dòng này, hoặc nhờ cơ quan đó hay điều phối viên nhập.",
                    "Remove this row, or ask that agency or the coordinator to import it.",
                ),
            )

    def not_filed_yet(self, row: Row, starts_on: date | None) -> None:
        """A file already in the register (same title, venue and first day) is not
        recorded twice."""
        venues = venues_named(text(row, "venue"))
        title = text(row, "title_vi")
        if len(venues) != 1 or starts_on is None or not title:
            return
        if Event.objects.filter(venue=venues[0], starts_on=starts_on, title_vi=title).exists():
            add(
                self.problems,
                row,
                "title_vi",
                Text(
                    f"Hồ sơ “{title}” ngày {starts_on:%d/%m/%Y} tại địa điểm này đã có.",
                    f"The file “{title}” on {starts_on:%d/%m/%Y} at this venue is"
                    " already recorded.",
                ),
                Text("Bỏ dòng này khỏi tệp.", "Remove this row from the file."),
            )


def _listed(language: str) -> str:
    with translation.override(language):
        return ", ".join(f"{code} ({label})" for code, label in KIND_CHOICES)
