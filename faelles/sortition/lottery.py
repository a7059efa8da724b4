"""Stratified selection by lot, through the Sortition Foundation's library.

The fair algorithm (maximin of Flanigan et al., Nature 2021, as implemented in
``sortition-algorithms``) first computes a probability distribution over every
panel that meets the quotas, chosen so that the least likely applicant is as
likely as possible; then one panel is drawn from that distribution with the
published seed. Both steps are deterministic for the same applicants, quotas,
seats and seed — also across processes, see ``_Indexed`` below.

No Django here: plain data in, plain data out.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import cast

from sortition_algorithms import errors as sa_errors
from sortition_algorithms.committee_generation import (
    find_distribution_maximin,
    standardize_distribution,
)
from sortition_algorithms.core import lottery_rounding
from sortition_algorithms.features import (
    FeatureCollection,
    FeatureValueMinMax,
    set_default_max_flex,
)
from sortition_algorithms.people import People
from sortition_algorithms.utils import override_logging_handlers, set_random_provider

# The library logs every iteration to stdout at import; keep it quiet (warnings
# still reach the root logger through propagation).
override_logging_handlers([logging.NullHandler()], [logging.NullHandler()])
logging.getLogger("sortition_algorithms").setLevel(logging.WARNING)
logging.getLogger("sortition_algorithms_user").setLevel(logging.WARNING)

#: Largest seed accepted: fits a signed 64-bit integer (a database column, JSON).
MAX_SEED = 2**63 - 1

METHOD = (
    f"maximin (sortition-algorithms {version('sortition-algorithms')}, "
    f"HiGHS via highspy {version('highspy')})"
)

#: ``feature -> value -> (min, max)``: how many seats each value must get.
Quotas = dict[str, dict[str, tuple[int, int]]]

# The library seeds the process-wide ``random`` module; one draw at a time.
_LOCK = threading.Lock()


class SortitionError(ValueError):
    """The selection cannot be made as asked; the message says why."""


class InfeasibleQuotas(SortitionError):
    """No panel meets the quotas. ``problems`` names each feature/value at fault."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("infeasible quotas: " + "; ".join(self.problems))


@dataclass(frozen=True)
class Panel:
    """A drawn panel and everything needed to check it."""

    selected: tuple[str, ...]  # applicant ids, sorted
    probabilities: dict[str, float]  # id -> chance of selection (fair distribution)
    quotas: Quotas
    seed: int
    method: str = METHOD

    def as_dict(self) -> dict:
        return {
            "selected": list(self.selected),
            "quotas": {
                f: {v: [lo, hi] for v, (lo, hi) in values.items()}
                for f, values in self.quotas.items()
            },
            "seed": self.seed,
            "method": self.method,
            "probabilities": self.probabilities,
        }


Pool = Mapping[str, Mapping[str, str]]  # applicant id -> {feature: value}


def proportional_quotas(pool: Pool, strata: Iterable[str], seats: int) -> Quotas:
    """Quotas proportional to the pool: each value within one seat of its share.

    A value held by ``c`` of ``n`` applicants gets between ``floor(c*seats/n)`` and
    ``ceil(c*seats/n)`` seats (exactly the share when it is a whole number).
    """
    strata = list(strata)
    if not strata:
        raise SortitionError("choose at least one stratum")
    if len(set(strata)) != len(strata):
        raise SortitionError("a stratum is named twice")
    n = len(pool)
    if n == 0:
        raise SortitionError("the pool is empty")
    quotas: Quotas = {}
    for feature in sorted(strata):
        counts: dict[str, int] = {}
        for person_id, features in pool.items():
            if feature not in features:
                raise SortitionError(f"applicant {person_id!r} has no {feature!r}")
            value = features[feature]
            counts[value] = counts.get(value, 0) + 1
        quotas[feature] = {
            value: (c * seats // n, -(-c * seats // n))
            for value, c in sorted(counts.items())
        }
    return quotas


def check_quotas(pool: Pool, seats: int, quotas: Quotas) -> None:
    """Refuse what can be seen to be impossible without a solver, naming the cause."""
    problems: list[str] = []
    if not quotas:
        raise SortitionError("no quotas given")
    for feature, values in quotas.items():
        if not values:
            problems.append(f"{feature}: no values")
            continue
        folded: dict[str, str] = {}
        for value in values:
            other = folded.setdefault(value.casefold(), value)
            if other != value:
                problems.append(
                    f"{feature}: values {other!r} and {value!r} differ only in case"
                )
        counts = dict.fromkeys(values, 0)
        for person_id, features in pool.items():
            if feature not in features:
                raise SortitionError(f"applicant {person_id!r} has no {feature!r}")
            value = features[feature]
            if value not in values:
                raise SortitionError(
                    f"applicant {person_id!r} has {feature}={value!r}, which has no quota"
                )
            counts[value] += 1
        lows = highs = 0
        for value, (lo, hi) in values.items():
            where = f"{feature}/{value}"
            if lo < 0 or hi < lo:
                problems.append(f"{where}: min {lo} and max {hi} are not a range")
                continue
            if lo > counts[value]:
                problems.append(
                    f"{where}: min {lo} but only {counts[value]} applicant(s) have it"
                )
            lows += lo
            highs += min(hi, counts[value])
        if lows > seats:
            problems.append(
                f"{feature}: the minimums add up to {lows}, more than the {seats} seats"
            )
        if highs < seats:
            problems.append(
                f"{feature}: at most {highs} of the {seats} seats can be filled "
                "(maximums, or applicants, too few)"
            )
    if problems:
        raise InfeasibleQuotas(problems)


def _relaxations(old: Quotas, relaxed: Mapping) -> list[str]:
    """What the library's suggested relaxation changes, per feature/value."""
    out = []
    for feature, values in old.items():
        for value, (lo, hi) in values.items():
            new = relaxed[feature][value]
            if new.min != lo:
                out.append(
                    f"{feature}/{value}: min {lo} cannot be met together with the other quotas (lower it to {new.min})"
                )
            if new.max != hi:
                out.append(
                    f"{feature}/{value}: max {hi} cannot be met together with the other quotas (raise it to {new.max})"
                )
    return out or ["the quotas cannot all be met together"]


def draw(pool: Pool, seats: int, quotas: Quotas, seed: int) -> Panel:
    """Draw a panel of ``seats`` applicants meeting ``quotas``, reproducibly from ``seed``.

    Raises ``InfeasibleQuotas`` (naming each feature/value at fault) when no panel
    meets the quotas and ``SortitionError`` for other impossible requests.
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or not 1 <= seed <= MAX_SEED:
        # The library treats seed 0 as "no seed" and draws from ``secrets``.
        raise SortitionError(f"the seed must be a whole number from 1 to {MAX_SEED}")
    if seats < 1:
        raise SortitionError("at least one seat")
    if seats > len(pool):
        raise SortitionError(f"{seats} seats but only {len(pool)} applicants")
    quotas = {
        f: {v: (int(lo), int(hi)) for v, (lo, hi) in sorted(quotas[f].items())}
        for f in sorted(quotas)
    }
    check_quotas(pool, seats, quotas)

    # Index applicants by position in id order. The library keeps applicants in
    # sets; string hashes differ between processes (PYTHONHASHSEED) and so would
    # the order of those sets, the solver's tie-breaking and the panel. Integer
    # hashes do not, so the same input gives the same panel in any process —
    # and the applicants' order in the input does not matter.
    ids = sorted(pool)
    features: FeatureCollection = {
        f: {v: FeatureValueMinMax(min=lo, max=hi) for v, (lo, hi) in values.items()}
        for f, values in quotas.items()
    }
    set_default_max_flex(features)
    people = People([])
    for index, person_id in enumerate(ids):
        data = {f: pool[person_id][f] for f in features}
        people.add(index, data, features, index + 2)  # type: ignore[arg-type]

    with _LOCK:
        state = random.getstate()
        set_random_provider(seed)
        try:
            committees, probs, _ = find_distribution_maximin(
                features, people, seats, []
            )
            committees, probs = standardize_distribution(committees, probs)
            order = sorted(range(len(committees)), key=lambda i: sorted(committees[i]))
            committees = [committees[i] for i in order]
            probs = [probs[i] for i in order]
            (panel,) = lottery_rounding(committees, probs, 1)
        except sa_errors.InfeasibleQuotasError as exc:
            raise InfeasibleQuotas(_relaxations(quotas, exc.features)) from None
        except sa_errors.InfeasibleQuotasCantRelaxError:
            raise InfeasibleQuotas(["the quotas cannot all be met together"]) from None
        except sa_errors.SortitionBaseError as exc:
            raise SortitionError(str(exc)) from None
        finally:
            set_random_provider(None)
            random.setstate(state)

    # The library annotates person keys as str; ours are the positions (int).
    drawn = cast(list[frozenset[int]], committees)
    chosen = cast(frozenset[int], panel)
    marginal = [0.0] * len(ids)
    for committee, p in zip(drawn, probs, strict=True):
        for index in committee:
            marginal[index] += p
    return Panel(
        selected=tuple(sorted(ids[i] for i in chosen)),
        probabilities={
            person_id: round(min(1.0, marginal[i]), 6)
            for i, person_id in enumerate(ids)
        },
        quotas=quotas,
        seed=seed,
    )


def meets_quotas(pool: Pool, selected: Iterable[str], quotas: Quotas) -> bool:
    """True when the panel's counts lie within every quota (for tests and audits)."""
    selected = list(selected)
    for feature, values in quotas.items():
        for value, (lo, hi) in values.items():
            n = sum(1 for person_id in selected if pool[person_id][feature] == value)
            if not lo <= n <= hi:
                return False
    return True


__all__ = [
    "MAX_SEED",
    "METHOD",
    "InfeasibleQuotas",
    "Panel",
    "Pool",
    "Quotas",
    "SortitionError",
    "check_quotas",
    "draw",
    "meets_quotas",
    "proportional_quotas",
]
