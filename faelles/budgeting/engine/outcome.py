"""What every counting rule returns: winners in order plus an explanation."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any


@dataclass
class Outcome:
    """Selected project ids in selection order and a JSON-friendly explanation.

    ``explanation`` is a dict whose ``projects`` entry maps every project id to
    what happened to it (``status`` plus the numbers behind it), so that a
    results page can say why a project won or lost.
    """

    rule: str
    selected: list[str]
    total_cost: Fraction
    budget: Fraction
    explanation: dict[str, Any] = field(default_factory=dict)

    def as_json(self, *, with_explanation: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "selected": list(self.selected),
            "total_cost": number(self.total_cost),
            "budget": number(self.budget),
        }
        if with_explanation:
            data["explanation"] = self.explanation
        return data


def number(value: Fraction | int) -> int | float | str:
    """Exact numbers for JSON: integers stay integers, other fractions as 'p/q'."""
    value = Fraction(value)
    if value.denominator == 1:
        return value.numerator
    return f"{value.numerator}/{value.denominator}"
