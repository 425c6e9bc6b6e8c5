"""The `cnvh` command.

The engine's commands (`estimate`, `scenario`, `demo-data`) run without Django so that a
statistician can use them on a laptop with no database. Every other command is
a Django management command (`migrate`, `runserver`, `load-demo`, ...).
"""

import os
import sys
from collections.abc import Callable
from importlib import import_module

ENGINE_COMMANDS: dict[str, tuple[str, str]] = {
    "estimate": ("cnvh.stats.command", "Estimate the cultural industries from your files"),
    "scenario": (
        "cnvh.stats.scenario_command",
        "The growth that reaches a target share of GRDP, and the trend",
    ),
    "demo-data": ("cnvh.demo.command", "Write the synthetic demo data set"),
    "area-crosswalk": ("cnvh.geo.command", "Write the crosswalk from old areas to today's"),
}


def _engine_command(name: str) -> Callable[[list[str]], int]:
    module = import_module(ENGINE_COMMANDS[name][0])
    command: Callable[[list[str]], int] = module.main
    return command


def _print_help() -> None:
    print("usage: cnvh COMMAND [options]\n")
    print("Statistics engine (no database needed):")
    for name, (_, summary) in ENGINE_COMMANDS.items():
        print(f"  {name:<15} {summary}")
    print("\nApplication (Django) commands: cnvh help, cnvh migrate, cnvh runserver, ...")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help"}:
        _print_help()
        return 0
    if args[0] in ENGINE_COMMANDS:
        return _engine_command(args[0])(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cnvh.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cnvh", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
