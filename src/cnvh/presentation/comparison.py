"""A revision set beside the one the public sees, for the review before publishing.

Only stored rows are read: the city-wide figures of the new revision's latest year
(its headline share and each sector's value added and share) against the published
revision's figures of the same year, and whether each has the ward breakdown the
public ward map is drawn from; then the inputs each was computed from (the checksum of
every file, and the definition's), so a reviewer sees whether new figures come
from new data, a new definition, or neither. The differences are made for display.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count

from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.stats.checked import stated_checksum

# The overview shows the headline share to one decimal of a percent: a change of
# at least half of that shows to the public.
HEADLINE_MOVES = 0.0005


@dataclass(frozen=True)
class Figure:
    """One figure old and new; None where that revision has no such row."""

    key: str | None
    title: str
    old_value: float | None
    new_value: float | None
    old_share: float | None
    new_share: float | None

    @property
    def value_change(self) -> float | None:
        if self.old_value is None or self.new_value is None:
            return None
        return self.new_value - self.old_value

    @property
    def share_change(self) -> float | None:
        if self.old_share is None or self.new_share is None:
            return None
        return self.new_share - self.old_share


@dataclass(frozen=True)
class InputChange:
    """One input (by its role: units, totals, the definition, ...) in both revisions;
    None where that revision had no such input."""

    role: str
    old_file: str | None
    new_file: str | None
    old_checksum: str | None
    new_checksum: str | None

    @property
    def status(self) -> str:
        if self.old_checksum is None:
            return "added"
        if self.new_checksum is None:
            return "removed"
        if _algorithm(self.old_checksum) != _algorithm(self.new_checksum):
            # A file hashed by an earlier version, with SHA-256: the same file or not,
            # the two checksums cannot tell.
            return "not_comparable"
        return "same" if self.old_checksum == self.new_checksum else "changed"


def _algorithm(checksum: str) -> str:
    return checksum.split(":", 1)[0] if ":" in checksum else ""


@dataclass(frozen=True)
class Comparison:
    new: Estimate
    old: Estimate | None
    year: int | None
    headline: Figure
    sectors: list[Figure]
    old_wards: int
    new_wards: int
    inputs: tuple[InputChange, ...] = ()

    @property
    def same_inputs(self) -> bool:
        """Every input and the definition as in the published revision."""
        return bool(self.inputs) and all(i.status == "same" for i in self.inputs)

    @property
    def loses_wards(self) -> bool:
        """The public ward map would disappear: the published revision has it, this not."""
        return self.old_wards > 0 and self.new_wards == 0

    @property
    def fewer_wards(self) -> bool:
        return 0 < self.new_wards < self.old_wards

    @property
    def moves_headline(self) -> bool:
        if self.old is None:
            return False
        change = self.headline.share_change
        return change is None or abs(change) >= HEADLINE_MOVES

    @property
    def warnings(self) -> bool:
        return self.loses_wards or self.fewer_wards or self.moves_headline


def _city_rows(estimate: Estimate | None, year: int | None) -> dict[str | None, EstimateRow]:
    if estimate is None or year is None:
        return {}
    rows = estimate.rows.filter(year=year, area__isnull=True)
    return {row.sector: row for row in rows}


def ward_count(estimate: Estimate | None) -> int:
    """How many areas below the city the revision has figures for."""
    if estimate is None:
        return 0
    found = estimate.rows.filter(area__isnull=False).aggregate(n=Count("area", distinct=True))
    return int(found["n"] or 0)


def _figure(
    key: str | None, title: str, old: EstimateRow | None, new: EstimateRow | None
) -> Figure:
    return Figure(
        key=key,
        title=title,
        old_value=old.value_added if old else None,
        new_value=new.value_added if new else None,
        old_share=old.share if old else None,
        new_share=new.share if new else None,
    )


def _inputs(estimate: Estimate) -> dict[str, tuple[str, str]]:
    """(file name, checksum) by role, from the provenance the engine wrote: a list of
    inputs each naming its role (older revisions kept a mapping by role)."""
    found: dict[str, tuple[str, str]] = {}
    listed: Any = (estimate.provenance or {}).get("inputs") or []
    if isinstance(listed, dict):
        listed = [{"role": role, **value} for role, value in listed.items()]
    for item in listed:
        checksum = stated_checksum(item) if isinstance(item, dict) else None
        if checksum:
            name = str(item.get("file") or item.get("path") or "")
            found[str(item.get("role", ""))] = (name.rsplit("/", 1)[-1], checksum)
    found["definition"] = (
        f"{estimate.scope_key} {estimate.scope_version}",
        estimate.scope_checksum,
    )
    return found


def compare_inputs(new: Estimate, old: Estimate | None) -> tuple[InputChange, ...]:
    if old is None:
        return ()
    before, after = _inputs(old), _inputs(new)
    return tuple(
        InputChange(
            role=role,
            old_file=before[role][0] if role in before else None,
            new_file=after[role][0] if role in after else None,
            old_checksum=before[role][1] if role in before else None,
            new_checksum=after[role][1] if role in after else None,
        )
        for role in sorted({*before, *after}, key=lambda role: (role == "definition", role))
    )


def compare(new: Estimate, old: Estimate | None) -> Comparison:
    """`new` against `old` (the published revision, None if nothing is public)."""
    years = new.years()
    year = years[-1] if years else None
    new_rows = _city_rows(new, year)
    old_rows = _city_rows(old, year)
    keys = sorted({key for key in (*new_rows, *old_rows) if key is not None})
    sectors = [
        _figure(key, new.sector_title(key), old_rows.get(key), new_rows.get(key)) for key in keys
    ]
    headline = _figure(None, new.scope_title, old_rows.get(None), new_rows.get(None))
    return Comparison(
        new=new,
        old=old,
        year=year,
        headline=headline,
        sectors=sectors,
        old_wards=ward_count(old),
        new_wards=ward_count(new),
        inputs=compare_inputs(new, old),
    )
