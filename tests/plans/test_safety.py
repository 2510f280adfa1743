"""Kept safely: private headers, no token leaks, delete, CSRF, rate limits, two tabs,
content changes, purge and bad input, each answered clearly with nothing lost."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from certifications.models import Certification
from plans.models import Plan, RateCounter
from roles.models import Role, Skill

pytestmark = pytest.mark.django_db


def plan_pages(token):
    base = f"/plan/{token}/"
    return [base, base + "plan.json", base + "plan.pdf"]


def test_every_plan_page_is_private_uncached_unindexed_and_never_sends_its_address(client, saved):
    _, token, _ = saved
    for url in ["/plan/", *plan_pages(token)]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
        assert "noindex" in response["X-Robots-Tag"], url
        # At most the site's origin in a Referer, never the path that holds the token.
        assert response["Referrer-Policy"] == "strict-origin", url
        assert "X-Cache" not in response, url


def test_a_plan_page_is_never_served_from_the_shared_page_cache(client, saved):
    _, _, url = saved
    client.get(url)

    second = client.get(url)

    assert "X-Cache" not in second


def test_no_link_on_a_plan_page_carries_the_token_off_the_site(client, saved):
    _, token, url = saved
    html = client.get(url).content.decode()

    for href in re.findall(r'(?:href|src|action)="([^"]*)"', html):
        if token in href:
            assert href.startswith(f"/plan/{token}/"), href
        assert not href.startswith(("http://", "https://", "//")) or "noreferrer" in html, href
    assert 'rel="canonical"' not in html and "og:url" not in html
    for tag in re.findall(r"<a [^>]*href=\"https?://[^>]*>", html):
        assert "noreferrer" in tag, tag


def test_deleting_asks_for_confirmation_then_removes_the_plan_at_once(client, saved):
    _, token, url = saved

    asked = client.post(url, {"action": "delete"})
    assert asked.status_code == 200 and b"Yes, delete my plan" in asked.content
    assert Plan.objects.count() == 1

    done = client.post(url, {"action": "delete-confirmed"})
    assert done.status_code == 302 and done["Location"] == "/plan/?deleted=1"
    assert Plan.objects.count() == 0
    assert client.get(url).status_code == 404
    assert b"Your plan has been deleted" in client.get(done["Location"]).content


def test_every_plan_post_needs_the_csrf_token(saved):
    _, _, url = saved
    strict = Client(enforce_csrf_checks=True)

    assert strict.post(url, {"action": "delete-confirmed"}).status_code == 403
    assert strict.post("/plan/", {"current": "operations-analyst"}).status_code == 403
    assert Plan.objects.count() == 1


def test_an_unknown_or_malformed_token_is_a_404(client, saved):
    assert client.get("/plan/" + "A" * 43 + "/").status_code == 404
    assert client.get("/plan/short/").status_code == 404
    assert client.get("/plan/" + "A" * 43 + "/plan.pdf").status_code == 404


# --- two tabs, one plan ------------------------------------------------------------------------


def test_a_stale_update_is_refused_with_the_current_plan_and_what_was_not_saved(client, saved):
    plan, _, url = saved
    # Tab one marks an action done (version 1 -> 2) ...
    client.post(url, {"action": "status", "version": "1", "skill": "lean", "status": "done"})

    # ... tab two, still on version 1, changes a rating.
    response = client.post(url, {"action": "rate", "version": "1", "skill-leadership": "5"})

    html = response.content.decode()
    assert response.status_code == 409
    assert "What was not saved" in html and "Leadership: level 5" in html
    assert "Lean: Done" in html  # the current state, including tab one's change
    plan.refresh_from_db()
    assert plan.action_status == {"lean": "done"}
    assert plan.ratings["leadership"] == 2 and plan.version == 2


def test_a_forged_version_is_a_400_and_changes_nothing(client, saved):
    plan, _, url = saved
    for forged in ["99", "0", "-1", "x", ""]:
        response = client.post(url, {"action": "rate", "version": forged, "skill-lean": "5"})
        assert response.status_code == 400, forged
        assert b"version" in response.content
    plan.refresh_from_db()
    assert plan.ratings["lean"] == 2 and plan.version == 1


def test_a_stale_action_change_is_refused_with_the_current_plan_and_what_was_not_saved(
    client, saved
):
    plan, _, url = saved
    client.post(url, {"action": "status", "version": "1", "skill": "lean", "status": "done"})

    response = client.post(
        url, {"action": "status", "version": "1", "skill": "leadership", "status": "in-progress"}
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "What was not saved" in html and "Leadership: in progress" in html
    plan.refresh_from_db()
    assert plan.action_status == {"lean": "done"} and plan.version == 2


def test_an_action_change_with_a_forged_version_is_a_400_and_changes_nothing(client, saved):
    plan, _, url = saved
    for forged in ["99", "0", "x", ""]:
        response = client.post(
            url, {"action": "status", "version": forged, "skill": "lean", "status": "done"}
        )
        assert response.status_code == 400, forged
        assert b"version" in response.content
    plan.refresh_from_db()
    assert plan.action_status == {} and plan.version == 1


def test_an_action_change_on_a_deleted_or_unknown_plan_is_a_404(client, saved):
    plan, token, url = saved
    data = {"action": "status", "version": "1", "skill": "lean", "status": "done"}
    plan.delete()

    assert client.post(url, data).status_code == 404
    assert client.post("/plan/" + "x" * 43 + "/", data).status_code == 404
    assert client.post("/plan/short/", data).status_code == 404


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"skill-no-such-skill": "3"}, "we have no skill “no-such-skill”"),
        ({"skill-lean": "6"}, "Lean: choose a level from 1 to 5"),
        ({"skill-lean": "0"}, "Lean: choose a level from 1 to 5"),
        ({"years": "200"}, "Years of experience: give a whole number from 0 to 60"),
        ({"cert": "no-such-cert"}, "we have no certification “no-such-cert”"),
    ],
)
def test_bad_ratings_are_a_400_that_says_what_was_wrong_and_change_nothing(
    client, saved, data, message
):
    plan, _, url = saved

    response = client.post(url, {"action": "rate", "version": "1", **data})

    assert response.status_code == 400
    assert message in response.content.decode()
    plan.refresh_from_db()
    assert plan.version == 1 and plan.ratings == {"lean": 2, "leadership": 2, "sql": 4}


def test_a_bad_status_or_unknown_action_is_a_400(client, saved):
    plan, _, url = saved
    assert (
        client.post(
            url, {"action": "status", "version": "1", "skill": "lean", "status": "won"}
        ).status_code
        == 400
    )
    assert (
        client.post(
            url, {"action": "status", "version": "1", "skill": "nope", "status": "done"}
        ).status_code
        == 400
    )
    assert client.post(url, {"action": "rename"}).status_code == 400
    plan.refresh_from_db()
    assert plan.action_status == {} and plan.version == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"current": "astronaut", "target": "operations-manager"}, "we have no role “astronaut”"),
        ({"current": "start:pirate", "target": "operations-manager"}, "no starting point “pirate”"),
        ({"current": "operations-analyst", "target": ""}, "choose the role you want to reach"),
        (
            {"current": "operations-analyst", "target": "ceo-of-mars"},
            "we have no role “ceo-of-mars”",
        ),
    ],
)
def test_creating_a_plan_from_unknown_slugs_is_a_400_and_saves_nothing(client, data, message):
    response = client.post("/plan/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Plan.objects.count() == 0


def test_the_start_page_explains_unknown_choices_with_a_400(client):
    response = client.get("/plan/?current=astronaut&target=operations-manager")

    assert response.status_code == 400
    assert "we have no role “astronaut”" in response.content.decode()


# --- content changes ---------------------------------------------------------------------------


def test_a_plan_still_opens_when_its_skill_certification_and_roles_are_removed(client, make_plan):
    _, token = make_plan(
        current_role="production-scheduler",
        target_role="operations-manager",
        certifications=["cpim"],
        ratings={"lean": 3, "sql": 4},
        action_status={"lean": "done"},
    )
    Skill.objects.filter(slug="lean").delete()
    Certification.objects.filter(slug="cpim").delete()
    Role.objects.filter(slug="production-scheduler").delete()

    for url in plan_pages(token):
        assert client.get(url).status_code == 200, url
    html = client.get(f"/plan/{token}/").content.decode()
    assert "The skill “lean” you rated is no longer listed." in html
    assert "The certification “cpim” you hold is no longer listed." in html
    assert "Your current role “production-scheduler” is no longer on the ladder." in html
    assert "Operations Manager" in html  # the rest works


def test_a_plan_whose_target_role_is_gone_still_opens_and_says_so(client, make_plan):
    _, token = make_plan(target_role="operations-manager")
    Role.objects.filter(slug="operations-manager").delete()

    response = client.get(f"/plan/{token}/")

    assert response.status_code == 200
    assert (
        "Your target role “operations-manager” is no longer on the ladder."
        in response.content.decode()
    )
    assert (
        client.post(
            f"/plan/{token}/", {"action": "rate", "version": "1", "skill-sql": "3"}
        ).status_code
        == 302
    )


# --- rate limits -------------------------------------------------------------------------------


def test_creating_plans_past_the_limit_answers_429_saying_when_to_try_again(
    client, settings, counted_in
):
    settings.PLAN_RATE_LIMITS = {"create": (2, 3600)}
    data = {"current": "operations-analyst", "target": "operations-manager"}

    statuses = [client.post("/plan/", data).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    refused = client.post("/plan/", data)
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Try again in about" in refused.content.decode()
    assert Plan.objects.count() == 2


def test_updates_are_limited_per_address_and_other_addresses_are_not(
    client, saved, settings, counted_in
):
    settings.PLAN_RATE_LIMITS = {"update": (1, 60)}
    plan, _, url = saved
    status = {"action": "status", "skill": "lean", "status": "done"}

    assert client.post(url, {**status, "version": "1"}).status_code == 302
    assert client.post(url, {**status, "version": "2"}).status_code == 429
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post(url, {**status, "version": "2"}).status_code == 302


def test_the_rate_limit_keeps_no_address_only_a_salted_hash(client, settings):
    client.post("/plan/", {"current": "operations-analyst", "target": "operations-manager"})

    (counter,) = RateCounter.objects.all()
    assert "127.0.0.1" not in counter.key and len(counter.key) == 64


def test_in_redis_a_counter_keeps_no_address_and_ends_with_its_window(
    client, settings, redis_counters
):
    redis = redis_counters
    settings.PLAN_RATE_LIMITS = {"create": (5, 600)}
    client.post("/plan/", {"current": "operations-analyst", "target": "operations-manager"})

    (key,) = [k.decode() for k in redis.keys("*")]
    assert "127.0.0.1" not in key and "plans-rate:" in key
    assert 0 < redis.ttl(key) <= 600
    assert not RateCounter.objects.exists()  # counted in Redis only


def test_while_redis_is_away_writes_are_still_counted_in_the_database(client, saved, settings):
    settings.CACHES = {
        "default": {"BACKEND": "common.redis_cache.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}
    }
    settings.PLAN_RATE_LIMITS = {"update": (1, 60)}
    plan, _, url = saved
    status = {"action": "status", "skill": "lean", "status": "done"}

    assert client.post(url, {**status, "version": "1"}).status_code == 302
    assert client.post(url, {**status, "version": "2"}).status_code == 429
    assert RateCounter.objects.get().count == 2


# --- purge -------------------------------------------------------------------------------------


def test_purge_removes_plans_not_opened_for_18_months_and_keeps_the_rest(make_plan):
    old, _ = make_plan()
    recent, _ = make_plan()
    Plan.objects.filter(pk=old.pk).update(last_opened=timezone.now() - timedelta(days=550))
    Plan.objects.filter(pk=recent.pk).update(last_opened=timezone.now() - timedelta(days=500))
    out = StringIO()

    call_command("purge_plans", stdout=out)

    assert list(Plan.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Deleted 1 plan(s)" in out.getvalue()


def test_opening_a_plan_keeps_it_from_being_purged(client, make_plan):
    plan, token = make_plan()
    Plan.objects.filter(pk=plan.pk).update(last_opened=timezone.now() - timedelta(days=547))

    client.get(f"/plan/{token}/")
    call_command("purge_plans", stdout=StringIO())

    assert Plan.objects.filter(pk=plan.pk).exists()
