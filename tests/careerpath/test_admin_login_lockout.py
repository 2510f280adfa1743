"""Repeated failed sign-ins to the admin lock the account out for a while."""

import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db


def sign_in(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password})


def test_five_failed_sign_ins_lock_the_account_even_for_the_right_password(client, settings):
    User.objects.create_user("editor", password="the-right-password-42", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "wrong-password")
        assert response.status_code in (200, 429)
    locked = sign_in(client, "the-right-password-42")
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_signs_in(client):
    User.objects.create_user("editor", password="the-right-password-42", is_staff=True)
    sign_in(client, "wrong-password")
    response = sign_in(client, "the-right-password-42")
    assert response.status_code == 302 and response["Location"] == "/admin/"
