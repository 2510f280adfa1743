"""After signing in, a `next=` the site refuses (another host) leads to the admin, not to
Django's default /accounts/profile/, which does not exist here."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_rejected_next_after_sign_in_lands_on_the_admin(client, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-passphrase-42", is_staff=True)
    response = client.post(
        "/admin/login/",
        {
            "username": "editor",
            "password": "a-long-passphrase-42",
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200
