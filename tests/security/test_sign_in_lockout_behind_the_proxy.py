"""Behind the TLS proxy every request comes from the proxy's address: failed sign-ins are
counted per client address (from X-Forwarded-For, trusting exactly one proxy), so strangers
cannot lock an editor out, and one address trying many usernames is locked on its own."""

import pytest
from django.contrib.auth.models import User

from common.client_address import client_address

pytestmark = pytest.mark.django_db

RIGHT = "the-right-password-42"
PROXY = "127.0.0.1"  # the test client's REMOTE_ADDR: the proxy in front of the app


def sign_in(client, username, password, forwarded_for):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        HTTP_X_FORWARDED_FOR=forwarded_for,
        REMOTE_ADDR=PROXY,
    )


@pytest.fixture
def editor():
    return User.objects.create_user("editor", password=RIGHT, is_staff=True)


def test_failures_from_one_client_do_not_lock_the_editor_out_from_another(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong-password", "203.0.113.5")
    assert sign_in(client, "editor", RIGHT, "203.0.113.5").status_code == 429

    response = sign_in(client, "editor", RIGHT, "198.51.100.7")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_one_address_trying_many_usernames_is_locked_for_every_username(client, editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{number}", "wrong-password", "203.0.113.5")
    locked = sign_in(client, "editor", RIGHT, "203.0.113.5")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "editor", RIGHT, "198.51.100.7").status_code == 302


def test_an_address_the_client_wrote_left_of_the_proxys_entry_is_ignored(client, editor, settings):
    # The proxy appends the address it saw; whatever the client sent stays on the left.
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", "wrong-password", f"10.0.0.{number}, 203.0.113.5")
    assert sign_in(client, "editor", RIGHT, "10.0.0.99, 203.0.113.5").status_code == 429


def test_with_no_trusted_proxy_the_header_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="192.0.2.1")
    assert client_address(request) == "192.0.2.1"


def test_two_trusted_proxies_take_the_second_entry_from_the_right(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5, 10.0.0.2")
    assert client_address(request) == "203.0.113.5"


def test_a_header_that_is_not_an_address_falls_back_to_the_socket(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address", REMOTE_ADDR="192.0.2.1")
    assert client_address(request) == "192.0.2.1"
