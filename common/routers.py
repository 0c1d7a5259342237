"""Reads from PostgreSQL read replicas, writes and the newsroom's own work on the primary.

Replicas are listed in `DATABASE_REPLICA_URLS` (settings: aliases "replica_1", ...). Public
pages read from one of them; everything the admin and signed-in staff do, and anything inside a
transaction, uses the primary, so an editor always reads what they just wrote. With no
replicas configured every query goes to "default".
"""

import random
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

_primary_only: ContextVar[bool] = ContextVar("primary_only", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str:
        replicas = replica_aliases()
        if not replicas or _primary_only.get() or connections["default"].in_atomic_block:
            return "default"
        return random.choice(replicas)

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


class PrimaryForStaffMiddleware:
    """The admin and anyone signed in read from the primary for the whole request."""

    def __init__(self, get_response: Any):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        staff = request.path.startswith("/admin/") or (
            settings.SESSION_COOKIE_NAME in request.COOKIES
        )
        token = _primary_only.set(staff)
        try:
            return self.get_response(request)
        finally:
            _primary_only.reset(token)
