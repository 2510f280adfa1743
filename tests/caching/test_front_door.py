"""The front door (careerpath/front_door.py) in one process, through the WSGI application as
gunicorn calls it, on Redis: a cached page is answered before Django, exactly as Django answered
it but with the request's own nonce, and never when Django would answer otherwise. The same door
on two gunicorn masters is in test_two_servers.py."""

import re

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from careerpath.front_door import FrontDoor

pytestmark = pytest.mark.django_db

ROLE = "/roles/operations-manager/"
NONCE = re.compile(r"'nonce-([^']+)'")


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes):
        self.status = int(status.split()[0])
        self.header_list = headers
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body
        self.text = body.decode()

    @property
    def source(self):
        return self.headers.get("x-cache")

    @property
    def nonce(self) -> str:
        return NONCE.search(self.headers["content-security-policy"]).group(1)


@pytest.fixture
def application():
    """The site as gunicorn runs it, inside the test's transaction: as Django's test client
    does, a request does not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield FrontDoor(WSGIHandler())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def door(application, shared_cache, cache_header):

    def get(path, *, method="GET", headers=None, **extra):
        factory = RequestFactory()
        request = factory.generic(method, path, headers=headers, **extra)
        started = {}

        def start_response(status, headers, exc_info=None):
            started.update(status=status, headers=headers)

        body = b"".join(application(request.environ, start_response))
        return Answer(started["status"], started["headers"], body)

    return get


def test_a_cached_page_is_answered_at_the_door_as_django_answered_it(door):
    built = door(ROLE)
    kept = door(ROLE)
    assert built.source is None and kept.source == "door"
    assert kept.status == 200
    assert kept.text.replace(kept.nonce, "N") == built.text.replace(built.nonce, "N")
    unchanged = {"content-security-policy", "x-cache", "content-length"}
    assert {k: v for k, v in kept.headers.items() if k not in unchanged} == {
        k: v for k, v in built.headers.items() if k not in unchanged
    }
    policy = kept.headers["content-security-policy"]
    assert policy.replace(kept.nonce, "N") == built.headers["content-security-policy"].replace(
        built.nonce, "N"
    )
    assert int(kept.headers["content-length"]) == len(kept.body)


def test_every_answer_at_the_door_has_a_fresh_nonce_its_scripts_carry(door):
    door(ROLE)
    answers = [door(ROLE) for _ in range(3)]
    assert {a.source for a in answers} == {"door"}
    assert len({a.nonce for a in answers}) == 3
    for answer in answers:
        assert f'nonce="{answer.nonce}"' in answer.text
        assert "__careerpath_csp_nonce__" not in answer.text


def test_an_edit_is_on_the_next_answer_not_the_page_the_door_kept(
    door, django_capture_on_commit_callbacks
):
    from roles.models import Role

    door(ROLE)
    assert door(ROLE).source == "door"
    with django_capture_on_commit_callbacks(execute=True):
        role = Role.objects.get(slug="operations-manager")
        role.headline = "Rewritten while the door held the page."
        role.save()
    fresh = door(ROLE)
    assert fresh.source != "door"
    assert "Rewritten while the door held the page." in fresh.text
    again = door(ROLE)
    assert again.source == "door" and "Rewritten while the door held the page." in again.text


def test_a_tracking_tag_is_the_page_the_door_holds_and_adds_no_entry(door, shared_cache):
    door(ROLE)
    entries = set(shared_cache.keys("*careerpath:*"))
    tagged = [door(f"{ROLE}?utm_source=news{n}&utm_medium=mail") for n in range(5)]
    assert {a.source for a in tagged} == {"door"}
    assert set(shared_cache.keys("*careerpath:*")) == entries


def test_the_parameters_a_page_reads_are_other_answers(door):
    door("/certifications/compare/?c=cpim&c=cscp")
    other = door("/certifications/compare/?c=cpim&c=pmp")
    assert other.source != "door"
    assert "Project Management Professional" in other.text
    assert door("/certifications/compare/?c=cpim&c=pmp").source == "door"


def test_the_door_tells_a_page_from_its_htmx_fragment(door):
    door("/faq/")
    fragment = door("/faq/", headers={"HX-Request": "true"})
    assert fragment.source != "door" and "<html" not in fragment.text
    assert "<html" in door("/faq/").text
    kept_fragment = door("/faq/", headers={"HX-Request": "true"})
    assert kept_fragment.source == "door" and "<html" not in kept_fragment.text
    restored = door("/faq/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restored.text


def test_each_host_has_its_own_entry(door):
    door(ROLE, HTTP_HOST="localhost")
    other = door(ROLE, HTTP_HOST="127.0.0.1")
    assert other.source != "door"
    assert door(ROLE, HTTP_HOST="not-allowed.example").status == 400


@pytest.mark.parametrize(
    "request_args",
    [
        {"headers": {"Cookie": "sessionid=someone"}},
        {"method": "HEAD"},
        {"method": "POST"},
    ],
    ids=["signed-in visitor", "HEAD", "POST"],
)
def test_what_django_must_answer_itself_never_gets_the_door(door, request_args):
    door(ROLE)
    assert door(ROLE).source == "door"
    assert door(ROLE, **request_args).source != "door"


def test_an_api_answer_revalidates_through_django(door):
    url = "/api/v1/roles/operations-manager"
    door(url)
    kept = door(url)
    assert kept.source == "door" and kept.headers["access-control-allow-origin"] == "*"
    unchanged = door(url, headers={"If-None-Match": kept.headers["etag"]})
    assert unchanged.status == 304 and unchanged.body == b""
