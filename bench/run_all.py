"""Run every benchmark in bench/ (``bench_*.py``), one after the other.

    make bench            # = scripts/with-postgres .venv/bin/python bench/run_all.py
    .venv/bin/python bench/run_all.py --only pages,matching --list

Each benchmark is a standalone script that prints its own Markdown table; this
runner starts each in its own process (so one cannot disturb another's caches or
settings), passes on the environment (DATABASE_URL from scripts/with-postgres),
prints a heading and the wall time per benchmark, and exits non-zero if any failed.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


# Run only when asked for by name (--only load, or `make bench-load`): twenty
# minutes of load against gunicorn, with a PostgreSQL restart in the second half.
ON_REQUEST = {"load"}

# Arguments `make bench` gives a benchmark instead of its defaults. Selection by
# lot from a pool of 2,000 takes longer than a whole run of the rest (one integer
# program per applicant; docs/benchmarks.md): the run measures a pool of 200, and
# the larger pools are run by hand (`bench_sortition.py --pool 2000 --seats 30`).
ARGS = {"sortition": ["--pool", "200", "--seats", "20"]}


def discover(only: set[str]) -> list[Path]:
    scripts = sorted(BENCH.glob("bench_*.py"))
    if only:
        return [s for s in scripts if s.stem.removeprefix("bench_") in only]
    return [s for s in scripts if s.stem.removeprefix("bench_") not in ON_REQUEST]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", default="", help="comma-separated names, e.g. pages,matching"
    )
    parser.add_argument(
        "--list", action="store_true", help="list the benchmarks and exit"
    )
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    scripts = discover(only)
    if args.list:
        print("\n".join(s.stem.removeprefix("bench_") for s in scripts))
        return 0
    if not scripts:
        print(f"no benchmark matches {sorted(only)}", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL"):
        print(
            "DATABASE_URL is not set: page benchmarks will run on SQLite. The "
            "figures in docs/benchmarks.md are for PostgreSQL (make bench).\n",
            file=sys.stderr,
        )
    failed = []
    for script in scripts:
        print(f"\n## {script.stem}\n", flush=True)
        started = time.monotonic()
        extra = ARGS.get(script.stem.removeprefix("bench_"), [])
        if extra:
            print(f"_arguments: {' '.join(extra)}_\n", flush=True)
        result = subprocess.run([sys.executable, str(script), *extra], cwd=BENCH.parent)
        seconds = time.monotonic() - started
        status = "ok" if result.returncode == 0 else f"FAILED ({result.returncode})"
        print(f"\n_{script.name}: {status} in {seconds:.0f} s_", flush=True)
        if result.returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
