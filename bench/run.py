"""`make bench`: every page type under load, against the framework's floor.

Starts gunicorn (several workers) on PostgreSQL with the real content, drives each page type
and an htmx partial with wrk on loopback for a bounded time, then the same for a view that
returns a constant string, and prints requests/s, p50/p95/p99 latency, errors and each page's
ratio to the floor. Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (32), BENCH_SCALE (1,
or 10/100 for synthetic content), WEB_CONCURRENCY (4), BENCH_DATABASE_URL.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
SCALE = int(os.environ.get("BENCH_SCALE", "1"))
PORT = int(os.environ.get("BENCH_PORT", "8799"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/careerpath_bench"
)
PAGES = [
    ("home", "/", False),
    ("role index", "/roles/", False),
    ("role profile", "/roles/operations-manager/", False),
    ("industry partial (htmx)", "/roles/operations-manager/?industry=services", True),
    ("ladder", "/ladder/?role=operations-manager", False),
    ("path planner", "/ladder/path/?from=operations-analyst&to=chief-operating-officer", False),
    ("certifications", "/certifications/", False),
    ("certification", "/certifications/cpim/", False),
    ("compare", "/certifications/compare/?c=cpim&c=cscp&c=pmp", False),
    ("faq", "/faq/", False),
    ("guides", "/guides/", False),
    ("guide", "/guides/working-with-senior-management/", False),
    ("search", "/search/?q=inventory", False),
    ("api: role", "/api/v1/roles/operations-manager", False),
    ("api: path", "/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer", False),
    ("api: certifications", "/api/v1/certifications?suits=mid", False),
]
FLOOR = ("floor (constant string)", "/_floor", False)


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    print("wrk not found: installing Debian's wrk package…", flush=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL
    )
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is needed for the benchmark: apt-get install wrk")
    return wrk


def prepare_database(env):
    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(
        ["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True
    )
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    manage = [PY, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*manage, "load_content", "-v0"], env=env, check=True, stdout=subprocess.DEVNULL)
    if SCALE > 1:
        subprocess.run([*manage, "generate_content", "--factor", str(SCALE)], env=env, check=True)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"the server did not answer at {url}")


def drive(wrk, name, path, htmx):
    url = f"http://127.0.0.1:{PORT}{path}"
    script = str(ROOT / "bench" / ("htmx_report.lua" if htmx else "report.lua"))
    # Warm up (fills the page cache the way real traffic would), then measure.
    warm = [wrk, "-t2", "-c8", "-d1s", "-s", script, url]
    subprocess.run(warm, capture_output=True, check=False)
    measure = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "5s", "-s", script]
    out = subprocess.run([*measure, url], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    return {"name": name, **json.loads(line)}


def main():
    wrk = ensure_wrk()
    secret = "bench-" + os.urandom(24).hex()
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "CAREERPATH_BENCH_FLOOR": "1",
        "PORT": str(PORT),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "4"),
    }
    (ROOT / "bench" / "htmx_report.lua").write_text(
        (ROOT / "bench" / "htmx.lua").read_text() + (ROOT / "bench" / "report.lua").read_text()
    )
    print(f"Preparing {DATABASE_URL} (content ×{SCALE})…", flush=True)
    prepare_database(env)
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", PORT)) == 0:
            sys.exit(f"port {PORT} is taken; set BENCH_PORT")
    server = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "careerpath.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{PORT}/healthz")
        floor = drive(wrk, *FLOOR)
        results = [drive(wrk, *page) for page in PAGES]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print_table(floor, results)
    failures = [
        r["name"] for r in results if r["errors"] or r["p99"] >= 50 or r["rps"] < 0.5 * floor["rps"]
    ]
    if failures:
        print("Below target (≥ 0.5 of the floor, p99 < 50 ms, no errors): " + ", ".join(failures))
        sys.exit(1)
    print("Every page is at least half the floor, p99 under 50 ms, with no errors.")


def print_table(floor, results):
    print(f"\n{CONNECTIONS} connections, {SECONDS} s each, content ×{SCALE}\n")
    columns = ["req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "÷floor"]
    widths = [9, 8, 8, 8, 7, 7]
    header = f"{'page':32} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    print(header)
    print("-" * len(header))
    for r in [floor, *results]:
        print(
            f"{r['name']:32} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f} {r['p99']:8.2f} "
            f"{r['errors']:7d} {r['rps'] / floor['rps']:7.2f}"
        )
    print()


if __name__ == "__main__":
    main()
