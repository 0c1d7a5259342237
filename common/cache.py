"""Whole public pages from the cache, invalidated when what they show changes.

Each cached page names what it depends on ("record", "statement:42", "person:7"). Each name
has a version in the cache, a random token. A page is stored under its URL plus the versions
of its names; changing a record `bump`s the names it touches, so the next request finds no
page under the new versions and renders afresh. Nothing is deleted, nothing is scanned: stale
pages simply stop being asked for and expire.

Only anonymous GET and HEAD requests with a 200 answer are cached; anyone with a session (the
newsroom's staff) always gets a fresh page, drafts and all. While the cache cannot say what
the versions are (Redis unreachable), pages are rendered afresh and not stored.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

Dependencies = Callable[..., list[str] | None]


def _version_key(name: str) -> str:
    return f"version:{name}"


def versions(names: list[str]) -> list[str] | None:
    """The current version token of each name, creating the missing ones (two round trips);
    None when the cache cannot say (Redis is unreachable: common/cache_backends.py)."""
    keys = [_version_key(name) for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=None)
    if len(found) < len(keys):
        found = cache.get_many(keys)
    if len(found) < len(keys):
        return None
    return [str(found[key]) for key in keys]


def bump(names: Iterable[str]) -> None:
    """Mark everything depending on `names` as changed: new tokens, one round trip."""
    cache.set_many({_version_key(name): uuid.uuid4().hex for name in set(names)}, timeout=None)


def _page_key(request: HttpRequest, names: list[str]) -> str | None:
    """Where the page is kept under the names' current versions; None when they are unknown."""
    tokens = versions(names)
    if tokens is None:
        return None
    token = "|".join([request.get_full_path(), *names, *tokens])
    return "page:" + hashlib.sha256(token.encode()).hexdigest()


def cached_page(depends_on: Dependencies) -> Callable[[Callable[..., HttpResponseBase]], Any]:
    """Decorate a view: its anonymous 200 answers are cached for `PAGE_CACHE_SECONDS` under
    the versions of the names `depends_on(request, **kwargs)` returns (None: do not cache)."""

    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            seconds = settings.PAGE_CACHE_SECONDS
            cacheable = (
                seconds > 0
                and request.method in ("GET", "HEAD")
                and settings.SESSION_COOKIE_NAME not in request.COOKIES
            )
            names = depends_on(request, *args, **kwargs) if cacheable else None
            key = _page_key(request, names) if names is not None else None
            if key is None:
                return view(request, *args, **kwargs)
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                hit = HttpResponse(content, content_type=content_type)
                hit["X-Page-Cache"] = "hit"
                return hit
            response = view(request, *args, **kwargs)
            render = getattr(response, "render", None)
            if callable(render):
                response = render()
            if isinstance(response, HttpResponse) and response.status_code == 200:
                cache.set(key, (response.content, response["Content-Type"]), seconds)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapper

    return decorate
