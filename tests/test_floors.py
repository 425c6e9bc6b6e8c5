"""The code's four floors, checked on every import the source holds.

    faces         web, exports, api, ops, and the pages of each records app
                  (its views, urls, templatetags, admin and management commands)
    presentation  presentation
    records       estimates, exchange, plan (and the registries to come)
    engine        stats, geo, demo: no Django

An import may run down or stay on its floor, never up. Faces never import each other.
On the engine and records floors the packages import each other without a cycle, and
each engine package's command lines (`command.py`, `*_command.py`) count as its own part,
above the package, because they may use any engine package's options. The project's wiring
(settings, urls, cli, wsgi) sits above everything and the package's own `__init__`
(its version) below.

Run as a script (`python tests/test_floors.py [SRC]`) it prints every arrow that breaks
a rule, to count them.
"""

import ast
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src"

ENGINE = ("stats", "geo", "demo", "calendar")
# `language` (the active language and text in both) is the lowest module that uses Django.
RECORDS = (
    "language",
    "estimates",
    "exchange",
    "plan",
    "procedures",
    "events",
    "enterprises",
    "crafts",
    "brightspots",
    "unesco",
)
PRESENTATION = ("presentation",)
FACES = ("web", "exports", "api", "ops")
WIRING = ("settings", "formats", "urls", "cli", "wsgi")
# The modules of a records app that make its pages and commands: a face of their own.
PAGE_PARTS = ("views", "urls", "templatetags", "admin", "management")

FLOOR_NAMES = ("base", "engine", "records", "presentation", "faces", "wiring")
# Libraries the engine must never reach: it runs from a notebook or the CLI alone.
WEB_LIBRARIES = ("django", "ninja", "rules", "simple_history", "django_tasks")


@dataclass(frozen=True)
class Part:
    """Where a module stands: its floor and the unit the rules compare."""

    floor: int
    unit: str

    @property
    def is_face(self) -> bool:
        return FLOOR_NAMES[self.floor] == "faces"


FLOOR_OF = {
    **dict.fromkeys(ENGINE, 1),
    **dict.fromkeys(RECORDS, 2),
    **dict.fromkeys(PRESENTATION, 3),
    **dict.fromkeys(FACES, 4),
    **dict.fromkeys(WIRING, 5),
}


def part_of(module: str) -> Part | None:
    names = module.split(".")
    if names[0] != "cnvh":
        return None
    if len(names) == 1:
        return Part(0, "cnvh")
    top, rest = names[1], names[2:3]
    if top not in FLOOR_OF:
        raise ValueError(f"{module}: a package on no floor; add it to tests/test_floors.py")
    if top in RECORDS and rest and rest[0] in PAGE_PARTS:
        return Part(4, f"{top} pages")
    if top in ENGINE and rest and (rest[0] == "command" or rest[0].endswith("_command")):
        return Part(1, f"{top} command")
    return Part(FLOOR_OF[top], top)


def module_name(path: Path, source: Path) -> str:
    names = list(path.relative_to(source).with_suffix("").parts)
    if names[-1] == "__init__":
        names.pop()
    return ".".join(names)


def imported(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[str, int]]:
    """Every module named by an import anywhere in the file (in functions too)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            yield target, node.lineno
            # `from cnvh import web` names a package through the alias.
            for alias in node.names:
                yield f"{target}.{alias.name}", node.lineno


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    line: int
    source_part: Part
    target_part: Part

    def __str__(self) -> str:
        return (
            f"{self.source}:{self.line} -> {self.target} "
            f"({self.source_part.unit} -> {self.target_part.unit})"
        )


def arrows(source: Path = SOURCE) -> list[Arrow]:
    found: dict[tuple[str, str, int], Arrow] = {}
    for path in sorted((source / "cnvh").rglob("*.py")):
        module = module_name(path, source)
        if ".migrations." in f".{module}.":
            continue
        here = part_of(module)
        assert here is not None
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for name, line in imported(tree, module, path.name == "__init__.py"):
            if name.split(".")[0] != "cnvh":
                continue
            target = _existing(name, source)
            there = part_of(target)
            if there is None or there.unit == here.unit:
                continue
            # One arrow per line and unit, named by its most precise module.
            key = (module, there.unit, line)
            if key not in found or len(target) > len(found[key].target):
                found[key] = Arrow(module, target, line, here, there)
    return list(found.values())


def _existing(target: str, source: Path) -> str:
    """The longest prefix of `target` that is a module (an alias may name a function)."""
    names = target.split(".")
    while names:
        path = source.joinpath(*names)
        if path.with_suffix(".py").exists() or (path / "__init__.py").exists():
            return ".".join(names)
        names.pop()
    return target


def upward(found: list[Arrow]) -> list[Arrow]:
    return [a for a in found if a.target_part.floor > a.source_part.floor]


def between_faces(found: list[Arrow]) -> list[Arrow]:
    return [a for a in found if a.source_part.is_face and a.target_part.is_face]


def cycles(found: list[Arrow]) -> list[list[str]]:
    """Units on one floor (engine, records) that reach each other."""
    graph: dict[str, set[str]] = defaultdict(set)
    for arrow in found:
        same_floor = arrow.source_part.floor == arrow.target_part.floor
        if same_floor and FLOOR_NAMES[arrow.source_part.floor] in ("engine", "records"):
            graph[arrow.source_part.unit].add(arrow.target_part.unit)

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            unit = todo.pop()
            for following in graph[unit]:
                if following == goal:
                    return True
                if following not in seen:
                    seen.add(following)
                    todo.append(following)
        return False

    edges = [(a, b) for a, targets in graph.items() for b in targets]
    pairs = {tuple(sorted((a, b))) for a, b in edges if reaches(b, a)}
    return [list(pair) for pair in sorted(pairs)]


def broken(source: Path = SOURCE) -> list[str]:
    found = arrows(source)
    lines = [f"up: {arrow}" for arrow in upward(found)]
    lines += [f"between faces: {arrow}" for arrow in between_faces(found)]
    lines += [f"cycle: {a} <-> {b}" for a, b in cycles(found)]
    return lines


def test_imports_run_only_down() -> None:
    assert [str(arrow) for arrow in upward(arrows())] == []


def test_faces_never_import_each_other() -> None:
    assert [str(arrow) for arrow in between_faces(arrows())] == []


def test_no_cycles_on_a_floor() -> None:
    assert cycles(arrows()) == []


def test_the_engine_imports_no_web_library() -> None:
    offending = []
    for package in ENGINE:
        for path in sorted((SOURCE / "cnvh" / package).rglob("*.py")):
            module = module_name(path, SOURCE)
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for target, line in imported(tree, module, path.name == "__init__.py"):
                if target.split(".")[0] in WEB_LIBRARIES:
                    offending.append(f"{module}:{line} -> {target}")
    assert offending == []


def test_the_engine_runs_without_django() -> None:
    """What the engine's commands load, in a fresh interpreter: no Django module."""
    program = (
        "import json, sys\n"
        "import cnvh.stats.command, cnvh.stats.scenario_command, cnvh.geo.command\n"
        "import cnvh.demo.command\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        f"if m.split('.')[0] in {WEB_LIBRARIES!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == []


def test_the_checker_sees_a_wrong_arrow(tmp_path: Path) -> None:
    """The rules above fail on the arrows they are meant to refuse."""
    package = tmp_path / "cnvh"
    files = {
        "__init__.py": "",
        "stats/__init__.py": "",
        "stats/core.py": "from cnvh.plan import models\n",
        "plan/__init__.py": "",
        "plan/models.py": "import cnvh.exchange.kinds\n",
        "plan/views.py": "from cnvh.web import page\n",
        "exchange/__init__.py": "",
        "exchange/kinds.py": "def f():\n    from cnvh.plan import models\n",
        "web/__init__.py": "",
        "web/page.py": "from cnvh.exports import files\n",
        "exports/__init__.py": "",
        "exports/files.py": "from cnvh.presentation import tables\n",
        "presentation/__init__.py": "",
        "presentation/tables.py": "from cnvh.plan import models\n",
    }
    for name, text in files.items():
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text(text)
    assert sorted(broken(tmp_path)) == [
        "between faces: cnvh.plan.views:1 -> cnvh.web.page (plan pages -> web)",
        "between faces: cnvh.web.page:1 -> cnvh.exports.files (web -> exports)",
        "cycle: exchange <-> plan",
        "up: cnvh.stats.core:1 -> cnvh.plan.models (stats -> plan)",
    ]


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    problems = broken(source)
    print("\n".join(problems))
    print(f"{len(problems)} arrows break the floors")
