"""A Redis cache that Redis going away cannot turn into errors.

Django's RedisCache raises whatever redis-py raises, so with Redis stopped, restarting or
black-holed every cached page, and the API's throttle, would be a 500. `TolerantRedisCache`
answers as an empty cache instead: a read is a miss, a write is dropped, `incr` raises the
ValueError of a missing key. Pages are then rendered afresh, uncached, and the API lets every
request through (a throttle that cannot count does not refuse).

- Short socket timeouts (`socket_connect_timeout`, `socket_timeout`: 0.25 s unless OPTIONS say
  otherwise), so a Redis that does not answer at all stalls a request a quarter of a second,
  not the operating system's minutes.
- A circuit breaker: after a failure Redis is left alone for RETRY_SECONDS (OPTIONS; 5), each
  call answering as a miss at once, then tried again. A process logs one warning when Redis
  goes away and one when it is back, however many calls fail in between.
- Invalidations are not lost: a write dropped while Redis was away may have been a `bump` of
  common/cache.py (a correction saved during the outage), and Redis may come back holding the
  pages from before it. So the first call after such an outage clears the cache (Django's
  `clear()`: the whole Redis database; give the cache a database of its own) before it reads
  anything. The state is per process, shared by its threads: a worker that dropped a write and
  stops before Redis returns cannot clear it, and its pages then last until they expire
  (PAGE_CACHE_SECONDS).
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

T = TypeVar("T")

# What Redis going away raises: refused, reset or timed-out connections (redis' ConnectionError
# and TimeoutError), a half-written reply, a replica that became read-only in a failover, a
# Redis out of memory (all RedisError), and the socket's own errors.
UNAVAILABLE = (RedisError, OSError)
TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
RETRY_SECONDS = 5.0


@dataclass
class Breaker:
    """One Redis location's health as this process sees it."""

    retry_seconds: float
    down_since: float | None = None  # time.monotonic() of the last failure; None: healthy
    lost_writes: bool = False  # a write was dropped while down: clear the cache on return
    lock: threading.Lock = field(default_factory=threading.Lock)

    def resting(self) -> bool:
        """Down, and too soon to try again."""
        down_since = self.down_since
        return down_since is not None and time.monotonic() - down_since < self.retry_seconds

    def failed(self, write: bool) -> bool:
        """Record a failure; True when Redis was healthy until now (worth a warning)."""
        with self.lock:
            first = self.down_since is None
            self.down_since = time.monotonic()
            self.lost_writes = self.lost_writes or write
            return first


# One breaker per location and process, shared by the per-thread cache instances Django makes.
_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, retry_seconds: float) -> Breaker:
    with _breakers_lock:
        return _breakers.setdefault(location, Breaker(retry_seconds))


class TolerantRedisCache(RedisCache):
    """Django's RedisCache, answering as an empty cache while Redis is unreachable (see the
    module's docstring)."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        retry_seconds = float(options.pop("RETRY_SECONDS", RETRY_SECONDS))
        super().__init__(server, {**params, "OPTIONS": {**TIMEOUTS, **options}})
        self._location = server if isinstance(server, str) else ",".join(server)
        self._breaker = breaker_for(self._location, retry_seconds)

    def _guarded(self, call: Callable[[], T], fallback: T, *, write: bool) -> T:
        """`call()`, or `fallback` when Redis is unreachable or resting after a failure."""
        breaker = self._breaker
        if breaker.resting():
            breaker.lost_writes = breaker.lost_writes or write
            return fallback
        try:
            cleared = breaker.lost_writes
            if cleared:
                # Back after dropping a write, maybe an invalidation: nothing held from before
                # may be read. Raises, as the call would, while Redis is still away.
                super().clear()
                breaker.lost_writes = False
            result = call()
        except UNAVAILABLE as error:
            if breaker.failed(write):
                logger.warning(
                    "Redis at %s is unreachable (%s: %s): serving uncached, trying again "
                    "every %g s.",
                    self._location,
                    type(error).__name__,
                    error,
                    breaker.retry_seconds,
                )
            return fallback
        if breaker.down_since is not None:
            breaker.down_since = None
            logger.warning(
                "Redis at %s is back%s.",
                self._location,
                "; cleared it, as writes were dropped meanwhile" if cleared else "",
            )
        return result

    # Reads answer as a miss.

    def get(self, key: Any, default: Any | None = None, version: int | None = None) -> Any:
        return self._guarded(partial(super().get, key, default, version), default, write=False)

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        return self._guarded(partial(super().get_many, keys, version), {}, write=False)

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(partial(super().has_key, key, version), False, write=False)

    # Writes are dropped, and remembered: the cache is cleared when Redis is back.

    def add(
        self,
        key: Any,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        return self._guarded(partial(super().add, key, value, timeout, version), False, write=True)

    def set(
        self,
        key: Any,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        self._guarded(partial(super().set, key, value, timeout, version), None, write=True)

    def set_many(
        self,
        data: dict[Any, Any],
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> list[Any]:
        """The keys not stored: all of them while Redis is away."""
        return self._guarded(
            partial(super().set_many, data, timeout, version), list(data), write=True
        )

    def touch(
        self, key: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return self._guarded(partial(super().touch, key, timeout, version), False, write=True)

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._guarded(partial(super().delete, key, version), False, write=True)

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        self._guarded(partial(super().delete_many, keys, version), None, write=True)

    def clear(self) -> None:
        self._guarded(super().clear, None, write=True)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        """While Redis is away, as for a key the cache does not hold: ValueError (`decr` too)."""
        value = self._guarded(partial(super().incr, key, delta, version), None, write=True)
        if value is None:
            raise ValueError(f"Key '{key}' not found: Redis at {self._location} is unreachable.")
        return value
