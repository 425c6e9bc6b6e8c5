"""The CNVH sectors an enterprise's VSIC codes fall in, under each shipped scope: the
engine's own matching (`Scope.match`, longest listed prefix), so a code counts in the
same sector here as in the estimates."""

from dataclasses import dataclass
from decimal import Decimal

from cnvh.stats.codes import is_code, load_classification, normalise_code
from cnvh.stats.scope import load_scope, shipped_scopes

CLASSIFICATION = "VSIC2018"
# The plan's own definition: the sectors the registries file their records under.
PLAN_SCOPE = "hanoi-plan"


@dataclass(frozen=True)
class SectorMatch:
    scope: str
    code: str
    sector: str
    share: Decimal


def vsic(written: object) -> str:
    """A VSIC code as the engine writes it: "59.20" -> "5920"."""
    return normalise_code(written).strip()


def known_vsic(code: str) -> bool:
    return is_code(code) and load_classification(CLASSIFICATION).knows(code)


def vsic_title(code: str, language: str) -> str:
    return load_classification(CLASSIFICATION).title(code, "en" if language == "en" else "vi")


def matches(codes: list[str]) -> list[SectorMatch]:
    """Every (scope, code, sector, share) the codes fall in, in scope order."""
    found: list[SectorMatch] = []
    for key in shipped_scopes():
        scope = load_scope(key)
        for code, sector, share in sorted(scope.match(set(codes))):
            found.append(SectorMatch(key, code, sector, Decimal(str(share))))
    return found


def sector_title(scope_key: str, sector: str, language: str) -> str:
    known = load_scope(scope_key).sectors.get(sector)
    if known is None:
        return sector
    return known.title_en if language == "en" else known.title_vi


def scope_sectors(scope_key: str) -> list[tuple[str, str, str]]:
    """(sector, title_vi, title_en) of a scope in its order."""
    scope = load_scope(scope_key)
    ordered = sorted(scope.sectors.items(), key=lambda item: item[1].order)
    return [(key, sector.title_vi, sector.title_en) for key, sector in ordered]
