"""The production server as `make serve` runs it (gunicorn with gunicorn.conf.py, debug off):
only X-Forwarded-Proto from the proxy marks a request as HTTPS, and no response names the
server software."""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(18100, 18200)


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18100-18199")


@pytest.fixture(scope="module")
def server():
    """One gunicorn for the module; the page it is asked for reads no database."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": "sqlite:///:memory:",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "careerpath.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stderr.read().decode()) from None
                time.sleep(0.2)
        yield port
    finally:
        process.send_signal(signal.SIGINT)  # quick shutdown
        process.wait(timeout=20)


def _get(port: int, path: str, headers: dict) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Host": "127.0.0.1", **headers})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def test_x_forwarded_ssl_alone_does_not_make_a_request_https(server):
    response = _get(server, "/robots.txt", {"X-Forwarded-Ssl": "on"})
    assert response.status == 301
    assert response.getheader("Location") == "https://127.0.0.1/robots.txt"
    assert response.getheader("Strict-Transport-Security") is None


def test_x_forwarded_proto_from_the_proxy_makes_a_request_https(server):
    response = _get(server, "/robots.txt", {"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert "max-age=31536000" in response.getheader("Strict-Transport-Security")
    assert b"Sitemap: https://127.0.0.1/sitemap.xml" in response.body


def test_no_response_names_the_server_software(server):
    for headers in ({}, {"X-Forwarded-Proto": "https"}):
        response = _get(server, "/robots.txt", headers)
        assert response.getheader("Server") is None
        assert "gunicorn" not in str(response.headers).lower()
