"""gunicorn with three workers on PostgreSQL, the default local-memory cache: an edit, wherever
it is made, is on every worker's answer at the next request, and so is a change to a saved
plan; a database outage leaves cached pages up and answers 503 quickly for the rest."""

from urllib.parse import urlencode

import pytest
import yaml

from .live import ROOT, Editor, Server, copy_content

pytestmark = pytest.mark.postgres_only


@pytest.fixture(scope="module")
def workers(live_database, tmp_path_factory):
    # X-Cache on (a development setting) to show every worker really answers from its cache.
    server = Server(
        live_database, tmp_path_factory.mktemp("workers"), workers=3, CAREERPATH_CACHE_HEADER="1"
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def uncached_workers(live_database, tmp_path_factory):
    """The page cache off: pages come from those published when the content changed."""
    server = Server(
        live_database,
        tmp_path_factory.mktemp("uncached"),
        workers=3,
        PAGE_CACHE_SECONDS="0",
        CAREERPATH_CACHE_HEADER="1",
    )
    server.start()
    yield server
    server.stop()


def load_changed(live_database, tmp_path, kind: str, slug: str, **values) -> None:
    """Change one record of a content file (`kind`: roles, skills…) and load the content with
    `load_content`, run in a process of its own."""
    files = copy_content(tmp_path)
    path = files / f"{kind}.yaml"
    records = yaml.safe_load(path.read_text())
    next(r for r in records if r["slug"] == slug).update(values)
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True))
    live_database.manage("load_content", str(files), "-v0")


def every_worker_serves_it_from_its_cache(server, path):
    server.every_worker(path)  # each worker builds and keeps the page
    answers = server.every_worker(path)
    assert all(a.status == 200 and a.headers.get("x-cache") == "hit" for a in answers)
    return answers


def test_an_faq_unpublished_in_the_admin_leaves_every_worker_at_the_next_request(
    workers, live_database
):
    pk, slug = live_database.query(
        "SELECT id, slug FROM guides_faq WHERE published ORDER BY id LIMIT 1"
    )[0]
    before = every_worker_serves_it_from_its_cache(workers, "/faq/")
    assert all(f'id="{slug}"' in a.text for a in before)

    saved = Editor(workers).run_action("/admin/guides/faq/", "unpublish", [pk])
    assert saved.status == 302

    after = workers.every_worker("/faq/")
    assert [a.status for a in after] == [200] * len(after)
    assert not [a for a in after if f'id="{slug}"' in a.text], "a worker kept the old page"


def test_a_role_changed_by_load_content_in_another_process_shows_on_every_worker(
    workers, live_database, tmp_path
):
    path = "/roles/operations-manager/"
    headline = "Changed by a content load in another process, seen by every worker."
    before = every_worker_serves_it_from_its_cache(workers, path)
    assert not [a for a in before if headline in a.text]

    load_changed(live_database, tmp_path, "roles", "operations-manager", headline=headline)

    after = workers.every_worker(path)
    assert all(headline in a.text for a in after), "a worker kept the old page"


def test_a_change_loaded_by_another_process_is_published_and_served_by_every_worker(
    uncached_workers, live_database, tmp_path
):
    path = "/roles/inventory-analyst/"
    headline = "Published by the process that loaded it, served by every worker."
    before = uncached_workers.every_worker(path)
    assert {a.headers.get("x-cache") for a in before} == {"published"}
    assert not [a for a in before if headline in a.text]

    load_changed(live_database, tmp_path, "roles", "inventory-analyst", headline=headline)

    after = uncached_workers.every_worker(path)
    assert all(headline in a.text for a in after), "a worker served the old page"
    assert {a.headers.get("x-cache") for a in after} == {"published"}


def test_a_skill_level_loaded_by_another_process_reaches_every_worker_s_routes(
    uncached_workers, live_database, tmp_path
):
    # Routes read the ladder stored when the content changed, by the process that changed it.
    path = "/ladder/path/?from=vp-of-operations&to=chief-operating-officer"
    api = "/api/v1/ladder/path?from=vp-of-operations&to=chief-operating-officer"
    gain = ">Negotiation</a>: level 4 → 5"
    assert all(gain in a.text for a in uncached_workers.every_worker(path))
    assert all('"negotiation"' in a.text for a in uncached_workers.every_worker(api))
    records = yaml.safe_load((ROOT / "fixtures" / "roles.yaml").read_text())
    skills = next(r for r in records if r["slug"] == "chief-operating-officer")["skills"]

    load_changed(
        live_database,
        tmp_path,
        "roles",
        "chief-operating-officer",
        skills={**skills, "negotiation": 4},
    )

    after = uncached_workers.every_worker(path)
    assert all(a.status == 200 and gain not in a.text for a in after), (
        "a worker read the old ladder"
    )
    assert all('"negotiation"' not in a.text for a in uncached_workers.every_worker(api))


def test_with_the_database_away_cached_pages_answer_and_the_rest_503_within_a_second(
    workers, live_database
):
    every_worker_serves_it_from_its_cache(workers, "/roles/")
    live_database.cut_off()
    try:
        cached = workers.every_worker("/roles/")
        assert {a.status for a in cached} == {200}
        # The first request after the cut waits for the pool to give up (DATABASE_POOL_TIMEOUT,
        # 0.5 s) before serving what is cached; none waits for a connect timeout.
        assert max(a.seconds for a in cached) < 1.5, "a cached page waited for the database"
        for path in ("/guides/", "/healthz", "/guides/", "/healthz", "/guides/", "/healthz"):
            answer = workers.get(path)
            assert answer.status == 503, path
            assert answer.headers["retry-after"] == "30"
            assert answer.seconds < 1, f"{path} took {answer.seconds:.2f} s"
    finally:
        live_database.restore()
    recovered = workers.get("/guides/")
    assert recovered.status == 200
    assert workers.get("/healthz").status == 200
    assert {a.status for a in workers.every_worker("/certifications/")} == {200}


def new_plan(server) -> tuple[str, dict, dict]:
    """(address, cookie header, CSRF form field) of a plan made through the server."""
    start = server.get("/plan/")
    cookie = {"Cookie": f"csrftoken={start.cookies['csrftoken']}"}
    form = {"csrfmiddlewaretoken": Editor._token(start.text)}
    created = server.get(
        "/plan/",
        {**cookie, "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
        body=urlencode({**form, "current": "operations-analyst", "target": "operations-manager"}),
    )
    assert created.status == 302, created.text[:2000]
    return created.headers["location"].split("?")[0], cookie, form


def test_a_kept_plan_page_changed_through_one_worker_is_current_on_every_worker(workers):
    url, cookie, form = new_plan(workers)
    workers.every_worker(url)  # one worker builds the page and keeps it in the database
    before = workers.every_worker(url)
    assert {a.headers.get("x-plan-page") for a in before} == {"kept"}

    marked = workers.get(
        url,
        {**cookie, "Content-Type": "application/x-www-form-urlencoded"},
        method="POST",
        body=urlencode(
            {**form, "action": "status", "version": "1", "skill": "leadership", "status": "done"}
        ),
    )
    assert marked.status == 302, marked.text[:2000]

    after = workers.every_worker(url)
    done = 'Status of Leadership: <span class="status-now">Done</span>'
    assert all(a.status == 200 and done in a.text for a in after), "a worker kept the old page"


def test_a_content_edit_reaches_every_plan_page_built_after_it_on_every_worker(
    workers, live_database, tmp_path
):
    """Each worker keeps the catalogue plan pages read in its own cache (local memory here),
    under the content version it was read at: after an edit, no worker builds from the old."""
    plans = [new_plan(workers)[0] for _ in range(2)]
    workers.every_worker(plans[0])  # every worker reads the catalogue and keeps it
    try:
        load_changed(live_database, tmp_path, "skills", "leadership", name="Leading Teams")
        for url in plans:
            answers = workers.every_worker(url)
            assert all(a.status == 200 and "Leading Teams" in a.text for a in answers)
    finally:
        load_changed(live_database, tmp_path, "skills", "leadership", name="Leadership")
