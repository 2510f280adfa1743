"""Request helpers shared by the views of every app."""


def wants_fragment(request) -> bool:
    """True for an htmx swap; False for a normal visit and for htmx restoring history after
    Back/Forward, which needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def client_address(request) -> str:
    """The address a request came from: the one place every rate limit reads it.

    REMOTE_ADDR only; when the site runs behind a proxy, the trusted-proxy setting decides
    how this is derived (kept here so that every caller changes together).
    """
    return request.META.get("REMOTE_ADDR", "") or "unknown"
