"""What an editor saves is on the public pages at the next request, and the whole content can
be taken away as the files in fixtures/."""

import io
import zipfile

import pytest
import yaml

from careerpath.content import read_content
from roles.models import Role, Skill

from .formdata import submit

pytestmark = pytest.mark.django_db


def test_an_edit_in_the_admin_shows_on_the_role_page_at_once(
    editor_client, reader, django_capture_on_commit_callbacks
):
    role = Role.objects.get(slug="operations-manager")
    assert reader.get("/roles/operations-manager/").status_code == 200  # seen once before

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = submit(
            editor_client,
            f"/admin/roles/role/{role.pk}/change/",
            {"summary": "Operations managers keep the whole place running."},
        )
    assert response.status_code == 302
    assert callbacks, "saving did not schedule the refresh of the public pages"

    page = reader.get("/roles/operations-manager/")
    assert "Operations managers keep the whole place running." in page.content.decode()


def test_a_list_action_refreshes_the_public_pages_too(
    editor_client, reader, django_capture_on_commit_callbacks
):
    from guides.models import Guide

    guide = Guide.objects.get(slug="working-with-senior-management")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        editor_client.post(
            "/admin/guides/guide/", {"action": "unpublish", "_selected_action": [str(guide.pk)]}
        )
    assert callbacks
    assert reader.get("/guides/working-with-senior-management/").status_code == 404


def download(client):
    response = client.get("/admin/careerpath/searchentry/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="careerpath-content-')
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_the_export_download_holds_every_content_file(editor_client):
    archive = download(editor_client)
    names = set(archive.namelist())
    assert {
        "organizations.yaml",
        "skills.yaml",
        "roles.yaml",
        "salaries.yaml",
        "projections.yaml",
        "certifications.yaml",
        "faqs.yaml",
    } <= names
    assert "guides/working-with-senior-management.md" in names

    roles = yaml.safe_load(archive.read("roles.yaml"))
    assert {r["slug"] for r in roles} == set(Role.objects.values_list("slug", flat=True))


def test_the_export_carries_an_edit_and_loads_back_cleanly(editor_client, tmp_path):
    skill = Skill.objects.get(slug="lean")
    response = submit(
        editor_client,
        f"/admin/roles/skill/{skill.pk}/change/",
        {"description": "Lean, as edited in the admin."},
    )
    assert response.status_code == 302

    archive = download(editor_client)
    skills = yaml.safe_load(archive.read("skills.yaml"))
    assert {
        "slug": "lean",
        "name": skill.name,
        "kind": skill.kind,
        "description": "Lean, as edited in the admin.",
        "levels": skill.levels,
    } in skills

    archive.extractall(tmp_path)
    content = read_content(tmp_path)  # the loader's own validation accepts it
    assert len(content.records["roles"]) == Role.objects.count()
