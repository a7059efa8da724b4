"""Matching quality on the labelled Danish evaluation set.

    .venv/bin/python bench/eval_matching.py

Prints nDCG@10 and recall@10 for the full engine, the engine without its
vocabulary, and plain BM25 on stemmed words (the baseline).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.matching.evaluation import VARIANTS, evaluate  # noqa: E402


def main() -> None:
    results = {name: evaluate(name) for name in VARIANTS}
    print(json.dumps(results, indent=2))
    print()
    print("| variant | nDCG@10 | recall@10 |")
    print("|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['ndcg@10']:.3f} | {r['recall@10']:.3f} |")


if __name__ == "__main__":
    main()
