"""The public routes, read from the URL resolver, so tests that walk every page cover a new
route by default (and fail until someone says how to fill it in)."""

from django.urls import URLPattern, URLResolver, get_resolver

NOT_PUBLIC = {"admin"}  # namespaces behind a login, tested with the admin


def public_route_names(patterns=None, namespace: str = "") -> list[str]:
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            if inner in NOT_PUBLIC:
                continue
            prefix = f"{namespace}{inner}:" if inner else namespace
            names += public_route_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(f"{namespace}{pattern.name}")
    return sorted(set(names))


def body(response) -> bytes:
    """A response's bytes, streamed (a download) or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content
