"""The sections of the Membership Monitoring Report as the Network's form had them
(unconfirmed): rows the coordinator edits when the form changes."""

from typing import Any

from django.db import migrations

UNCONFIRMED_VI = "Cấu trúc theo mẫu của Mạng lưới (chưa xác nhận với văn bản gốc)."
UNCONFIRMED_EN = "The Network's form as understood (unconfirmed against the original)."

SECTIONS = [
    (1, "summary", "Tóm tắt", "Executive summary", "text_only"),
    (2, "general", "Thông tin chung", "General information", "general"),
    (3, "network", "Đóng góp cho Mạng lưới", "Contribution to the Network", "network"),
    (4, "local", "Các sáng kiến chính ở địa phương", "Major local initiatives", "local"),
    (5, "inter-city", "Các sáng kiến liên thành phố", "Major inter-city initiatives", "inter_city"),
    (
        6,
        "action-plan",
        "Kế hoạch hành động bốn năm tới và kinh phí",
        "Proposed four-year action plan with budget",
        "action_plan",
    ),
]


def add_sections(apps: Any, schema_editor: Any) -> None:
    section = apps.get_model("unesco", "ReportSection")
    for number, code, title_vi, title_en, content in SECTIONS:
        section.objects.get_or_create(
            code=code,
            defaults={
                "number": number,
                "title_vi": title_vi,
                "title_en": title_en,
                "content": content,
                "guidance_vi": UNCONFIRMED_VI,
                "guidance_en": UNCONFIRMED_EN,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("unesco", "0001_initial")]

    operations = [migrations.RunPython(add_sections, migrations.RunPython.noop)]
