"""The maintained Danish vocabulary: synonym groups and compound-word splits.

The data lives in ``data/vocabulary.tsv`` so that people who know the domain, not
only programmers, can extend it; the format is described at the top of that file
and in ``docs/matching.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from faelles.matching import taxonomy

DEFAULT_PATH = Path(__file__).with_name("data") / "vocabulary.tsv"


@dataclass(frozen=True, slots=True)
class Concept:
    """A group of words that mean the same thing for matching purposes."""

    id: str
    head: str
    variants: tuple[str, ...]
    categories: tuple[str, ...]
    label_en: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    concepts: dict[str, Concept]
    splits: dict[str, tuple[str, ...]]
    """Compound word (lower case) → its parts, e.g. lektiehjælp → (lektie, hjælp)."""
    related: dict[str, dict[str, float]] = field(default_factory=dict)
    """Concept id → related concept ids → strength in (0, 1], both directions:
    what a need says in its words (ensomhed) and what helps with it (besøgsven)."""


class VocabularyError(ValueError):
    pass


def concept_id(head: str) -> str:
    return re.sub(r"[^a-z0-9æøå]+", "_", head.lower()).strip("_")


def parse(text: str, source: str = "vocabulary") -> Vocabulary:
    """Parse the TSV format; errors name the line so an editor can fix it."""
    concepts: dict[str, Concept] = {}
    splits: dict[str, tuple[str, ...]] = {}
    relations: list[tuple[str, str, str, str]] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        cols += [""] * (5 - len(cols))
        kind, head, variants, cats, english = cols[:5]
        where = f"{source}:{lineno}"
        if kind == "syn":
            _add_concept(concepts, head, variants, cats, english, where)
        elif kind == "split":
            parts = tuple(p for p in variants.lower().split() if p)
            if not head or len(parts) < 2:
                raise VocabularyError(f"{where}: a split needs a word and 2+ parts")
            splits[head.lower()] = parts
        elif kind == "rel":
            relations.append((head, variants, cats, where))
        else:
            raise VocabularyError(
                f"{where}: first column must be 'syn', 'split' or 'rel', not "
                f"{kind!r} (are the columns separated by TAB characters?)"
            )
    related: dict[str, dict[str, float]] = {}
    for head, others, strength, where in relations:
        _add_relation(concepts, related, head, others, strength, where)
    return Vocabulary(concepts=concepts, splits=splits, related=related)


def _add_relation(
    concepts: dict[str, Concept],
    related: dict[str, dict[str, float]],
    head: str,
    others: str,
    strength: str,
    where: str,
) -> None:
    try:
        value = float(strength or 1.0)
    except ValueError:
        raise VocabularyError(f"{where}: strength must be a number") from None
    if not 0 < value <= 1:
        raise VocabularyError(f"{where}: strength must be in (0, 1]")
    ids = [concept_id(head), *(concept_id(o) for o in others.split("|") if o.strip())]
    for cid, name in zip(ids, [head, *others.split("|")], strict=False):
        if cid not in concepts:
            raise VocabularyError(f"{where}: {name.strip()!r} is not a 'syn' head")
    if len(ids) < 2:
        raise VocabularyError(f"{where}: a relation needs a head and related heads")
    for other in ids[1:]:
        for a, b in ((ids[0], other), (other, ids[0])):
            if a != b:
                related.setdefault(a, {})[b] = max(related.get(a, {}).get(b, 0), value)


def _add_concept(
    concepts: dict[str, Concept],
    head: str,
    variants: str,
    cats: str,
    english: str,
    where: str,
) -> None:
    if not head:
        raise VocabularyError(f"{where}: a synonym group needs a head word")
    for slug in cats.split():
        if slug not in taxonomy.CATEGORIES:
            raise VocabularyError(f"{where}: unknown category {slug!r}")
    words = [head, *(v.strip() for v in variants.split("|"))]
    cid = concept_id(head)
    old = concepts.get(cid)
    if old is not None:  # the same head twice: merge, so edits never clash
        words = [*old.variants, *words]
        cats = " ".join([*old.categories, *cats.split()])
        english = english or old.label_en
    concepts[cid] = Concept(
        id=cid,
        head=head,
        variants=tuple(dict.fromkeys(w.lower() for w in words if w)),
        categories=tuple(dict.fromkeys(cats.split())),
        label_en=english or head,
    )


@cache
def load(path: Path = DEFAULT_PATH) -> Vocabulary:
    return parse(path.read_text(encoding="utf-8"), source=path.name)
