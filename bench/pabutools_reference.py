"""Record pabutools' outcomes on the shared Pabulib files for the engine's tests.

For every file in ``../shared/data/pabulib`` and every rule of
``faelles.budgeting.tests.pabutools_adapter.RULES`` this computes the outcome
with the reference library pabutools alone (none of our counting code runs) and
writes it, with the time it took, the pabutools version and the file's SHA-256,
to ``faelles/budgeting/tests/data/pabutools_reference.json``.

The tests compare our engine with pabutools *live* wherever pabutools is quick
and with this file where it is not (one MES run takes 20-50 s on the two big
files; the add1 loop re-runs MES once per increment). Regenerate after
upgrading pabutools or changing the adapter; it takes about an hour:

    nice .venv/bin/python bench/pabutools_reference.py            # all files
    nice .venv/bin/python bench/pabutools_reference.py --only Assen
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


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_file(path: Path, rules: list[str]) -> dict:
    instance, profile = adapter.load(path)
    out: dict[str, dict] = {}
    for rule in rules:
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
        entry["rules"].update(run_file(path, rules))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
