"""The forms of a support programme (with its budget by year), of a new case of an
enterprise in a programme, and of an enterprise's IP filings and certifications.
Amounts in VND typed in the page's style, dates dd/mm/yyyy (`cnvh.exchange.fields`)."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cnvh.enterprises.entries import enterprise_by_tax_code
from cnvh.enterprises.models import Certification, Enterprise, IPFiling, Programme
from cnvh.exchange import fields as typed
from cnvh.plan.agency_order import grouped_choices
from cnvh.plan.models import Agency, Role
from cnvh.plan.permissions import agencies_with, is_coordinator

BUDGET_ROWS = 3  # empty rows under the years already budgeted


class ProgrammeForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Programme
        fields = [
            "code",
            "name_vi",
            "name_en",
            "kind",
            "owner",
            "legal_basis",
            "eligibility",
            "is_open",
            "publishes_grants",
        ]
        widgets = {
            "owner": forms.Select(attrs={"data-agency-picker": _("Search agencies")}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = Agency.objects.filter(valid_to__isnull=True)
        # An officer keeps the programmes of their own agencies; a coordinator any.
        if not is_coordinator.test(user):
            current = current.filter(pk__in=agencies_with(user, Role.OFFICER))
        owner: Any = self.fields["owner"]
        owner.queryset = current
        owner.choices = [("", "—"), *grouped_choices(current)]
        if self.instance.pk:
            self.fields["code"].disabled = True  # other records and addresses name it


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100, required=False)
    amount = typed.DecimalField(
        label=_("budget (VND)"), min_value=0, max_digits=18, decimal_places=0, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("amount") is not None and not data.get("year"):
            self.add_error("year", _("Year: write the year of this budget."))
        return data


class BaseBudgetFormSet(forms.BaseFormSet):  # type: ignore[type-arg,unused-ignore]
    def clean(self) -> None:
        seen: set[int] = set()
        for form in self.forms:
            year = (getattr(form, "cleaned_data", None) or {}).get("year")
            if year in seen:
                form.add_error("year", _("Year: %(year)s is written twice.") % {"year": year})
            if year:
                seen.add(year)

    def budgets(self) -> dict[int, Decimal]:
        """Year -> VND, from the rows with both; a row with a year alone removes it."""
        rows = [form.cleaned_data for form in self.forms if form.cleaned_data]
        return {
            row["year"]: row["amount"]
            for row in rows
            if row.get("year") and row.get("amount") is not None
        }


def budget_formset(data: Any, programme: Programme | None) -> BaseBudgetFormSet:
    """The programme's budgets as rows, and empty rows to add years."""
    made = forms.formset_factory(BudgetForm, formset=BaseBudgetFormSet, extra=BUDGET_ROWS)
    found = made(data, initial=budget_initial(programme), prefix="budget")
    assert isinstance(found, BaseBudgetFormSet)
    return found


def budget_initial(programme: Programme | None) -> list[dict[str, Any]]:
    if programme is None:
        return []
    return [{"year": b.year, "amount": b.amount} for b in programme.budgets.order_by("year")]


class OpenCaseForm(forms.Form):
    enterprise = forms.CharField(
        label=_("enterprise: tax code"),
        max_length=20,
        help_text=_("An enterprise of the register, e.g. 0100233488."),
    )
    received_on = typed.DateField(label=_("received on"))
    amount_requested = typed.DecimalField(
        label=_("amount requested (VND)"), min_value=1, max_digits=18, decimal_places=0
    )

    def clean_enterprise(self) -> Enterprise:
        written = self.cleaned_data["enterprise"]
        found = enterprise_by_tax_code(written)
        if found is None:
            raise ValidationError(
                _(
                    "Enterprise: no enterprise of the register has the tax code %(code)s."
                    " Add it to the register first."
                )
                % {"code": written.strip()}
            )
        return found


class IPFilingForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = IPFiling
        fields = [
            "kind",
            "title",
            "application_number",
            "filed_on",
            "stage",
            "formality_accepted_on",
            "published_on",
            "examination_from",
            "decided_on",
            "certificate_number",
            "expires_on",
            "case",
        ]

    def __init__(self, *args: Any, enterprise: Enterprise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.enterprise = enterprise
        case: Any = self.fields["case"]
        case.queryset = enterprise.cases.select_related("programme")


class CertificationForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Certification
        fields = ["kind", "standard", "number", "issuer", "issued_on", "valid_until", "case"]

    def __init__(self, *args: Any, enterprise: Enterprise, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.enterprise = enterprise
        case: Any = self.fields["case"]
        case.queryset = enterprise.cases.select_related("programme")
