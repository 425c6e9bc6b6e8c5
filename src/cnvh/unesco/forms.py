"""The registry's forms. Dates are typed dd/mm/yyyy and money in the page's style
(15.000.000 on a Vietnamese page) through `cnvh.exchange.fields`. A choice of record
is an id of ASCII digits that fits the databases' 64-bit ids, checked before the
database is asked (a thirty-digit number would overflow it)."""

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cnvh.brightspots.models import BrightSpot
from cnvh.events.models import Event
from cnvh.exchange import fields as typed
from cnvh.plan.models import Agency, Task
from cnvh.unesco.models import (
    Commitment,
    CommitmentActivity,
    NetworkParticipation,
    Outreach,
    Participants,
    ReportSection,
)

_ID = re.compile(r"\s*[0-9]{1,18}\s*")


def _is_id(value: Any) -> bool:
    return isinstance(value, int) or (isinstance(value, str) and bool(_ID.fullmatch(value)))


class IdChoiceField(forms.ModelChoiceField):
    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and not _is_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if not _is_id(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


def formfield_for(db_field: Any, **kwargs: Any) -> forms.Field | None:
    """Typed dates and numbers; a related record chosen by a checked id."""
    if isinstance(db_field, models.ForeignKey):
        return db_field.formfield(form_class=IdChoiceField, **kwargs)
    return typed.formfield_for(db_field, **kwargs)


class CommitmentForm(forms.ModelForm):
    tasks = IdMultipleChoiceField(
        label=_("plan tasks"),
        queryset=Task.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        formfield_callback = staticmethod(formfield_for)
        model = Commitment
        fields = [
            "code",
            "title_vi",
            "title_en",
            "scope",
            "source",
            "lead_agency",
            "partners",
            "budget",
            "first_year",
            "last_year",
            "tasks",
        ]


class EventChoiceField(IdMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.starts_on:%d/%m/%Y})"


class ActivityForm(forms.ModelForm):
    # Checkbox lists with a search box above them (plan/agency-picker.js): typing part
    # of a title keeps only the matching events or models in view.
    events = EventChoiceField(
        label=_("events"),
        queryset=Event.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"data-agency-picker": _("Search events")}),
    )
    bright_spots = IdMultipleChoiceField(
        label=_("models"),
        queryset=BrightSpot.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"data-agency-picker": _("Search models")}),
    )

    class Meta:
        formfield_callback = staticmethod(formfield_for)
        model = CommitmentActivity
        fields = [
            "title_vi",
            "title_en",
            "starts_on",
            "ends_on",
            "partner_cities",
            "partner_countries",
            "sdg_targets",
            "outputs_vi",
            "outputs_en",
            "budget_spent",
            "events",
            "bright_spots",
        ]
        widgets = {
            "outputs_vi": forms.Textarea(attrs={"rows": 3}),
            "outputs_en": forms.Textarea(attrs={"rows": 3}),
        }


class ParticipationForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(formfield_for)
        model = NetworkParticipation
        fields = [
            "kind",
            "title_vi",
            "title_en",
            "held_on",
            "place",
            "contribution_vi",
            "contribution_en",
        ]
        widgets = {
            "contribution_vi": forms.Textarea(attrs={"rows": 3}),
            "contribution_en": forms.Textarea(attrs={"rows": 3}),
        }


class OutreachForm(forms.ModelForm):
    """An activity and who took part: women and men of each role."""

    reach = typed.IntegerField(
        label=_("Reach"),
        min_value=0,
        required=False,
        help_text=_("People reached beyond the participants (audience, online views)."),
    )

    class Meta:
        formfield_callback = staticmethod(formfield_for)
        model = Outreach
        fields = [
            "kind",
            "title_vi",
            "title_en",
            "organiser",
            "partner_country",
            "partner_city",
            "sector",
            "starts_on",
            "ends_on",
            "budget",
            "task",
            "outputs",
            "reach",
        ]
        widgets = {"outputs": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, organisers: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organiser"]
        if organisers is not None:
            field.queryset = Agency.objects.filter(pk__in=organisers)  # type: ignore[attr-defined]
            if len(organisers) == 1 and not self.instance.pk:
                field.initial = next(iter(organisers))
        for role, label in Participants.Role.choices:
            for sex, sex_label in (("women", _("women")), ("men", _("men"))):
                name = f"{role}_{sex}"
                self.fields[name] = typed.IntegerField(
                    label=f"{label}: {sex_label}", min_value=0, max_value=10_000_000, required=False
                )
                if self.instance.pk:
                    self.fields[name].initial = self._stored(role, sex)

    def _stored(self, role: str, sex: str) -> int:
        row = next((p for p in self.instance.participants.all() if p.role == role), None)
        return getattr(row, sex) if row else 0

    def participants(self) -> dict[str, tuple[int, int]]:
        data = self.cleaned_data
        return {
            role: (data.get(f"{role}_women") or 0, data.get(f"{role}_men") or 0)
            for role in Participants.Role.values
        }

    def participant_fields(self) -> list[Any]:
        return [
            self[f"{role}_{sex}"] for role in Participants.Role.values for sex in ("women", "men")
        ]

    def record_fields(self) -> list[Any]:
        return [self[name] for name in self.Meta.fields]


class SectionForm(forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = [
            "code",
            "number",
            "title_vi",
            "title_en",
            "content",
            "guidance_vi",
            "guidance_en",
            "in_use",
        ]
        widgets = {
            "guidance_vi": forms.Textarea(attrs={"rows": 3}),
            "guidance_en": forms.Textarea(attrs={"rows": 3}),
        }


class SectionTextForm(forms.Form):
    text_vi = forms.CharField(
        label=_("text (Vietnamese)"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    text_en = forms.CharField(
        label=_("text (English)"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )


class PeriodForm(forms.Form):
    first_year = forms.IntegerField(label=_("first year"), min_value=2000, max_value=2100)
    last_year = forms.IntegerField(label=_("last year"), min_value=2000, max_value=2100)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_year"), data.get("last_year")
        if first is not None and last is not None and last < first:
            raise forms.ValidationError(_("The last year is before the first: check both years."))
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for return"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
