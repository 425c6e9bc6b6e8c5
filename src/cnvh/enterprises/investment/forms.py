"""The forms of an investment project: its record, its capital of a year and source,
its milestones, the steps of its workflow, and the list's filters. Amounts in VND typed
in the page's style (12.500.000.000 on a Vietnamese page), dates dd/mm/yyyy
(`cnvh.exchange.fields`). What refuses bad input is the model's own `clean()`."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cnvh.enterprises import identity
from cnvh.enterprises.entries import enterprise_by_tax_code
from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.models import (
    CapitalSource,
    Enterprise,
    InvestmentProject,
    ProjectKind,
    ProjectStatus,
)
from cnvh.enterprises.sectors import scope_sectors
from cnvh.enterprises.wards import ward_choices
from cnvh.exchange import fields as typed
from cnvh.language import pick
from cnvh.plan.agency_order import grouped_choices
from cnvh.plan.models import Agency, Role
from cnvh.plan.permissions import agencies_with, is_coordinator

PICKER = {"data-agency-picker": _("Search agencies")}


def sector_choices(empty: Any) -> list[tuple[str, Any]]:
    return [("", empty)] + [(key, pick(vi, en)) for key, vi, en in scope_sectors(PLAN_SCOPE)]


class ProjectForm(forms.ModelForm):
    investor_enterprise = forms.CharField(
        label=_("investor (enterprise): tax code"),
        max_length=20,
        required=False,
        help_text=_("An enterprise of the register; leave empty when an agency invests."),
    )
    sector = forms.ChoiceField(label=_("sector"), required=False)
    ward_code = forms.ChoiceField(label=_("ward or commune"), required=False)

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = InvestmentProject
        fields = [
            "code",
            "name_vi",
            "name_en",
            "kind",
            "managing_agency",
            "investor_enterprise",
            "investor_agency",
            "sector",
            "ward_code",
            "location",
            "total_capital",
            "principle_decision_number",
            "principle_decided_on",
            "investment_decision_number",
            "investment_decided_on",
            "starts_on",
            "ends_on",
            "note",
        ]
        widgets = {
            "managing_agency": forms.Select(attrs=PICKER),
            "investor_agency": forms.Select(attrs=PICKER),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        current = Agency.objects.filter(valid_to__isnull=True)
        # An officer records the projects of their own agencies; a coordinator any.
        mine = current.filter(pk__in=agencies_with(user, Role.OFFICER))
        managing = current if is_coordinator.test(user) else mine
        fields["managing_agency"].queryset = managing
        fields["managing_agency"].choices = [("", "—"), *grouped_choices(managing)]
        fields["investor_agency"].queryset = current
        fields["investor_agency"].choices = [("", "—"), *grouped_choices(current)]
        fields["sector"].choices = sector_choices("—")
        fields["ward_code"].choices = [("", "—"), *ward_choices()]
        if self.instance.pk is None:
            self.fields["proposed_on"] = typed.DateField(
                label=_("proposed on"), initial=timezone.localdate
            )
        elif self.instance.investor_enterprise is not None:
            self.initial["investor_enterprise"] = self.instance.investor_enterprise.shown_code

    def clean_investor_enterprise(self) -> Enterprise | None:
        written = self.cleaned_data["investor_enterprise"].strip()
        if not written:
            return None
        found = enterprise_by_tax_code(written)
        if found is None or found.is_personal:
            raise ValidationError(
                _(
                    "Investor: no enterprise of the register has the tax code %(code)s."
                    " Add it to the register first, or choose an investing agency."
                )
                % {"code": identity.compact(written)}
            )
        return found


class CapitalForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=1990, max_value=2100)
    source = forms.ChoiceField(label=_("capital source"), choices=CapitalSource.choices)
    planned = typed.DecimalField(
        label=_("planned (VND)"), min_value=0, max_digits=18, decimal_places=0
    )
    disbursed = typed.DecimalField(
        label=_("disbursed (VND)"),
        min_value=0,
        max_digits=18,
        decimal_places=0,
        required=False,
        help_text=_("So far this year; 0 when nothing is paid out yet."),
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("milestone"), max_length=255)
    due_on = typed.DateField(label=_("due on"))


class DoneForm(forms.Form):
    milestone = forms.IntegerField(widget=forms.HiddenInput)
    done_on = typed.DateField(label=_("done on"))


class StepForm(forms.Form):
    """One step of the workflow; approving takes the decision of investment."""

    action = forms.ChoiceField(label=_("Step"))
    on = typed.DateField(label=_("date"), help_text=_("Approving: the date of the decision."))
    decision_number = forms.CharField(
        label=_("decision of investment: number"), max_length=64, required=False
    )
    reason = forms.CharField(
        label=_("reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the project is stalled or cancelled."),
    )

    def __init__(self, *args: Any, actions: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["action"]
        field.choices = actions
        if "approve" not in dict(actions):
            del self.fields["decision_number"]


ACTION_LABELS = {
    "approve": _("Approve (decision of investment)"),
    "start": _("Under way"),
    "operate": _("Operating"),
    "stall": _("Stalled"),
    "cancel": _("Cancel"),
}


class ProjectFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    source = forms.ChoiceField(label=_("Capital source"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    ward = forms.ChoiceField(label=_("Ward or commune"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    schedule = forms.ChoiceField(
        label=_("Schedule"),
        required=False,
        choices=[("", _("All")), ("on", _("On schedule")), ("behind", _("Behind schedule"))],
    )
    day = typed.DateField(label=_("Schedule on"), required=False, help_text=_("Empty: today."))
    q = forms.CharField(label=_("Name, investor or tax code"), required=False, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["status"].choices = [("", _("All statuses")), *ProjectStatus.choices]
        fields["source"].choices = [("", _("All sources")), *CapitalSource.choices]
        fields["sector"].choices = sector_choices(_("All sectors"))
        fields["ward"].choices = [("", _("All wards and communes")), *ward_choices()]
        fields["kind"].choices = [("", _("Projects and programmes")), *ProjectKind.choices]
