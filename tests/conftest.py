"""Shared fixtures: the real content files are loaded once into the test database, through the
same loader editors use; each test runs in a transaction that is rolled back."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

CONTENT_DIR = Path(settings.CONTENT_DIR)

# An anonymous page also costs the page cache one query: the content version every process
# shares (careerpath/freshness.py). Budgets below count the page's own queries plus this one.
VERSION_QUERY = 1


def load_site_content():
    call_command("load_content", str(CONTENT_DIR), verbosity=0, stdout=StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        # Never write into a real database: only a test database gets the content.
        name = str(connection.settings_dict["NAME"])
        assert name.startswith("test_") or "memory" in name or "mode=memory" in name, name
        load_site_content()


@pytest.fixture
def content_dir() -> Path:
    return CONTENT_DIR


@pytest.fixture
def htmx_headers():
    return {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cache_header(settings):
    """`X-Cache: hit` on cached pages, as in development (production never sends it)."""
    settings.PAGE_CACHE_HEADER = True


@pytest.fixture
def tenfold_content(db):
    """Ten times the real content (synthetic copies), inside the test's transaction."""
    from careerpath.synthetic import multiply_content

    return multiply_content(10)


def every_page(client, path: str, listed) -> list[str]:
    """What `listed(html)` finds on each page of a list, first page to last, following each
    page's "Next" link as a visitor without JavaScript would."""
    found, url = [], path
    while url:
        html = client.get(url).content.decode()
        found += listed(html)
        following = re.search(r'<a href="(\?page=\d+)" rel="next"', html)
        url = f"{path}{following.group(1)}" if following else ""
    return found
