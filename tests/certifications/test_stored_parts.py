"""Each certification's parts of the comparison and the catalogue, stored rendered when the
content is published (certifications/stored_parts.py): every page printed from them is the page
built from the content, byte for byte; an edit reaches them as it commits; until then, and for
another release, the pages are built from the content."""

import itertools
import re

import pytest

from careerpath.freshness import bump_content_version
from certifications import stored_parts
from certifications.fit import Growth
from certifications.models import Certification, Organization, StoredParts
from roles.models import Tier
from tests.conftest import VERSION_QUERY

pytestmark = pytest.mark.django_db

NONCE = re.compile(rb'nonce="[^"]+"')
MARKER = "Stored-part-marker"


@pytest.fixture
def stored(settings):
    """Publishing on, as in production, and the parts stored as publishing stores them; the
    page cache off, so that every answer is worked out."""
    settings.PUBLISH_PAGES = True
    settings.PAGE_CACHE_SECONDS = 0
    count = stored_parts.store(bump_content_version())
    assert count == Certification.objects.count()


def comparisons() -> list[str]:
    """Every pair, and some threes and fours with and without only the differences."""
    slugs = sorted(Certification.objects.values_list("slug", flat=True))
    pairs = [f"c={a}&c={b}" for a, b in itertools.combinations(slugs, 2)]
    more = ["&".join(f"c={s}" for s in slugs[i : i + n]) for n in (3, 4) for i in range(0, 9, 3)]
    return pairs + more + [f"{query}&diff=1" for query in more]


def fit_answers() -> list[str]:
    answers = [f"tier={t}&grow={g}" for t in Tier.values for g in Growth.values]
    return answers + [
        "tier=entry&grow=running-projects&target=operations-manager&years=1&industry=services",
        "tier=mid&grow=supply-chain&target=chief-operating-officer&years=0",
        "tier=senior&grow=production-floor&focus=process-improvement",
        "focus=planning-inventory&suits=mid",
        "issuer=asq",
    ]


def pages(client, urls) -> dict:
    """Each page and its htmx part as a visitor gets them (nonces taken out)."""
    found = {}
    for url in urls:
        for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
            response = client.get(url, **headers)
            found[url, bool(headers)] = (response.status_code, NONCE.sub(b"", response.content))
    return found


def test_every_comparison_from_stored_parts_is_the_comparison_built_from_the_content(
    client, stored
):
    urls = [f"/certifications/compare/?{query}" for query in comparisons()]
    from_stored = pages(client, urls)
    StoredParts.objects.all().delete()
    assert stored_parts.options() is None
    assert from_stored == pages(client, urls)
    assert {status for status, _ in from_stored.values()} == {200}


def test_every_fit_and_catalogue_page_from_stored_parts_is_the_page_built_from_the_content(
    client, stored
):
    urls = [f"/certifications/?{query}" for query in fit_answers()]
    from_stored = pages(client, urls)
    StoredParts.objects.all().delete()
    assert from_stored == pages(client, urls)
    shown = b"".join(body for _, body in from_stored.values())
    assert b"fit-list__item" in shown and b"certification-card" in shown


def test_pages_print_the_stored_parts(client, stored):
    """The parts are read, not built again: a part changed where it is stored shows."""
    row = StoredParts.objects.get(slug="cpim")
    row.listed = row.listed.replace("<h3>", f"<h3>{MARKER} ", 1)
    row.compared = row.compared.replace("<td>", f"<td>{MARKER} ", 1)
    row.save()
    assert MARKER in client.get("/certifications/").content.decode()
    compare = client.get("/certifications/compare/?c=cpim&c=cscp").content.decode()
    assert MARKER in compare


def test_parts_stored_by_another_release_are_not_read(client, stored, monkeypatch):
    StoredParts.objects.filter(slug="cpim").update(listed='{"card": "' + MARKER + '"}')
    monkeypatch.setattr("certifications.stored_parts.code_fingerprint", lambda: "another release")
    assert stored_parts.options() is None
    page = client.get("/certifications/").content.decode()
    assert MARKER not in page and 'href="/certifications/cpim/">CPIM</a>' in page


def test_until_an_edit_is_published_pages_are_built_from_the_content(client, stored):
    Certification.objects.filter(slug="cpim").update(name="Certified in Planning, Renamed")
    bump_content_version()  # as an edit does; publishing waits for a commit that never comes
    assert stored_parts.listed_parts(["cpim"]) is None
    compare = client.get("/certifications/compare/?c=cpim&c=cscp").content.decode()
    assert "Certified in Planning, Renamed" in compare
    fits = client.get("/certifications/?tier=mid&grow=production-floor").content.decode()
    assert "Certified in Planning, Renamed" in fits


def test_an_edit_reaches_the_stored_parts_as_it_commits(
    client, stored, django_capture_on_commit_callbacks
):
    ascm = Organization.objects.get(slug="ascm")
    with django_capture_on_commit_callbacks(execute=True):
        ascm.abbreviation = "ASCM-R"
        ascm.save()  # moves the version: the parts are stored again once this commits
    parts = stored_parts.compared_parts(["cpim"])
    assert parts is not None and "(ASCM-R)" in parts["cpim"]["cells"]["issuer"]
    assert "(ASCM-R)" in client.get("/certifications/compare/?c=cpim&c=pmp").content.decode()
    fits = client.get("/certifications/?tier=mid&grow=supply-chain").content.decode()
    assert "(ASCM-R)" in fits


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/certifications/?tier=mid&grow=supply-chain&target=operations-manager", 3),
        ("/certifications/compare/?c=cpim&c=cscp&c=pmp", 2),
    ],
)
def test_pages_read_from_stored_parts_stay_within_their_query_budget(
    client, stored, django_assert_max_num_queries, url, budget
):
    with django_assert_max_num_queries(budget + VERSION_QUERY):
        assert client.get(url).status_code == 200


def test_comparisons_typed_by_name_are_the_same_from_stored_parts(
    client, settings, tenfold_content
):
    """Past a list's size the comparison looks up only the certifications asked for, by slug
    or acronym, among the stored ones or the tables alike."""
    settings.PUBLISH_PAGES = True
    settings.PAGE_CACHE_SECONDS = 0
    stored_parts.store(bump_content_version())
    queries = ["c=CPIM&c=pmp&c=cscp-x3", "c=cpim&c=astronaut", "c=cpim&c=CPIM&c=pmp", "", "c=pmp"]
    urls = [f"/certifications/compare/?{query}" for query in queries]
    from_stored = pages(client, urls)
    StoredParts.objects.all().delete()
    assert from_stored == pages(client, urls)
    assert {status for status, _ in from_stored.values()} == {200, 400}


def test_a_comparison_whose_parts_move_on_while_it_reads_them_is_built_from_the_content(
    client, stored, monkeypatch
):
    """The list was read under one version and the next was stored before the parts were:
    the comparison reads the certifications themselves, and shows the same page."""
    url = "/certifications/compare/?c=cpim&c=cscp&c=pmp"
    from_stored = pages(client, [url])
    monkeypatch.setattr("certifications.stored_parts.compared_parts", lambda slugs: None)
    assert pages(client, [url]) == from_stored
