"""A session that cannot be saved because the database went away is a 503 (press Save again),
not Django's 400 "the session was deleted": an editor mid-save during a failover must not be
told they were signed out."""

from unittest import mock

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.exceptions import SessionInterrupted
from django.db import DatabaseError, OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from common.sessions import SessionMiddleware

pytestmark = pytest.mark.django_db


def saving_fails_with(error: Exception):
    def save(*args, **kwargs):
        try:
            raise error
        except DatabaseError:
            raise UpdateError  # noqa: B904 (as Django's session store does: chained implicitly)

    return save


def request_with_a_changed_session():
    request = RequestFactory().post("/admin/statements/statement/add/")
    request.session = SessionStore()
    request.session.create()
    request.session["changed"] = True
    return request


def test_a_session_lost_with_the_database_connection_is_the_503_page():
    request = request_with_a_changed_session()
    middleware = SessionMiddleware(lambda r: HttpResponse("saved"))
    lost = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(SessionStore, "save", saving_fails_with(lost)):
        response = middleware.process_response(request, HttpResponse("saved"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_a_session_really_deleted_meanwhile_is_still_djangos_400():
    request = request_with_a_changed_session()
    middleware = SessionMiddleware(lambda r: HttpResponse("saved"))
    deleted = DatabaseError("Forced update did not affect any rows.")
    with (
        mock.patch.object(SessionStore, "save", saving_fails_with(deleted)),
        pytest.raises(SessionInterrupted),
    ):
        middleware.process_response(request, HttpResponse("saved"))
