"""The forms of a support case's steps. Amounts in VND typed in the page's style
(1.250.000.000 on a Vietnamese page), dates dd/mm/yyyy (`cnvh.exchange.fields`)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cnvh.exchange import fields as typed


def vnd(label: Any, required: bool = True) -> typed.DecimalField:
    return typed.DecimalField(
        label=label, required=required, min_value=1, max_digits=18, decimal_places=0
    )


class ReviewForm(forms.Form):
    score = forms.IntegerField(label=_("score (0–100)"), min_value=0, max_value=100)
    comment = forms.CharField(label=_("comment"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )
    decided_on = typed.DateField(label=_("decision date"))
    number = forms.CharField(label=_("decision number"), max_length=64)
    amount_granted = vnd(_("amount granted (VND)"), required=False)
    report_due_on = typed.DateField(label=_("report due on"), required=False)
    reason = forms.CharField(
        label=_("reason for refusal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("result") == "approve":
            for name in ("amount_granted", "report_due_on"):
                if not data.get(name):
                    self.add_error(name, _("Needed to approve."))
        elif data.get("result") == "refuse" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("A refusal gives its reason."))
        return data


class DisbursementForm(forms.Form):
    paid_on = typed.DateField(label=_("paid on"))
    amount = vnd(_("amount (VND)"))
    note = forms.CharField(label=_("note"), max_length=255, required=False)


class ReportForm(forms.Form):
    received_on = typed.DateField(label=_("report received on"))
    outcome = forms.CharField(label=_("outcome"), widget=forms.Textarea(attrs={"rows": 3}))


def step_error(form: forms.Form, error: ValidationError) -> None:
    """The workflow's refusal shown on the form."""
    for message in error.messages:
        form.add_error(None, message)
