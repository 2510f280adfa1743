"""Real processes for the caching tests: a PostgreSQL database of their own with the site's
content, gunicorn masters in production mode, plain HTTP over loopback, and the editor's own
tools (the admin through HTTP, `load_content` in a separate process)."""

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
EDITOR = ("cache-editor", "a-long-editor-password-for-the-cache-tests")
SETUP = f"""
import os
from django.contrib.auth.models import User
from django.core.management import call_command
call_command("collectstatic", interactive=False, verbosity=0)  # published pages name them
call_command("migrate", interactive=False, verbosity=0)
call_command("load_content", verbosity=0, stdout=open(os.devnull, "w"))
password = os.environ["DJANGO_SUPERUSER_PASSWORD"]
User.objects.create_superuser("{EDITOR[0]}", "editor@example.org", password)
"""


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes
    seconds: float
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(port: int, path: str, headers=None, *, method="GET", body=None, host=None) -> Answer:
    """One request on a fresh connection (so a pool of workers shares the requests out)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    sent = {"Host": host or f"127.0.0.1:{port}", "Connection": "close", **(headers or {})}
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=sent)
        response = conn.getresponse()
        content = response.read()
    finally:
        conn.close()
    seconds = time.monotonic() - started
    cookies = dict(
        value.split(";", 1)[0].split("=", 1)
        for name, value in response.getheaders()
        if name.lower() == "set-cookie"
    )
    headers = {k.lower(): v for k, v in response.getheaders()}
    return Answer(response.status, headers, content, seconds, cookies)


def free_port() -> int:
    """A free loopback port from CAREERPATH_TEST_PORTS (first-last), 18200-18299 by default."""
    ports = os.environ.get("CAREERPATH_TEST_PORTS", "18200-18299")
    first, last = (int(p) for p in ports.split("-"))
    for port in range(first, last + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {first}-{last}")


def admin_connection():
    params = psycopg.conninfo.conninfo_to_dict(base_database_url())
    params["dbname"] = "postgres"
    return psycopg.connect(**params, autocommit=True)


def base_database_url() -> str:
    return os.environ["DATABASE_URL"]


class LiveDatabase:
    """A PostgreSQL database beside the test database, migrated and loaded with the content."""

    def __init__(self, name: str, static_root: Path):
        self.name = name
        self.url = base_database_url().rsplit("/", 1)[0] + "/" + name
        self.static_root = static_root

    def env(self, **extra) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "TEST_DATABASE_NAME")
        }
        env.update(
            {
                "DATABASE_URL": self.url,
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": "caching-tests-" + "x" * 50,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_SECURE_SSL_REDIRECT": "0",
                "DJANGO_STATIC_ROOT": str(self.static_root),
                "DJANGO_STATIC_COMPRESS": "0",
                "DJANGO_SETTINGS_MODULE": "careerpath.settings",
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        env.update(extra)
        return env

    def manage(self, *args, **env):
        return subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env=self.env(**env),
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )

    def create(self):
        self.drop()
        with admin_connection() as admin:
            admin.execute(f'CREATE DATABASE "{self.name}"')
        # One process for the setup: starting Django four times costs more than the work.
        self.manage("shell", "-c", SETUP, DJANGO_SUPERUSER_PASSWORD=EDITOR[1])

    def drop(self):
        with admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def query(self, sql: str, params=()):
        params_dict = psycopg.conninfo.conninfo_to_dict(self.url)
        with psycopg.connect(**params_dict) as conn:
            return conn.execute(sql, params).fetchall()

    def cut_off(self):
        """Refuse new connections and end the open ones, as a database that went away."""
        with admin_connection() as admin:
            admin.execute(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [self.name],
            )

    def restore(self):
        with admin_connection() as admin:
            admin.execute(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')


class Server:
    """One gunicorn master (production settings) with its workers; the access log names the
    worker (pid) that answered each request."""

    def __init__(self, database: LiveDatabase, tmp: Path, *, workers: int, **env):
        self.port = free_port()
        self.log = tmp / f"access-{self.port}.log"
        self.errors = tmp / f"errors-{self.port}.log"
        self.workers = workers
        self.env = database.env(
            PORT=str(self.port),
            GUNICORN_BIND=f"127.0.0.1:{self.port}",
            WEB_CONCURRENCY=str(workers),
            GUNICORN_CMD_ARGS=(
                f"--no-control-socket --access-logfile {self.log} "
                "--access-logformat '%(p)s %(m)s %(U)s %(s)s'"
            ),
            **env,
        )
        self.process = None

    def start(self):
        with open(self.errors, "wb") as errors:
            self.process = subprocess.Popen(
                [GUNICORN, "-c", str(ROOT / "gunicorn.conf.py"), "careerpath.wsgi:application"],
                env=self.env,
                cwd=ROOT,
                stdout=errors,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if fetch(self.port, "/healthz").status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start:\n{self.errors.read_text()[-3000:]}")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # gunicorn's quick shutdown
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)

    def get(self, path, headers=None, **kwargs) -> Answer:
        return fetch(self.port, path, headers, **kwargs)

    def log_mark(self) -> int:
        return len(self.log.read_text().splitlines()) if self.log.exists() else 0

    def workers_since(self, mark: int, path: str) -> set[str]:
        """The pids of the workers that answered `path` since `mark`."""
        lines = self.log.read_text().splitlines()[mark:]
        return {line.split()[0] for line in lines if line.split()[2:3] == [path]}

    def every_worker(self, path: str, headers=None, *, rounds: int = 60) -> list[Answer]:
        """Ask for `path` (several at a time, so every worker takes some) until every worker
        has answered it; all the answers."""
        mark = self.log_mark()
        answers: list[Answer] = []
        with ThreadPoolExecutor(max_workers=2 * self.workers) as pool:
            for _ in range(rounds):
                batch = pool.map(lambda _: self.get(path, headers), range(2 * self.workers))
                answers.extend(batch)
                time.sleep(0.05)  # let the access log catch up
                if len(self.workers_since(mark, path.split("?")[0])) >= self.workers:
                    return answers
        seen = self.workers_since(mark, path.split("?")[0])
        raise AssertionError(f"only {len(seen)} of {self.workers} workers answered {path}")


class Editor:
    """An editor signed in to the admin over HTTP (cookies kept by hand: in production they are
    marked Secure, which an http client would not send back)."""

    def __init__(self, server: Server):
        self.server = server
        self.cookies: dict[str, str] = {}
        login = self.get("/admin/login/")
        token = self._token(login.text)
        answer = self.post(
            "/admin/login/?next=/admin/",
            {"username": EDITOR[0], "password": EDITOR[1], "csrfmiddlewaretoken": token},
        )
        assert answer.status == 302, answer.text[:2000]

    def _send(self, path, **kwargs) -> Answer:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        answer = self.server.get(path, headers, **kwargs)
        self.cookies.update(answer.cookies)
        return answer

    def get(self, path) -> Answer:
        return self._send(path)

    def post(self, path, data) -> Answer:
        body = urlencode(data, doseq=True)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self._send(path, method="POST", body=body, headers=headers)

    @staticmethod
    def _token(html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def run_action(self, changelist: str, action: str, pks) -> Answer:
        token = self._token(self.get(changelist).text)
        data = {"action": action, "_selected_action": [str(pk) for pk in pks]}
        return self.post(changelist, {**data, "csrfmiddlewaretoken": token})


def require_postgresql():
    """These tests start real servers on PostgreSQL: in CI they must run, never skip."""
    import pytest
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    message = "needs PostgreSQL: run with DATABASE_URL=postgres://…"
    if os.environ.get("CI") or os.environ.get("CAREERPATH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (CI requires the live caching tests)", pytrace=False)
    pytest.skip(message)


def copy_content(tmp: Path) -> Path:
    target = tmp / "fixtures"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "fixtures", target)
    return target
