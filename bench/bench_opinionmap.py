"""Opinion map: fidelity to Polis (beside red-dwarf) and speed at 10,000 × 1,000.

    .venv/bin/python bench/bench_opinionmap.py fidelity   # needs ../shared/data, red-dwarf
    .venv/bin/python bench/bench_opinionmap.py speed      # synthetic, one core
    .venv/bin/python bench/bench_opinionmap.py heldout    # fresh variants, ~5 min

Fidelity: for each shared Polis conversation, compares our map and red-dwarf's (same
latest-vote input, same moderation) with what the Polis server computed: adjusted Rand
index of the groups, |correlation| of the principal components and of the base-cluster
positions, overlap (Jaccard) of representative and consensus statements.
Held-out: the fresh computation and candidate changes to it on variations of each
conversation (random 80 % and 60 % of the participants, the vote log cut at 60 % and
80 % of its votes in time order), against Polis' final groups, beside red-dwarf on
the same input: a change must hold there, not only on the five full conversations.
Speed: a full update and the next-statement choice on synthetic votes with groups.
"""

from __future__ import annotations

import os

# One core, as the issue asks: BLAS must not spread over the machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faelles.opinionmap import StatementChooser, VoteMatrix, engine, update  # noqa: E402
from faelles.opinionmap.compare import (  # noqa: E402
    abs_correlation,
    adjusted_rand_index,
    jaccard,
    match_groups,
)
from faelles.opinionmap.polis_io import (  # noqa: E402
    Conversation,
    read_export,
    read_polis_state,
    read_server_output,
)

DATA = Path(
    os.environ.get(
        "FAELLES_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"
    )
)
if not (DATA / "polis").is_dir():
    DATA = Path("/work/shared/data")
POLIS = DATA / "polis"
OPENDATA = ("brexit-consensus", "canadian-electoral-reform", "15-per-hour-seattle")
SERVER = ("25ptpt-3gp-no-strict-with-meta", "above-100-ptpts")


# --- Polis' own results ---------------------------------------------------------------


def polis_groups_export(folder: Path) -> dict[int, int]:
    with open(folder / "participants-votes.csv", encoding="utf-8") as fh:
        return {
            int(r["participant"]): int(r["group-id"])
            for r in csv.DictReader(fh)
            if r["group-id"].strip()
        }


def polis_server(folder: Path) -> dict:
    math = json.loads((folder / "math-pca2.json").read_text(encoding="utf-8"))
    bc = math["base-clusters"]
    base = dict(zip(bc["id"], bc["members"], strict=True))
    groups = {
        p: g["id"]
        for g in math["group-clusters"]
        for b in g["members"]
        for p in base[b]
    }
    rep = {
        int(g): {(r["tid"], r["repful-for"] == "agree") for r in rs}
        for g, rs in math["repness"].items()
    }
    cons = {c["tid"] for d in ("agree", "disagree") for c in math["consensus"][d]}
    return {
        "groups": groups,
        "repness": rep,
        "consensus": cons,
        "tids": math["tids"],
        "comps": math["pca"]["comps"],
        "base": [
            (base[i], x, y) for i, x, y in zip(bc["id"], bc["x"], bc["y"], strict=True)
        ],
        "in_conv": set(math["in-conv"]),
        "k": len(math["group-clusters"]),
    }


# --- the two methods ------------------------------------------------------------------


def run_ours(conv, *, k=None, state=None) -> dict:
    result = update(
        conv.matrix,
        moderated_out=conv.moderated_out,
        meta=conv.meta,
        group_count=k,
        previous=state,
    )
    proj = dict(zip(result.participants, result.projections, strict=True))
    return {
        "groups": result.participant_groups,
        "repness": {
            g.id: {(r.statement, r.agree) for r in g.representative}
            for g in result.groups
        },
        "consensus": set(result.consensus),
        "comps": {s: result.components[:, j] for j, s in enumerate(result.statements)},
        "proj": proj,
        "in_conv": set(result.in_conv),
    }


def run_reddwarf(conv, *, k=None, keep=()) -> dict | None:
    try:
        from reddwarf.implementations.polis import run_pipeline
    except ImportError:
        return None
    m = conv.matrix
    rows, cols = np.nonzero(~np.isnan(m.values))
    votes = [
        {
            "participant_id": m.participants[i],
            "statement_id": m.statements[j],
            "vote": int(m.values[i, j]),
            "modified": 0,
        }
        for i, j in zip(rows, cols, strict=True)
    ]
    res = run_pipeline(
        votes=votes,
        mod_out_statement_ids=sorted(conv.moderated_out | conv.meta),
        meta_statement_ids=sorted(conv.meta),
        keep_participant_ids=sorted(keep),
        force_group_count=k,
        random_state=42,
    )
    df = res.participants_df
    groups = {int(p): int(g) for p, g in df["cluster_id"].dropna().items()}
    comps = res.reducer.components_
    return {
        "groups": groups,
        "repness": {
            int(g): {(r["tid"], r["repful-for"] == "agree") for r in rs}
            for g, rs in res.repness.items()
        },
        "consensus": {
            c["tid"] for d in ("agree", "disagree") for c in res.consensus[d]
        },
        "comps": {
            s: comps[:, j] for j, s in enumerate(res.filtered_vote_matrix.columns)
        },
        "proj": {int(p): np.asarray(v) for p, v in res.participant_projections.items()},
        "in_conv": {int(p) for p, t in df["to_cluster"].items() if t},
    }


def _rep_overlap(ours: dict, polis: dict) -> float:
    mapping = match_groups(ours["groups"], polis["groups"])
    mine = {(mapping.get(g), t, a) for g, rs in ours["repness"].items() for t, a in rs}
    theirs = {(g, t, a) for g, rs in polis["repness"].items() for t, a in rs}
    return jaccard(mine, theirs)


def _pca_corr(ours: dict, polis: dict) -> tuple[float, float]:
    tids = [t for t in polis["tids"] if t in ours["comps"]]
    idx = [polis["tids"].index(t) for t in tids]
    out = []
    for c in range(2):
        a = [ours["comps"][t][c] for t in tids]
        b = [polis["comps"][c][i] for i in idx]
        out.append(abs_correlation(a, b))
    return out[0], out[1]


def _base_corr(ours: dict, polis: dict) -> float:
    """Our projections averaged over Polis' base clusters, against Polis' positions."""
    ours_xy, polis_xy = [], []
    for members, x, y in polis["base"]:
        pts = [ours["proj"][p] for p in members if p in ours["proj"]]
        if pts:
            ours_xy.append(np.mean(pts, axis=0))
            polis_xy.append((x, y))
    a, b = np.array(ours_xy), np.array(polis_xy)
    return (abs_correlation(a[:, 0], b[:, 0]) + abs_correlation(a[:, 1], b[:, 1])) / 2


def _row(name: str, method: str, got: dict, ref: dict, forced: dict | None) -> dict:
    row = {
        "conversation": name,
        "method": method,
        "ari": adjusted_rand_index(got["groups"], ref["groups"]),
        "ari_k": None
        if forced is None
        else adjusted_rand_index(forced["groups"], ref["groups"]),
        "groups": len(set(got["groups"].values())),
        "polis_groups": len(set(ref["groups"].values())),
        "placed": len(got["groups"]),
        "polis_placed": len(ref["groups"]),
        "common": len(set(got["groups"]) & set(ref["groups"])),
    }
    if "comps" in ref:
        row["pc1"], row["pc2"] = _pca_corr(got, ref)
        row["base_xy"] = _base_corr(got, ref)
        row["repness"] = _rep_overlap(got, ref)
        row["consensus"] = jaccard(got["consensus"], ref["consensus"])
    return row


def fidelity() -> list[dict]:
    """Fresh computations on the final votes, and (server fixtures) one update from
    Polis' own last state, beside red-dwarf given what its interface accepts."""
    rows = []
    cases = [
        (name, read_export(POLIS / "opendata" / name), None) for name in OPENDATA
    ] + [
        (name, read_server_output(POLIS / "server-output" / name), name)
        for name in SERVER
    ]
    for name, conv, server in cases:
        if server is None:
            ref = {"groups": polis_groups_export(POLIS / "opendata" / name)}
        else:
            ref = polis_server(POLIS / "server-output" / name)
        k = len(set(ref["groups"].values()))
        rows.append(_row(name, "faelles", run_ours(conv), ref, run_ours(conv, k=k)))
        rd = run_reddwarf(conv)
        if rd is not None:
            rows.append(_row(name, "red-dwarf", rd, ref, run_reddwarf(conv, k=k)))
        if server is not None:
            state = read_polis_state(POLIS / "server-output" / name / "math-pca2.json")
            rows.append(
                _row(
                    name,
                    "faelles from Polis' state",
                    run_ours(conv, state=state),
                    ref,
                    None,
                )
            )
            rd = run_reddwarf(conv, keep=ref["in_conv"])
            if rd is not None:
                rows.append(
                    _row(
                        name,
                        "red-dwarf, Polis' in-conv kept",
                        rd,
                        ref,
                        run_reddwarf(conv, k=k, keep=ref["in_conv"]),
                    )
                )
    return rows


def print_fidelity(rows: list[dict]) -> None:
    print(
        "| conversation | method | ARI | groups (Polis) | placed (Polis, both) "
        "| ARI, Polis' k | PC1 r | PC2 r | base x/y r | repr. overlap "
        "| consensus overlap |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")

    def f(x):
        return "–" if x is None else f"{x:.3f}"

    for r in rows:
        print(
            f"| {r['conversation']} | {r['method']} | {r['ari']:.3f} "
            f"| {r['groups']} ({r['polis_groups']}) "
            f"| {r['placed']} ({r['polis_placed']}, {r['common']}) "
            f"| {f(r.get('ari_k'))} | {f(r.get('pc1'))} | {f(r.get('pc2'))} | {f(r.get('base_xy'))} "
            f"| {f(r.get('repness'))} | {f(r.get('consensus'))} |"
        )


# --- held-out variations of the fresh computation --------------------------------------


def _subset(conv, keep: set) -> Conversation:
    votes = tuple(v for v in conv.votes if v[0] in keep)
    return Conversation(
        VoteMatrix.from_votes(votes), conv.moderated_out, conv.meta, votes
    )


def _cut(conv, frac: float) -> Conversation:
    votes = tuple(sorted(conv.votes, key=lambda v: v[3])[: int(frac * len(conv.votes))])
    return Conversation(
        VoteMatrix.from_votes(votes), conv.moderated_out, conv.meta, votes
    )


def _variations(conv) -> list[tuple[str, Conversation]]:
    out = [("full", conv)]
    people = list(conv.matrix.participants)
    for share, seeds in ((0.8, range(100, 108)), (0.6, range(500, 506))):
        for seed in seeds:
            rng = np.random.default_rng(seed)
            keep = rng.choice(people, int(share * len(people)), replace=False)
            out.append(
                (
                    f"{share:.0%} of participants, seed {seed}",
                    _subset(conv, set(keep.tolist())),
                )
            )
    out += [(f"log cut at {f:.0%}", _cut(conv, f)) for f in (0.6, 0.8)]
    return out


def _fresh(
    conv, *, restarts: int = engine.GROUP_RESTARTS, by_participant: bool = True
) -> dict:
    """A fresh update with the number of extra starts changed, or with k scored by
    the silhouette of the base clusters (as before, and as Polis' warm updates)."""
    saved = engine.GROUP_RESTARTS, engine.FRESH_SILHOUETTE_BY_PARTICIPANT
    engine.GROUP_RESTARTS = restarts
    engine.FRESH_SILHOUETTE_BY_PARTICIPANT = by_participant
    try:
        return run_ours(conv)["groups"]
    finally:
        engine.GROUP_RESTARTS, engine.FRESH_SILHOUETTE_BY_PARTICIPANT = saved


def _replay(conv, updates: int = 100) -> dict:
    """Polis' sequence of updates, approximated: the vote log in time order, cut into
    ``updates`` equal batches, each update continuing from the last one's state."""
    votes = sorted(conv.votes, key=lambda v: v[3])
    state = None
    for end in np.unique(np.linspace(0, len(votes), updates + 1).astype(int))[1:]:
        result = update(
            VoteMatrix.from_votes(votes[:end]),
            moderated_out=conv.moderated_out,
            meta=conv.meta,
            previous=state,
        )
        state = result.state
    return result.participant_groups


HELDOUT_METHODS = {
    "faelles": _fresh,
    "base-cluster silhouette (before)": lambda c: _fresh(c, by_participant=False),
    "cold start only": lambda c: _fresh(c, restarts=0),
    "replay, 100 updates": _replay,
    "red-dwarf": lambda c: (run_reddwarf(c) or {"groups": {}})["groups"],
}


def heldout() -> None:
    cases = [
        (
            name,
            read_export(POLIS / "opendata" / name),
            polis_groups_export(POLIS / "opendata" / name),
        )
        for name in OPENDATA
    ] + [
        (
            name,
            read_server_output(POLIS / "server-output" / name),
            polis_server(POLIS / "server-output" / name)["groups"],
        )
        for name in SERVER
    ]
    scores: dict = {}
    for name, conv, ref in cases:
        for vname, variant in _variations(conv):
            row = {
                m: adjusted_rand_index(f(variant), ref)
                for m, f in HELDOUT_METHODS.items()
            }
            scores.setdefault(name, []).append((vname, row))
            print(
                f"{name} | {vname} | "
                + " | ".join(f"{m} {v:.3f}" for m, v in row.items()),
                flush=True,
            )
    print()
    print("| conversation (variations) | " + " | ".join(HELDOUT_METHODS) + " |")
    print("|---|" + "---|" * len(HELDOUT_METHODS))

    def line(label: str, rows: list) -> None:
        cells = []
        for m in HELDOUT_METHODS:
            mean = statistics.mean(r[m] for _, r in rows)
            level = sum(r[m] >= r["red-dwarf"] - 1e-9 for _, r in rows)
            cells.append(f"{mean:.3f} ({level})")
        print(f"| {label} ({len(rows)}) | " + " | ".join(cells) + " |")

    for name, rows in scores.items():
        line(name, rows)
    everything = [r for rows in scores.values() for r in rows]
    line("all", everything)
    line("all but the full conversations", [r for r in everything if r[0] != "full"])


# --- speed ----------------------------------------------------------------------------


def synthetic(n: int, m: int, density: float, seed: int = 1) -> VoteMatrix:
    """Votes from four opinion camps, each participant voting on a random 30 %."""
    rng = np.random.default_rng(seed)
    camps = rng.choice([-1.0, 0.0, 1.0], size=(4, m), p=[0.35, 0.2, 0.45])
    camp = rng.integers(0, 4, n)
    leaning = camps[camp]
    noise = rng.random((n, m)) < 0.25
    values = np.where(noise, rng.choice([-1.0, 0.0, 1.0], size=(n, m)), leaning)
    values[rng.random((n, m)) >= density] = np.nan
    return VoteMatrix(tuple(range(n)), tuple(range(m)), values)


def speed(n: int, m: int, density: float, repeat: int) -> None:
    t0 = time.perf_counter()
    matrix = synthetic(n, m, density)
    t_gen = time.perf_counter() - t0
    rows, cols = np.nonzero(~np.isnan(matrix.values))
    t0, c0 = time.perf_counter(), time.process_time()
    VoteMatrix.from_arrays(rows, cols, matrix.values[rows, cols], np.arange(len(rows)))
    t_build, c_build = time.perf_counter() - t0, time.process_time() - c0
    first = update(matrix, moderated_out={0, 1})
    times_fresh, times_warm, cpu_fresh, cpu_warm = [], [], [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        update(matrix, moderated_out={0, 1})
        times_fresh.append(time.perf_counter() - t0)
        cpu_fresh.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        update(matrix, moderated_out={0, 1}, previous=first.state)
        times_warm.append(time.perf_counter() - t0)
        cpu_warm.append(time.process_time() - c0)
    t0 = time.perf_counter()
    chooser = StatementChooser(first.priorities, matrix.statements)
    t_chooser = time.perf_counter() - t0
    rng = random.Random(3)
    voted = [
        set(np.flatnonzero(~np.isnan(matrix.values[i])).tolist()) for i in range(200)
    ]
    picks = []
    for v in voted:
        t0 = time.perf_counter()
        chooser.choose(v, rng)
        picks.append(time.perf_counter() - t0)
    picks.sort()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, numpy {np.__version__}, BLAS threads 1"
    )
    print(
        f"data: {n} participants × {m} statements, {int((~np.isnan(matrix.values)).sum())} "
        f"votes ({density:.0%}), {len(first.groups)} groups, 2 statements moderated out"
    )
    print(
        f"synthetic data {t_gen:.2f} s; vote matrix from {len(rows)} columnar votes "
        f"{t_build:.2f} s (CPU {c_build:.2f} s)"
    )
    print(
        f"full update, fresh: median {statistics.median(times_fresh):.3f} s, "
        f"max {max(times_fresh):.3f} s; CPU median {statistics.median(cpu_fresh):.3f} s "
        f"({repeat} runs)"
    )
    print(
        f"full update, warm (previous state): median {statistics.median(times_warm):.3f} s, "
        f"max {max(times_warm):.3f} s; CPU median {statistics.median(cpu_warm):.3f} s"
    )
    print(
        f"next statement: chooser built in {t_chooser * 1000:.2f} ms; choice p50 "
        f"{picks[len(picks) // 2] * 1000:.3f} ms, p95 {picks[int(len(picks) * 0.95)] * 1000:.3f} ms, "
        f"max {picks[-1] * 1000:.3f} ms (200 participants with ~300 votes)"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "what",
        choices=("fidelity", "heldout", "speed", "all"),
        nargs="?",
        default="all",
    )
    p.add_argument("--participants", type=int, default=10_000)
    p.add_argument("--statements", type=int, default=1_000)
    p.add_argument("--density", type=float, default=0.3)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    if args.what in ("fidelity", "all"):
        print_fidelity(fidelity())
    if args.what == "heldout":
        heldout()
    if args.what in ("speed", "all"):
        speed(args.participants, args.statements, args.density, args.repeat)


if __name__ == "__main__":
    main()
