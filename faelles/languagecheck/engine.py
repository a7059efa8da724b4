"""Find "Kommune 1.0" and "2.0" wording in a Danish text.

Words are matched on their Snowball stems (inflections), on compound parts, and as
phrases with gaps inside one sentence; then context decides: established names and
quoted text are never flagged, and each entry's own rules (the word before or after,
other words in the sentence) can rule an occurrence in or out. Findings never
overlap; a phrase wins over a single word inside it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase, translate

from faelles.languagecheck.lexicon import Entry, Lexicon, Rule, builtin
from faelles.matching.text import WORD, DanishStemmer

_MIN_COMPOUND_PART = 3  # letters left over beside a compound part ("stam"+"kunde")
_SENTENCE_BREAK = re.compile(r"[.!?]|\n")
_END_MARK = re.compile(r"[.!?]")
# Quotation marks used in Danish texts; a quotation never spans lines.
_QUOTE = re.compile(
    r"»[^»«\n]{1,200}«|«[^»«\n]{1,200}»|„[^„“”\n]{1,200}[“”]|"
    r"“[^“”\n]{1,200}”|\"[^\"\n]{1,200}\"|‘[^‘’\n]{1,200}’"
)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    text: str
    paradigm: str
    term: str
    reason: str
    suggestions: tuple[str, ...]

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "paradigm": self.paradigm,
            "term": self.term,
            "reason": self.reason,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class Result:
    findings: tuple[Finding, ...]
    words: int

    def as_dict(self) -> dict:
        return {"findings": [f.as_dict() for f in self.findings], "words": self.words}


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str  # lower case
    sentence: int
    paragraph: int


class _Text:
    """One text's tokens and the word sets context rules look at."""

    def __init__(self, toks: list[_Token]) -> None:
        self.toks = toks
        self.sentence_words: dict[int, list[str]] = {}
        self.paragraph_of: dict[int, int] = {}
        for tok in toks:
            self.sentence_words.setdefault(tok.sentence, []).append(tok.word)
            self.paragraph_of[tok.sentence] = tok.paragraph
        self._all: frozenset[str] | None = None
        self.near_seen: dict[tuple[tuple[str, ...], str, int], bool] = {}

    def near_words(self, i: int, scope: str) -> Iterable[str]:
        """Words a ``near`` rule sees: the token's sentence and the one before it
        in the same paragraph, or (scope "text") every word of the text."""
        if scope == "text":
            if self._all is None:
                self._all = frozenset(t.word for t in self.toks)
            return self._all
        s = self.toks[i].sentence
        words = self.sentence_words[s]
        if s - 1 in self.sentence_words and (
            self.paragraph_of[s - 1] == self.paragraph_of[s]
        ):
            return self.sentence_words[s - 1] + words
        return words


_GLOBS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _globs_match(word: str, globs: tuple[str, ...]) -> bool:
    """Does ``word`` match one of the globs? One compiled pattern per glob list."""
    if not globs:
        return False
    pattern = _GLOBS.get(globs)
    if pattern is None:
        pattern = _GLOBS[globs] = re.compile("|".join(translate(g) for g in globs))
    return pattern.match(word) is not None


class Checker:
    """A lexicon made ready for checking; build once, check many texts.

    Per distinct word the context-free matches are memoised, so a long document
    costs about one dictionary look-up per word.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else builtin()
        self._stem = DanishStemmer()
        self._by_stem: dict[str, list[Entry]] = {}
        for entry in self.lexicon.entries:
            for lemma in entry.words:
                self._by_stem.setdefault(self._stem(lemma), []).append(entry)
        self._word_cache: dict[str, tuple[Entry, ...]] = {}
        self._slot_cache: dict[str, tuple[tuple[Entry, int], ...]] = {}
        self._name_cache: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._phrases = [e for e in self.lexicon.entries if e.phrase]

    # -- context-free matching, memoised per word ---------------------------------

    def _entries_for(self, word: str) -> tuple[Entry, ...]:
        hit = self._word_cache.get(word)
        if hit is not None:
            return hit
        # Whole-word matches (stem or form) first: "serviceniveau" is its own entry
        # before it is a compound of "service"; the first match wins a tie.
        stem = self._stem(word)
        found: list[Entry] = list(self._by_stem.get(stem, ()))
        for entry in self.lexicon.entries:
            if entry.forms and entry not in found and _globs_match(word, entry.forms):
                found.append(entry)
        for entry in self.lexicon.entries:
            if entry.phrase or entry in found:
                continue
            if any(
                word.startswith(p) and len(word) - len(p) >= _MIN_COMPOUND_PART
                for p in entry.prefix
            ) or any(self._is_suffix(word, stem, s) for s in entry.suffix):
                found.append(entry)
        hit = tuple(e for e in found if not _globs_match(word, e.exclude))
        self._word_cache[word] = hit
        return hit

    def _is_suffix(self, word: str, stem: str, part: str) -> bool:
        """``part`` ends the compound ``word``, inflected: "stamkunderne" ← "kunde"."""
        part_stem = self._stem(part)
        return (
            stem.endswith(part_stem)
            and len(stem) - len(part_stem) >= _MIN_COMPOUND_PART
            and part_stem in word
        )

    def _slots_for(self, word: str) -> tuple[tuple[Entry, int], ...]:
        hit = self._slot_cache.get(word)
        if hit is None:
            hit = tuple(
                (entry, i)
                for entry in self._phrases
                for i, slot in enumerate(entry.phrase)
                if _globs_match(word, slot)
            )
            self._slot_cache[word] = hit
        return hit

    def _names_for(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The established names that can start at this word."""
        hit = self._name_cache.get(word)
        if hit is None:
            hit = tuple(n for n in self.lexicon.names if fnmatchcase(word, n[0]))
            self._name_cache[word] = hit
        return hit

    # -- one text -----------------------------------------------------------------

    def tokens(self, text: str) -> list[_Token]:
        """Words with their sentence and paragraph. A sentence ends at ., ! or ?
        and at a line break, except a single line break before a lower-case word:
        that is a wrapped line (as in text taken out of a PDF), not a heading."""
        out: list[_Token] = []
        sentence = paragraph = 0
        prev_end = 0
        for m in WORD.finditer(text):
            if out and _SENTENCE_BREAK.search(text, prev_end, m.start()):
                gap = text[prev_end : m.start()]
                wrapped = (
                    gap.count("\n") == 1
                    and not _END_MARK.search(gap)
                    and m.group()[0].islower()
                )
                if not wrapped:
                    sentence += 1
                    if "\n" in gap:
                        paragraph += 1
            out.append(
                _Token(m.start(), m.end(), m.group().lower(), sentence, paragraph)
            )
            prev_end = m.end()
        return out

    def check(self, text: str, *, lang: str = "da") -> Result:
        toks = self.tokens(text)
        words = sum(1 for t in toks if _LETTER.search(t.word))
        blocked = self._blocked(text, toks)
        candidates: list[tuple[int, int, Entry]] = []
        ctx = _Text(toks)
        for i, tok in enumerate(toks):
            for entry in self._entries_for(tok.word):
                if self._context_ok(entry, ctx, i):
                    candidates.append((tok.start, tok.end, entry))
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is not None and text[tok.end : nxt.start] in ("-", "-\n"):
                # A hyphenated compound ("bruger-inddragelse") is one word, also
                # when the hyphen ends a wrapped line.
                joined = tok.word + nxt.word
                for entry in self._entries_for(joined):
                    if self._context_ok(entry, ctx, i, word=joined):
                        candidates.append((tok.start, nxt.end, entry))
            for entry, slot in self._slots_for(tok.word):
                if slot == 0:
                    span = self._phrase_at(entry, toks, i, reverse=False)
                elif entry.any_order and slot == len(entry.phrase) - 1:
                    span = self._phrase_at(entry, toks, i, reverse=True)
                else:
                    continue
                if span is not None and self._context_ok(entry, ctx, i):
                    candidates.append((*span, entry))
        # Characters already taken (by a name, a quotation or a chosen finding): a
        # bytearray keeps this linear in the text's length, however many findings.
        taken = bytearray(len(text))
        for s, e in blocked:
            taken[s:e] = b"\x01" * (e - s)
        chosen: list[tuple[int, int, Entry]] = []
        # Longest first, then leftmost: a phrase wins over the words inside it.
        for start, end, entry in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if 1 in taken[start:end]:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, entry))
        chosen.sort(key=lambda c: c[0])
        findings = tuple(
            Finding(
                start=s,
                end=e,
                text=text[s:e],
                paradigm=entry.paradigm,
                term=entry.term,
                reason=entry.reason(lang),
                suggestions=entry.suggestions,
            )
            for s, e, entry in chosen
        )
        return Result(findings=findings, words=words)

    def _blocked(self, text: str, toks: list[_Token]) -> list[tuple[int, int]]:
        """Spans never flagged: quotations and established names."""
        spans = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
        for i, tok in enumerate(toks):
            for name in self._names_for(tok.word):
                j = i + len(name) - 1
                if j < len(toks) and all(
                    toks[i + k].sentence == tok.sentence
                    and fnmatchcase(toks[i + k].word, name[k])
                    for k in range(1, len(name))
                ):
                    spans.append((tok.start, toks[j].end))
        return spans

    def _phrase_at(
        self, entry: Entry, toks: list[_Token], i: int, *, reverse: bool
    ) -> tuple[int, int] | None:
        """The phrase starting (or, reversed, ending its slot order) at token i."""
        slots = entry.phrase[::-1] if reverse else entry.phrase
        sentence = toks[i].sentence
        j = i
        for slot in slots[1:]:
            for k in range(j + 1, min(j + 2 + entry.gap, len(toks))):
                if toks[k].sentence != sentence:
                    return None
                if _globs_match(toks[k].word, slot):
                    j = k
                    break
            else:
                return None
        return toks[i].start, toks[j].end

    @staticmethod
    def _rule_holds(rule: Rule, ctx: _Text, i: int, word: str) -> bool:
        toks = ctx.toks
        tok = toks[i]
        if rule.forms and word not in rule.forms:
            return False
        if rule.before:
            prev = toks[i - 1] if i > 0 else None
            if prev is None or prev.sentence != tok.sentence:
                return False
            if not _globs_match(prev.word, rule.before):
                return False
        if rule.after:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt.sentence != tok.sentence:
                return False
            if not _globs_match(nxt.word, rule.after):
                return False
        if not rule.near:
            return True
        # The answer is the same for every word of a sentence (or of the text).
        key = (rule.near, rule.scope, -1 if rule.scope == "text" else tok.sentence)
        hit = ctx.near_seen.get(key)
        if hit is None:
            hit = ctx.near_seen[key] = any(
                _globs_match(w, rule.near) for w in ctx.near_words(i, rule.scope)
            )
        return hit

    def _context_ok(
        self, entry: Entry, ctx: _Text, i: int, word: str | None = None
    ) -> bool:
        """Do the entry's rules allow this occurrence (token i, or the compound
        ``word`` starting there)?"""
        word = word or ctx.toks[i].word
        if any(self._rule_holds(r, ctx, i, word) for r in entry.unless):
            return False
        gates = [r for r in entry.only_if if not r.forms or word in r.forms]
        return not gates or any(self._rule_holds(r, ctx, i, word) for r in gates)


_LOCAL = threading.local()  # one default checker per thread: Snowball keeps state


def check(text: str, *, lang: str = "da", lexicon: Lexicon | None = None) -> Result:
    """Check one text with the built-in lexicon (or the one given)."""
    if lexicon is not None:
        return Checker(lexicon).check(text, lang=lang)
    checker = getattr(_LOCAL, "checker", None)
    if checker is None:
        checker = _LOCAL.checker = Checker()
    return checker.check(text, lang=lang)
