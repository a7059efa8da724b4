"""Record pabutools' outcomes on the shared Pabulib files for the engine's tests.

For every file in ``../shared/data/pabulib`` and every rule of
``faelles.budgeting.tests.pabutools_adapter.RULES`` this computes the outcome
with the reference library pabutools alone (none of our counting code runs) and
writes it, with the time it took, the pabutools version and the file's SHA-256,
to ``faelles/budgeting/tests/data/pabutools_reference.json``.

The tests compare our engine with pabutools *live* wherever pabutools is quick
and with this file where it is not (one MES run takes 20-50 s on the two big
files; the add1 loop re-runs MES once per increment). Regenerate after
upgrading pabutools or changing the adapter; it takes hours on two cores:

    .venv/bin/python bench/pabutools_reference.py            # all files
    .venv/bin/python bench/pabutools_reference.py --only Assen
    .venv/bin/python bench/pabutools_reference.py --only Warszawa_2026 --add1-endpoints

The committed file has pabutools' full add1 loop for every file (Łódź 2022
and Warszawa 2026 took 37 and 38 minutes). ``--add1-endpoints`` is a quicker
check for the big files: pabutools computes only the step our add1 ended on and
the one above (the tests accept either form of the entry).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faelles.budgeting.tests import pabutools_adapter as adapter  # noqa: E402

OUT = ROOT / "faelles" / "budgeting" / "tests" / "data" / "pabutools_reference.json"
DATA = ROOT.parent / "shared" / "data" / "pabulib"
BIG = 400_000  # bytes: Łódź 2022, Warszawa 2026 and Częstochowa 2020


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add1_endpoints(path: Path, instance, profile) -> dict:
    """add1 on a big file: pabutools at the step our add1 chose and one above.

    pabutools' full add1 loop on Warszawa 2026 means ~190 MES runs of ~20 s.
    Instead, pabutools computes the outcome at the step our engine ended on
    (it must fit and be our outcome) and one unit above (it must not fit). That
    no earlier step went over the budget is not re-checked with pabutools.
    """
    from faelles.budgeting.engine.mes import mes_add1
    from faelles.budgeting.engine.pabulib import read_pabulib

    step = mes_add1(read_pabulib(path)).explanation["completion"]["increments"]
    start = time.perf_counter()
    chosen, fits = adapter.mes_at_step(instance, profile, step)
    _above, above_fits = adapter.mes_at_step(instance, profile, step + 1)
    return {
        "selected": sorted(p.name for p in chosen),
        "seconds": round(time.perf_counter() - start, 2),
        "method": "endpoints",
        "step": step,
        "fits": fits,
        "next_step_fits": above_fits,
    }


def run_file(path: Path, rules: list[str], endpoints: bool = False) -> dict:
    instance, profile = adapter.load(path)
    out: dict[str, dict] = {}
    for rule in rules:
        if rule == "mes-add1" and endpoints:
            out[rule] = add1_endpoints(path, instance, profile)
            print(f"  {rule:18} endpoints at step {out[rule]['step']}", flush=True)
            continue
        start = time.perf_counter()
        names = adapter.outcome(instance, profile, rule)
        seconds = time.perf_counter() - start
        out[rule] = {"selected": sorted(names), "seconds": round(seconds, 2)}
        print(f"  {rule:18} {seconds:8.2f} s  {len(names)} projects", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--only", help="substring of the file names to run")
    parser.add_argument("--rules", help="comma-separated subset of the rules")
    parser.add_argument(
        "--add1-endpoints",
        action="store_true",
        help="on the big files, check add1 at its final step instead of the full loop",
    )
    args = parser.parse_args()
    rules = args.rules.split(",") if args.rules else list(adapter.RULES)
    data = json.loads(OUT.read_text()) if OUT.exists() else {}
    data["pabutools_version"] = version("pabutools")
    data["generated_by"] = "bench/pabutools_reference.py"
    files = data.setdefault("files", {})
    for path in sorted(args.data.glob("*.pb")):
        if args.only and args.only not in path.name:
            continue
        print(path.name, flush=True)
        entry = files.setdefault(path.name, {"rules": {}})
        digest = sha256(path)
        if entry.get("sha256") != digest:
            entry["rules"] = {}
        entry["sha256"] = digest
        endpoints = args.add1_endpoints and path.stat().st_size > BIG
        entry["rules"].update(run_file(path, rules, endpoints))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
