"""What the pure engines' command lines share (``faelles match``, ``faelles
opinion-map``, ``faelles sprogtjek``, ``faelles sortition``).

Bad input is an :class:`InputError`, printed on stderr as ``error: …`` with exit
status 2 (argparse's own errors too, through :class:`Parser`); ``--help`` exits 0;
the command's own name passed as the first argument ("faelles match …" given
whole) is tolerated. A pure engine: no Django, nothing of Fælles.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

EXIT_USAGE = 2


class InputError(Exception):
    """Bad input: reported on stderr with exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser that raises :class:`InputError` instead of exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError(f"{self.prog}: {message}")


def arguments(argv: Sequence[str] | None, *names: str) -> list[str]:
    """The arguments, without a leading command name from ``names``."""
    found = list(sys.argv[1:] if argv is None else argv)
    if found[:1] and found[0] in names:
        found = found[1:]
    return found


def run_main(
    argv: Sequence[str] | None,
    *,
    names: Sequence[str],
    parser: Callable[[], argparse.ArgumentParser],
    run: Callable[[argparse.Namespace, TextIO], None],
) -> int:
    """Parse, run with standard output, and turn bad input into exit status 2."""
    try:
        args = parser().parse_args(arguments(argv, *names))
        run(args, sys.stdout)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    return 0
