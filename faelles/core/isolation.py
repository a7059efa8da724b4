"""Registry for the cross-municipality isolation test.

Every URL pattern under ``/<municipality_slug>/`` that takes an object id must be
registered here (by the app that owns it, in ``<app>/tests/isolation.py``) with a
function that creates such an object in a given municipality and returns the URL
kwargs that address it. The test in ``tests/test_isolation.py`` then asks for the
object through another municipality's prefix and expects 404 — and fails if any
object URL has no registered case, so new features cannot forget it.
"""

from collections.abc import Callable
from typing import Any

IsolationCase = Callable[..., dict[str, Any]]
CASES: dict[str, IsolationCase] = {}


def isolation_case(*url_names: str) -> Callable[[IsolationCase], IsolationCase]:
    def register(func: IsolationCase) -> IsolationCase:
        for name in url_names:
            CASES[name] = func
        return func

    return register
