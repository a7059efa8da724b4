import pytest

from faelles.resources import matches


@pytest.fixture(autouse=True)
def _fresh_match_cache():
    """Each test has its own database, so it starts with an empty index cache."""
    matches.clear_cache()
    yield
    matches.clear_cache()
