"""Command-line options whose mistakes are told in Vietnamese and English."""

import argparse
import sys
from typing import NoReturn

from cnvh.stats.problems import InputError, ProblemList

EXIT_BAD_INPUT = 2


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with its error message in both languages and the usual exit code 2."""

    def error(self, message: str) -> NoReturn:
        problems = ProblemList()
        problems.add("bad_option", detail=message, command=self.prog)
        sys.stderr.write(InputError(problems.items).render() + "\n")
        sys.exit(EXIT_BAD_INPUT)
