"""Who is asking: the client's address, read so that a client cannot choose it."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address the request came from. Behind `TRUSTED_PROXIES` proxies, each appends the
    address it saw to X-Forwarded-For, so the one our nearest proxy saw is that many entries
    from the right; anything further left was written by the client and is not trusted."""
    proxies = settings.TRUSTED_PROXIES
    remote = request.META.get("REMOTE_ADDR", "")
    if not proxies:
        return remote
    forwarded = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote
