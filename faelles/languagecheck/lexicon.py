"""The lexicon: which words and phrases the language check flags, and why.

Entries are plain data (TOML files in ``lexicon/``, or dicts a municipality passes
in); this module validates them once and turns them into frozen dataclasses. The
format is documented in docs/language-check.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"
PARADIGMS = ("1.0", "2.0")
_ENTRY_KEYS = {
    "term",
    "paradigm",
    "reason_da",
    "reason_en",
    "suggestions",
    "words",
    "forms",
    "prefix",
    "suffix",
    "phrase",
    "gap",
    "any_order",
    "exclude",
    "unless",
    "only_if",
}
_RULE_KEYS = {"forms", "before", "after", "near", "scope", "note"}


class LexiconError(ValueError):
    """A lexicon entry is malformed; the message names the entry and the field."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A context test on one occurrence. Every given part must hold.

    ``forms``: the occurrence's word (lower case) is one of these (empty: any);
    ``before``/``after``: the neighbouring word in the same sentence matches one
    of these globs; ``near``: some word of the same sentence (or the one before it
    in the paragraph; with ``scope = "text"``, anywhere) matches one of these.
    """

    forms: frozenset[str] = frozenset()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    scope: str = "sentence"  # where ``near`` looks: "sentence" or "text"
    note: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    paradigm: str
    reason_da: str
    reason_en: str
    suggestions: tuple[str, ...]
    words: tuple[str, ...] = ()  # lemmas: any word with the same Snowball stem
    forms: tuple[str, ...] = ()  # exact forms or globs ("påbud*")
    prefix: tuple[str, ...] = ()  # first part of a compound: "kunde" + "service"
    suffix: tuple[str, ...] = ()  # last part of a compound: "stam" + "kunde"
    phrase: tuple[tuple[str, ...], ...] = ()  # slots of globs, in order
    gap: int = 0  # words allowed between two slots of a phrase
    any_order: bool = False  # a two-slot phrase may also come in reverse
    exclude: tuple[str, ...] = ()  # globs: words that are never this term
    unless: tuple[Rule, ...] = ()  # not a finding when one of these holds
    only_if: tuple[Rule, ...] = ()  # a finding only when one of these holds

    def reason(self, lang: str = "da") -> str:
        return self.reason_en if lang == "en" else self.reason_da


@dataclass(frozen=True, slots=True)
class Lexicon:
    entries: tuple[Entry, ...]
    # Established names ("Borgerservice", "Public Service", "serviceloven"): words or
    # word sequences (globs) inside which nothing is flagged.
    names: tuple[tuple[str, ...], ...] = ()

    def extended(self, data: Mapping | Iterable[Mapping]) -> Lexicon:
        """This lexicon plus a municipality's own entries and names.

        ``data`` is one parsed lexicon file (``{"entry": [...], "names": [...]}``)
        or a list of entries. An entry whose ``term`` exists replaces it.
        """
        return self.merged(parse(data, source="extra"))

    def merged(self, extra: Lexicon) -> Lexicon:
        """This lexicon with ``extra``'s entries added (same term: replaced)."""
        replaced = {e.term for e in extra.entries}
        entries = tuple(e for e in self.entries if e.term not in replaced)
        return Lexicon(
            entries=entries + extra.entries,
            names=tuple(dict.fromkeys(self.names + extra.names)),
        )


# A glob matches one word as the engine splits text: letters and digits, never a
# hyphen or a space (so "it-*" could never match and is refused).
_GLOB = re.compile(r"[^\W_]*(?:[*?][^\W_]*)*")


def _strings(value: object, where: str, *, lower: bool = True) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise LexiconError(f"{where}: expected a list of non-empty strings")
    return tuple(v.strip().lower() if lower else v.strip() for v in value)


def _globs(value: object, where: str) -> tuple[str, ...]:
    """Word globs; each must be able to match a single word."""
    out = _strings(value, where)
    for glob in out:
        if not _GLOB.fullmatch(glob):
            raise LexiconError(
                f"{where}: {glob!r} is not one word (letters, digits, * and ?); "
                "give a phrase as separate slots or words"
            )
    return out


def _rules(value: object, where: str) -> tuple[Rule, ...]:
    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of tables")
    out = []
    for i, raw in enumerate(value):
        at = f"{where}[{i}]"
        if not isinstance(raw, Mapping):
            raise LexiconError(f"{at}: expected a table")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise LexiconError(f"{at}: unknown key(s) {', '.join(sorted(unknown))}")
        rule = Rule(
            forms=frozenset(_globs(raw.get("forms", []), f"{at}.forms")),
            before=_globs(raw.get("before", []), f"{at}.before"),
            after=_globs(raw.get("after", []), f"{at}.after"),
            near=_globs(raw.get("near", []), f"{at}.near"),
            scope=raw.get("scope", "sentence"),
            note=str(raw.get("note", "")),
        )
        if rule.scope not in ("sentence", "text"):
            raise LexiconError(f"{at}.scope: must be sentence or text")
        if not (rule.before or rule.after or rule.near):
            raise LexiconError(f"{at}: needs before, after or near")
        out.append(rule)
    return tuple(out)


def _entry(raw: Mapping, where: str) -> Entry:
    if not isinstance(raw, Mapping):
        raise LexiconError(f"{where}: expected a table")
    term = raw.get("term")
    if not isinstance(term, str) or not term.strip():
        raise LexiconError(f"{where}: missing term")
    at = f"{where} ({term})"
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise LexiconError(f"{at}: unknown key(s) {', '.join(sorted(unknown))}")
    paradigm = str(raw.get("paradigm", ""))
    if paradigm not in PARADIGMS:
        raise LexiconError(f"{at}: paradigm must be one of {', '.join(PARADIGMS)}")
    reasons = {}
    for key in ("reason_da", "reason_en"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{at}: missing {key}")
        reasons[key] = " ".join(value.split())
    phrase_raw = raw.get("phrase", [])
    if not isinstance(phrase_raw, list):
        raise LexiconError(f"{at}.phrase: expected a list of slots")
    phrase = tuple(
        _globs(slot, f"{at}.phrase[{i}]") for i, slot in enumerate(phrase_raw)
    )
    if len(phrase) == 1:
        raise LexiconError(f"{at}.phrase: a phrase needs two slots or more")
    gap = raw.get("gap", 0)
    if not isinstance(gap, int) or isinstance(gap, bool) or not 0 <= gap <= 10:
        raise LexiconError(f"{at}.gap: expected a whole number from 0 to 10")
    entry = Entry(
        term=term.strip(),
        paradigm=paradigm,
        suggestions=_strings(
            raw.get("suggestions", []), f"{at}.suggestions", lower=False
        ),
        words=_globs(raw.get("words", []), f"{at}.words"),
        forms=_globs(raw.get("forms", []), f"{at}.forms"),
        prefix=_globs(raw.get("prefix", []), f"{at}.prefix"),
        suffix=_globs(raw.get("suffix", []), f"{at}.suffix"),
        phrase=phrase,
        gap=gap,
        any_order=bool(raw.get("any_order", False)),
        exclude=_globs(raw.get("exclude", []), f"{at}.exclude"),
        unless=_rules(raw.get("unless", []), f"{at}.unless"),
        only_if=_rules(raw.get("only_if", []), f"{at}.only_if"),
        **reasons,
    )
    single = entry.words or entry.forms or entry.prefix or entry.suffix
    if bool(single) == bool(entry.phrase):
        raise LexiconError(
            f"{at}: give either a phrase or words/forms/prefix/suffix, not both"
        )
    if entry.any_order and len(entry.phrase) != 2:
        raise LexiconError(f"{at}.any_order: only for a phrase of two slots")
    if not entry.suggestions:
        raise LexiconError(f"{at}: give at least one suggestion")
    return entry


def parse(data: Mapping | Iterable[Mapping], *, source: str) -> Lexicon:
    """Validate plain data (one parsed lexicon file, or a list of entries)."""
    if isinstance(data, Mapping):
        unknown = set(data) - {"entry", "names", "about"}
        if unknown:
            raise LexiconError(f"{source}: unknown key(s) {', '.join(sorted(unknown))}")
        raw_entries = data.get("entry", [])
        raw_names = data.get("names", [])
    else:
        raw_entries, raw_names = data, []
    if not isinstance(raw_entries, list | tuple):
        raise LexiconError(f"{source}: entry must be a list of tables")
    entries = tuple(
        _entry(raw, f"{source}: entry {i + 1}") for i, raw in enumerate(raw_entries)
    )
    terms = [e.term for e in entries]
    dupes = sorted({t for t in terms if terms.count(t) > 1})
    if dupes:
        raise LexiconError(f"{source}: term(s) given twice: {', '.join(dupes)}")
    names = (
        tuple(
            tuple(_globs(name.split(), f"{source}: names"))
            for name in _strings(raw_names or [], f"{source}: names")
        )
        if raw_names
        else ()
    )
    return Lexicon(entries=entries, names=names)


def load_file(path: Path) -> Lexicon:
    """Read one TOML lexicon file; a bad file is a LexiconError naming it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from None
    return parse(data, source=path.name)


_BUILTIN: Lexicon | None = None


def builtin() -> Lexicon:
    """The lexicon shipped in ``lexicon/*.toml``, read once per process."""
    global _BUILTIN
    if _BUILTIN is None:
        entries: tuple[Entry, ...] = ()
        names: tuple[tuple[str, ...], ...] = ()
        for path in sorted(LEXICON_DIR.glob("*.toml")):
            part = load_file(path)
            entries += part.entries
            names += part.names
        terms = [e.term for e in entries]
        dupes = sorted({t for t in terms if terms.count(t) > 1})
        if dupes:
            raise LexiconError(f"built-in lexicon: term(s) twice: {', '.join(dupes)}")
        _BUILTIN = Lexicon(entries=entries, names=tuple(dict.fromkeys(names)))
    return _BUILTIN
