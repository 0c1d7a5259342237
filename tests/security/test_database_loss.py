"""When PostgreSQL drops the app's connections (a restart, a failover, an operator), a request
whose query meets the dead connection gets a 503 that says why, never a 500, and the app
reconnects by itself at the next request.

The connection is ended with `pg_terminate_backend` from a separate session, as an operator
would end it; the shared server itself is never restarted. The test client runs the app in this
thread, on this test's own connection, and, unlike a real server, does not run Django's
start-of-request connection check; the tests call it (`close_old_connections`) where a real
request would.
"""

import psycopg2
import pytest
from django.db import close_old_connections, connection, connections
from django.urls import reverse

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # .ci/run runs the suite again on PostgreSQL, where these run.
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: run with DATABASE_URL=postgres://... (.ci/run does)",
    ),
]


def end_the_apps_connection() -> None:
    """End the app's database session from another one, as an operator would."""
    backend_pid = connection.connection.info.backend_pid
    settings = connection.settings_dict
    operator = psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )
    try:
        with operator.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [backend_pid])
            assert cursor.fetchone()[0] is True
    finally:
        operator.close()


@pytest.fixture
def persistent_connection(monkeypatch):
    """The app keeps its connection between requests, as production does with CONN_MAX_AGE."""
    monkeypatch.setitem(connections.settings["default"], "CONN_MAX_AGE", 600)
    monkeypatch.setitem(connections.settings["default"], "CONN_HEALTH_CHECKS", True)
    connection.close()  # reopened with the settings above
    yield
    connection.close()


def request(client, url: str, *, as_a_new_request: bool = True):
    if as_a_new_request:
        close_old_connections()  # what Django's handler does as each request starts
    return client.get(url)


def test_after_the_connection_is_ended_the_next_request_reconnects(
    client, persistent_connection, demo
):
    assert request(client, reverse("people:list")).status_code == 200
    end_the_apps_connection()

    for _ in range(3):
        response = request(client, reverse("people:list"))
        assert response.status_code == 200
        assert "Kit Malthouse" in response.content.decode()


def test_a_query_that_meets_the_ended_connection_is_a_503_and_the_next_request_is_fine(
    client, persistent_connection, demo
):
    assert request(client, reverse("people:list")).status_code == 200
    end_the_apps_connection()
    client.raise_request_exception = False

    # The connection was checked when this request began; it died before the query ran.
    in_flight = request(client, reverse("people:list"), as_a_new_request=False)

    assert in_flight.status_code == 503
    assert in_flight["Retry-After"] == "30"
    assert "database cannot be reached" in in_flight.content.decode()
    assert request(client, reverse("people:list")).status_code == 200
    assert request(client, reverse("healthz")).status_code == 200
