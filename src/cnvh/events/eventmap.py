"""The public calendar's map: the events at their venues, placed on the server.

Like the ward map, no tiles and nothing fetched from elsewhere: the venues' longitude
and latitude are projected onto a plain drawing (a degree of longitude shortened by the
cosine of the latitude, so the city keeps its shape), with a scale bar. Each event is a
numbered marker; several events at one venue are set in a small ring around it so each
can be followed. The centres of the wards that fall within the drawing are marked
faintly with their names, to find one's way. Events whose venue has no coordinates are
listed beside the map.
"""

import math
from dataclasses import dataclass

from cnvh.events.models import Event
from cnvh.plan.models import Agency

WIDTH = 800.0
PADDING = 28.0
SMALLEST_HEIGHT = 280.0
TALLEST_HEIGHT = 900.0
RING = 13.0  # pixels from the venue to each of its events' markers
# The span drawn around a single venue, in degrees (about 1 km).
LONE_SPAN = 0.01
METRES_PER_DEGREE = 111_320.0
SCALE_STEPS = (50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)


@dataclass(frozen=True)
class Marker:
    number: int
    event: Event
    x: float
    y: float


@dataclass(frozen=True)
class Landmark:
    name: str
    x: float
    y: float


@dataclass(frozen=True)
class ScaleBar:
    metres: int
    pixels: float

    @property
    def label(self) -> str:
        return f"{self.metres // 1000} km" if self.metres >= 1000 else f"{self.metres} m"


@dataclass(frozen=True)
class EventMap:
    width: float
    height: float
    markers: list[Marker]
    unplaced: list[Event]
    scale: ScaleBar | None
    landmarks: list[Landmark]

    @property
    def scale_y(self) -> float:
        """Where the scale bar sits: near the bottom left corner."""
        return self.height - 16


# On the map a ward goes without its kind ("Phường Hoàn Kiếm" → "Hoàn Kiếm").
KIND_WORDS = ("Phường ", "Xã ")


def event_map(events: list[Event], wards: list[Agency] | None = None) -> EventMap:
    """The events, in their order, numbered from 1 as placed on the map, among the
    centres of `wards` (those with coordinates)."""
    placed = [event for event in events if event.venue.has_coordinates]
    unplaced = [event for event in events if not event.venue.has_coordinates]
    if not placed:
        return EventMap(WIDTH, SMALLEST_HEIGHT, [], unplaced, None, [])
    points = {event.venue_id: _lon_lat(event) for event in placed}
    lons = [lon for lon, _ in points.values()]
    lats = [lat for _, lat in points.values()]
    shrink = math.cos(math.radians(sum(lats) / len(lats)))
    west, north = min(lons), max(lats)
    span_x = max((max(lons) - west) * shrink, LONE_SPAN)
    span_y = north - min(lats)
    pixels_per_degree = (WIDTH - 2 * PADDING) / span_x
    height = min(max(span_y * pixels_per_degree + 2 * PADDING, SMALLEST_HEIGHT), TALLEST_HEIGHT)
    if span_y:
        pixels_per_degree = min(pixels_per_degree, (height - 2 * PADDING) / span_y)
    # Centred: the drawing may be wider or taller than the venues' span.
    left = (WIDTH - (max(lons) - west) * shrink * pixels_per_degree) / 2
    top = (height - span_y * pixels_per_degree) / 2

    def place(lon: float, lat: float) -> tuple[float, float]:
        return left + (lon - west) * shrink * pixels_per_degree, top + (
            north - lat
        ) * pixels_per_degree

    by_venue: dict[int, list[Event]] = {}
    for event in placed:
        by_venue.setdefault(event.venue_id, []).append(event)
    spots: dict[int, tuple[float, float]] = {}
    for venue, at_venue in by_venue.items():
        x, y = place(*points[venue])
        for index, event in enumerate(at_venue):
            spots[event.pk] = _ring(x, y, index, len(at_venue))
    markers = [
        Marker(number, event, round(spots[event.pk][0], 1), round(spots[event.pk][1], 1))
        for number, event in enumerate(placed, start=1)
    ]
    landmarks = []
    for ward in wards or []:
        if ward.latitude is None or ward.longitude is None:
            continue
        x, y = place(ward.longitude, ward.latitude)
        if PADDING / 2 <= x <= WIDTH - PADDING / 2 and PADDING / 2 <= y <= height - PADDING / 2:
            landmarks.append(Landmark(_short(ward.name), round(x, 1), round(y, 1)))
    scale = _scale(pixels_per_degree)
    return EventMap(WIDTH, round(height, 1), markers, unplaced, scale, landmarks)


def _short(name: str) -> str:
    for word in KIND_WORDS:
        if name.startswith(word):
            return name[len(word) :]
    return name


def _lon_lat(event: Event) -> tuple[float, float]:
    return float(event.venue.longitude), float(event.venue.latitude)  # type: ignore[arg-type]


def _ring(x: float, y: float, index: int, count: int) -> tuple[float, float]:
    """The `index`th of `count` markers at one venue: on a ring around it, the first at
    the top, clockwise."""
    if count == 1:
        return x, y
    angle = 2 * math.pi * index / count
    return x + RING * math.sin(angle), y - RING * math.cos(angle)


def _scale(pixels_per_degree: float) -> ScaleBar:
    """The longest round distance that takes at most a quarter of the drawing's width."""
    pixels_per_metre = pixels_per_degree / METRES_PER_DEGREE
    fitting = [step for step in SCALE_STEPS if step * pixels_per_metre <= WIDTH / 4]
    metres = fitting[-1] if fitting else SCALE_STEPS[0]
    return ScaleBar(metres, round(metres * pixels_per_metre, 1))
