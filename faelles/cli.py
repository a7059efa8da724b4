"""The ``faelles`` command: Django's management commands with friendlier names.

``faelles pb-count …``, ``faelles opinion-map …``, ``faelles sprogtjek …`` and
``faelles sortition …`` run pure engines without loading Django; ``faelles match …``
runs the management command ``match``; everything else is passed through unchanged
(``faelles migrate``, ``faelles runserver``, ``faelles demo``).
"""

import sys

from faelles.settings import choose


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in ("pb-count", "pb_count"):
        # The counting engine needs no Django: skip loading the project (~1.5 s).
        from faelles.budgeting.engine.cli import main as pb_count

        sys.exit(pb_count(argv[2:]))
    if len(argv) > 1 and argv[1] in ("opinion-map", "opinion_map"):
        # The opinion-map engine needs no Django either.
        from faelles.opinionmap.cli import main as opinion_map

        sys.exit(opinion_map(argv[2:]))
    if len(argv) > 1 and argv[1] == "sprogtjek":
        # The language check is a pure engine too: no Django needed.
        from faelles.languagecheck.cli import main as sprogtjek

        sys.exit(sprogtjek(argv[2:]))
    if len(argv) > 1 and argv[1] == "sortition":
        # Selection by lot is a pure engine too (docs/sortition.md).
        from faelles.sortition.cli import main as sortition

        sys.exit(sortition(argv[2:]))
    argv[0] = "faelles"  # help texts say "faelles …", also under ``python -m faelles``
    choose()  # the same default as faelles/wsgi.py (faelles/settings/__init__.py)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
