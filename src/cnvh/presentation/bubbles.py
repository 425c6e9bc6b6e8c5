"""Bubbles on the ward map, as charts.js draws them: one per ward at its centre, its
area proportional to the value, the largest named, over the official boundaries once
uploaded or else over the faint outline of the centres.

The overview's value added by ward and the public page of recognised models draw the
same map; both give their bubbles here, so the two payloads cannot drift apart.
"""

import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

# Bubble diameters in pixels: the area, not the width, is proportional to the value, so
# a ward with four times the value has twice the diameter.
SMALLEST, LARGEST = 4.0, 34.0
NAMED = 6  # the largest wards carry their name on the map
# On the map a name goes without its kind ("Phường Hoàn Kiếm" → "Hoàn Kiếm"): the centre
# of the city is crowded, and the table and tooltip give the full name.
KIND_WORDS = ("Phường ", "Xã ", "Ward ", "Commune ")


@dataclass(frozen=True)
class Bubble:
    longitude: float
    latitude: float
    value: float  # what sizes the bubble
    shown: float  # the value in the unit the tooltip states
    name: str
    code: str


def map_label(name: str) -> str:
    for word in KIND_WORDS:
        if name.startswith(word):
            return name[len(word) :]
    return name


def diameter(value: float, largest: float) -> float:
    if largest <= 0 or value <= 0:
        return 3.0
    return SMALLEST + (LARGEST - SMALLEST) * math.sqrt(value / largest)


def outline(centres: list[tuple[float, float]]) -> list[list[float]]:
    """The convex hull of the centres (Andrew's monotone chain), closed: drawn faintly
    so the bubbles sit in the city's shape when no boundaries were uploaded. It is
    labelled as what it is, never as a boundary."""
    points = sorted(set(centres))
    if len(points) < 3:
        return []

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def half(ordered: list[tuple[float, float]]) -> list[tuple[float, float]]:
        chain: list[tuple[float, float]] = []
        for point in ordered:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
        return chain

    hull = half(points)[:-1] + half(points[::-1])[:-1]
    return [[lon, lat] for lon, lat in [*hull, hull[0]]]


def chart(
    bubbles: list[Bubble], *, values_label: str, digits: int, boundaries_url: str | None
) -> dict[str, Any]:
    """Data for the map, read by charts.js: [lon, lat, shown value, name, code, diameter,
    label] per bubble, largest first (the label empty but for the largest)."""
    ordered = sorted(bubbles, key=lambda bubble: bubble.value, reverse=True)
    largest = max((bubble.value for bubble in ordered), default=0.0)
    return {
        "points": [
            [
                bubble.longitude,
                bubble.latitude,
                bubble.shown,
                bubble.name,
                bubble.code,
                round(diameter(bubble.value, largest), 1),
                map_label(bubble.name) if rank < NAMED else "",
            ]
            for rank, bubble in enumerate(ordered)
        ],
        "digits": digits,
        "boundaries": boundaries_url,
        "outline": []
        if boundaries_url
        else outline([(bubble.longitude, bubble.latitude) for bubble in ordered]),
        "labels": {
            "values": values_label,
            "longitude": gettext("Longitude"),
            "latitude": gettext("Latitude"),
            "outline": gettext("Area spanned by the ward centres (not a boundary)"),
        },
    }
