"""`make bench`: every page type under load, against the framework's floor.

Starts gunicorn (several workers) on PostgreSQL with the real content, drives each page type
and an htmx partial with wrk on loopback for a bounded time, then the same for a view that
returns a constant string, and prints requests/s, p50/p95/p99 latency, errors and each page's
ratio to the floor. One case sends a different tracking tag (`utm_source`) with every request,
which the page cache must answer as it answers the plain page. Environment: BENCH_SECONDS (5),
BENCH_CONNECTIONS (32), BENCH_SCALE (1, or 10/100 for synthetic content), WEB_CONCURRENCY (4),
BENCH_DATABASE_URL.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
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
# (name, path, how each request is sent: plain, as htmx, or with a fresh tracking tag)
PAGES = [
    ("home", "/", "plain"),
    ("role index", "/roles/", "plain"),
    ("role profile", "/roles/operations-manager/", "plain"),
    ("role + tracking tag", "/roles/operations-manager/", "tracking"),
    ("industry partial (htmx)", "/roles/operations-manager/?industry=services", "htmx"),
    ("ladder", "/ladder/?role=operations-manager", "plain"),
    ("path planner", "/ladder/path/?from=operations-analyst&to=chief-operating-officer", "plain"),
    ("certifications", "/certifications/", "plain"),
    ("certification", "/certifications/cpim/", "plain"),
    ("compare", "/certifications/compare/?c=cpim&c=cscp&c=pmp", "plain"),
    ("faq", "/faq/", "plain"),
    ("guides", "/guides/", "plain"),
    ("guide", "/guides/working-with-senior-management/", "plain"),
    ("search", "/search/?q=inventory", "plain"),
    ("api: role", "/api/v1/roles/operations-manager", "plain"),
    (
        "api: path",
        "/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer",
        "plain",
    ),
    ("api: certifications", "/api/v1/certifications?suits=mid", "plain"),
]
FLOOR = ("floor (constant string)", "/_floor", "plain")
# The wrk script for each way of sending; the last two are built from their parts in main().
SCRIPTS = {"plain": "report.lua", "htmx": "htmx_report.lua", "tracking": "tracking_report.lua"}
# Computed pages (never cached) have their own target: at least 0.1 of the floor, p99 < 100 ms.
COMPUTED_FLOOR_SHARE, COMPUTED_P99_MS = 0.1, 100
BENCH_PLANS = 40000  # the update POST uses each plan once, so no update is ever stale
PLANS_SCRIPT = """
from django.utils import timezone
from plans.models import Plan, token_digest
from plans.services import new_token
now = timezone.now()
tokens = [new_token() for _ in range({count})]
Plan.objects.bulk_create(
    [Plan(token_hash=token_digest(t), current_role="operations-analyst",
          target_role="senior-operations-manager", years=3, ratings={{"lean": 2}},
          updated=now, last_opened=now) for t in tokens], batch_size=2000)
with open({path!r}, "w") as f:
    f.write(" ".join(tokens))
"""


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


def drive(wrk, name, path, how="plain", *, script=None, args=(), computed=False):
    """`how` picks the script (plain, htmx, tracking) unless `script` is given; `args` go to
    the script, followed by "warm" or "measure" (the plan update uses a different range of
    plans in each)."""
    url = f"http://127.0.0.1:{PORT}{path}"
    script = script or str(ROOT / "bench" / SCRIPTS[how])
    # Warm up (fills the page cache the way real traffic would), then measure.
    warm = [wrk, "-t2", "-c8", "-d1s", "-s", script, url, "--", *args, "warm"]
    subprocess.run(warm, capture_output=True, check=False)
    measure = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "5s", "-s", script]
    extra = ["--", *args, "measure"]
    out = subprocess.run([*measure, url, *extra], capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    return {"name": name, "computed": computed, **json.loads(line)}


def make_plans(env, path: Path) -> str:
    """Saved plans for the plan entries: one to read, and one per update POST."""
    code = PLANS_SCRIPT.format(count=BENCH_PLANS, path=str(path))
    subprocess.run([PY, str(ROOT / "manage.py"), "shell", "-c", code], env=env, check=True)
    return path.read_text().split(" ", 1)[0]


def drive_plans(wrk, tokens_path: Path, first_token: str) -> list[dict]:
    update = ROOT / "bench" / "plan_update_report.lua"
    update.write_text(
        (ROOT / "bench" / "plan_update.lua").read_text()
        + (ROOT / "bench" / "report.lua").read_text()
    )
    return [
        drive(wrk, "saved plan", f"/plan/{first_token}/", computed=True),
        drive(
            wrk,
            "plan update (POST)",
            "/plan/",
            script=str(update),
            args=[str(tokens_path)],
            computed=True,
        ),
    ]


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
        # wrk sends every request from one address; the limits are not what is measured.
        "PLAN_CREATES_PER_HOUR": "100000000",
        "PLAN_UPDATES_PER_HOUR": "100000000",
    }
    report = (ROOT / "bench" / "report.lua").read_text()
    for how in ("htmx", "tracking"):
        script = (ROOT / "bench" / f"{how}.lua").read_text()
        (ROOT / "bench" / SCRIPTS[how]).write_text(script + report)
    print(f"Preparing {DATABASE_URL} (content ×{SCALE})…", flush=True)
    prepare_database(env)
    tokens_path = Path(tempfile.mkdtemp()) / "plan-tokens.txt"
    first_token = make_plans(env, tokens_path)
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
        results += drive_plans(wrk, tokens_path, first_token)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print_table(floor, results)
    failures = [r["name"] for r in results if below_target(r, floor)]
    if failures:
        print(
            "Below target (≥ 0.5 of the floor, p99 < 50 ms; computed pages ≥ 0.1, p99 < 100 ms; "
            "no errors): " + ", ".join(failures)
        )
        sys.exit(1)
    print(
        "Every page is at least half the floor with p99 under 50 ms (computed pages: 0.1 and "
        "100 ms), with no errors."
    )


def below_target(result, floor) -> bool:
    if result["computed"]:
        share, p99 = COMPUTED_FLOOR_SHARE, COMPUTED_P99_MS
    else:
        share, p99 = 0.5, 50
    return bool(result["errors"]) or result["p99"] >= p99 or result["rps"] < share * floor["rps"]


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
