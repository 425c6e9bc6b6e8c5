"""Forms of the plan's pages: login, task filters, progress reports, returns."""

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cnvh.exchange import fields as typed
from cnvh.plan import limits, throttle
from cnvh.plan.addresses import client_address
from cnvh.plan.agency_order import grouped_choices
from cnvh.plan.evidence import check_upload
from cnvh.plan.models import (
    Agency,
    ContentGroup,
    Indicator,
    Plan,
    ProgressReport,
    Target,
    Task,
)

OVERDUE = "overdue"


class LoginForm(AuthenticationForm):
    """Django's login form, refusing names and addresses that failed too often."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Too many failed attempts to log in. For your safety, logging in is paused "
            "until %(time)s. Please try again then, or ask the administrator."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        until = throttle.locked_until(username, address)
        if until is not None:
            raise ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"time": formats.time_format(timezone.localtime(until), "H:i")},
            )
        try:
            return super().clean()
        except ValidationError:
            if username:
                throttle.record_failure(username, address)
            raise


class TaskFilterForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label=_("Lead agency")
    )
    status = forms.ChoiceField(required=False, label=_("Status"))
    due_from = typed.DateField(required=False, label=_("Due from"))
    due_to = typed.DateField(required=False, label=_("Due until"))
    group = forms.ModelChoiceField(
        queryset=ContentGroup.objects.none(), required=False, label=_("Content group")
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_field: Any = self.fields["agency"]
        agency_field.queryset = Agency.objects.filter(led_tasks__group__plan=plan).distinct()
        agency_field.choices = [("", _("All agencies")), *grouped_choices(agency_field.queryset)]
        group_field: Any = self.fields["group"]
        group_field.queryset = plan.groups.all()
        group_field.empty_label = _("All groups")
        status_field: Any = self.fields["status"]
        status_field.choices = [
            ("", _("All statuses")),
            *Task.Status.choices,
            (OVERDUE, _("Overdue")),
        ]


class ReportForm(forms.ModelForm):
    """Status, percent done and narrative, one number per indicator fed by reports,
    and one evidence file."""

    percent_done = typed.IntegerField(
        label=_("Percent done"),
        min_value=0,
        max_value=100,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    evidence = forms.FileField(
        label=_("Attach evidence"),
        required=False,
        help_text=_("PDF, Word (.docx), Excel (.xlsx), JPG or PNG, at most 10 MB."),
    )

    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        max_length=limits.MAX_NARRATIVE,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    class Meta:
        model = ProgressReport
        fields = ["task_status", "percent_done", "narrative"]

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        stored = {value.indicator_id: value.value for value in self.instance.values.all()}
        for indicator in indicators:
            self.fields[self.value_field(indicator)] = typed.DecimalField(
                label=f"{indicator.name} ({indicator.unit})",
                required=False,
                max_digits=20,
                decimal_places=4,
                initial=stored.get(indicator.pk),
            )

    @staticmethod
    def value_field(indicator: Indicator) -> str:
        return f"value_{indicator.pk}"

    def value_fields(self) -> list[forms.BoundField]:
        return [self[self.value_field(indicator)] for indicator in self.indicators]

    def values(self) -> dict[Indicator, Decimal | None]:
        return {
            indicator: self.cleaned_data.get(self.value_field(indicator))
            for indicator in self.indicators
        }

    def clean_evidence(self) -> Any:
        upload = self.cleaned_data.get("evidence")
        if upload:
            check_upload(upload)
        return upload


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for return"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=limits.MAX_RETURN_REASON,
        error_messages={"required": _("Say why the report is returned and what to fix.")},
    )


class TaskForm(forms.ModelForm):
    """A task as the coordinator writes it. Status and percent done are not here:
    they come from approved reports."""

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Task
        fields = [
            "group",
            "code",
            "title_vi",
            "title_en",
            "description_vi",
            "description_en",
            "lead_agency",
            "coordinating_agencies",
            "starts_on",
            "due_on",
            "frequency",
            "expected_output_vi",
            "expected_output_en",
            "indicators",
        ]
        widgets = {
            "description_vi": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "expected_output_vi": forms.Textarea(attrs={"rows": 2}),
            "expected_output_en": forms.Textarea(attrs={"rows": 2}),
            # A plain select and a checkbox list, which agency-picker.js makes searchable.
            "lead_agency": forms.Select(attrs={"data-agency-picker": _("Search agencies")}),
            "coordinating_agencies": forms.CheckboxSelectMultiple(
                attrs={"data-agency-picker": _("Search agencies")}
            ),
            "indicators": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["group"].queryset = plan.groups.order_by("number")
        # Only agencies that exist today can take on work.
        current = Agency.objects.filter(valid_to__isnull=True)
        fields["lead_agency"].queryset = current
        fields["coordinating_agencies"].queryset = current
        choices = grouped_choices(current)
        fields["lead_agency"].choices = [("", "—"), *choices]
        fields["coordinating_agencies"].choices = choices
        fields["coordinating_agencies"].required = False
        fields["indicators"].queryset = Indicator.objects.order_by("code")
        fields["indicators"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, due = data.get("starts_on"), data.get("due_on")
        if starts and due and due < starts:
            self.add_error("due_on", _("The due date is before the start date."))
        lead = data.get("lead_agency")
        if lead is not None and lead in (data.get("coordinating_agencies") or []):
            self.add_error(
                "coordinating_agencies", _("The lead agency cannot also be a coordinating agency.")
            )
        return data


class TargetForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Target
        fields = ["year", "value", "document", "note_vi", "note_en"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].validators.append(limits.check_year)


TargetFormSet = forms.inlineformset_factory(
    Indicator, Target, form=TargetForm, extra=1, can_delete=True
)


class BaselineForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Indicator
        fields = ["baseline_year", "baseline_value", "direction", "published"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["baseline_year"].validators.append(limits.check_year)


def reported_indicators(report: ProgressReport) -> list[Indicator]:
    """The task's indicators whose values come from reports: the ones the form asks for."""
    return list(report.task.indicators.filter(source=Indicator.Source.REPORTS))
