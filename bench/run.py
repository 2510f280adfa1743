"""`make bench`: every page type under load, with the page cache on and off, against a bare
Django floor.

Starts the bare floor (bench/floor_project.py: no middleware, no database, one view returning a
constant string) and measures it (the median of three runs); then starts the site twice under
the same gunicorn settings (PostgreSQL, real content, 4 workers), once with the page cache and
once without it (PAGE_CACHE_SECONDS=0; the pages published when the content changed are still
served, as in production: careerpath/publishing.py), and drives each page type, an htmx part, a
page asked for with a fresh tracking tag every time, a saved plan and a plan update with wrk on
loopback. A third run, for reference and without targets, builds every page on request
(publishing off too) and opens saved plans whose pages are not kept, so each is built. Prints
requests/s, p50/p95/p99 latency, errors and each page's share of the bare floor, and fails
when a target is missed:

- cache off: a page that shows one thing (or an index of things) at least 0.2 of the floor,
  a computed page (path planner, compare, fit finder, search, a saved plan) at least 0.1;
  p99 under 100 ms; no errors;
- cache on: every cacheable page at least 0.6 of the floor, no errors.

Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (32), BENCH_SCALE (1, or 10/100 for synthetic
content), WEB_CONCURRENCY (4), BENCH_DATABASE_URL, BENCH_REDIS_URL (database 14 of the local
Redis, emptied first), BENCH_ONLY (a substring of page names).
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
SCALE = int(os.environ.get("BENCH_SCALE", "1"))
PORT = int(os.environ.get("BENCH_PORT", "8799"))
ONLY = os.environ.get("BENCH_ONLY", "")
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/careerpath_bench"
)
# The page cache and the content version live in Redis, as on several hosts in production.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
# Shares of the bare floor, and the p99 every uncached answer must stay under.
CACHED_SHARE, PAGE_SHARE, COMPUTED_SHARE, UNCACHED_P99_MS = 0.6, 0.2, 0.1, 100


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    how: str = "plain"  # plain, htmx or tracking: which wrk script sends the requests
    computed: bool = False  # answers a question (a route, a comparison, a search), not a thing
    cacheable: bool = True  # plans are private: never in the page cache


CASES = [
    Case("home", "/"),
    Case("role index", "/roles/"),
    Case("role profile", "/roles/operations-manager/"),
    Case("role + tracking tag", "/roles/operations-manager/", "tracking"),
    Case("industry partial (htmx)", "/roles/operations-manager/?industry=services", "htmx"),
    Case("ladder", "/ladder/?role=operations-manager"),
    Case(
        "path planner",
        "/ladder/path/?from=operations-analyst&to=chief-operating-officer",
        computed=True,
    ),
    Case("certifications", "/certifications/"),
    Case(
        "fit finder",
        "/certifications/?tier=mid&grow=supply-chain&target=operations-manager",
        computed=True,
    ),
    Case("certification", "/certifications/cpim/"),
    Case("compare", "/certifications/compare/?c=cpim&c=cscp&c=pmp", computed=True),
    Case("faq", "/faq/"),
    Case("guides", "/guides/"),
    Case("guide", "/guides/working-with-senior-management/"),
    Case("search", "/search/?q=inventory", computed=True),
    Case("api: role", "/api/v1/roles/operations-manager"),
    Case(
        "api: path",
        "/api/v1/ladder/path?from=operations-analyst&to=chief-operating-officer",
        computed=True,
    ),
    Case("api: certifications", "/api/v1/certifications?suits=mid"),
]
FLOOR = Case("bare Django floor", "/_floor")
# The wrk script for each way of sending; htmx and tracking are built from their parts.
SCRIPTS = {"plain": "report.lua", "htmx": "htmx_report.lua", "tracking": "tracking_report.lua"}
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
    # Static files first: published pages name them (make serve keeps the same order).
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*manage, "load_content", "-v0"], env=env, check=True, stdout=subprocess.DEVNULL)
    if SCALE > 1:
        subprocess.run([*manage, "generate_content", "--factor", str(SCALE)], env=env, check=True)


def empty_cache():
    """A fresh database starts its content version again, so last run's pages must go."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).flushdb()
    except redis.RedisError as exc:
        sys.exit(f"the benchmark needs Redis at {REDIS_URL} (BENCH_REDIS_URL): {exc}")


def settle_database():
    """Write out what preparing the database left in memory (the content, the published pages,
    the plans) and refresh its statistics, so neither PostgreSQL's timed checkpoint nor its
    autovacuum does it in the middle of a measurement: one run once slowed the update POST by
    half as every commit waited behind those writes."""
    subprocess.run(
        ["psql", DATABASE_URL, "-qc", "VACUUM ANALYZE", "-c", "CHECKPOINT"],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def make_plans(env, path: Path) -> str:
    """Saved plans for the plan entries: one to read, and one per update POST."""
    code = PLANS_SCRIPT.format(count=BENCH_PLANS, path=str(path))
    subprocess.run([PY, str(ROOT / "manage.py"), "shell", "-c", code], env=env, check=True)
    return path.read_text().split(" ", 1)[0]


class Server:
    """gunicorn with the project's settings, serving `app`, until the block ends."""

    def __init__(self, app: str, env: dict, *, pythonpath: str = ""):
        self.command = [str(Path(PY).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")]
        if pythonpath:
            self.command += ["--pythonpath", pythonpath]
        self.command.append(app)
        self.env = env

    def __enter__(self):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", PORT)) == 0:
                sys.exit(f"port {PORT} is taken; set BENCH_PORT")
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=ROOT, start_new_session=True
        )
        wait_for(f"http://127.0.0.1:{PORT}/_floor")
        return self

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


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


def drive(wrk, case: Case, *, script=None, args=()) -> dict:
    """Warm up (fills the page cache the way real traffic would, and each worker's
    connections), then measure. `args` go to the script, followed by "warm" or "measure"."""
    url = f"http://127.0.0.1:{PORT}{case.path}"
    script = script or str(ROOT / "bench" / SCRIPTS[case.how])
    warm = [wrk, "-t2", "-c8", "-d1s", "-s", script, url, "--", *args, "warm"]
    subprocess.run(warm, capture_output=True, check=False)
    measure = [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "5s", "-s", script]
    out = subprocess.run(
        [*measure, url, "--", *args, "measure"], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("{"))
    drain()
    return {"case": case, **json.loads(line)}


def drain(timeout=300):
    """Wait until the workers have answered what wrk left queued when it stopped: a slow
    page's backlog would otherwise be charged to the next case. A request to /_floor joins
    the back of the queue, so its answer means the queue is empty."""
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/_floor", timeout=timeout) as answer:
        answer.read()


def with_report(name: str, *parts: str) -> str:
    """The wrk script bench/<name>.lua after the shared `parts` (bench/<part>.lua) and followed
    by the report, as one file wrk can run."""
    script = ROOT / "bench" / f"{name}_report.lua"
    names = [*parts, name, "report"]
    script.write_text("".join((ROOT / "bench" / f"{n}.lua").read_text() for n in names))
    return str(script)


def drive_plans(wrk, tokens_path: Path, first_token: str) -> list[dict]:
    saved = Case("saved plan", f"/plan/{first_token}/", computed=True, cacheable=False)
    post = Case("plan update (POST)", "/plan/", computed=True, cacheable=False)
    return [
        drive(wrk, saved),
        drive(wrk, post, script=with_report("plan_update", "tokens"), args=[str(tokens_path)]),
    ]


def drive_built_plans(wrk, tokens_path: Path) -> list[dict]:
    built = Case("saved plan, page built", "/plan/", computed=True, cacheable=False)
    return [drive(wrk, built, script=with_report("plan_built", "tokens"), args=[str(tokens_path)])]


def miss(result, floor_rps, cached: bool) -> str:
    """Why a result misses its target, or "" when it meets it."""
    case, share = result["case"], result["rps"] / floor_rps
    if not result["requests"]:
        return f"no answer within {SECONDS} s"
    if result["errors"]:
        return f"{result['errors']} errors"
    if cached:
        return f"{share:.2f} of the floor < {CACHED_SHARE}" if share < CACHED_SHARE else ""
    wanted = COMPUTED_SHARE if case.computed else PAGE_SHARE
    if share < wanted:
        return f"{share:.2f} of the floor < {wanted}"
    if result["p99"] >= UNCACHED_P99_MS:
        return f"p99 {result['p99']:.0f} ms ≥ {UNCACHED_P99_MS} ms"
    return ""


def print_table(title, floor, results, cached):
    print(f"\n{title}\n")
    columns = ["req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "÷floor"]
    widths = [9, 8, 8, 8, 7, 7]
    header = f"{'page':28} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    print(header + "  target")
    print("-" * (len(header) + 30))
    for r in [floor, *results]:
        why = "" if r is floor or cached is None else miss(r, floor["rps"], cached)
        verdict = "" if r is floor or cached is None else ("MISSED: " + why if why else "met")
        print(
            f"{r['case'].name:28} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f} "
            f"{r['p99']:8.2f} {r['errors']:7d} {r['rps'] / floor['rps']:7.2f}  {verdict}"
        )


def main():
    wrk = ensure_wrk()
    secret = "bench-" + os.urandom(24).hex()
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "CAREERPATH_BENCH_FLOOR": "1",  # /_floor answers, so the runner knows the site is up
        "PORT": str(PORT),
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "4"),
        # wrk sends every request from one address; the limits are not what is measured.
        "PLAN_CREATES_PER_HOUR": "100000000",
        "PLAN_UPDATES_PER_HOUR": "100000000",
    }
    for how in ("htmx", "tracking"):
        with_report(how)
    print(f"Preparing {DATABASE_URL} (content ×{SCALE})…", flush=True)
    prepare_database(env)
    empty_cache()
    tokens_path = Path(tempfile.mkdtemp()) / "plan-tokens.txt"
    first_token = make_plans(env, tokens_path)
    settle_database()
    cases = [c for c in CASES if ONLY in c.name]

    with Server("floor_project:application", env, pythonpath=str(ROOT / "bench")):
        # The run of median throughput of three: on a shared machine one run of the lightest
        # answer there is can land a fifth above or below the next, and every share divides by it.
        floors = sorted((drive(wrk, FLOOR) for _ in range(3)), key=lambda r: r["rps"])
        floor = floors[1]
    runs = {}
    for cached in (True, False):
        mode = {**env, "PAGE_CACHE_SECONDS": "600" if cached else "0"}
        with Server("careerpath.wsgi:application", mode):
            results = [drive(wrk, case) for case in cases]
            if not cached and (not ONLY or "plan" in ONLY):
                results += drive_plans(wrk, tokens_path, first_token)
        runs[cached] = [r for r in results if r["case"].cacheable or not cached]
    # For reference, no targets: the pages published when content changes, built on request
    # instead, as during the moments between a change and its publishing.
    built = {**env, "PAGE_CACHE_SECONDS": "0", "CAREERPATH_PUBLISH_PAGES": "0"}
    with Server("careerpath.wsgi:application", built):
        reference = [drive(wrk, case) for case in cases if not case.computed]
        if not ONLY or "plan" in ONLY:
            reference += drive_built_plans(wrk, tokens_path)

    setting = f"{CONNECTIONS} connections, {SECONDS} s each, content ×{SCALE}"
    print_table(f"Page cache on ({setting})", floor, runs[True], cached=True)
    print_table(f"Page cache off ({setting})", floor, runs[False], cached=False)
    print_table(
        f"Built on request: page cache and publishing off, no targets ({setting})",
        floor,
        reference,
        cached=None,
    )
    missed = [
        f"{r['case'].name} ({'cached' if cached else 'uncached'}: {miss(r, floor['rps'], cached)})"
        for cached, results in runs.items()
        for r in results
        if miss(r, floor["rps"], cached)
    ]
    print()
    if missed:
        print(f"{len(missed)} targets missed: " + "; ".join(missed))
        sys.exit(1)
    print("Every target met, with no errors.")


if __name__ == "__main__":
    main()
