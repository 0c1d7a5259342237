"""Production defaults, as an operator gets them with DEBUG off and nothing else switched."""

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

# What config/settings.py gives with DEBUG off (tests switch the first three off for HTTP).
PRODUCTION = {
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


def test_the_defaults_with_debug_off_are_the_production_ones():
    from config import settings as configured

    assert configured.DEBUG is False
    assert configured.SECURE_SSL_REDIRECT is True
    assert configured.SESSION_COOKIE_SECURE is configured.CSRF_COOKIE_SECURE is True
    assert configured.SECURE_HSTS_SECONDS >= 365 * 24 * 3600


@override_settings(**PRODUCTION)
def test_plain_http_is_redirected_to_https_except_the_health_check():
    client = Client()

    assert client.get("/people/").status_code == 301
    assert client.get("/people/")["Location"] == "https://testserver/people/"
    assert client.get(reverse("healthz")).status_code == 200


@override_settings(**PRODUCTION)
def test_https_pages_carry_hsts_csp_and_no_framing(demo):
    response = Client().get("/", secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@override_settings(**PRODUCTION)
def test_behind_a_tls_proxy_the_forwarded_protocol_counts_as_https(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    response = Client().get("/people/", HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 200


@override_settings(**PRODUCTION)
def test_staff_cookies_are_secure_and_http_only(client, editor):
    response = Client().post(
        reverse("admin:login"),
        {"username": editor.username, "password": "correct-horse-battery"},
        secure=True,
    )

    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert response.cookies["csrftoken"]["secure"]


def test_the_health_check_answers_ok_without_a_session(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "sessionid" not in response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_says_503_when_the_database_does_not_answer(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.content == b"database unreachable\n"


def test_a_page_that_loses_the_database_is_a_503_with_its_reason(client, monkeypatch):
    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("statements.views.StatementListView.get", lost)
    client.raise_request_exception = False

    response = client.get(reverse("statements:list"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "database cannot be reached" in response.content.decode()


def test_any_other_error_is_still_a_500(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("statements.views.StatementListView.get", broken)
    client.raise_request_exception = False

    response = client.get(reverse("statements:list"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
