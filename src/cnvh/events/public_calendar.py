"""The public calendar's filters and its week: what the month, week and map pages share.

A week runs Monday to Sunday, as Vietnamese calendars print it (Thứ 2 … Chủ nhật), and
each day carries its lunar day beside the solar one. An event of several days is
listed on every day it runs, marked with which of its days that is.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cnvh.calendar import lunar
from cnvh.events.models import KIND_CHOICES, Event, sector_choices
from cnvh.exchange import fields as typed
from cnvh.plan.models import Agency

WEEK = 7


class CalendarFilters(forms.Form):
    """What the public narrows the calendar to; every view keeps them."""

    ward = forms.ChoiceField(label=_("ward or commune"), required=False)
    kind = forms.ChoiceField(
        label=_("kind"), choices=[("", _("All")), *KIND_CHOICES], required=False
    )
    sector = forms.ChoiceField(label=_("sector"), required=False)
    month = forms.RegexField(
        label=_("month"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        help_text=_("yyyy-mm"),
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    day = typed.DateField(label=_("a day of the week"), required=False)

    # The filters a view passes on in its links (the period is each view's own).
    KEPT = ("ward", "kind", "sector")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        wards = Agency.objects.filter(
            kind__in=[Agency.Kind.WARD, Agency.Kind.COMMUNE], venues__isnull=False
        ).distinct()
        self.fields["ward"].choices = [  # type: ignore[attr-defined]
            ("", _("All")),
            *wards.values_list("code", "name_vi"),
        ]
        self.fields["sector"].choices = [("", _("All")), *sector_choices()]  # type: ignore[attr-defined]

    def value(self, name: str) -> str:
        return str(self.cleaned_data.get(name) or "") if self.is_valid() else ""

    def month_range(self) -> tuple[date, date] | None:
        text = self.value("month")
        if not text:
            return None
        year, month = (int(part) for part in text.split("-"))
        first = date(year, month, 1)
        following = date(year + (month == 12), month % 12 + 1, 1)
        return first, following

    def monday(self, today: date) -> date:
        """The Monday of the week asked for, this week's when none (or a wrong one) is."""
        day = self.cleaned_data.get("day") if self.is_valid() else None
        return monday_of(day or today)

    def kept(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.KEPT if self.value(name)}

    def narrow(self, events: QuerySet[Event]) -> QuerySet[Event]:
        """`events` of the ward, kind and sector chosen."""
        if ward := self.value("ward"):
            events = events.filter(venue__ward__code=ward)
        if kind := self.value("kind"):
            events = events.filter(kind=kind)
        if sector := self.value("sector"):
            # The sectors are a JSON list: read in Python, the same on SQLite and PostgreSQL.
            rows = events.values_list("pk", "sectors")
            serving = [pk for pk, sectors in rows if sector in (sectors or [])]
            events = events.filter(pk__in=serving)
        return events


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Showing:
    """An event on one day of the week: its `number`th day of `days`."""

    event: Event
    number: int

    @property
    def days(self) -> int:
        return self.event.days


@dataclass(frozen=True)
class WeekDay:
    on: date
    lunar: lunar.LunarDate | None  # None outside the years the lunar calendar covers
    events: list[Showing]

    @property
    def lunar_short(self) -> str:
        """The lunar day as printed under the solar one: "14/1", the leap month "1/4N"."""
        if self.lunar is None:
            return ""
        return f"{self.lunar.day}/{self.lunar.month}{'N' if self.lunar.leap else ''}"


def week(monday: date, events: list[Event]) -> list[WeekDay]:
    """The seven days from `monday`, each with the events running that day."""
    days = []
    for offset in range(WEEK):
        on = monday + timedelta(days=offset)
        running = [
            Showing(event, (on - event.starts_on).days + 1)
            for event in events
            if event.starts_on <= on <= event.ends_on
        ]
        try:
            found: lunar.LunarDate | None = lunar.to_lunar(on)
        except lunar.LunarDateError:
            found = None
        days.append(WeekDay(on, found, running))
    return days
