"""Notes meant for editors live in a field only the admin shows; no public page prints them."""

import pytest

from certifications.models import Certification
from roles.models import EmploymentProjection, SalaryFigure

pytestmark = pytest.mark.django_db

MARKER = "EDITOR-ONLY-7f3a"
PUBLIC = [
    "/",
    "/roles/",
    "/roles/operations-manager/",
    "/roles/director-of-operations/",
    "/ladder/?role=operations-manager",
    "/ladder/path/?from=operations-analyst&to=director-of-operations",
    "/certifications/",
    "/certifications/cscp/",
    "/certifications/compare/?c=cscp&c=cpim",
    "/about/sources/",
    "/search/?q=cscp",
]


@pytest.fixture
def marked_notes(db):
    roles = ["operations-manager", "director-of-operations"]
    SalaryFigure.objects.filter(role__slug__in=roles).update(editor_notes=MARKER)
    EmploymentProjection.objects.update(editor_notes=MARKER)
    Certification.objects.update(editor_notes=MARKER)


@pytest.mark.parametrize("url", PUBLIC)
def test_no_public_page_shows_editor_notes(client, marked_notes, url):
    response = client.get(url)
    assert response.status_code == 200
    assert MARKER not in response.content.decode()


def test_the_real_editor_notes_stay_off_the_role_page(client):
    notes = [n for n in SalaryFigure.objects.values_list("editor_notes", flat=True) if n]
    assert notes
    html = client.get("/roles/operations-analyst/").content.decode()
    assert not any(note[:60] in html for note in notes)


def test_the_admin_shows_editor_notes_to_editors(admin_client):
    figure = SalaryFigure.objects.filter(editor_notes__gt="").first()
    html = admin_client.get(f"/admin/roles/salaryfigure/{figure.pk}/change/").content.decode()
    assert "For editors only" in html and figure.editor_notes[:40] in html
