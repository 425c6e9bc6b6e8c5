"""The coordinator's forms: a version of a legal procedure, and an announced day swap.
Dates are typed dd/mm/yyyy (`cnvh.exchange.fields`)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cnvh.exchange import fields as typed
from cnvh.procedures.models import CalendarAdjustment, EventKind, LegalProcedure


class LegalProcedureForm(forms.ModelForm):
    applies_to = forms.MultipleChoiceField(
        label=_("applies to"),
        choices=EventKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The kinds of event it applies to."),
    )

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = LegalProcedure
        fields = [
            "code",
            "name_vi",
            "name_en",
            "legal_document",
            "article",
            "applies_to",
            "lead_time",
            "lead_time_unit",
            "answer_time",
            "answer_time_unit",
            "silence_is_consent",
            "deciding_level",
            "valid_from",
            "valid_to",
            "unconfirmed",
            "unconfirmed_note",
        ]
        widgets = {"unconfirmed_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A new rule is a new version (its own valid_from), so that records filed
            # under the old one are still judged by it.
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _(
                "To change the rule from a date on, end this version and add a new one."
            )


class CalendarAdjustmentForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = CalendarAdjustment
        fields = ["date", "kind", "reason_vi", "reason_en", "legal_basis", "unconfirmed"]


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1901, max_value=2099, required=False)
