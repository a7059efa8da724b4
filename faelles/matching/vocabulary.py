"""The maintained Danish vocabulary: synonym groups and compound-word splits.

The data lives in ``data/vocabulary.tsv`` so that people who know the domain, not
only programmers, can extend it; the format is described at the top of that file
and in ``docs/matching.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


class VocabularyError(ValueError):
    pass


def concept_id(head: str) -> str:
    return re.sub(r"[^a-z0-9æøå]+", "_", head.lower()).strip("_")


def parse(text: str, source: str = "vocabulary") -> Vocabulary:
    """Parse the TSV format; errors name the line so an editor can fix it."""
    concepts: dict[str, Concept] = {}
    splits: dict[str, tuple[str, ...]] = {}
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
        else:
            raise VocabularyError(
                f"{where}: first column must be 'syn' or 'split', not {kind!r} "
                "(are the columns separated by TAB characters?)"
            )
    return Vocabulary(concepts=concepts, splits=splits)


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
