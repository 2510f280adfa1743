"""The client's address behind the proxies the deployment trusts (settings.TRUSTED_PROXY_COUNT)."""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The address the outermost trusted proxy saw, or the socket's address without proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For (or, at
    the edge, overwrites the header), so with N trusted proxies the N-th entry from the right
    is the client; entries further left were written by the client and prove nothing.
    """
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    if count <= 0 or not entries:
        return remote
    candidate = entries[max(len(entries) - count, 0)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote  # not an address: a misconfigured proxy, never a reason to trust it
