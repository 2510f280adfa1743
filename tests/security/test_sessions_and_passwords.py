"""Staff sessions end 12 hours after sign-in and after 30 minutes idle; passwords need at
least 12 characters (ASVS 2.1.1, 3.3.2)."""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from common.sessions import LAST_SEEN, SIGNED_IN_AT

pytestmark = pytest.mark.django_db
MINUTE, HOUR = 60, 60 * 60


def _age_session(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_the_session_cookie_lasts_twelve_hours_not_two_weeks(client, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-passphrase-42", is_staff=True)
    client.post("/admin/login/", {"username": "editor", "password": "a-long-passphrase-42"})
    assert client.cookies["sessionid"]["max-age"] == 12 * HOUR


def test_an_editor_idle_for_more_than_thirty_minutes_is_signed_out(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    _age_session(admin_client, **{LAST_SEEN: 31 * MINUTE})
    response = admin_client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in admin_client.session


def test_an_editor_back_within_thirty_minutes_stays_signed_in(admin_client):
    _age_session(admin_client, **{LAST_SEEN: 29 * MINUTE})
    assert admin_client.get("/admin/").status_code == 200
    assert admin_client.get("/admin/").status_code == 200


def test_an_active_editor_is_signed_out_twelve_hours_after_signing_in(admin_client):
    _age_session(admin_client, **{SIGNED_IN_AT: 12 * HOUR + MINUTE, LAST_SEEN: MINUTE})
    response = admin_client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_password_of_eleven_characters_is_refused():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("Xk3#pl9vQz1")
    validate_password("Xk3#pl9vQz1m")  # twelve is enough


def test_the_admin_refuses_an_eleven_character_password(admin_client, django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    response = admin_client.post(
        f"/admin/auth/user/{user.pk}/password/",
        {"password1": "Xk3#pl9vQz1", "password2": "Xk3#pl9vQz1", "usable_password": "true"},
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_anonymous_pages_do_not_vary_on_the_cookie(client):
    # The idle check looks at the session only when there is one, so shared caches can keep
    # one copy of a public page for everyone.
    assert client.get("/robots.txt").get("Vary") is None
