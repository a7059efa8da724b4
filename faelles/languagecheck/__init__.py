"""The language check (sprogtjek): flags "Kommune 1.0" and "2.0" wording in Danish
text, says why, and suggests community wording.

Pure Python, no Django: the ``sprogtjek`` app (the page) and ``faelles sprogtjek``
(the command line) both call it.
See docs/language-check.md.
"""

from faelles.languagecheck.engine import Checker, Finding, Result, check
from faelles.languagecheck.extract import ExtractError, text_from_bytes
from faelles.languagecheck.lexicon import Entry, Lexicon, LexiconError, Rule, builtin

__all__ = [
    "Checker",
    "Entry",
    "ExtractError",
    "Finding",
    "Lexicon",
    "LexiconError",
    "Result",
    "Rule",
    "builtin",
    "check",
    "text_from_bytes",
]
