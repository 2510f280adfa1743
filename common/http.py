"""Request helpers shared by the views of every app."""


def wants_fragment(request) -> bool:
    """True for an htmx swap; False for a normal visit and for htmx restoring history after
    Back/Forward, which needs the whole page."""
    return bool(request.htmx) and not request.htmx.history_restore_request
