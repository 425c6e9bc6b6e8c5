"""Every import kind. The engine's inputs are this app's own; every other app that
imports files registers its kinds here when it is ready (`register`, from its
`AppConfig.ready`), so this app never imports the apps whose data it takes in."""

from collections.abc import Iterable
from typing import Any

from .kinds import Kind

_registered: dict[str, Kind] = {}


def register(found: Iterable[Kind]) -> None:
    """Adds an app's kinds; a key already taken keeps its first kind."""
    for kind in found:
        _registered.setdefault(kind.key, kind)


def kinds() -> dict[str, Kind]:
    """Key -> kind, the engine's inputs first, then the apps' in the order they
    registered. Read when asked: the engine's kinds need the apps loaded."""
    from .engine_inputs.kinds import ENGINE_KINDS

    found: dict[str, Kind] = {kind.key: kind for kind in ENGINE_KINDS}
    for key, kind in _registered.items():
        found.setdefault(key, kind)
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
