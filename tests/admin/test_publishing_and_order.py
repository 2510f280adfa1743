"""Drafts, publishing, verifying facts, and putting roles and FAQs in order — all from the
admin lists, without typing numbers."""

import datetime
from html import escape

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone

from certifications.models import Certification
from guides.models import FAQ, Guide
from roles.models import Role

pytestmark = pytest.mark.django_db

GUIDE = "working-with-senior-management"


def run_action(client, changelist, action, objects):
    return client.post(
        changelist,
        {
            "action": action,
            ACTION_CHECKBOX_NAME: [str(obj.pk) for obj in objects],
        },
        follow=True,
    )


def test_unpublishing_a_guide_hides_it_from_readers_but_not_from_staff(editor_client, reader):
    guide = Guide.objects.get(slug=GUIDE)
    response = run_action(editor_client, "/admin/guides/guide/", "unpublish", [guide])
    assert "1 guide back to draft." in response.content.decode()
    guide.refresh_from_db()
    assert guide.published is False

    assert editor_client.get(f"/guides/{GUIDE}/").status_code == 200
    assert reader.get(f"/guides/{GUIDE}/").status_code == 404
    assert f"/guides/{GUIDE}/" not in reader.get("/guides/").content.decode()


def test_publishing_a_draft_guide_shows_it_to_readers(editor_client, reader):
    Guide.objects.filter(slug=GUIDE).update(published=False)
    run_action(editor_client, "/admin/guides/guide/", "publish", [Guide.objects.get(slug=GUIDE)])
    assert Guide.objects.get(slug=GUIDE).published is True
    assert reader.get(f"/guides/{GUIDE}/").status_code == 200


def test_a_draft_faq_is_hidden_from_the_faq_page_and_previewed_in_the_admin(editor_client, reader):
    faq = FAQ.objects.published().first()
    question = escape(faq.question)
    run_action(editor_client, "/admin/guides/faq/", "unpublish", [faq])
    faq.refresh_from_db()
    assert faq.published is False

    listing = editor_client.get("/admin/guides/faq/").content.decode()
    preview_url = f"/admin/guides/faq/{faq.pk}/preview/"
    assert f'href="{preview_url}"' in listing
    change = editor_client.get(f"/admin/guides/faq/{faq.pk}/change/").content.decode()
    assert "Preview draft" in change

    preview = editor_client.get(preview_url)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert question in page and "Draft:" in page
    assert faq.answer_html in page

    assert question not in reader.get("/faq/").content.decode()


def test_publishing_an_faq_shows_it_on_the_faq_page(editor_client, reader):
    faq = FAQ.objects.first()
    FAQ.objects.filter(pk=faq.pk).update(published=False)
    run_action(editor_client, "/admin/guides/faq/", "publish", [faq])
    assert FAQ.objects.get(pk=faq.pk).published is True
    assert escape(faq.question) in reader.get("/faq/").content.decode()


def test_mark_facts_verified_today(editor_client):
    cpim, pmp = Certification.objects.filter(slug__in=["cpim", "pmp"])
    Certification.objects.filter(pk__in=[cpim.pk, pmp.pk]).update(
        verified_on=datetime.date(2020, 1, 1)
    )
    response = run_action(
        editor_client, "/admin/certifications/certification/", "mark_verified_today", [cpim, pmp]
    )
    assert "Marked 2 certification(s) verified" in response.content.decode()
    today = timezone.localdate()
    assert set(
        Certification.objects.filter(slug__in=["cpim", "pmp"]).values_list("verified_on", flat=True)
    ) == {today}
    untouched = Certification.objects.exclude(slug__in=["cpim", "pmp"]).first()
    assert untouched.verified_on != datetime.date(2020, 1, 1)


def rank(slug):
    return Role.objects.get(slug=slug).rank


def test_a_role_moves_one_rung_up_and_down(editor_client):
    coo = Role.objects.get(slug="chief-operating-officer")
    run_action(editor_client, "/admin/roles/role/", "move_up_a_rung", [coo])
    assert rank("chief-operating-officer") == 8
    run_action(editor_client, "/admin/roles/role/", "move_down_a_rung", [coo])
    assert rank("chief-operating-officer") == 7


def test_a_role_cannot_move_past_the_roles_it_leads_to_or_off_the_ladder(editor_client):
    manager = Role.objects.get(slug="operations-manager")
    response = run_action(editor_client, "/admin/roles/role/", "move_up_a_rung", [manager])
    assert (
        "Operations Manager cannot move to rung 4: it would pass Senior Operations Manager (rung 4)"
    ) in response.content.decode()
    assert rank("operations-manager") == 3

    coordinator = Role.objects.get(slug="operations-coordinator")
    response = run_action(editor_client, "/admin/roles/role/", "move_down_a_rung", [coordinator])
    assert "already on rung 1" in response.content.decode()
    assert rank("operations-coordinator") == 1


def test_the_top_of_the_ladder_moves_up_together(editor_client):
    top = Role.objects.filter(rank__gte=5)
    run_action(editor_client, "/admin/roles/role/", "move_up_a_rung", top)
    assert [
        rank(s) for s in ["director-of-operations", "vp-of-operations", "chief-operating-officer"]
    ] == [6, 7, 8]


def category(name):
    return list(FAQ.objects.filter(category=name).order_by("order", "question"))


def test_an_faq_moves_up_and_down_within_its_category(editor_client):
    first, second, *rest = category("leadership")
    run_action(editor_client, "/admin/guides/faq/", "move_up", [second])
    assert category("leadership")[:2] == [second, first]
    run_action(editor_client, "/admin/guides/faq/", "move_down", [second])
    assert category("leadership")[:2] == [first, second]
    others = FAQ.objects.exclude(category="leadership")
    assert all(faq.order >= 1 for faq in others)


def test_the_first_faq_of_a_category_stays_first(editor_client):
    first = category("job-search")[0]
    response = run_action(editor_client, "/admin/guides/faq/", "move_up", [first])
    assert "is already first in its category" in response.content.decode()
    assert category("job-search")[0] == first
