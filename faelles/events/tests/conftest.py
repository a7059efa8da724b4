import pytest


@pytest.fixture(autouse=True)
def _fresh_cache(fresh_cache):
    """Calendar feeds are cached; every test starts without a cached feed."""
