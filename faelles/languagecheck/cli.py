"""``faelles sprogtjek FILE [--json] [--lang en] [--lexicon EXTRA.toml ...]``

Checks a .txt, .docx or .pdf file for "Kommune 1.0" and "2.0" wording. With
``--json`` prints ``{"findings": [...], "words": N}``; the offsets index the file's
text (``text == file_text[start:end]``). Exit status 0 when checked (findings or
not), 2 on a bad file or bad arguments, with the reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from faelles.clikit import InputError, run_main
from faelles.clikit import Parser as _Parser
from faelles.languagecheck.engine import Checker
from faelles.languagecheck.extract import ExtractError, text_from_path
from faelles.languagecheck.lexicon import LexiconError, builtin, load_file


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="faelles sprogtjek",
        description=(
            'Flag "Kommune 1.0" and "2.0" wording in a Danish .txt, .docx or .pdf '
            "file, with reasons and suggestions. See docs/language-check.md."
        ),
    )
    p.add_argument("file", type=Path, help="the file to check")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--lang", choices=("da", "en"), default="da", help="language of reasons"
    )
    p.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        metavar="TOML",
        help="extra lexicon entries (a municipality's own); may be repeated",
    )
    return p


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def run(args: argparse.Namespace, out: TextIO) -> None:
    lexicon = builtin()
    for path in args.lexicon:
        try:
            extra = load_file(path)
        except LexiconError as exc:
            raise InputError(str(exc)) from None
        lexicon = lexicon.merged(extra)
    try:
        text = text_from_path(args.file)
    except ExtractError as exc:
        raise InputError(f"{args.file}: {exc}") from None
    result = Checker(lexicon).check(text, lang=args.lang)
    if args.json:
        out.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    for f in result.findings:
        line, col = _line_col(text, f.start)
        out.write(
            f"{args.file}:{line}:{col}: {f.text!r} [{f.paradigm}: {f.term}] "
            f"{f.reason} → {', '.join(f.suggestions)}\n"
        )
    out.write(f"{len(result.findings)} finding(s) in {result.words} words\n")


def main(argv: Sequence[str] | None = None) -> int:
    # pypdf logs every repair it makes to a damaged PDF; the error message is ours.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return run_main(argv, names=("sprogtjek",), parser=_parser, run=run)


if __name__ == "__main__":
    raise SystemExit(main())
