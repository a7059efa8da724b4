"""Tried and not adopted: a general Danish thesaurus as query expansion.

    apt-get install mythes-da        # not a dependency of Fælles
    .venv/bin/python bench/eval_matching_thesaurus.py [first|single|all] [strength]

(``MYTHES_DA=path`` reads the file from elsewhere, e.g. an unpacked package.)

Reads LibreOffice's Danish thesaurus (``mythes-da``, Stavekontrolden's, LGPL/MPL)
from ``/usr/share/mythes/th_da_DK.dat`` and gives the engine each one-word entry's
one-word synonyms as learned associations (``MatchIndex(associations=...)``, the
same path as what collaborations teach it), at ``strength`` (default 0.5).
``first`` uses each entry's first sense only, ``single`` only entries with one
sense, ``all`` every sense. Prints nDCG@10 for the engine with and without it on
the easy set and both halves of the hard set. Results: docs/benchmarks.md.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.matching import evaluation as ev  # noqa: E402
from faelles.matching.index import MatchIndex  # noqa: E402
from faelles.matching.text import default_analyzer  # noqa: E402

THESAURUS = Path(os.environ.get("MYTHES_DA", "/usr/share/mythes/th_da_DK.dat"))


def senses(path: Path) -> dict[str, list[list[str]]]:
    """Entry → its senses, each a list of synonyms (broader and narrower terms,
    marked with a parenthesis, left out)."""
    lines = path.read_text("utf-8").splitlines()[1:]
    out: dict[str, list[list[str]]] = {}
    i = 0
    while i < len(lines):
        head, count = lines[i].rsplit("|", 1)
        n = int(count)
        for line in lines[i + 1 : i + 1 + n]:
            words = [w for w in line.split("|")[1:] if "(" not in w]
            out.setdefault(head.lower(), []).append(words)
        i += 1 + n
    return out


def associations(mode: str, strength: float) -> dict[str, dict[str, float]]:
    analyzer = default_analyzer()

    def term(word: str) -> str | None:
        terms = [t for t in analyzer.analyse(word).terms if t.startswith("w:")]
        return terms[0] if len(terms) == 1 else None

    out: dict[str, dict[str, float]] = {}
    for head, groups in senses(THESAURUS).items():
        h = term(head) if " " not in head else None
        if h is None or (mode == "single" and len(groups) > 1):
            continue
        for words in groups[:1] if mode == "first" else groups:
            for word in words:
                t = term(word) if " " not in word else None
                if t and t != h:
                    out.setdefault(h, {})[t] = strength
    return out


def main() -> None:
    if not THESAURUS.exists():
        sys.exit(f"{THESAURUS} is missing: apt-get install mythes-da")
    mode = sys.argv[1] if len(sys.argv) > 1 else "first"
    strength = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    extra = associations(mode, strength)
    print(f"thesaurus ({mode}, strength {strength}): {len(extra)} words expanded")
    print("| set | engine | engine + thesaurus |")
    print("|---|---|---|")
    for name, (directory, split) in ev.SETS.items():
        offers, cases = ev.load(directory, split)
        row = []
        for assoc in ({}, extra):
            index = MatchIndex.build(offers, associations=assoc)
            total = sum(
                ev.ndcg([m.id for m in index.query(c.need, top=10)], c.relevant, 10)
                for c in cases
            )
            row.append(total / len(cases))
        print(f"| {name} | {row[0]:.3f} | {row[1]:.3f} |")


if __name__ == "__main__":
    main()
