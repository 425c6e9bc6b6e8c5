"""The registry's forms. Dates are typed dd/mm/yyyy and numbers in the page's style
(8,5 on a Vietnamese page) through `cnvh.exchange.fields`."""

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cnvh.brightspots.models import (
    BrightSpot,
    Criterion,
    Decision,
    FollowUp,
    Replication,
    Round,
    Rubric,
    Score,
    sector_choices,
)
from cnvh.brightspots.rubrics import CriterionRow
from cnvh.exchange import fields as typed
from cnvh.plan.limits import FIRST_YEAR, LAST_YEAR
from cnvh.plan.models import Agency

# The results typed with a nomination: a few lines, more are added on the model's page.
RESULT_LINES = 3


class RoundForm(forms.ModelForm):
    nominator_kinds = forms.MultipleChoiceField(
        label=_("who may nominate"),
        choices=Agency.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Officers and leaders of agencies of these kinds may nominate."),
    )
    council = forms.ModelMultipleChoiceField(
        label=_("council"),
        queryset=get_user_model()
        .objects.filter(is_active=True, memberships__isnull=False)
        .distinct()
        .order_by("username"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The members who score the nominations."),
    )

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Round
        fields = ["name_vi", "name_en", "opens_on", "closes_on", "nominator_kinds", "rubric"]


class SpotForm(forms.ModelForm):
    sector = forms.ChoiceField(label=_("sector"), choices=())
    agency = forms.ModelChoiceField(label=_("nominating agency"), queryset=Agency.objects.none())

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = BrightSpot
        fields = [
            "name_vi",
            "name_en",
            "level",
            "sector",
            "host_kind",
            "host_agency",
            "host_tax_code",
            "host_name",
            "ward",
            "start_year",
            "task",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, agencies: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sector = self.fields["sector"]
        assert isinstance(sector, forms.ChoiceField)
        sector.choices = [("", "—"), *sector_choices()]
        agency = self.fields["agency"]
        assert isinstance(agency, forms.ModelChoiceField)
        agency.queryset = Agency.objects.filter(pk__in=agencies)
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0]
        self.order_fields(["agency"])


class ResultForm(forms.Form):
    year = forms.IntegerField(
        label=_("year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )
    indicator = forms.CharField(label=_("indicator"), max_length=255, required=False)
    unit = forms.CharField(label=_("unit"), max_length=32, required=False)
    value = typed.DecimalField(label=_("value"), max_digits=20, decimal_places=4, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        filled = [
            data.get(name) not in (None, "") for name in ("year", "indicator", "unit", "value")
        ]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _("A result needs its year, indicator, unit and value: fill all four or none.")
            )
        return data


ResultFormSet = forms.formset_factory(ResultForm, extra=RESULT_LINES, max_num=RESULT_LINES)


class ScreeningForm(forms.Form):
    admitted = forms.TypedChoiceField(
        label=_("screening"),
        choices=[("yes", _("Admit for assessment")), ("no", _("Do not admit"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("screening note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SiteVisitForm(forms.Form):
    day = typed.DateField(label=_("site visit"))


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("file"), help_text=_("PDF, DOCX, XLSX, JPG or PNG, at most 10 MB.")
    )


class ScoreForm(forms.Form):
    """One score on the rubric's scale and a comment per criterion of the round's rubric."""

    def __init__(
        self, *args: Any, criteria: list[Criterion], given: dict[int, Score], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            before = given.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = typed.DecimalField(
                label=f"{criterion.name} ({_('weight')} {typed.shown(criterion.weight)})",
                min_value=Decimal(0),
                max_value=Decimal(criterion.rubric.top_score),
                max_digits=5,
                decimal_places=2,
                initial=before.score if before else None,
                help_text=criterion.guidance
                or _("From 0 to %(top)s.") % {"top": criterion.rubric.top_score},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=4000,
                initial=before.comment if before else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def sheet(self) -> dict[int, tuple[Decimal, str]]:
        data = self.cleaned_data
        return {c.pk: (data[f"score_{c.pk}"], data[f"comment_{c.pk}"]) for c in self.criteria}


class DecisionForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Decision
        fields = ["outcome", "number", "decided_on", "level", "valid_until", "reasons"]
        widgets = {"reasons": forms.Textarea(attrs={"rows": 3})}


class FollowUpForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = FollowUp
        fields = ["kind", "number", "decided_on", "valid_until", "reasons"]
        widgets = {"reasons": forms.Textarea(attrs={"rows": 3})}


class ReplicationForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Replication
        fields = ["target", "started_on", "status", "results"]
        widgets = {"results": forms.Textarea(attrs={"rows": 3})}


class RubricForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Rubric
        fields = ["name_vi", "name_en", "adopted_on", "top_score"]


class CriterionForm(forms.Form):
    """A criterion of the rubric; its weight typed in per cent (12,5 on a Vietnamese
    page). A line left empty is no criterion."""

    name_vi = forms.CharField(label=_("Criterion (Vietnamese)"), max_length=255, required=False)
    name_en = forms.CharField(label=_("Criterion (English)"), max_length=255, required=False)
    guidance_vi = forms.CharField(
        label=_("guidance (Vietnamese)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    guidance_en = forms.CharField(
        label=_("guidance (English)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    weight = typed.DecimalField(
        label=_("Weight (%)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("DELETE"):
            return data
        if data.get("name_vi") and data.get("weight") is None:
            self.add_error("weight", _("Write the criterion's weight in per cent, e.g. 12,5."))
        if data.get("weight") is not None and not data.get("name_vi"):
            self.add_error("name_vi", _("Write the criterion's name in Vietnamese."))
        return data

    def row(self) -> CriterionRow | None:
        data = self.cleaned_data
        if data.get("DELETE") or not data.get("name_vi"):
            return None
        return CriterionRow(
            name_vi=data["name_vi"],
            name_en=data["name_en"],
            guidance_vi=data["guidance_vi"],
            guidance_en=data["guidance_en"],
            percent=data["weight"],
        )


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, can_delete=True, max_num=30)


def as_percent(fraction: Decimal) -> Decimal:
    """0.1250 as 12.5 and 0.3000 as 30, without trailing zeros or an exponent."""
    percent = fraction * 100
    return percent.quantize(Decimal(1)) if percent == percent.to_integral() else percent.normalize()


def criterion_initial(rubric: Rubric) -> list[dict[str, Any]]:
    return [
        {
            "name_vi": criterion.name_vi,
            "name_en": criterion.name_en,
            "guidance_vi": criterion.guidance_vi,
            "guidance_en": criterion.guidance_en,
            "weight": as_percent(criterion.weight),
        }
        for criterion in rubric.criteria.order_by("position")
    ]
