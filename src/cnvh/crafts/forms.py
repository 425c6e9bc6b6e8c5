"""The officers' forms. Dates are typed dd/mm/yyyy and numbers in the page's style
(`cnvh.exchange.fields`): 72,5 points on a Vietnamese page."""

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cnvh.crafts.epcis import VIETNAM
from cnvh.crafts.models import (
    Artisan,
    Craft,
    CraftVillage,
    Mark,
    Product,
    RecognitionThreshold,
    TraceEvent,
)
from cnvh.exchange import fields as typed


class CraftForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Craft
        fields = [
            "code",
            "name_vi",
            "name_en",
            "traditional",
            "years_present",
            "recognition_number",
            "recognition_date",
        ]


class VillageForm(forms.ModelForm):
    households_total = typed.IntegerField(label=_("households"), min_value=0)
    households_in_trade = typed.IntegerField(label=_("households in the trade"), min_value=0)
    workers = typed.IntegerField(label=_("workers"), min_value=0)

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = CraftVillage
        fields = [
            "name",
            "ward",
            "craft",
            "households_total",
            "households_in_trade",
            "workers",
            "years_stable",
            "environment_compliant",
            "revenue",
            "recognition_number",
            "recognition_date",
        ]


class ArtisanForm(forms.ModelForm):
    class Meta:
        model = Artisan
        fields = ["name", "craft", "village", "title", "recognised_year"]


class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = [
            "code",
            "name_vi",
            "name_en",
            "group",
            "producer_name",
            "producer_kind",
            "producer_tax_code",
            "ward",
            "village",
            "craft",
            "marks",
        ]
        widgets = {"marks": forms.CheckboxSelectMultiple}


class MarkForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = Mark
        fields = ["kind", "name", "registration_number", "holder", "granted_on"]


class ScoreForm(forms.Form):
    score_a = typed.DecimalField(
        label=_("Part A: product and community"), max_digits=5, decimal_places=2
    )
    score_b = typed.DecimalField(label=_("Part B: marketing"), max_digits=5, decimal_places=2)
    score_c = typed.DecimalField(label=_("Part C: quality"), max_digits=5, decimal_places=2)


class DecisionForm(forms.Form):
    decision_number = forms.CharField(
        label=_("decision number"), max_length=64, help_text=_("e.g. 1234/QĐ-UBND")
    )
    decision_date = typed.DateField(label=_("decision date"))


class ThresholdForm(forms.ModelForm):
    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = RecognitionThreshold
        fields = ["criterion", "minimum", "legal_basis", "valid_from", "valid_to"]


class TraceEventForm(forms.ModelForm):
    day = typed.DateField(label=_("date"))
    time = forms.TimeField(
        label=_("time (Vietnam)"), input_formats=["%H:%M"], help_text=_("hh:mm, e.g. 14:30")
    )

    class Meta:
        formfield_callback = staticmethod(typed.formfield_for)
        model = TraceEvent
        fields = [
            "lot",
            "quantity",
            "action",
            "biz_step",
            "disposition",
            "place_name",
            "read_point",
            "biz_location",
            "how",
        ]

    field_order = ["day", "time"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["day", "time", *self.Meta.fields])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        day, time = cleaned.get("day"), cleaned.get("time")
        if day and time:
            self.instance.event_time = datetime.datetime.combine(day, time, tzinfo=VIETNAM)
        return cleaned
