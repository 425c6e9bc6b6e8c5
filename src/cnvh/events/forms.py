"""The events register's forms. Dates are typed dd/mm/yyyy and numbers in the page's
style (`cnvh.exchange.fields`): a budget of 1.200.000.000 VND on a Vietnamese page."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as NumberInvalid
from stdnum.vn import mst

from cnvh.calendar import lunar
from cnvh.events import indicators
from cnvh.events.models import (
    KIND_CHOICES,
    Clearance,
    ClearanceRule,
    Event,
    Status,
    Venue,
    sector_choices,
)
from cnvh.exchange import fields as typed
from cnvh.language import pick
from cnvh.plan.models import Agency
from cnvh.procedures.models import LegalProcedure

ORGANISER_FIELDS = ("organiser_agency", "organiser_tax_code", "organiser_name")


def _procedure_choices() -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    for code, name_vi, name_en in LegalProcedure.objects.values_list(
        "code", "name_vi", "name_en"
    ).order_by("code", "-valid_from"):
        names.setdefault(code, f"{pick(name_vi, name_en)} ({code})")
    return list(names.items())


class EventForm(forms.ModelForm):
    """A file as the receiving authority records it."""

    kind = forms.ChoiceField(label=_("kind"), choices=KIND_CHOICES)
    sectors = forms.MultipleChoiceField(
        label=_("sectors"),
        choices=sector_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    procedure_code = forms.ChoiceField(
        label=_("procedure"),
        help_text=_("The version in force on the filing date is applied."),
    )
    lunar_year = forms.IntegerField(
        label=_("lunar year"), min_value=1901, max_value=2099, required=False
    )
    starts_on = typed.DateField(
        label=_("first day"),
        required=False,
        help_text=_("dd/mm/yyyy; or leave empty and give the lunar date below."),
    )
    ends_on = typed.DateField(
        label=_("last day"), required=False, help_text=_("dd/mm/yyyy; empty: a one-day event.")
    )
    expected_attendance = typed.IntegerField(label=_("expected attendance"), min_value=0)

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Event
        fields = [
            "title_vi",
            "title_en",
            "kind",
            "sectors",
            "organiser_kind",
            *ORGANISER_FIELDS,
            "venue",
            "starts_on",
            "ends_on",
            "lunar_day",
            "lunar_month",
            "lunar_leap_month",
            "recurs_yearly",
            "starts_at",
            "ends_at",
            "city_wide",
            "expected_attendance",
            "budget",
            "budget_sources",
            "task",
            "description_vi",
            "description_en",
            "receiving_agency",
            "filed_on",
        ]
        widgets = {
            "description_vi": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {"starts_at": _("hh:mm, 24 hours; empty: all day.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure_code"].choices = _procedure_choices()  # type: ignore[attr-defined]
        agencies = Agency.objects.filter(valid_to__isnull=True)
        self.fields["receiving_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["organiser_agency"].queryset = agencies  # type: ignore[attr-defined]
        self.fields["budget"].help_text = _("In VND, e.g. 1.200.000.000")
        order = ["procedure_code", "receiving_agency", "filed_on", *self._meta.fields]  # type: ignore[misc]
        lunar_at = order.index("lunar_month") + 1
        self.order_fields([*order[:lunar_at], "lunar_year", *order[lunar_at:]])

    def clean_organiser_tax_code(self) -> str:
        code: str = self.cleaned_data.get("organiser_tax_code", "").strip()
        if not code:
            return ""
        try:
            return str(mst.validate(code))
        except NumberInvalid as error:
            raise ValidationError(
                _(
                    "“%(value)s” is not a valid enterprise tax code: 10 digits (13 for a"
                    " branch) whose last digit checks the others. Copy it from the"
                    " business registration certificate."
                ),
                code="invalid",
                params={"value": code},
            ) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._clean_organiser(data)
        self._clean_dates(data)
        clean_hours(self, data)
        return data

    def _clean_organiser(self, data: dict[str, Any]) -> None:
        kind = data.get("organiser_kind")
        if kind == Event.OrganiserKind.AGENCY and not data.get("organiser_agency"):
            self.add_error("organiser_agency", _("Choose the organising agency."))
        if kind == Event.OrganiserKind.ENTERPRISE and not data.get("organiser_tax_code"):
            self.add_error("organiser_tax_code", _("Give the enterprise's tax code."))
        if kind in (Event.OrganiserKind.ENTERPRISE, Event.OrganiserKind.PERSON) and not data.get(
            "organiser_name"
        ):
            self.add_error("organiser_name", _("Give the organiser's name."))

    def _clean_dates(self, data: dict[str, Any]) -> None:
        starts = data.get("starts_on")
        day, month, year = (data.get(name) for name in ("lunar_day", "lunar_month", "lunar_year"))
        if day and month and year:
            try:
                solar = lunar.to_solar(day, month, year, bool(data.get("lunar_leap_month")))
            except lunar.LunarDateError as error:
                self.add_error("lunar_day", pick(error.message_vi, error.message_en))
                return
            if starts and starts != solar:
                self.add_error(
                    "starts_on",
                    _("The lunar date is %(day)s: correct the first day or the lunar date.")
                    % {"day": f"{solar:%d/%m/%Y}"},
                )
                return
            data["starts_on"] = starts = solar
        elif day or month or year:
            self.add_error("lunar_day", _("Give the lunar day, month and year, or none."))
            return
        if not starts:
            self.add_error("starts_on", _("Give the first day, or its lunar date."))
            return
        data["ends_on"] = ends = data.get("ends_on") or starts
        if ends < starts:
            self.add_error("ends_on", _("The last day is before the first: check both dates."))


def clean_hours(form: forms.BaseForm, data: dict[str, Any]) -> None:
    """Both daily hours or neither; the end after the start (an evening that runs past
    midnight leaves them empty: the whole day counts)."""
    starts, ends = data.get("starts_at"), data.get("ends_at")
    if (starts is None) != (ends is None):
        missing = "ends_at" if ends is None else "starts_at"
        form.add_error(missing, _("Give both hours, or neither."))
    elif starts is not None and ends is not None and ends <= starts:
        form.add_error(
            "ends_at",
            _(
                "The end (%(ends)s) is not after the start (%(starts)s). An event past"
                " midnight: leave both hours empty."
            )
            % {"ends": f"{ends:%H:%M}", "starts": f"{starts:%H:%M}"},
        )


class MoveForm(forms.Form):
    """New days, hours or venue of an event not yet decided."""

    venue = forms.ModelChoiceField(label=_("venue"), queryset=Venue.objects.all())
    starts_on = typed.DateField(label=_("first day"))
    ends_on = typed.DateField(
        label=_("last day"), required=False, help_text=_("dd/mm/yyyy; empty: a one-day event.")
    )
    starts_at = forms.TimeField(
        label=_("daily from"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("hh:mm, 24 hours; empty: all day."),
    )
    ends_at = forms.TimeField(
        label=_("daily until"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts = data.get("starts_on")
        if starts:
            data["ends_on"] = ends = data.get("ends_on") or starts
            if ends < starts:
                self.add_error("ends_on", _("The last day is before the first: check both dates."))
        clean_hours(self, data)
        return data


class ResolveClashForm(forms.Form):
    resolution = forms.CharField(
        label=_("how it was resolved"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What was agreed, e.g. the other event ends at 20:00."),
    )


class StepForm(forms.Form):
    """A step that needs no more than who and when: today."""

    STEPS = ("resubmit", "clearance", "publish", "held", "close", "resume")
    step = forms.ChoiceField(choices=[(name, name) for name in STEPS])


class CallOffForm(forms.Form):
    """Postponing, suspending or cancelling an event: the reason is required."""

    to = forms.ChoiceField(
        label=_("step"),
        choices=[
            (Status.POSTPONED, _("Postpone")),
            (Status.SUSPENDED, _("Suspend")),
            (Status.CANCELLED, _("Cancel the event")),
        ],
    )
    reason = forms.CharField(
        label=_("reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Give the reason: it is kept with the step.")},
    )


class IncompleteForm(forms.Form):
    missing = forms.CharField(
        label=_("what is missing"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class DecisionForm(forms.Form):
    approved = forms.TypedChoiceField(
        label=_("decision"),
        choices=[("yes", _("Approve")), ("no", _("Refuse"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    decision_number = forms.CharField(label=_("decision number"), max_length=64)
    decided_on = typed.DateField(label=_("decision date"))
    reasons = forms.CharField(
        label=_("reasons"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for a refusal."),
    )


class ClearanceForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("answer"),
        choices=[c for c in Clearance.Answer.choices if c[0] != Clearance.Answer.PENDING],
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label=_("reasons and conditions"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReportForm(forms.Form):
    actual_attendance = typed.IntegerField(label=_("actual attendance"), min_value=0)
    note = forms.CharField(
        label=_("report"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ListFilters(forms.Form):
    status = forms.ChoiceField(
        label=_("status"), choices=[("", _("All")), *Status.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("kind"), choices=[("", _("All")), *KIND_CHOICES], required=False
    )
    ward = forms.ChoiceField(label=_("ward or commune"), required=False)
    month = forms.RegexField(
        label=_("month"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        help_text=_("yyyy-mm"),
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    # The records of an indicator's count in a year (the indicator pages link here).
    counted = forms.ChoiceField(
        label=_("counted in"),
        choices=[
            ("", _("All")),
            (indicators.HELD, _("events held")),
            (indicators.LATE, _("files that came late")),
            (indicators.VIEWS, _("views due")),
        ],
        required=False,
    )
    year = forms.IntegerField(
        label=_("year"),
        min_value=2000,
        max_value=2099,
        required=False,
        help_text=_("of the first day (of a view's due day, for views due)"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wards = Agency.objects.filter(
            kind__in=[Agency.Kind.WARD, Agency.Kind.COMMUNE], venues__isnull=False
        ).distinct()
        self.fields["ward"].choices = [  # type: ignore[attr-defined]
            ("", _("All")),
            *((code, name) for code, name in wards.values_list("code", "name_vi")),
        ]

    def month_range(self) -> tuple[date, date] | None:
        text = self.cleaned_data.get("month") if self.is_valid() else None
        if not text:
            return None
        year, month = (int(part) for part in text.split("-"))
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return first, following


class PeriodForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2099, required=False)


class ClearanceRuleForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("kinds of event"),
        choices=KIND_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Empty: every kind."),
    )

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = ClearanceRule
        fields = [
            "name_vi",
            "name_en",
            "reviewer",
            "agency",
            "kinds",
            "min_attendance",
            "heritage_sites_only",
            "valid_from",
            "valid_to",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        named = data.get("reviewer") == ClearanceRule.Reviewer.AGENCY
        if named and not data.get("agency"):
            self.add_error("agency", _("Choose the agency whose view is asked."))
        if not named and data.get("agency"):
            self.add_error("agency", _("Leave empty: the venue names this agency."))
        ends, starts = data.get("valid_to"), data.get("valid_from")
        if ends and starts and ends < starts:
            self.add_error("valid_to", _("The end of validity is before its start."))
        return data
