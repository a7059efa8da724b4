"""Rule names as used on the command line and in Pabulib META ``rule``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .election import Election
from .greedy import greedy, threshold_from_meta
from .mes import mes, mes_add1, mes_greedy
from .outcome import Outcome
from .phragmen import phragmen


class UnknownRule(ValueError):
    """The rule name (given or found in META) is not one we can count."""


class UnknownProject(ValueError):
    """An option names a project the election does not have."""


def _greedy_threshold(election: Election) -> Outcome:
    return greedy(
        election, threshold=threshold_from_meta(election), rule="greedy-threshold"
    )


RULES: dict[str, Callable[[Election], Outcome]] = {
    "greedy": lambda e: greedy(e, rule="greedy"),
    # Without exclusion groups this is plain greedy; see count().
    "greedy-exclusive": lambda e: greedy(e, rule="greedy-exclusive"),
    "greedy-no-skip": lambda e: greedy(e, skip=False, rule="greedy-no-skip"),
    "greedy-threshold": _greedy_threshold,
    "mes": lambda e: mes(e, utilities="cost", rule="mes"),
    "mes-cardinal": lambda e: mes(e, utilities="cardinal", rule="mes-cardinal"),
    "mes-add1": lambda e: mes_add1(e, utilities="cost", rule="mes-add1"),
    "mes-greedy": lambda e: mes_greedy(e, utilities="cost", rule="mes-greedy"),
    "phragmen": phragmen,
}

#: The rules checked against pabutools (``greedy-exclusive`` without exclusion
#: groups is plain greedy, so it is compared as greedy).
PABUTOOLS_RULES = tuple(rule for rule in RULES if rule != "greedy-exclusive")

#: Pabulib META ``rule`` values and the rule that reproduces them.
OFFICIAL = {
    "greedy": "greedy",
    "greedy-no-skip": "greedy-no-skip",
    "greedy-threshold": "greedy-threshold",
    # Greedy where some projects exclude each other (same site, say): once
    # one is funded the others are passed over. Pabulib files do not record
    # which projects exclude each other; give them with --exclusive.
    "greedy-exclusive": "greedy-exclusive",
    "equalshares": "mes",
    "equalshares/add1": "mes-add1",
    # Wieliczka 2023: MES + add1, compared with greedy; the MES outcome was
    # kept, and add1 alone reproduces it. The comparison is not re-run.
    "equalshares/add1-comparison": "mes-add1",
    "equalshares/greedy": "mes-greedy",
    "equalshares/utilitarian": "mes-greedy",
}


def official_rule(election: Election) -> str:
    """Our rule for the file's META ``rule``; raises :class:`UnknownRule`."""
    name = election.meta.get("rule", "").strip().lower()
    if name not in OFFICIAL:
        raise UnknownRule(
            f"META rule {name or '(missing)'!r} is not supported; "
            f"known: {', '.join(sorted(OFFICIAL))}"
        )
    return OFFICIAL[name]


def count(
    election: Election,
    rule: str,
    *,
    exclusive_groups: Iterable[Sequence[str]] = (),
) -> Outcome:
    """Run the rule called ``rule`` (``official`` = the one named in META).

    ``exclusive_groups`` (sets of project ids of which at most one may be
    funded) are used by ``greedy-exclusive`` and refused by every other rule.
    """
    groups = [list(g) for g in exclusive_groups]
    known = set(election.project_ids)
    for group in groups:
        unknown = [pid for pid in group if pid not in known]
        if unknown:
            raise UnknownProject(
                f"--exclusive names unknown project(s): {', '.join(unknown)}"
            )
    chosen = official_rule(election) if rule == "official" else rule
    if chosen not in RULES:
        raise UnknownRule(
            f"unknown rule {rule!r}; choose from {', '.join([*RULES, 'official'])}"
        )
    if groups and chosen != "greedy-exclusive":
        raise UnknownRule(
            f"exclusive projects only apply to greedy-exclusive, not {chosen}"
        )
    if chosen == "greedy-exclusive":
        outcome = greedy(election, exclusive_groups=groups, rule="greedy-exclusive")
    else:
        outcome = RULES[chosen](election)
    if rule == "official":
        outcome.explanation["official_rule"] = election.meta.get("rule")
    return outcome
