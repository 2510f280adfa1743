"""Two app servers (two gunicorn masters) sharing one PostgreSQL database and one Redis: an edit
through one is what the other serves at the next request, and query parameters no page reads
neither fill the shared cache nor cost a fresh render: every worker answers a cached page at the
front door."""

import secrets
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

from .live import Editor, Server

pytestmark = pytest.mark.postgres_only


@pytest.fixture(scope="module")
def two_servers(live_database, redis_url, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("two-servers")
    servers = []
    try:
        # X-Cache (a development setting) on the first only: the second shows production's.
        for extra in ({"CAREERPATH_CACHE_HEADER": "1"}, {}):
            server = Server(live_database, tmp, workers=2, REDIS_URL=redis_url, **extra)
            servers.append(server)
            server.start()
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_an_edit_through_one_server_is_served_by_the_other_at_the_next_request(
    two_servers, live_database
):
    first, second = two_servers
    pk, slug = live_database.query(
        "SELECT id, slug FROM guides_faq WHERE published ORDER BY id DESC LIMIT 1"
    )[0]
    for server in (first, second):
        assert all(f'id="{slug}"' in a.text for a in server.every_worker("/faq/"))
    # Every worker of either server answers the page at the door (careerpath/front_door.py).
    assert {a.headers.get("x-cache") for a in first.every_worker("/faq/")} == {"door"}
    assert "x-cache" not in second.get("/faq/").headers, "production tells visitors what is cached"

    assert Editor(first).run_action("/admin/guides/faq/", "unpublish", [pk]).status == 302

    assert f'id="{slug}"' not in second.get("/faq/").text
    assert not [a for a in second.every_worker("/faq/") if f'id="{slug}"' in a.text]


def test_a_thousand_unknown_parameters_add_no_cache_entry_and_no_render(two_servers, redis_url):
    first, _ = two_servers
    path = "/roles/operations-manager/"
    first.get(path)
    assert first.get(path).headers["x-cache"] == "door"
    shared = redis.Redis.from_url(redis_url)
    entries = set(shared.keys("*careerpath:*"))

    def tracked(_):
        return first.get(f"{path}?utm_source={secrets.token_hex(8)}&utm_medium=walk")

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(tracked, range(1000)))

    assert {a.status for a in answers} == {200}
    assert {a.headers.get("x-cache") for a in answers} == {"door"}, "a tracking tag was rendered"
    assert set(shared.keys("*careerpath:*")) == entries
    shared.close()
