"""gunicorn settings for `make serve` and `make bench`; every value can be overridden from the
environment (GUNICORN_CMD_ARGS or the variables below)."""

import multiprocessing
import os

from gunicorn.http import wsgi as _gunicorn_wsgi

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "sync" if threads == 1 else "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycling workers is off by default: each worker's local page cache would start cold again.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG")  # "-" for stdout; off by default
errorlog = "-"
# The proxy at FORWARDED_ALLOW_IPS says a request came over TLS with X-Forwarded-Proto only
# (the header Django's SECURE_PROXY_SSL_HEADER reads too), and overwrites whatever the client
# sent in it. gunicorn's default also trusts X-Forwarded-Ssl and X-Forwarded-Protocol, which
# that proxy passes through untouched: a client could claim https with them.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}


def _without_server_header(default_headers):
    def headers(response):
        return [line for line in default_headers(response) if not line.startswith("Server:")]

    return headers


# gunicorn writes `Server: gunicorn` into every response itself, so no WSGI middleware can drop
# it; naming the software helps nobody but someone matching it against known flaws.
_gunicorn_wsgi.Response.default_headers = _without_server_header(
    _gunicorn_wsgi.Response.default_headers
)
preload_app = True
