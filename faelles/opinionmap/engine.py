"""One update of the opinion map, following Polis' published method step by step.

``update(matrix, moderated_out=…, meta=…, previous=state)`` returns an
:class:`OpinionMap` (everything a page needs) whose ``state`` is handed to the next
update, so participants once in the map stay in it and groups stay stable. No Django:
plain data in, plain data out. docs/opinion-map.md explains each step and cites the
Polis source it follows.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np

from faelles.opinionmap.clusters import Cluster, kmeans, silhouette
from faelles.opinionmap.matrix import VoteMatrix

MIN_VOTES = 7  # votes needed to be placed in the map (or every statement, if fewer)
GREEDY_IN = 15  # below this many, the most active participants are placed anyway
BASE_K = 100
BASE_ITERS = 100
GROUP_ITERS = 20  # polismath passes :cluster-iters, which kmeans ignores: default 20
MAX_GROUPS = 5
GROUP_RESTARTS = 9  # extra seeded starts for a fresh grouping (not in Polis; see docs)
# A fresh grouping scores k by the silhouette of the participants (base clusters
# weighted by size), not of the base clusters as Polis does (not in Polis; see docs).
FRESH_SILHOUETTE_BY_PARTICIPANT = True
K_BUFFER = 4  # a new number of groups must win this many updates in a row
PCA_ITERS = 100
Z90 = 1.2816  # one-sided 90 % critical value used throughout polismath
PICK = 5
META_PRIORITY = 7


@dataclass(frozen=True)
class Stat:
    """A statement's standing in a group (or everyone): the numbers behind repness."""

    statement: Hashable
    agree: bool  # which way it is representative / consensual
    n_success: int
    n_trials: int
    p_success: float
    p_test: float
    repness: float = 0.0
    repness_test: float = 0.0
    best_agree: bool = False


@dataclass(frozen=True)
class Group:
    id: int
    members: tuple  # participant ids
    base_clusters: tuple[int, ...]
    center: tuple[float, float]
    representative: tuple[Stat, ...]


@dataclass(frozen=True)
class MapState:
    """What the next update needs from this one (plain data, JSON-friendly)."""

    in_conv: frozenset = frozenset()
    statements: tuple = ()
    components: tuple = ()  # per component: one weight per statement above
    base_clusters: tuple[Cluster, ...] = ()
    group_clusterings: dict[int, tuple[Cluster, ...]] = field(default_factory=dict)
    last_k: int | None = None
    last_k_count: int = 0
    smoothed_k: int | None = None


@dataclass(frozen=True)
class OpinionMap:
    participants: tuple  # every participant with a vote, sorted
    projections: np.ndarray  # (participants, 2)
    in_conv: tuple  # participants placed in the map, sorted
    statements: tuple  # statements with a vote, sorted (columns of the PCA)
    center: np.ndarray
    components: np.ndarray  # (2, statements)
    statement_projections: np.ndarray  # (statements, 2): one agree vote, scaled
    base_clusters: tuple[Cluster, ...]
    groups: tuple[Group, ...]
    silhouettes: dict[int, float]
    consensus_agree: tuple[Stat, ...]
    consensus_disagree: tuple[Stat, ...]
    group_aware_consensus: dict
    priorities: dict
    state: MapState

    @property
    def participant_groups(self) -> dict:
        return {p: g.id for g in self.groups for p in g.members}

    @property
    def consensus(self) -> tuple:
        return tuple(
            s.statement for s in self.consensus_agree + self.consensus_disagree
        )


# --- PCA ---------------------------------------------------------------------------


def _power_iteration(gram: np.ndarray, start: np.ndarray, iters: int) -> np.ndarray:
    """First eigenvector of X'X by power iteration from ``start`` (polismath pca.clj).

    Multiplying by the Gram matrix X'X is the same as Polis' pass over every row of X,
    computed once instead of 100 times.
    """
    vec = start
    last = 0.0
    for _ in range(iters + 1):
        prod = gram @ vec
        eig = float(np.linalg.norm(prod))
        if eig == 0.0:
            return np.zeros_like(vec)
        vec = prod / eig
        if eig == last:
            break
        last = eig
    return vec


def pca(
    centred: np.ndarray, starts: list[np.ndarray | None], iters: int = PCA_ITERS
) -> np.ndarray:
    """Two principal components of a centred, mean-imputed matrix."""
    m: int = centred.shape[1]
    gram = (centred.T @ centred).astype(float)
    comps = []
    rng = np.random.default_rng(0)  # Polis starts from a random vector; ours is fixed
    for n in range(min(2, m, centred.shape[0])):
        start = starts[n] if n < len(starts) else None
        if start is None or not np.any(start):
            start = np.ones(m) if n == 0 else rng.random(m)
        pc = _power_iteration(gram, start, iters)
        comps.append(pc)
        if np.dot(pc, pc) > 0:  # factor the component out: deflate X'X
            proj = np.eye(m) - np.outer(pc, pc)
            gram = proj @ gram @ proj
    while len(comps) < 2:
        comps.append(np.zeros(m))
    return np.array(comps)


# --- statistics (polismath stats.clj / repness.clj) -------------------------------


def prop_test(succ: np.ndarray, n: np.ndarray) -> np.ndarray:
    succ, n = succ + 1.0, n + 1.0
    return 2.0 * np.sqrt(n) * (succ / n - 0.5)


def two_prop_test(
    succ_in: np.ndarray, succ_out: np.ndarray, n_in: np.ndarray, n_out: np.ndarray
) -> np.ndarray:
    s1, s2, n1, n2 = succ_in + 1.0, succ_out + 1.0, n_in + 1.0, n_out + 1.0
    pi1, pi2 = s1 / n1, s2 / n2
    hat = (s1 + s2) / (n1 + n2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (pi1 - pi2) / np.sqrt(hat * (1 - hat) * (1 / n1 + 1 / n2))
    return np.where(hat == 1, 0.0, z)


@dataclass
class _GroupStats:
    na: np.ndarray
    nd: np.ndarray
    ns: np.ndarray
    pa: np.ndarray
    pd: np.ndarray
    pat: np.ndarray
    pdt: np.ndarray
    ra: np.ndarray
    rd: np.ndarray
    rat: np.ndarray
    rdt: np.ndarray


def _counts(
    values: np.ndarray, voted: np.ndarray, labels: np.ndarray, k: int
) -> tuple[np.ndarray, ...]:
    """Agree, disagree and seen counts per group (rows labelled 0..k-1; -1: none)."""
    agree = np.zeros((k, values.shape[1]), dtype=np.int64)
    disagree, seen = agree.copy(), agree.copy()
    for g in range(k):
        rows = np.flatnonzero(labels == g)
        sub = values[rows]
        agree[g] = (sub > 0).sum(axis=0)
        disagree[g] = (sub < 0).sum(axis=0)
        seen[g] = voted[rows].sum(axis=0)
    return agree, disagree, seen


def _group_stats(na: np.ndarray, nd: np.ndarray, ns: np.ndarray) -> list[_GroupStats]:
    out = []
    for g in range(len(na)):
        rest_a, rest_d = na.sum(0) - na[g], nd.sum(0) - nd[g]
        rest_s = ns.sum(0) - ns[g]
        pa = (na[g] + 1) / (ns[g] + 2)
        pd = (nd[g] + 1) / (ns[g] + 2)
        out.append(
            _GroupStats(
                na=na[g],
                nd=nd[g],
                ns=ns[g],
                pa=pa,
                pd=pd,
                pat=prop_test(na[g], ns[g]),
                pdt=prop_test(nd[g], ns[g]),
                ra=pa / ((rest_a + 1) / (rest_s + 2)),
                rd=pd / ((rest_d + 1) / (rest_s + 2)),
                rat=two_prop_test(na[g], rest_a, ns[g], rest_s),
                rdt=two_prop_test(nd[g], rest_d, ns[g], rest_s),
            )
        )
    return out


def _finalize(sid: Hashable, s: _GroupStats, j: int, best_agree: bool = False) -> Stat:
    agree = bool(s.rat[j] > s.rdt[j])
    if agree:
        n, p, pt, r, rt = s.na[j], s.pa[j], s.pat[j], s.ra[j], s.rat[j]
    else:
        n, p, pt, r, rt = s.nd[j], s.pd[j], s.pdt[j], s.rd[j], s.rdt[j]
    return Stat(
        statement=sid,
        agree=agree,
        n_success=int(n),
        n_trials=int(s.ns[j]),
        p_success=float(p),
        p_test=float(pt),
        repness=float(r),
        repness_test=float(rt),
        best_agree=best_agree,
    )


def _metric(st: Stat) -> float:
    return st.repness * st.repness_test * st.p_success * st.p_test


def select_representative(
    s: _GroupStats, statements: tuple, skip: set
) -> tuple[Stat, ...]:
    """Polis' choice of a group's representative statements (``select-rep-comments``).

    Significant both in the group (one-proportion test) and against the rest (two-
    proportion test) at 90 %; sorted by repness × its test × probability × its test;
    the best agreed statement goes first so each group has something it agrees on; at
    most five, agreements before disagreements. Without any significant statement the
    best by test is shown alone.
    """
    sufficient: list[Stat] = []
    best: Stat | None = None
    best_agree_j: int | None = None
    for j, sid in enumerate(statements):
        if sid in skip:
            continue
        passes = (s.rat[j] > Z90 and s.pat[j] > Z90) or (
            s.rdt[j] > Z90 and s.pdt[j] > Z90
        )
        if passes:
            sufficient.append(_finalize(sid, s, j))
        if not sufficient and (
            best is None or max(s.rat[j], s.rdt[j]) > best.repness_test
        ):
            best = _finalize(sid, s, j)
        if _beats_best_agree(s, j, best_agree_j):
            best_agree_j = j
    head: list[Stat] = []
    if best_agree_j is not None:
        head = [_finalize(statements[best_agree_j], s, best_agree_j, best_agree=True)]
    elif best is not None:
        head = [best]
    if not sufficient:
        return tuple(head)
    ba = head[0].statement if best_agree_j is not None else None
    rest = sorted(
        (st for st in sufficient if st.statement != ba), key=lambda st: -_metric(st)
    )
    chosen = ([head[0]] if best_agree_j is not None else []) + rest
    chosen = chosen[:PICK]
    return tuple([c for c in chosen if c.agree] + [c for c in chosen if not c.agree])


def _beats_best_agree(s: _GroupStats, j: int, best: int | None) -> bool:
    if s.na[j] == 0 and s.nd[j] == 0:
        return False
    if best is not None and s.ra[best] > 1.0:
        return (
            s.ra[j] * s.rat[j] * s.pa[j] * s.pat[j]
            > s.ra[best] * s.rat[best] * s.pa[best] * s.pat[best]
        )
    if best is not None:
        return s.pa[j] * s.pat[j] > s.pa[best] * s.pat[best]
    return bool(s.pat[j] > Z90 or (s.ra[j] > 1.0 and s.pa[j] > 0.5))


def select_consensus(
    na: np.ndarray, nd: np.ndarray, ns: np.ndarray, statements: tuple, skip: set
) -> tuple[tuple[Stat, ...], tuple[Stat, ...]]:
    """Statements most people agree (or disagree) with, everyone counted."""
    out = []
    for n_succ in (na, nd):
        p = (n_succ + 1) / (ns + 2)
        t = prop_test(n_succ, ns)
        cand = [
            j
            for j, sid in enumerate(statements)
            if sid not in skip and p[j] > 0.5 and t[j] > Z90
        ]
        cand.sort(key=lambda j: -(p[j] * t[j]))
        out.append(
            tuple(
                Stat(
                    statement=statements[j],
                    agree=n_succ is na,
                    n_success=int(n_succ[j]),
                    n_trials=int(ns[j]),
                    p_success=float(p[j]),
                    p_test=float(t[j]),
                )
                for j in cand[:PICK]
            )
        )
    return out[0], out[1]


def priority(
    agree: np.ndarray,
    passes: np.ndarray,
    seen: np.ndarray,
    extremity: np.ndarray,
    is_meta: np.ndarray,
) -> np.ndarray:
    """Polis' comment priority: engaging, agreed-with, polarising and new first."""
    p = (passes + 1) / (seen + 2)
    a = (agree + 1) / (seen + 2)
    importance = (1 - p) * (extremity + 1) * a
    value = importance * (1 + 8 * np.power(2.0, -seen / 5))
    return np.where(is_meta, float(META_PRIORITY), value) ** 2


# --- the update -----------------------------------------------------------------------


def _in_conv(
    participants: tuple, counts: np.ndarray, n_cmts: int, previous: frozenset
) -> set:
    known = set(participants)
    inside = {p for p in previous if p in known}
    need = min(MIN_VOTES, n_cmts)
    inside |= {p for p, c in zip(participants, counts, strict=True) if c >= need}
    if len(inside) < GREEDY_IN:
        rest = [(-c, i) for i, c in enumerate(counts) if participants[i] not in inside]
        rest.sort()
        for _, i in rest[: GREEDY_IN - len(inside)]:
            inside.add(participants[i])
    return inside


def update(
    matrix: VoteMatrix,
    *,
    moderated_out: Iterable[Hashable] = (),
    meta: Iterable[Hashable] = (),
    previous: MapState | None = None,
    group_count: int | None = None,
) -> OpinionMap:
    """Recompute the map from the latest votes; ``previous`` keeps it stable.

    ``group_count`` fixes the number of groups instead of choosing it by silhouette
    (for comparisons, or a moderator's choice); it is capped as Polis caps k.
    """
    prev = previous or MapState()
    raw = matrix.values
    sids = matrix.statements
    pids = matrix.participants
    meta_set = set(meta)
    # Polis moderates meta statements out of the maths too.
    mod_out = set(moderated_out) | meta_set
    mod_cols = np.array([s in mod_out for s in sids], dtype=bool)
    n, m = raw.shape

    # Moderated-out statements count as 0 ("pass") for everyone, as in Polis: they
    # carry no information, and the scaling below sees Polis' number of statements.
    voted = ~np.isnan(raw)
    raw_counts = voted.sum(axis=1)
    n_mod = int(mod_cols.sum())
    n_votes = raw_counts - voted[:, mod_cols].sum(axis=1) + n_mod

    inside = _in_conv(pids, raw_counts, m, prev.in_conv)
    in_rows = np.array([p in inside for p in pids], dtype=bool)

    # PCA on the mean-imputed matrix: centred values, 0 where no vote. float32 halves
    # the memory traffic; the components need nothing like 7 digits.
    seen = voted.sum(axis=0)
    agree_all = (raw > 0).sum(axis=0)
    disagree_all = (raw < 0).sum(axis=0)
    center = np.where(seen > 0, (agree_all - disagree_all) / np.maximum(seen, 1), 0.0)
    center[mod_cols] = 0.0
    centred = np.where(voted, raw - center, 0.0).astype(np.float32)
    centred[:, mod_cols] = 0.0
    old = {s: j for j, s in enumerate(prev.statements)}
    starts: list[np.ndarray | None] = []
    for comp in prev.components:
        starts.append(np.array([comp[old[s]] if s in old else 1.0 for s in sids]))
    comps = pca(centred, starts) if n and m else np.zeros((2, m))

    # Sparse voters would crowd the middle: push them out by sqrt(statements / votes).
    scale = np.sqrt(m / np.maximum(n_votes, 1))
    proj = (centred @ comps.T.astype(np.float32)).astype(float) * scale[:, None]
    del centred
    stmt_proj = ((1.0 - center)[:, None] * comps.T) * np.sqrt(m)
    extremity = np.sqrt((stmt_proj**2).sum(axis=1))

    # Base clusters: k-means (k = 100) over the participants in the map.
    in_idx = np.flatnonzero(in_rows)
    in_names = [pids[i] for i in in_idx]
    base = kmeans(
        proj[in_idx],
        in_names,
        BASE_K,
        last=list(prev.base_clusters),
        max_iters=BASE_ITERS,
    )

    # Groups: k-means on base-cluster centres weighted by size, k by silhouette.
    groups_raw: list[Cluster] = []
    clusterings: dict[int, tuple[Cluster, ...]] = {}
    sils: dict[int, float] = {}
    last_k, last_k_count, smoothed = prev.last_k, prev.last_k_count, prev.smoothed_k
    if len(base) >= 2:
        bpts = np.array([c.center for c in base])
        bids = [c.id for c in base]
        bw = np.array([len(c.members) for c in base], dtype=float)
        dist = np.sqrt(((bpts[:, None, :] - bpts[None, :, :]) ** 2).sum(axis=2))
        max_k = min(MAX_GROUPS, 2 + len(base) // 12)
        # No previous grouping: one snapshot decides k, so each participant counts
        # once. With a previous state the silhouette is Polis' (per base cluster).
        sil_w = (
            bw
            if FRESH_SILHOUETTE_BY_PARTICIPANT and not prev.group_clusterings
            else None
        )
        for k in range(2, max_k + 1):
            cl = kmeans(
                bpts,
                bids,
                k,
                weights=bw,
                last=list(prev.group_clusterings.get(k, ())),
                max_iters=GROUP_ITERS,
                restarts=GROUP_RESTARTS,
            )
            clusterings[k] = tuple(cl)
            pos = {b: i for i, c in enumerate(cl) for b in c.members}
            sils[k] = silhouette(dist, np.array([pos[b] for b in bids]), sil_w)
        best = max(sils.values())
        this_k = max(k for k, v in sils.items() if v == best)  # ties: larger k
        if group_count is not None:
            this_k = min(max(group_count, 2), max_k)
        last_k_count = last_k_count + 1 if this_k == last_k else 1
        last_k = this_k
        if (
            last_k_count >= K_BUFFER
            or smoothed is None
            or smoothed not in clusterings
            or group_count is not None
        ):
            smoothed = this_k
        groups_raw = list(clusterings[smoothed])

    base_members = {c.id: c.members for c in base}
    row_of = {p: i for i, p in enumerate(pids)}
    labels = np.full(n, -1)
    for gi, g in enumerate(groups_raw):
        for b in g.members:
            for p in base_members[b]:
                labels[row_of[p]] = gi
    grouped = labels >= 0
    k = len(groups_raw)

    groups: list[Group] = []
    gac: dict = {}
    if k:
        # group-votes (from all votes) and repness (moderated-out columns as passes)
        ga, gd, gs = _counts(raw, voted, labels, k)
        ra, rd, rs = ga.copy(), gd.copy(), gs.copy()
        sizes = np.bincount(labels[grouped], minlength=k)
        ra[:, mod_cols], rd[:, mod_cols] = 0, 0
        rs[:, mod_cols] = sizes[:, None]
        stats = _group_stats(ra, rd, rs)
        for gi, g in enumerate(groups_raw):
            members = tuple(
                sorted(
                    (p for b in g.members for p in base_members[b]),
                    key=lambda p: row_of[p],
                )
            )
            groups.append(
                Group(
                    id=g.id,
                    members=members,
                    base_clusters=tuple(g.members),
                    center=g.center,
                    representative=select_representative(stats[gi], sids, mod_out),
                )
            )
        gac_values = np.prod((ga + 1.0) / (gs + 2.0), axis=0)
        gac = {s: float(v) for s, v in zip(sids, gac_values, strict=True)}
        tot_a, tot_d, tot_s = ga.sum(0), gd.sum(0), gs.sum(0)
    else:
        tot_a, tot_d, tot_s = agree_all, disagree_all, seen
    prio = priority(
        tot_a,
        tot_s - tot_a - tot_d,
        tot_s,
        extremity,
        np.array([s in meta_set for s in sids], dtype=bool),
    )
    priorities = {
        s: float(v)
        for s, v in zip(sids, prio, strict=True)
        if s not in mod_out or s in meta_set
    }
    cons_a, cons_d = select_consensus(agree_all, disagree_all, seen, sids, mod_out)

    state = MapState(
        in_conv=frozenset(inside),
        statements=sids,
        components=tuple(tuple(float(x) for x in c) for c in comps),
        base_clusters=tuple(base),
        group_clusterings=clusterings,
        last_k=last_k,
        last_k_count=last_k_count,
        smoothed_k=smoothed,
    )
    return OpinionMap(
        participants=pids,
        projections=proj,
        in_conv=tuple(p for p in pids if p in inside),
        statements=sids,
        center=center,
        components=comps,
        statement_projections=stmt_proj,
        base_clusters=tuple(base),
        groups=tuple(groups),
        silhouettes=sils,
        consensus_agree=cons_a,
        consensus_disagree=cons_d,
        group_aware_consensus=gac,
        priorities=priorities,
        state=state,
    )
