"""Sessions, as Django keeps them, with one answer corrected for a database that went away."""

from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse

from .views import database_unavailable


def _lost_the_database(error: BaseException) -> bool:
    """Whether `error` came, somewhere down its chain, from a lost database connection."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OperationalError | InterfaceError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's SessionMiddleware, except that a session it could not save because the
    database connection was lost is the 503 page (try again shortly), not Django's 400 "the
    session was deleted before the request completed": nothing was deleted, and the editor
    should press Save again rather than think they were signed out."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        try:
            return super().process_response(request, response)
        except SessionInterrupted as interrupted:
            if not _lost_the_database(interrupted):
                raise
            return database_unavailable(request)
