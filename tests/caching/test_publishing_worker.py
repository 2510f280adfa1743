"""Publishing in a worker of its own (CAREERPATH_TASKS=database, as `make serve` runs the site):
an editor's save queues the publishing instead of doing it; visitors see the change at once,
built on request, and are served the published pages once the worker has run."""

import pytest

from .live import Editor, Server

pytestmark = pytest.mark.postgres_only

QUEUE = "django_tasks_database_dbtaskresult"


@pytest.fixture(scope="module")
def queued_site(live_database, tmp_path_factory):
    """Two web workers that queue publishing, the page cache off (so every answer says whether
    it was published or built: X-Cache, a development setting)."""
    server = Server(
        live_database,
        tmp_path_factory.mktemp("queued"),
        workers=2,
        PAGE_CACHE_SECONDS="0",
        CAREERPATH_CACHE_HEADER="1",
        CAREERPATH_TASKS="database",
    )
    server.start()
    yield server
    server.stop()


def waiting_versions(live_database) -> list[int]:
    """The content versions whose publishing is queued and not yet done."""
    rows = live_database.query(
        f"SELECT args_kwargs FROM {QUEUE} WHERE status = 'READY' ORDER BY enqueued_at"
    )
    return [row[0]["args"][0] for row in rows]


def current_version(live_database) -> int:
    return live_database.query("SELECT version FROM careerpath_contentversion WHERE id = 1")[0][0]


def run_worker(live_database):
    """`manage.py db_worker --batch`: a worker that runs what is queued, then stops."""
    return live_database.manage("db_worker", "--batch", CAREERPATH_TASKS="database")


def test_an_admin_edit_shows_at_once_and_the_worker_publishes_it(queued_site, live_database):
    live_database.manage("publish_pages", "-v0")
    pk, slug = live_database.query(
        "SELECT id, slug FROM guides_faq WHERE published ORDER BY id LIMIT 1"
    )[0]
    before = queued_site.get("/faq/")
    assert before.headers.get("x-cache") == "published"
    assert f'id="{slug}"' in before.text
    editor = Editor(queued_site)
    try:
        assert editor.run_action("/admin/guides/faq/", "unpublish", [pk]).status == 302

        # The save left the publishing to the worker, for the version it moved the content to.
        assert waiting_versions(live_database) == [current_version(live_database)]
        waiting = queued_site.every_worker("/faq/")
        assert not [a for a in waiting if f'id="{slug}"' in a.text], "an old page was served"
        assert "published" not in {a.headers.get("x-cache") for a in waiting}

        run_worker(live_database)

        assert waiting_versions(live_database) == []
        after = queued_site.every_worker("/faq/")
        assert {a.headers.get("x-cache") for a in after} == {"published"}
        assert not [a for a in after if f'id="{slug}"' in a.text]
    finally:
        editor.run_action("/admin/guides/faq/", "publish", [pk])
        run_worker(live_database)
    assert f'id="{slug}"' in queued_site.get("/faq/").text


def test_a_queued_publishing_whose_version_has_gone_by_publishes_nothing(
    queued_site, live_database
):
    # Two changes before the worker runs: the first one's publishing would store pages nobody
    # reads; it is skipped, and the second one's publishes.
    editor = Editor(queued_site)
    pk = live_database.query("SELECT id FROM guides_faq WHERE published ORDER BY id LIMIT 1")[0][0]
    assert editor.run_action("/admin/guides/faq/", "unpublish", [pk]).status == 302
    assert editor.run_action("/admin/guides/faq/", "publish", [pk]).status == 302
    first, second = waiting_versions(live_database)
    assert second == current_version(live_database) > first

    run_worker(live_database)

    done = dict(
        (row[0]["args"][0], row[1])
        for row in live_database.query(
            f"SELECT args_kwargs, return_value FROM {QUEUE} WHERE status = 'SUCCESSFUL'"
        )
    )
    assert done[first] == 0
    assert live_database.query(
        "SELECT version, count(*) FROM careerpath_publishedpage GROUP BY version"
    ) == [(second, done[second])]
    assert queued_site.get("/faq/").headers.get("x-cache") == "published"
