"""The home page shows the ladder at a glance and the way into every section."""

import pytest
from django.urls import reverse

from roles.models import Role

pytestmark = pytest.mark.django_db


def test_home_lists_all_ten_roles_with_links(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for role in Role.objects.all():
        assert f'href="{role.get_absolute_url()}"' in html
        assert role.title in html


def test_home_links_to_every_section(client):
    html = client.get("/").content.decode()
    for name in ("roles:index", "ladder", "certifications:index", "guides:faq", "guides:index"):
        assert f'href="{reverse(name)}"' in html


def test_home_shows_the_sourced_operations_manager_median(client):
    assert "$102,950" in client.get("/").content.decode()
