"""Answer 503 with a friendly page while the database cannot be reached."""

import logging

from django.db import InterfaceError, OperationalError, connections
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)

try:
    from psycopg_pool import PoolTimeout
except ImportError:  # pragma: no cover - psycopg is a dependency
    PoolTimeout = OperationalError

UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("Database unavailable: %s", exception)
        # Drop broken connections so the next request opens a fresh one.
        for conn in connections.all(initialized_only=True):
            conn.close_if_unusable_or_obsolete()
        response = TemplateResponse(request, "503.html", status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response.render()

