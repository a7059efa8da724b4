"""Span-level precision and recall on the labelled set of municipal texts.

The set lives in ``tests/data/languagecheck/`` (``dev.txt`` for tuning,
``heldout.txt`` written before tuning, ``stress.txt`` written after it to probe
weak spots); gold spans are marked inline, ``[[…]]`` for
2.0 wording and ``{{…}}`` for 1.0. ``bench/eval_languagecheck.py`` prints the
figures and the regression test guards them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from faelles.languagecheck.engine import Checker, Finding, Result
from faelles.matching.text import WORD

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "languagecheck"
SPLITS = ("dev", "heldout", "stress")
_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    paradigm: str


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    genre: str
    text: str
    gold: tuple[Gold, ...]


def parse_marked(marked: str) -> tuple[str, tuple[Gold, ...]]:
    """Plain text and gold spans from text with ``[[2.0]]``/``{{1.0}}`` marks."""
    parts: list[str] = []
    gold: list[Gold] = []
    pos = length = 0
    for m in _MARK.finditer(marked):
        parts.append(marked[pos : m.start()])
        length += m.start() - pos
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        gold.append(Gold(length, length + len(inner), "2.0" if m.group(1) else "1.0"))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(marked[pos:])
    return "".join(parts), tuple(gold)


def load(split: str, directory: Path = EVAL_DIR) -> list[Case]:
    raw = (directory / f"{split}.txt").read_text(encoding="utf-8")
    cases = []
    for block in raw.split("\n=== ")[0:]:
        block = block.removeprefix("=== ")
        header, _, body = block.partition("\n")
        fields = [f.strip() for f in header.split("|")]
        text, gold = parse_marked(body.strip("\n") + "\n")
        cases.append(Case(id=fields[0], genre=fields[1], text=text, gold=gold))
    return cases


def _matches(
    found: list[tuple[int, int]], gold: list[tuple[int, int]], *, exact: bool
) -> int:
    """One-to-one matches between found and gold spans (greedy, in text order)."""
    used: set[int] = set()
    hits = 0
    for s, e in found:
        for k, (gs, ge) in enumerate(gold):
            if k in used:
                continue
            if (s, e) == (gs, ge) if exact else (s < ge and gs < e):
                used.add(k)
                hits += 1
                break
    return hits


def _prf(hits: int, n_found: int, n_gold: int) -> dict[str, float]:
    p = hits / n_found if n_found else 1.0
    r = hits / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


class SubstringBaseline:
    """The baseline: every word containing a lexicon stem, as a plain string search
    would find it (no stemming rules, names, phrases or context)."""

    STEMS = (
        "kunde", "service", "bruger", "produkt", "ydelse", "myndighed", "bevil",
        "påbud", "pålæg", "bedes", "indkald", "visit", "klient", "forbruger",
    )  # fmt: skip

    def check(self, text: str) -> Result:
        findings = tuple(
            Finding(m.start(), m.end(), m.group(), "2.0", "baseline", "", ())
            for m in WORD.finditer(text)
            if any(stem in m.group().lower() for stem in self.STEMS)
        )
        return Result(findings=findings, words=0)


def run(
    cases: list[Case], checker: Checker | SubstringBaseline | None = None
) -> dict[str, list[Finding]]:
    checker = checker or Checker()
    return {c.id: list(checker.check(c.text).findings) for c in cases}


def evaluate(split: str, checker: Checker | SubstringBaseline | None = None) -> dict:
    """Precision/recall/F1, exact and overlapping spans, plus the errors."""
    cases = load(split)
    results = run(cases, checker)
    totals = {"exact": 0, "overlap": 0, "paradigm": 0}
    n_found = n_gold = 0
    errors: list[str] = []
    for case in cases:
        found = results[case.id]
        spans = [(f.start, f.end) for f in found]
        gold = [(g.start, g.end) for g in case.gold]
        n_found += len(spans)
        n_gold += len(gold)
        totals["exact"] += _matches(spans, gold, exact=True)
        totals["overlap"] += _matches(spans, gold, exact=False)
        # Overlapping and with the right paradigm.
        for para in ("1.0", "2.0"):
            totals["paradigm"] += _matches(
                [(f.start, f.end) for f in found if f.paradigm == para],
                [(g.start, g.end) for g in case.gold if g.paradigm == para],
                exact=False,
            )
        for f in found:
            if not any(f.start < g.end and g.start < f.end for g in case.gold):
                errors.append(f"{case.id} false positive: {f.text!r} ({f.term})")
        for g in case.gold:
            if not any(f.start < g.end and g.start < f.end for f in found):
                errors.append(f"{case.id} missed: {case.text[g.start : g.end]!r}")
    return {
        "texts": len(cases),
        "words": sum(len(c.text.split()) for c in cases),
        "gold": n_gold,
        "found": n_found,
        "exact": _prf(totals["exact"], n_found, n_gold),
        "overlap": _prf(totals["overlap"], n_found, n_gold),
        "overlap_same_paradigm": _prf(totals["paradigm"], n_found, n_gold),
        "errors": errors,
    }
