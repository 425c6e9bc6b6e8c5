"""The choice of report (plan, period) and what its issuer sets (number, signatory).

Errors say, in Vietnamese and English together, which field is wrong and how to fix it.
"""

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cnvh.exchange import fields as typed
from cnvh.exports.periodic import heading
from cnvh.exports.periodic.build import Issue, recipient
from cnvh.plan.models import Plan, ReportingPeriod
from cnvh.plan.periods import MONTHS

FIRST_YEAR, LAST_YEAR = 2000, 2100
REQUIRED = {
    "required": "Trường này cần có giá trị: chọn hoặc nhập lại. / "
    "This field needs a value: choose or type one."
}


def both(vietnamese: str, english: str) -> str:
    return f"{vietnamese} / {english}"


def latest_complete_quarter(today: date) -> tuple[int, int]:
    """(year, number) of the last quarter that has ended."""
    current = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if current == 1 else (today.year, current - 1)


def defaults(plan: Plan | None, today: date) -> dict[str, Any]:
    year, number = latest_complete_quarter(today)
    return {
        "plan": plan.code if plan else "",
        "kind": ReportingPeriod.Kind.QUARTER,
        "year": year,
        "number": number,
    }


class PeriodicReportForm(forms.Form):
    plan = forms.ModelChoiceField(
        Plan.objects.select_related("owner__parent", "document"),
        to_field_name="code",
        empty_label=None,
        label=_("Plan"),
        error_messages={
            **REQUIRED,
            "invalid_choice": both(
                "Không có kế hoạch này: chọn một kế hoạch trong danh sách.",
                "No such plan: choose one from the list.",
            ),
        },
    )
    kind = forms.ChoiceField(
        choices=ReportingPeriod.Kind.choices,
        label=_("Kind of period"),
        error_messages={
            **REQUIRED,
            "invalid_choice": both(
                "Loại kỳ: quý, 6 tháng hoặc năm.", "Kind of period: quarter, half-year or year."
            ),
        },
    )
    year = forms.IntegerField(
        label=_("Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            **REQUIRED,
            "invalid": both("Năm phải là một số, ví dụ 2025.", "The year is a number, e.g. 2025."),
            "min_value": both(
                f"Năm: từ {FIRST_YEAR} đến {LAST_YEAR}.",
                f"Year: from {FIRST_YEAR} to {LAST_YEAR}.",
            ),
            "max_value": both(
                f"Năm: từ {FIRST_YEAR} đến {LAST_YEAR}.",
                f"Year: from {FIRST_YEAR} to {LAST_YEAR}.",
            ),
        },
    )
    number = forms.IntegerField(
        label=_("Number in the year"),
        help_text=_("Quarter 1-4, half-year 1-2, year 1."),
        min_value=1,
        max_value=4,
        error_messages={
            **REQUIRED,
            "invalid": both("Số thứ tự kỳ phải là một số.", "The period's number is a number."),
            "min_value": both("Số thứ tự kỳ từ 1.", "The period's number starts at 1."),
            "max_value": both("Quý: 1 đến 4.", "Quarters: 1 to 4."),
        },
    )
    document_number = forms.CharField(label=_("Document number"), max_length=16, required=False)
    symbol = forms.CharField(
        label=_("Agency's letters in the symbol"),
        max_length=32,
        required=False,
    )
    place = forms.CharField(label=_("Place"), max_length=64, required=False)
    issued_on = typed.DateField(label=_("Date of issue"), required=False)
    signing = forms.ChoiceField(
        label=_("Who signs"),
        choices=[
            ("head", _("The head signs")),
            ("kt", _("KT. – a deputy signs for the head")),
            ("tl", _("TL. – signed by the head's order")),
            ("tm", _("TM. – the head signs on behalf of a collective body")),
        ],
        required=False,
    )
    authority = forms.CharField(
        label=_("Head's title (TM.: the collective body)"),
        max_length=64,
        required=False,
        help_text=_("e.g. GIÁM ĐỐC; for TM., ỦY BAN NHÂN DÂN"),
    )
    signatory_title = forms.CharField(
        label=_("Signer's own title"),
        max_length=64,
        required=False,
        help_text=_("Not for the head: e.g. PHÓ GIÁM ĐỐC (KT.), CHÁNH VĂN PHÒNG (TL.)"),
    )
    signatory_name = forms.CharField(label=_("Signatory's name"), max_length=128, required=False)
    recipients = forms.CharField(
        label=_("Recipients (one a line)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Without the dash and the closing “;” or “.”: the document adds them."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        number = str(self.data.get("document_number") or "")
        typed_symbol = str(self.data.get("symbol") or "")
        plan = self.fields["plan"].queryset.filter(code=self.data.get("plan")).first()  # type: ignore[attr-defined]
        agency = heading.agency_part(typed_symbol) or (heading.symbol(plan.owner) if plan else "")
        self.number_preview = heading.number_line(number, agency)
        self.fields["symbol"].help_text = _(
            "Only the agency's letters, e.g. SVHTT: the report's kind (BC) is added. "
            "The number reads: %(preview)s"
        ) % {"preview": self.number_preview}

    def clean_document_number(self) -> str:
        """The number alone: "Số: 125/BC-SVHTT" typed here is 125."""
        text = heading.number_only(self.cleaned_data.get("document_number") or "")
        return text

    def clean_symbol(self) -> str:
        return heading.agency_part(self.cleaned_data.get("symbol") or "")

    def clean_signing(self) -> str:
        return self.cleaned_data.get("signing") or "kt"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, number = data.get("kind"), data.get("number")
        if kind and number:
            count = 12 // MONTHS[ReportingPeriod.Kind(kind)]
            if number > count:
                self.add_error(
                    "number",
                    both(
                        f"Kỳ này chỉ có số thứ tự từ 1 đến {count} trong năm.",
                        f"This kind of period is numbered 1 to {count} in a year.",
                    ),
                )
        signing = data.get("signing") or "kt"
        head = " ".join((data.get("authority") or "").split()).upper()
        title = " ".join((data.get("signatory_title") or "").split()).upper()
        if signing in {"kt", "tl"} and head and title == head:
            self.add_error(
                "signatory_title",
                _(
                    "The head's own title: if the head signs, choose “The head signs”; "
                    "otherwise give the signer's title, e.g. PHÓ GIÁM ĐỐC."
                ),
            )
        return data

    def issue(self) -> Issue:
        data = self.cleaned_data
        recipients = [recipient(line) for line in data["recipients"].splitlines()]
        return Issue(
            number=data["document_number"],
            symbol=data["symbol"],
            place=data["place"],
            issued_on=data["issued_on"],
            signing=data["signing"],
            authority=data["authority"],
            signatory_title=data["signatory_title"],
            signatory_name=data["signatory_name"],
            recipients=[line for line in recipients if line],
        )
