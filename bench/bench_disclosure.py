"""Benchmark small-cell suppression on a workplace-pulse table.

    .venv/bin/python bench/bench_disclosure.py [--units 300] [--rounds 8] [--seed 1]

A municipality of ``--units`` workplace units in 12 departments (unit sizes from
3 to about 80 employees, most small), respondents per unit and round at a 55-90 %
response rate. Two tables: the hierarchy per round (municipality → department →
unit, as the pulse publishes it) and the same with totals over the rounds too.
Prints time, cells, primary and complementary suppressions as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.disclosure import crossed, suppress  # noqa: E402


def make_counts(units: int, rounds: int, seed: int):
    rng = random.Random(seed)
    counts = {}
    for u in range(units):
        department = f"forvaltning-{u % 12:02d}"
        size = max(3, min(80, int(rng.lognormvariate(2.4, 0.8))))
        for r in range(rounds):
            rate = rng.uniform(0.55, 0.9)
            answered = sum(rng.random() < rate for _ in range(size))
            counts[(("Odense", department, f"enhed-{u:03d}"), f"runde-{r + 1}")] = (
                answered
            )
    return counts


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = make_counts(args.units, args.rounds, args.seed)
    print(
        f"{args.units} units in 12 departments × {args.rounds} rounds; "
        f"{sum(counts.values()):,} answers; {os.cpu_count()} cores\n"
    )
    print(
        "| table | cells | primary | complementary | leaf answers hidden | wall s | CPU s | load avg |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, column_totals in (
        ("per round", False),
        ("per round + over rounds", True),
    ):
        table = crossed(counts, column_totals=column_totals)
        started, cpu = time.perf_counter(), time.process_time()
        result = suppress(table)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        hidden_answers = sum(counts[k] for k in counts if result.values[k] is None)
        print(
            f"| {name} | {len(table.cells):,} | {len(result.primary):,} | "
            f"{len(result.secondary):,} | "
            f"{hidden_answers / sum(counts.values()):.1%} | {seconds:.1f} | {cpu:.1f} | "
            f"{os.getloadavg()[0]:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
