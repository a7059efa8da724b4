"""Offline quality evaluation: nDCG@k and recall@k on a labelled set of needs.

The labelled set lives in ``tests/data/matching_eval/`` (see docs/matching.md);
``bench/eval_matching.py`` prints the figures and the regression test guards them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faelles.matching.index import MatchIndex
from faelles.matching.records import Record
from faelles.matching.weights import DEFAULT_WEIGHTS, Weights

EVAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "matching_eval"
HARD_DIR = EVAL_DIR.with_name("matching_eval_hard")
"""Needs whose best offers share few words with them; split into ``dev`` (tune on
it) and ``test`` (written before any tuning, only ever reported)."""
SETS = {
    "easy": (EVAL_DIR, None),
    "hard_dev": (HARD_DIR, "dev"),
    "hard_test": (HARD_DIR, "test"),
    # Both halves together, the "hard set"; dev was tuned on, so the
    # test half alone is the figure that says how well the engine generalises.
    "hard": (HARD_DIR, None),
}


@dataclass(frozen=True, slots=True)
class Case:
    need: Record
    relevant: dict[str, int]
    """Offer id → grade: 2 = a good match, 1 = a reasonable one."""


def load(
    directory: Path = EVAL_DIR, split: str | None = None
) -> tuple[list[Record], list[Case]]:
    offers = [
        Record.from_dict(json.loads(line))
        for line in (directory / "offers.jsonl").read_text("utf-8").splitlines()
        if line.strip()
    ]
    cases = []
    for line in (directory / "cases.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            if split is not None and row.get("split") != split:
                continue
            cases.append(Case(Record.from_dict(row["need"]), row["relevant"]))
    return offers, cases


def ndcg(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    gains = [(2 ** relevant.get(i, 0) - 1) for i in ranked[:k]]
    dcg = sum(g / math.log2(r + 2) for r, g in enumerate(gains))
    ideal = sorted((2**g - 1 for g in relevant.values()), reverse=True)[:k]
    idcg = sum(g / math.log2(r + 2) for r, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[str], relevant: dict[str, int], k: int) -> float:
    hits = sum(1 for i in ranked[:k] if relevant.get(i, 0) > 0)
    return hits / len(relevant) if relevant else 0.0


VARIANTS: dict[str, dict[str, Any]] = {
    "engine": {},
    "engine_without_vocabulary": {"use_vocabulary": False},
    "plain_bm25": {
        "use_vocabulary": False,
        "weights": Weights(category=0.0, min_relevance=0.0),
    },
}
"""The full engine, the engine with the vocabulary switched off, and plain BM25 on
stemmed words (no vocabulary, no categories) as the baseline."""


def evaluate(
    variant: str = "engine",
    k: int = 10,
    weights: Weights | None = None,
    dataset: str = "easy",
) -> dict[str, float]:
    directory, split = SETS[dataset]
    offers, cases = load(directory, split)
    options = dict(VARIANTS[variant])
    if weights is not None:
        options["weights"] = weights
    options.setdefault("weights", DEFAULT_WEIGHTS)
    index = MatchIndex.build(offers, **options)
    n_sum = r_sum = 0.0
    for case in cases:
        ranked = [m.id for m in index.query(case.need, top=k)]
        n_sum += ndcg(ranked, case.relevant, k)
        r_sum += recall(ranked, case.relevant, k)
    return {
        "cases": len(cases),
        "offers": len(offers),
        f"ndcg@{k}": n_sum / len(cases),
        f"recall@{k}": r_sum / len(cases),
    }
