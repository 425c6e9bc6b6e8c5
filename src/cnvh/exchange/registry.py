"""Every import kind: the engine's inputs (here) and the plan's (cnvh.plan.imports)."""

from typing import Any

from .kinds import Kind


def kinds() -> dict[str, Kind]:
    """Key -> kind, the engine's inputs first. Read when asked: the plan's kinds import
    the plan's models, which need the apps loaded."""
    from cnvh.plan.imports import PLAN_KINDS

    from .engine.kinds import ENGINE_KINDS

    found: dict[str, Kind] = {kind.key: kind for kind in ENGINE_KINDS}
    for kind in PLAN_KINDS:
        found.setdefault(kind.key, kind)
    return found


def kind(key: str) -> Kind | None:
    return kinds().get(key)


def allowed(user: Any) -> list[Kind]:
    """The kinds `user` may import."""
    return [kind for kind in kinds().values() if user.has_perm(kind.permission)]


def title(key: str, language: str) -> str:
    found = kind(key)
    if found is None:
        return key
    return found.title_en if language.startswith("en") else found.title_vi
