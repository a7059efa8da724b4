import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Calendar feeds are cached; every test starts without a cached feed."""
    cache.clear()
    yield
    cache.clear()
