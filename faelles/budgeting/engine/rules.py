"""Rule names as used on the command line and in Pabulib META ``rule``."""

from __future__ import annotations

from collections.abc import Callable

from .election import Election
from .greedy import greedy, threshold_from_meta
from .mes import mes, mes_add1, mes_greedy
from .outcome import Outcome
from .phragmen import phragmen


class UnknownRule(ValueError):
    """The rule name (given or found in META) is not one we can count."""


def _greedy_threshold(election: Election) -> Outcome:
    return greedy(
        election, threshold=threshold_from_meta(election), rule="greedy-threshold"
    )


RULES: dict[str, Callable[[Election], Outcome]] = {
    "greedy": lambda e: greedy(e, rule="greedy"),
    "greedy-no-skip": lambda e: greedy(e, skip=False, rule="greedy-no-skip"),
    "greedy-threshold": _greedy_threshold,
    "mes": lambda e: mes(e, utilities="cost", rule="mes"),
    "mes-cardinal": lambda e: mes(e, utilities="cardinal", rule="mes-cardinal"),
    "mes-add1": lambda e: mes_add1(e, utilities="cost", rule="mes-add1"),
    "mes-greedy": lambda e: mes_greedy(e, utilities="cost", rule="mes-greedy"),
    "phragmen": phragmen,
}

#: Pabulib META ``rule`` values and the rule that reproduces them.
OFFICIAL = {
    "greedy": "greedy",
    "greedy-no-skip": "greedy-no-skip",
    "greedy-threshold": "greedy-threshold",
    # The mutually exclusive projects are not recorded in Pabulib files, so
    # the best we can do from the file alone is plain greedy (see docs).
    "greedy-exclusive": "greedy",
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


def count(election: Election, rule: str) -> Outcome:
    """Run the rule called ``rule`` (``official`` = the one named in META)."""
    if rule == "official":
        chosen = official_rule(election)
        outcome = RULES[chosen](election)
        outcome.explanation["official_rule"] = election.meta.get("rule")
        return outcome
    if rule not in RULES:
        raise UnknownRule(
            f"unknown rule {rule!r}; choose from {', '.join([*RULES, 'official'])}"
        )
    return RULES[rule](election)
