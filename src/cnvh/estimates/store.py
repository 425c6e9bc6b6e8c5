"""Keep the engine's estimates in the database and find the current ones."""

import math
from dataclasses import asdict
from typing import Any

import numpy as np
from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, Subquery

from cnvh.estimates.models import (
    Estimate,
    EstimateReplicates,
    EstimateRow,
    Publication,
    PublicationChange,
)
from cnvh.stats import bootstrap, result, shipped_scopes
from cnvh.stats.checked import stated_checksum

_SAVE_ATTEMPTS = 3


def save_estimate(estimate: result.Estimate, *, label: str, synthetic: bool) -> Estimate:
    """Store `estimate` as the next revision of its scope, in one transaction."""
    for attempt in range(_SAVE_ATTEMPTS):
        try:
            with transaction.atomic():
                return _save(estimate, label=label, synthetic=synthetic)
        except IntegrityError:
            # Another process took the same revision number at the same time.
            if attempt == _SAVE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _save(estimate: result.Estimate, *, label: str, synthetic: bool) -> Estimate:
    scope = estimate.scope
    stored = Estimate.objects.create(
        scope_key=scope.key,
        scope_version=scope.version,
        scope_title_vi=scope.title_vi,
        scope_title_en=scope.title_en,
        classification=scope.classification,
        scope_checksum=scope.checksum,
        unit=estimate.unit,
        sectors=scope.sectors,
        provenance=estimate.provenance,
        synthetic=synthetic,
        label=label,
        revision=next_revision(scope.key),
    )
    EstimateRow.objects.bulk_create((_row(stored, row) for row in estimate.rows), batch_size=1000)
    if estimate.replicates is not None:
        _save_replicates(stored, estimate.replicates)
    return stored


def _save_replicates(stored: Estimate, kept: bootstrap.Replicates) -> None:
    """The whole city's columns of the replicates: what the road projects."""
    city = sorted(
        ((key, column) for key, column in kept.index.items() if key[2] is None),
        key=lambda item: item[1],
    )
    if not city:
        return
    shares = kept.shares[:, [column for _, column in city]]
    EstimateReplicates.objects.create(
        estimate=stored,
        confidence=kept.confidence,
        keys=[[year, sector] for (year, sector, _), _ in city],
        shares=np.ascontiguousarray(shares, dtype="<f8").tobytes(),
    )


def stored_replicates(stored: Estimate) -> bootstrap.Replicates | None:
    """The replicates `_save_replicates` kept, as the engine gave them; None for an
    estimate without them (no sampled units, or stored before they were kept)."""
    kept = EstimateReplicates.objects.filter(estimate=stored).first()
    if kept is None:
        return None
    keys = [(int(year), sector, None) for year, sector in kept.keys]
    shares = np.frombuffer(bytes(kept.shares), dtype="<f8").reshape(-1, len(keys))
    return bootstrap.Replicates(
        index={key: column for column, key in enumerate(keys)},
        shares=shares,
        confidence=kept.confidence,
    )


def _fingerprint(provenance: dict[str, Any], scope_checksum: str) -> tuple[object, ...]:
    """What makes two estimates the same computation: the same definition, the same
    input files, the same options and the same engine version."""
    inputs = provenance.get("inputs") or []
    checksums = sorted((i["role"], stated_checksum(i)) for i in inputs if isinstance(i, dict))
    return (scope_checksum, checksums, provenance.get("options"), provenance.get("cnvh_version"))


def unchanged(estimate: result.Estimate) -> Estimate | None:
    """The stored latest revision if it was computed from exactly the same inputs; a
    rerun then adds nothing worth a revision."""
    latest = Estimate.objects.filter(scope_key=estimate.scope.key).order_by("-revision").first()
    if latest is None:
        return None
    same = _fingerprint(latest.provenance, latest.scope_checksum) == _fingerprint(
        estimate.provenance, estimate.scope.checksum
    )
    return latest if same else None


def next_revision(scope_key: str) -> int:
    latest = Estimate.objects.filter(scope_key=scope_key).aggregate(Max("revision"))
    return (latest["revision__max"] or 0) + 1


def _row(stored: Estimate, row: result.EstimateRow) -> EstimateRow:
    values = asdict(row)
    if not _is_finite(values["value_added"]):
        raise ValueError(f"value added is not a finite number: {row}")
    for name, value in values.items():
        if isinstance(value, float) and not _is_finite(value):
            values[name] = None
    return EstimateRow(estimate=stored, **values)


def _is_finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def publish(estimate: Estimate, user: Any = None, note: str = "") -> Publication:
    """Make `estimate` public; publishing twice keeps the first publication."""
    with transaction.atomic():
        publication, created = Publication.objects.get_or_create(
            estimate=estimate, defaults={"published_by": user, "note": note}
        )
        if created:
            PublicationChange.objects.create(
                estimate=estimate,
                scope_key=estimate.scope_key,
                action=PublicationChange.Action.PUBLISHED,
                reason=note[:500],
                changed_by=user,
            )
    return publication


def scope_sort_key(scope_key: str) -> tuple[int, str]:
    """The shipped scopes in the engine's order, then any other by key."""
    shipped = shipped_scopes()
    if scope_key in shipped:
        return (shipped.index(scope_key), "")
    return (len(shipped), scope_key)


def latest_estimates(*, published_only: bool = False) -> list[Estimate]:
    """The newest revision of each scope (of those published, for the public),
    shipped scopes first."""
    candidates = Estimate.objects.all()
    if published_only:
        candidates = candidates.filter(publication__isnull=False)
    newest = (
        candidates.filter(scope_key=OuterRef("scope_key"))
        .order_by("-revision")
        .values("revision")[:1]
    )
    estimates = candidates.filter(revision=Subquery(newest)).select_related("publication")
    return sorted(estimates, key=lambda estimate: scope_sort_key(estimate.scope_key))
