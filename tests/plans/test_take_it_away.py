"""The plan as JSON (export and import) and as PDF (the renderer's URL fetcher is tested in
tests/common/test_pdf.py)."""

import html
import io
import json
import re

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plans.models import Plan

pytestmark = pytest.mark.django_db


def exported(client, token) -> dict:
    response = client.get(f"/plan/{token}/plan.json")
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def imported(client, payload, **kwargs):
    if kwargs.get("as_file"):
        upload = SimpleUploadedFile("plan.json", payload, content_type="application/json")
        return client.post("/plan/", {"action": "import", "plan_file": upload})
    return client.post("/plan/", {"action": "import", "plan_json": payload})


def test_an_exported_plan_imports_as_a_new_plan_with_the_same_choices(client, make_plan):
    _, token = make_plan(action_status={"lean": "done"}, certifications=["pmp"])
    document = exported(client, token)

    response = imported(client, json.dumps(document).encode(), as_file=True)

    assert response.status_code == 302
    new_token = re.match(r"^/plan/([^/]+)/", response["Location"]).group(1)
    assert new_token != token
    again = exported(client, new_token)
    assert {k: v for k, v in again.items() if k != "exported"} == {
        k: v for k, v in document.items() if k != "exported"
    }
    assert Plan.objects.count() == 2


def test_an_import_can_be_pasted(client, make_plan):
    _, token = make_plan()

    response = imported(client, json.dumps(exported(client, token)))

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ratings": {"lean": 9}}, "ratings.lean: must be less than or equal to 5"),
        ({"ratings": {"telepathy": 3}}, "ratings.telepathy: unknown skill"),
        ({"target_role": "ceo-of-mars"}, "target_role: unknown role “ceo-of-mars”"),
        ({"years": -1}, "years: must be greater than or equal to 0"),
        ({"format": "something-else"}, "format: must be 'careerpath-plan'"),
        ({"action_status": {"lean": "half"}}, "action_status.lean: must be"),
        ({"nickname": "Sam"}, "nickname: is not a field of a plan"),
    ],
)
def test_a_bad_import_is_a_400_naming_the_field_and_saves_nothing(
    client, make_plan, change, message
):
    _, token = make_plan()
    document = {**exported(client, token), **change}

    response = imported(client, json.dumps(document))

    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert Plan.objects.count() == 1


def test_malformed_or_oversized_imports_are_refused(client):
    assert imported(client, "{not json").status_code == 400
    big = SimpleUploadedFile("plan.json", b"{" + b" " * (64 * 1024))
    response = client.post("/plan/", {"action": "import", "plan_file": big})
    assert response.status_code == 400 and b"larger than 64 KB" in response.content
    assert imported(client, "").status_code == 400
    assert Plan.objects.count() == 0


def test_the_pdf_holds_the_target_role_and_the_actions(client, saved):
    _, token, url = saved

    response = client.get(url + "plan.pdf")

    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Senior Operations Manager" in text
    assert "Next actions" in text and "Capacity Planning" in text and "Leadership" in text
