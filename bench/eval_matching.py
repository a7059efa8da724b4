"""Matching quality on the labelled Danish evaluation set.

    .venv/bin/python bench/eval_matching.py

Prints nDCG@10 and recall@10 on the easy set and on both halves of the hard set
(``dev`` for tuning, ``test`` written first and only reported) for the full engine,
the engine without its vocabulary, and plain BM25 on Danish stems (the baseline).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.matching.evaluation import SETS, VARIANTS, evaluate  # noqa: E402


def main() -> None:
    results = {
        data: {name: evaluate(name, dataset=data) for name in VARIANTS} for data in SETS
    }
    print(json.dumps(results, indent=2))
    print()
    print("| set | variant | needs | offers | nDCG@10 | recall@10 |")
    print("|---|---|---|---|---|---|")
    for data, by_variant in results.items():
        for name, r in by_variant.items():
            print(
                f"| {data} | {name} | {r['cases']} | {r['offers']} "
                f"| {r['ndcg@10']:.3f} | {r['recall@10']:.3f} |"
            )


if __name__ == "__main__":
    main()
