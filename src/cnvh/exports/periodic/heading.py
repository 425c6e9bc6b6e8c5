"""The heading of a Vietnamese administrative report, and the period in its title.

As Decree 30/2020/NĐ-CP sets them out: the issuing agency under its parent, in
capitals; the national name and motto; the number and symbol ("Số: 12/BC-SVHTT");
place and date, with a leading zero for days below 10 and for January and February.
"""

import re
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from cnvh.exports.periodic.document import Heading
from cnvh.plan.models import Agency, ReportingPeriod
from cnvh.presentation.formatting import vietnamese
from cnvh.stats.text import strip_accents

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# Spelled here, not by the C locale (strftime), which a server may have set otherwise.
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# The parent is usually abbreviated in the heading: "UBND THÀNH PHỐ HÀ NỘI".
ABBREVIATED = {"ỦY BAN NHÂN DÂN": "UBND", "UỶ BAN NHÂN DÂN": "UBND"}


def agency_line(agency: Agency | None) -> str:
    if agency is None:
        return ""
    name = agency.name.upper()
    for full, short in ABBREVIATED.items():
        if name.startswith(full + " "):
            return short + name[len(full) :]
    return name


def symbol(agency: Agency) -> str:
    """The agency's letters in a document symbol: "Sở VHTT" -> "SVHTT"."""
    letters = []
    for word in strip_accents(agency.short_name or agency.name_vi).split():
        kept = re.sub(r"[^A-Za-z0-9]", "", word)
        if kept:
            letters.append(kept if kept.isupper() else kept[0].upper())
    return "".join(letters)


# The kind of document in its symbol (Decree 30/2020/NĐ-CP, appendix III): a report.
KIND = "BC"
_NUMBER_PREFIX = re.compile(r"^\s*(S[ỐO]|NO\.?)\s*:?\s*", re.IGNORECASE)


def agency_part(typed: str) -> str:
    """What the issuer typed for the symbol, as the agency's part only: "bc-svhtt",
    "125/BC-SVHTT" and "Số: 125/BC-SVHTT" are all "SVHTT"; the kind is the document's."""
    text = _NUMBER_PREFIX.sub("", typed.strip()).upper()
    text = text.rsplit("/", 1)[-1].strip(" -")
    while text.startswith(KIND + "-"):
        text = text[len(KIND) + 1 :].strip(" -")
    return "" if text == KIND else text


def number_only(typed: str) -> str:
    """The document's number alone: "Số: 125/BC-SVHTT" is "125"."""
    return _NUMBER_PREFIX.sub("", typed.strip()).split("/", 1)[0].strip()


def number_line(number: str, agency_symbol: str) -> str:
    return _("No.: %(number)s/BC-%(symbol)s") % {
        "number": number_only(number) or "…",
        "symbol": agency_part(agency_symbol),
    }


def place_and_date(place: str, day: date) -> str:
    """ "Hà Nội, ngày 05 tháng 10 năm 2025" / "Hanoi, 5 October 2025"."""
    if vietnamese():
        day_text, month = f"{day.day:02d}", f"{day.month:02d}" if day.month <= 2 else str(day.month)
    else:
        day_text, month = str(day.day), MONTHS_EN[day.month - 1]
    return _("%(place)s, %(day)s %(month)s %(year)s") % {
        "place": place,
        "day": day_text,
        "month": month,
        "year": day.year,
    }


def heading(agency: Agency, number: str, agency_symbol: str, place: str, day: date) -> Heading:
    return Heading(
        parent_agency=agency_line(agency.parent),
        agency=agency_line(agency),
        number=number_line(number, agency_symbol),
        nation=_("SOCIALIST REPUBLIC OF VIETNAM"),
        motto=_("Independence - Freedom - Happiness"),
        place_and_date=place_and_date(place, day),
    )


def span_title(kind: str, year: int, number: int) -> str:
    """ "Quý III năm 2025", "6 tháng đầu năm 2026", "năm 2026"."""
    if kind == ReportingPeriod.Kind.QUARTER:
        return pgettext("report period", "Quarter %(roman)s of %(year)s") % {
            "roman": ROMAN[number],
            "year": year,
        }
    if kind == ReportingPeriod.Kind.HALF:
        if number == 1:
            return pgettext("report period", "First half of %(year)s") % {"year": year}
        return pgettext("report period", "Second half of %(year)s") % {"year": year}
    return pgettext("report period", "Year %(year)s") % {"year": year}
