"""`cnvh unesco-report --from 2023 --to 2027 --lang en --format docx --output FILE`:
write the current draft of the period's Membership Monitoring Report."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cnvh.unesco import builder, documents
from cnvh.unesco.models import MonitoringReport

DEFAULT_BASE_URL = "http://localhost:8000"


def _year(text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) != 4:
        raise CommandError(
            f"Năm không hợp lệ: “{text}”, hãy viết 4 chữ số, ví dụ 2023."
            f" / Not a year: “{text}”; write four digits, e.g. 2023."
        )
    return int(text)


class Command(BaseCommand):
    help = "Write the current draft of a period's UNESCO Membership Monitoring Report."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--from", dest="first", required=True, help="first year, e.g. 2023")
        parser.add_argument("--to", dest="last", required=True, help="last year, e.g. 2027")
        parser.add_argument("--lang", default="en", help="en (default) or vi")
        parser.add_argument("--format", dest="file_format", default="docx", help="docx or pdf")
        parser.add_argument("--output", required=True, type=Path, help="the file to write")
        parser.add_argument(
            "--base-url",
            default=DEFAULT_BASE_URL,
            help=f"the site's address, for the sources' links (default {DEFAULT_BASE_URL})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        first, last = _year(options["first"]), _year(options["last"])
        language, file_format = options["lang"], options["file_format"]
        if language not in ("en", "vi"):
            raise CommandError(
                f"Ngôn ngữ không hợp lệ: “{language}”, hãy chọn en hoặc vi."
                f" / Unknown language “{language}”: choose en or vi."
            )
        if file_format not in documents.FORMATS:
            raise CommandError(
                f"Định dạng không hợp lệ: “{file_format}”, hãy chọn docx hoặc pdf."
                f" / Unknown format “{file_format}”: choose docx or pdf."
            )
        report = MonitoringReport.objects.filter(first_year=first, last_year=last).first()
        if report is None:
            raise CommandError(
                f"Chưa có báo cáo giai đoạn {first}–{last}: hãy tạo bản nháp trên trang"
                f" /unesco/reports/. / No report of {first}–{last} yet: start its draft"
                " on the page /unesco/reports/."
            )
        output: Path = options["output"]
        if not output.parent.is_dir():
            raise CommandError(
                f"Thư mục không tồn tại: {output.parent}. / No such folder: {output.parent}."
            )
        draft = builder.build(report, language, options["base_url"])
        output.write_bytes(documents.render(draft, file_format))
        self.stdout.write(
            f"{output}: {report} ({report.get_status_display()}), {language}, {file_format}"
        )
