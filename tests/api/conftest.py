import pytest


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Each test starts with the anonymous rate untouched (DRF counts in the cache)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
