"""The teams' section of the leaders' page (``organisations/sections.py``):
the teams owned by the leader's units or with members from them."""

from __future__ import annotations

from typing import Any

from faelles.organisations.sections import SECTION_SIZE

from . import selectors

SHOWN = SECTION_SIZE * 2


def leader_section(request: Any, departments: set[int]) -> dict[str, Any] | None:
    """None when the person may not see teams or no department is given."""
    municipality = request.municipality
    if not departments or not request.user.has_perm("teams.use", municipality):
        return None
    return {
        "teams": selectors.teams_of_departments(
            municipality=municipality, departments=departments, limit=SHOWN
        ),
        "shown": SHOWN,
    }
