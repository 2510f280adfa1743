"""Who may use the admin: editors edit content and nothing else; readers are sent to log in."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [
    "role",
    "skill",
    "roleskill",
    "salaryfigure",
    "employmentprojection",
    "organization",
    "certification",
    "guide",
    "faq",
    "roleindustry",
    "industryskilllevel",
]


def test_the_editors_group_may_edit_exactly_the_content():
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert codenames == {
        f"{action}_{model}"
        for model in CONTENT_MODELS
        for action in ("add", "change", "delete", "view")
    }
    apps = set(editors.permissions.values_list("content_type__app_label", flat=True))
    assert apps == {"roles", "certifications", "guides"}


@pytest.mark.parametrize(
    "url",
    [
        "/admin/auth/user/",
        "/admin/auth/group/",
        "/admin/auth/user/add/",
        "/admin/careerpath/searchentry/",
        "/admin/admin/logentry/",
    ],
)
def test_an_editor_is_refused_users_groups_and_the_rest(editor_client, url):
    assert editor_client.get(url).status_code in (403, 404)
    if url.startswith("/admin/auth/"):
        assert editor_client.get(url).status_code == 403


def test_an_editor_sees_the_content_on_the_admin_index(editor_client):
    page = editor_client.get("/admin/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "CareerPath editors" in html
    for path in ["/admin/roles/role/", "/admin/guides/faq/", "/admin/certifications/"]:
        assert path in html
    assert "/admin/auth/" not in html
    assert 'href="/admin/careerpath/searchentry/export/"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/roles/role/",
        "/admin/guides/faq/1/preview/",
        "/admin/careerpath/searchentry/export/",
    ],
)
def test_someone_who_is_not_staff_is_sent_to_log_in(client, django_user_model, url):
    assert client.get(url).status_code == 302
    client.force_login(django_user_model.objects.create_user("reader"))
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_staff_without_content_permissions_cannot_edit_or_export(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("intern", is_staff=True))
    assert client.get("/admin/roles/role/").status_code == 403
    assert client.get("/admin/careerpath/searchentry/export/").status_code == 403
    assert "searchentry/export" not in client.get("/admin/").content.decode()
