"""The venue register's forms: a venue as the coordinator or the culture department
records it, and the list's filters."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cnvh.events.models import Venue
from cnvh.exchange import fields as typed
from cnvh.geo.distance import Bounds
from cnvh.geo.units import communes
from cnvh.plan.models import Agency

WARD_KINDS = (Agency.Kind.WARD, Agency.Kind.COMMUNE)


def city_bounds() -> Bounds:
    return Bounds(*settings.CNVH_CITY_BOUNDS)


def current_wards() -> QuerySet[Agency]:
    """Wards and communes existing today."""
    today = timezone.localdate()
    return (
        Agency.objects.filter(kind__in=WARD_KINDS)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("name_vi")
    )


class CoordinateField(forms.DecimalField):
    """Degrees as map tools write them (21.024237) or the Vietnamese way (21,024237):
    a coordinate is never grouped in thousands, so its one mark is the decimal mark."""

    widget = typed.NumberInput

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        text = str(value).strip().replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or text.count(".") > 1:
            raise ValidationError(
                _("“%(value)s” is not a coordinate. Write degrees, e.g. 21.024237."),
                code="invalid",
                params={"value": value},
            )
        return number


class VenueForm(forms.ModelForm):
    latitude = CoordinateField(
        label=_("latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        help_text=_("Degrees north, e.g. 21.024237 (from a map)."),
    )
    longitude = CoordinateField(
        label=_("longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        help_text=_("Degrees east, e.g. 105.857614."),
    )
    capacity = typed.IntegerField(label=_("capacity"), min_value=0, required=False)

    class Meta:
        model = Venue
        fields = [
            "name",
            "ward",
            "address",
            "latitude",
            "longitude",
            "capacity",
            "heritage_site",
            "heritage_manager",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ward"].queryset = current_wards()  # type: ignore[attr-defined]
        managers = Agency.objects.filter(valid_to__isnull=True)
        self.fields["heritage_manager"].queryset = managers  # type: ignore[attr-defined]

    def clean_ward(self) -> Agency:
        ward: Agency = self.cleaned_data["ward"]
        known = {unit.code for unit in communes()}
        if ward.unit_code not in known:
            raise ValidationError(
                _(
                    "%(ward)s is not one of today's wards and communes of the city (it has"
                    " no administrative unit code of the official list): choose another,"
                    " or ask the administrator to correct its code."
                ),
                code="unknown_unit",
                params={"ward": ward.name},
            )
        return ward

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None) and not self.errors:
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("Give both coordinates, or neither."))
        elif latitude is not None and longitude is not None:
            self._clean_inside(latitude, longitude)
        if data.get("heritage_site") and not data.get("heritage_manager"):
            self.add_error("heritage_manager", _("Choose who manages the heritage site."))
        if not data.get("heritage_site") and data.get("heritage_manager"):
            self.add_error("heritage_manager", _("Only a heritage site has a manager."))
        return data

    def _clean_inside(self, latitude: Decimal, longitude: Decimal) -> None:
        bounds = city_bounds()
        if bounds.holds(float(latitude), float(longitude)):
            return
        self.add_error(
            "latitude",
            _(
                "%(latitude)s, %(longitude)s lies outside the city (latitude %(south)s to"
                " %(north)s, longitude %(west)s to %(east)s). Check the coordinates: the"
                " latitude comes first, and both are in degrees."
            )
            % {
                "latitude": latitude,
                "longitude": longitude,
                "south": bounds.south,
                "north": bounds.north,
                "west": bounds.west,
                "east": bounds.east,
            },
        )


class VenueFilters(forms.Form):
    q = forms.CharField(
        label=_("search"),
        required=False,
        max_length=100,
        help_text=_("Name or address, with or without accents."),
    )
    ward = forms.ChoiceField(label=_("ward or commune"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wards = Agency.objects.filter(venues__isnull=False).distinct().order_by("name_vi")
        self.fields["ward"].choices = [  # type: ignore[attr-defined]
            ("", _("All")),
            *wards.values_list("code", "name_vi"),
        ]
