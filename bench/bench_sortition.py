"""Benchmark selection by lot: a synthetic pool, three strata, the fair algorithm.

    .venv/bin/python bench/bench_sortition.py [--pool 2000] [--seats 30] [--seed 1]

Applicants are generated deterministically with skewed strata (older applicants,
more women, uneven areas — as open calls tend to be). Two draws: proportional
quotas (``--strata``) and quotas that over-represent the young and balance gender
(so chances differ between applicants). Prints wall time, peak memory, the spread
of the chances and the load average, as a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.sortition import METHOD, draw, meets_quotas, proportional_quotas  # noqa: E402

AGES = {"18-29": 1, "30-44": 2, "45-59": 3, "60-74": 3, "75+": 1}
GENDERS = {"kvinde": 55, "mand": 43, "andet": 2}
AREAS = dict(zip("ABCDEFGH", [20, 15, 12, 12, 10, 10, 8, 5], strict=True))


def make_pool(n: int, seed: int) -> dict[str, dict[str, str]]:
    rng = random.Random(seed)

    def pick(weights: dict[str, int]) -> str:
        return rng.choices(list(weights), weights=list(weights.values()))[0]

    return {
        f"a{i:05d}": {"alder": pick(AGES), "køn": pick(GENDERS), "område": pick(AREAS)}
        for i in range(n)
    }


def skewed_quotas(pool, seats):
    """Young people and men get more than their share of the pool."""
    quotas = proportional_quotas(pool, ["alder", "køn", "område"], seats)
    per_age = seats // len(AGES)
    quotas["alder"] = dict.fromkeys(quotas["alder"], (per_age - 1, per_age + 1))
    quotas["køn"] = {
        "kvinde": (seats // 2 - 1, seats // 2 + 1),
        "mand": (seats // 2 - 1, seats // 2 + 1),
        "andet": (0, 1),
    }
    return quotas


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pool", type=int, default=2000)
    parser.add_argument("--seats", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pool = make_pool(args.pool, args.seed)
    print(
        f"{METHOD}; pool {args.pool}, {args.seats} seats, strata alder (5), køn (3), "
        f"område (8); Python {platform.python_version()}, {os.cpu_count()} cores\n"
    )
    print(
        "| quotas | wall s | CPU s | peak RSS MiB | min chance | max chance | load avg |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, quotas in (
        (
            "proportional",
            proportional_quotas(pool, ["alder", "køn", "område"], args.seats),
        ),
        ("young and men up", skewed_quotas(pool, args.seats)),
    ):
        started, cpu = time.perf_counter(), time.process_time()
        panel = draw(pool, args.seats, quotas, args.seed)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu
        assert len(panel.selected) == args.seats
        assert meets_quotas(pool, panel.selected, quotas)
        chances = panel.probabilities.values()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"| {name} | {seconds:.1f} | {cpu:.1f} | {rss:.0f} | {min(chances):.4f} | "
            f"{max(chances):.4f} | {os.getloadavg()[0]:.1f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
