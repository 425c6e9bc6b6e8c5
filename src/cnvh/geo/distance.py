"""Distances on the ground between two points given in degrees (WGS 84), and whether a
point lies in a box of latitudes and longitudes (no Django)."""

import math
from dataclasses import dataclass

# The mean radius of the Earth (IUGG): a sphere is off by at most 0.5% from the
# ellipsoid, a few metres in a few hundred, which a clash between events tolerates.
EARTH_RADIUS_METRES = 6_371_008.8


def haversine_metres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_METRES * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Bounds:
    """A box of latitudes and longitudes, edges included."""

    south: float
    west: float
    north: float
    east: float

    def holds(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east
