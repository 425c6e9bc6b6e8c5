"""The assumptions a leader types on the road page: percentages in the page's style
(7,5 on a Vietnamese page), read by the one rule of cnvh.exchange.fields."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from cnvh.exchange import fields as typed
from cnvh.presentation.road import RoadInputs

# Growth a year, in percent: below −100% nothing is left; above 1000% is a typing slip.
LOWEST_GROWTH, HIGHEST_GROWTH = Decimal("-99.99"), Decimal(1000)
LAST_YEAR = 2100


def percent_field(label: Any, help_text: Any = "") -> typed.DecimalField:
    return typed.DecimalField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=LOWEST_GROWTH,
        max_value=HIGHEST_GROWTH,
        max_digits=8,
        decimal_places=4,
        widget=typed.NumberInput(attrs={"size": 6}),
    )


class RoadForm(forms.Form):
    """The year and share the leader picks, GRDP's growth and each sector's growth; an
    empty growth keeps the trend."""

    target_year = forms.IntegerField(label=_("Target year"), max_value=LAST_YEAR)
    target_share = typed.DecimalField(
        label=_("Target share of GRDP (%)"),
        min_value=Decimal("0.01"),
        max_value=Decimal("99.99"),
        max_digits=6,
        decimal_places=4,
        widget=typed.NumberInput(attrs={"size": 6}),
    )
    grdp_growth = percent_field(
        _("GRDP growth a year (%)"), _("Empty: GRDP keeps its growth over the years estimated.")
    )

    def __init__(
        self, *args: Any, sectors: list[tuple[str, str]], base_year: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sector_keys = [key for key, _title in sectors]
        self.fields["target_year"].validators.append(MinValueValidator(base_year + 1))
        self.fields["target_year"].widget.attrs.update(min=base_year + 1, size=6)
        for key, title in sectors:
            self.fields[f"sector_{key}"] = percent_field(title)

    def sector_fields(self) -> list[forms.BoundField]:
        return [self[f"sector_{key}"] for key in self.sector_keys]

    def inputs(self) -> RoadInputs:
        data = self.cleaned_data
        growth = data.get("grdp_growth")
        assumed = tuple(
            (key, float(data[f"sector_{key}"]) / 100)
            for key in self.sector_keys
            if data.get(f"sector_{key}") is not None
        )
        return RoadInputs(
            target_year=data["target_year"],
            target_share=float(data["target_share"]) / 100,
            grdp_growth=None if growth is None else float(growth) / 100,
            sector_growth=assumed,
        )
