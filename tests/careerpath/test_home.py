"""The home page shows the ladder at a glance and the way into every section."""

import pytest
from django.urls import reverse

from common.pagination import RUNG_LIMIT
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


def test_with_many_roles_to_a_rung_the_home_shows_the_first_few_and_counts_the_rest(
    client, tenfold_content
):
    html = client.get("/").content.decode()
    glance = html.split('class="ladder-glance"', 1)[1].split("</ol>", 1)[0]
    for rank in Role.objects.values_list("rank", flat=True).distinct():
        on_rung = Role.objects.filter(rank=rank).order_by("title", "slug")
        first = on_rung[:RUNG_LIMIT]
        assert all(f'href="{role.get_absolute_url()}"' in glance for role in first)
        more = on_rung.count() - RUNG_LIMIT
        assert f"{more} more role{'s' if more != 1 else ''} on this rung</a>" in glance
    shown = glance.count('<li><a href="/roles/')
    assert shown == RUNG_LIMIT * Role.objects.values("rank").distinct().count()
