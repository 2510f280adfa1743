"""URLs reversed once are the URLs Django reverses, and a plan's secret link is never kept."""

import pytest
from django.template import engines
from django.urls import reverse as django_reverse

from common import urls
from roles.models import Role

pytestmark = pytest.mark.django_db


def test_links_on_pages_are_the_urls_django_reverses(client):
    role = Role.objects.get(slug="operations-manager")
    assert role.get_absolute_url() == django_reverse("roles:detail", args=[role.slug])
    rendered = (
        engines["django"]
        .from_string("{% url 'roles:detail' slug %}|{% url 'path' as p %}{{ p }}")
        .render({"slug": "chief-operating-officer"})
    )
    assert rendered == "/roles/chief-operating-officer/|/ladder/path/"


def test_an_unknown_name_still_fails_as_it_does_in_django():
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        urls.reverse("roles:no-such-page")


def test_a_plans_private_link_is_built_each_time_and_kept_nowhere():
    urls._reverse.cache_clear()
    token = "k" * 43
    first = urls.reverse("plans:detail", [token])
    second = urls.reverse("plans:detail", [token])
    assert first == second == f"/plan/{token}/"
    assert urls._reverse.cache_info().currsize == 0
    urls.reverse("roles:detail", ["operations-manager"])
    assert urls._reverse.cache_info().currsize == 1
