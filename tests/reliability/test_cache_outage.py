"""Redis going away: every public page, feed and API resource, the sign-in and an editor's save
answer as usual, uncached, never an error; when Redis is back caching resumes, and nothing
changed while it was away is shown stale.

The cache is common/cache_backends.py's TolerantRedisCache, as config/settings.py makes it for
REDIS_URL, pointed at a port where nothing listens, at one that accepts connections and never
answers, or at a Redis these tests start (and kill) themselves on a port of their own. The
shared Redis at 6379 is never touched.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.urls import reverse

from common import cache_backends
from statements.models import Statement
from tests import factories
from tests.public.test_leaks import EXAMPLES
from tests.routes import body, public_route_names
from tests.statements.test_admin import inline_management_data

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # tests/conftest.py's staff users
RETRY_SECONDS = 0.2  # the breaker's rest, short so the tests need not wait the deployed 5 s


def free_port() -> int:
    """A port nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tolerant_cache(port: int) -> dict:
    """CACHES as config/settings.py writes them for REDIS_URL, on `port`."""
    return {
        "default": {
            "BACKEND": "common.cache_backends.TolerantRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"RETRY_SECONDS": RETRY_SECONDS},
        }
    }


@pytest.fixture(autouse=True)
def fresh_breakers(monkeypatch):
    """Each test sees Redis with no memory of another test's outage (ports get reused)."""
    monkeypatch.setattr(cache_backends, "_breakers", {})


@pytest.fixture
def redis_gone(settings):
    """Pages cached as deployed, in a Redis that is not there."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = tolerant_cache(free_port())


def fetch(client, url: str) -> tuple[str, str]:
    """(X-Page-Cache, page) of a 200 answer."""
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache", ""), body(response).decode()


@pytest.mark.parametrize("route", public_route_names())
def test_every_public_page_is_served_uncached_while_redis_is_gone(client, demo, settings, route):
    urls = EXAMPLES[route]()
    settings.PAGE_CACHE_SECONDS = 0
    expected = {url: fetch(client, url)[1] for url in urls}  # as served with no cache at all

    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = tolerant_cache(free_port())
    for url in urls:
        for _ in range(2):  # nothing is stored, so the second answer is rendered afresh too
            state, page = fetch(client, url)
            assert state != "hit", url
            assert page == expected[url], url


def test_the_cache_answers_as_an_empty_one_while_redis_is_gone(redis_gone):
    assert cache.get("key", "default") == "default"
    assert cache.get_many(["key", "other"]) == {}
    assert cache.get_or_set("key", "computed") == "computed"
    assert cache.add("key", 1) is False and cache.has_key("key") is False
    assert cache.set_many({"key": 1, "other": 2}) == ["key", "other"]  # the keys not stored
    cache.set("key", 1)
    assert cache.delete("key") is False
    cache.delete_many(["key"])
    cache.clear()
    with pytest.raises(ValueError):
        cache.incr("key")  # as for a key the cache does not hold


def test_the_api_answers_and_is_not_throttled_while_redis_is_gone(
    client, demo, redis_gone, monkeypatch
):
    from rest_framework.throttling import AnonRateThrottle

    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    responses = [client.get("/api/statements/?page_size=5") for _ in range(4)]

    # A throttle that cannot count lets the request through rather than refuse or fail.
    assert [response.status_code for response in responses] == [200] * 4
    assert len(responses[-1].json()["results"]) == 5


def test_staff_sign_in_and_an_editor_saves_while_redis_is_gone(
    client, editor, redis_gone, django_capture_on_commit_callbacks
):
    login = reverse("admin:login")
    assert client.get(login).status_code == 200
    signed_in = client.post(login, {"username": editor.username, "password": PASSWORD})
    assert signed_in.status_code == 302

    speaker, source = factories.person(), factories.source()
    form = inline_management_data(Statement) | {
        "text": "Saved while the cache was away.",
        "kind": Statement.Kind.DIRECT,
        "speaker": speaker.pk,
        "said_on": "2021-03-14",
        "source": source.pk,
        "tags": "policing",
    }
    # The save's invalidations (on commit) go to the missing Redis, and are dropped quietly.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        saved = client.post(reverse("admin:statements_statement_add"), form)

    assert saved.status_code == 302, saved.content.decode()[:2000]
    assert callbacks, "the save invalidated no page"
    statement = Statement.objects.get(text="Saved while the cache was away.")
    assert list(statement.tags.names()) == ["policing"]
    assert LogEntry.objects.filter(object_id=str(statement.pk)).exists()


def test_a_redis_that_never_answers_stalls_one_request_briefly_then_is_left_alone(
    client, settings, caplog
):
    """A black hole (a listening socket no one reads): the connection opens and the reply
    never comes. The socket timeout ends the wait; the breaker keeps later calls off it."""
    with socket.create_server(("127.0.0.1", 0), backlog=128) as black_hole:
        settings.PAGE_CACHE_SECONDS = 300
        caches = tolerant_cache(black_hole.getsockname()[1])
        caches["default"]["OPTIONS"]["RETRY_SECONDS"] = 60  # no second try within the test
        settings.CACHES = caches
        url = factories.statement().get_absolute_url()

        started = time.monotonic()
        first = client.get(url)
        first_took = time.monotonic() - started
        later = [client.get(url) for _ in range(5)]

        black_hole.setblocking(False)
        attempts = 0
        while True:
            try:
                black_hole.accept()[0].close()
            except BlockingIOError:
                break
            attempts += 1

    assert [first.status_code, *(r.status_code for r in later)] == [200] * 6
    assert first_took < 3, first_took  # 0.25 s of socket timeout, not the system's minutes
    assert attempts == 1  # one connection tried; every later call answered at once as a miss
    outage_warnings = [r for r in caplog.records if "is unreachable" in r.getMessage()]
    assert len(outage_warnings) == 1


# With a real Redis, started and killed here.

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """A redis-server of the test's own, on a free port, persisting only when told to."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
                *("--dir", str(self.directory), "--dbfilename", "dump.rdb"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"redis-server did not start on {self.port}") from None
                time.sleep(0.05)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=1)


@pytest.fixture
def redis_server(tmp_path, settings):
    if not Path(REDIS_SERVER).exists():
        if os.environ.get("CI"):
            pytest.fail("redis-server is missing (CI must have it)")
        pytest.skip("needs redis-server (apt-get install redis-server; CI has it)")
    server = RedisServer(tmp_path)
    server.start()
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = tolerant_cache(server.port)
    yield server
    server.kill()


def test_pages_stay_up_while_redis_is_gone_and_none_is_stale_when_it_returns(
    client, redis_server, committed
):
    statement = factories.statement(text="The bridge will reopen in May.")
    urls = [
        statement.get_absolute_url(),
        statement.speaker.get_absolute_url(),
        reverse("statements:list"),
        reverse("statements:home"),
    ]
    for url in urls:
        assert fetch(client, url)[0] == "miss"
        assert fetch(client, url)[0] == "hit"

    # Gone with the pages saved to disk, as a Redis with persistence would come back.
    redis_server.client().save()
    redis_server.kill()
    for url in urls:
        state, page = fetch(client, url)
        assert state != "hit" and "reopen in May" in page, url

    def correct():  # its invalidation cannot reach Redis
        statement.text = "The bridge will reopen in June."
        statement.save()

    committed(correct)
    for url in urls:
        state, page = fetch(client, url)
        assert state != "hit" and "reopen in June" in page, url

    redis_server.start()
    assert redis_server.client().dbsize() > 0  # the pages from before, under the old versions
    time.sleep(RETRY_SECONDS * 1.5)  # the breaker's rest
    for url in urls:
        state, page = fetch(client, url)
        assert state == "miss", url
        assert "reopen in June" in page and "reopen in May" not in page, url
        assert fetch(client, url)[0] == "hit", url  # caching resumed


def test_a_redis_restarted_empty_resumes_caching(client, redis_server):
    url = factories.statement().get_absolute_url()
    assert fetch(client, url)[0] == "miss"

    redis_server.kill()
    assert fetch(client, url)[0] != "hit"
    redis_server.start()
    time.sleep(RETRY_SECONDS * 1.5)

    assert fetch(client, url)[0] == "miss"
    assert fetch(client, url)[0] == "hit"
