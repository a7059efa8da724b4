"""Record pabutools' outcomes on the shared Pabulib files for the engine's tests.

pabutools takes 20-50 s for one MES run on the two big files, too slow for the
test suite, so its outcomes are computed here once and committed as
``faelles/budgeting/tests/data/pabutools_reference.json``. The file also keeps
the outcome of our *naive* add1 loop (one re-run per currency unit, no skips),
the reference against which the skipping add1 is checked.

    .venv/bin/python bench/pabutools_reference.py            # all files
    .venv/bin/python bench/pabutools_reference.py --only Assen
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pabutools.election import (  # noqa: E402
    Additive_Cardinal_Sat,
    AdditiveSatisfaction,
    ApprovalBallot,
    ApprovalProfile,
    CardinalBallot,
    Cardinality_Sat,
    CardinalProfile,
    Cost_Sat,
    parse_pabulib,
)
from pabutools.rules import (  # noqa: E402
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)

from faelles.budgeting.engine.greedy import threshold_from_meta  # noqa: E402
from faelles.budgeting.engine.mes import mes_add1  # noqa: E402
from faelles.budgeting.engine.pabulib import read_pabulib  # noqa: E402

OUT = ROOT / "faelles" / "budgeting" / "tests" / "data" / "pabutools_reference.json"
DATA = ROOT.parent / "shared" / "data" / "pabulib"


def score_cost(instance, profile, ballot, project, precomputed):
    """Points (1 for an approval) times cost: greedy by score, as in Pabulib."""
    points = ballot.get(project, 0) if isinstance(ballot, dict) else project in ballot
    return points * project.cost


class ScoreCostSat(AdditiveSatisfaction):
    def __init__(self, instance, profile, ballot):
        AdditiveSatisfaction.__init__(self, instance, profile, ballot, score_cost)


def load(path: Path):
    """pabutools instance and profile; ordinal ballots become positional points."""
    instance, profile = parse_pabulib(str(path))
    vote_type = instance.meta["vote_type"]
    if vote_type == "ordinal":
        length = int(instance.meta.get("max_length") or max(len(b) for b in profile))
        ballots = [
            CardinalBallot({p: length - i for i, p in enumerate(b)}) for b in profile
        ]
        profile = CardinalProfile(ballots, instance=instance)
    return instance, profile


def approval_of_support(profile):
    if isinstance(profile, ApprovalProfile):
        return profile
    return ApprovalProfile([ApprovalBallot(p for p in b if b[p] > 0) for b in profile])


def run_all(path: Path, slow_ok: bool) -> dict:
    instance, profile = load(path)
    cardinal_sat = (
        Cardinality_Sat
        if isinstance(profile, ApprovalProfile)
        else Additive_Cardinal_Sat
    )
    election = read_pabulib(path)
    out: dict[str, dict] = {}

    def record(rule: str, func, source: str = "pabutools") -> None:
        start = time.perf_counter()
        outcome = func()
        seconds = time.perf_counter() - start
        names = outcome if isinstance(outcome, list) else [p.name for p in outcome]
        out[rule] = {
            "selected": list(names),
            "seconds": round(seconds, 3),
            "source": source,
        }
        print(f"  {rule:18} {seconds:8.2f}s {len(names)} projects", flush=True)

    record(
        "greedy",
        lambda: greedy_utilitarian_welfare(instance, profile, sat_class=ScoreCostSat),
    )
    threshold = threshold_from_meta(election)
    if threshold:
        scores = dict(
            zip(election.project_ids, election.scores().tolist(), strict=True)
        )
        kept = instance.__class__(
            (p for p in instance if scores[p.name] >= threshold),
            budget_limit=instance.budget_limit,
        )
        record(
            "greedy-threshold",
            lambda: greedy_utilitarian_welfare(kept, profile, sat_class=ScoreCostSat),
        )
    record(
        "mes-cost",
        lambda: method_of_equal_shares(instance, profile, sat_class=Cost_Sat),
    )
    record(
        "mes-cardinal",
        lambda: method_of_equal_shares(instance, profile, sat_class=cardinal_sat),
    )
    record(
        "mes-greedy",
        lambda: completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cost_Sat}, {"sat_class": ScoreCostSat}],
        ),
    )
    record(
        "phragmen", lambda: sequential_phragmen(instance, approval_of_support(profile))
    )
    if slow_ok:
        record(
            "pabutools-increment-1",
            lambda: method_of_equal_shares(
                instance, profile, sat_class=Cost_Sat, voter_budget_increment=1
            ),
        )
    record(
        "add1-naive",
        lambda: mes_add1(election, naive=True).selected,
        source="faelles naive add1 loop",
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--only", help="substring of the file names to run")
    args = parser.parse_args()
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    data["pabutools_version"] = version("pabutools")
    data["generated_by"] = "bench/pabutools_reference.py"
    results = data.setdefault("results", {})
    for path in sorted(args.data.glob("*.pb")):
        if args.only and args.only not in path.name:
            continue
        print(path.name, flush=True)
        big = path.stat().st_size > 1_000_000
        results[path.name] = run_all(path, slow_ok=not big)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
